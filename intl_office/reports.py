"""The staff annual report: what changed in an academic or calendar year, as tables for the page and the XLSX.

Mobility figures come from the public statistics page's functions (``mobility/statistics.py``),
given the period's first and last day (``between``) since a report may also cover a calendar
year. For an academic year they give exactly what the statistics page shows (a test compares them).

Every table is a ``Table`` of plain rows: the page draws it with a chart, the XLSX export
writes it as one sheet, so the two can never disagree.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from intl_office.dates import academic_year_bounds, academic_year_label, academic_year_of
from mobility.models import Direction, Mobility, Visit
from mobility.statistics import (
    mobility_by_country,
    mobility_by_program,
    mobility_totals,
    name_countries,
    sum_rows,
    top_and_others,
)
from partners.models import Agreement, Institution

ACADEMIC = "academic"
CALENDAR = "calendar"
PERIOD_CHOICES = [(ACADEMIC, _("Academic year")), (CALENDAR, _("Calendar year"))]
# Charts by country draw the biggest countries and sum the rest in one row, as the statistics page does.
CHART_COUNTRIES = 10
# The office's records start in the 1990s; anything outside is a typo, not a report.
FIRST_YEAR = 1991


# --- periods -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """An academic year (1 Sep .. 31 Aug, named by its first year) or a calendar year."""

    kind: str
    year: int

    @property
    def bounds(self) -> tuple[datetime.date, datetime.date]:
        if self.kind == ACADEMIC:
            return academic_year_bounds(self.year)
        return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)

    @property
    def start(self) -> datetime.date:
        return self.bounds[0]

    @property
    def end(self) -> datetime.date:
        return self.bounds[1]

    @property
    def label(self) -> str:
        return academic_year_label(self.year) if self.kind == ACADEMIC else str(self.year)

    @property
    def title(self) -> str:
        if self.kind == ACADEMIC:
            return _("Academic year %(year)s") % {"year": self.label}
        return _("Calendar year %(year)s") % {"year": self.label}

    def counted_on(self, on: datetime.date) -> datetime.date:
        """The day agreements in force are counted: the period's last day, or ``on`` while the period runs.

        The same rule as the statistics page (``statistics.reference_day``).
        """
        return min(self.end, on)

    def is_complete(self, on: datetime.date) -> bool:
        return self.end < on


def default_period(kind: str, on: datetime.date) -> Period:
    """The last completed year of the kind: the one a report is usually asked for."""
    if kind == CALENDAR:
        return Period(CALENDAR, on.year - 1)
    return Period(ACADEMIC, academic_year_of(on) - 1)


def local_day_range(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """Aware datetimes from the office's midnight starting ``start`` to the midnight ending ``end``."""
    zone = timezone.get_current_timezone()
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=zone)
    after = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone)
    return first, after


# --- tables ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    numeric: bool = True
    #: Width in characters of the XLSX column.
    width: int = 12


@dataclass(frozen=True)
class Cell:
    value: object
    url: str = ""
    numeric: bool = False


@dataclass
class Table:
    """One table of the report: rows of plain values under labelled columns, with a totals row."""

    slug: str
    title: str
    columns: list[Column]
    rows: list[dict]
    totals: dict | None = None
    #: The sheet's name in the XLSX (at most 31 characters).
    sheet: str = ""
    #: What the page says when there are no rows.
    empty: str = field(default_factory=lambda: _("Nothing in this period."))
    #: The chart draws this many rows and sums the rest in one row (for tables by country).
    chart_top: int | None = None

    @property
    def chart_rows(self):
        keys = tuple(column.key for column in self.columns if column.numeric)
        return top_and_others(self.rows, self.chart_top, keys=keys)

    @property
    def body(self):
        """Rows as cells in column order; the first cell links to the record when the row has a ``url``."""
        return [
            [
                Cell(row.get(column.key, ""), row.get("url", "") if index == 0 else "", column.numeric)
                for index, column in enumerate(self.columns)
            ]
            for row in self.rows
        ]

    @property
    def footer(self):
        """The totals row in column order, blank under columns that have no total, or None."""
        if self.totals is None:
            return None
        first, *rest = self.columns
        return [Cell(_("Total")), *(Cell(self.totals.get(c.key, ""), numeric=c.numeric) for c in rest)]


def country_column():
    return Column("label", _("Country"), numeric=False, width=28)


def direction_columns():
    return [Column("outgoing", _("Outgoing")), Column("incoming", _("Incoming")), Column("total", _("Total"))]


# --- the report ----------------------------------------------------------------------------------


@dataclass
class AnnualReport:
    period: Period
    on: datetime.date
    counted_on: datetime.date
    partners_added: Table
    partners_added_by_country: Table
    agreements_signed: Table
    agreements_signed_by_country: Table
    agreements_signed_by_kind: Table
    agreements_in_force_by_country: Table
    agreements_in_force_by_kind: Table
    mobility_by_direction: Table
    mobility_by_participant: Table
    mobility_by_program: Table
    mobility_by_country: Table
    visits_by_direction: Table
    visits: Table

    @property
    def tables(self) -> list[Table]:
        """Every table in the order of the page, for the XLSX export."""
        return [
            self.partners_added,
            self.partners_added_by_country,
            self.agreements_signed,
            self.agreements_signed_by_country,
            self.agreements_signed_by_kind,
            self.agreements_in_force_by_country,
            self.agreements_in_force_by_kind,
            self.mobility_by_direction,
            self.mobility_by_participant,
            self.mobility_by_program,
            self.mobility_by_country,
            self.visits_by_direction,
            self.visits,
        ]


def annual_report(period: Period, *, on: datetime.date) -> AnnualReport:
    """Every table of the report for ``period``, as known on the day ``on``.

    Nine queries whatever the number of rows: partners added, agreements signed, agreements
    in force (by country and by kind), mobility totals, by programme (and the programmes' names),
    by country, visits.
    """
    start, end = period.bounds
    counted_on = period.counted_on(on)
    partners = partners_added(start, end)
    signed = agreements_signed(start, end)
    in_force_by_country, in_force_by_kind = agreements_in_force(counted_on)
    totals = mobility_totals(between=(start, end))
    programs = mobility_by_program(between=(start, end))
    countries = mobility_by_country(top=None, between=(start, end))
    visits = visits_between(start, end)
    return AnnualReport(
        period=period,
        on=on,
        counted_on=counted_on,
        partners_added=partners,
        partners_added_by_country=count_by_country(
            partners.rows,
            slug="partners-added-by-country",
            title=_("Partners added by country"),
            count_label=_("Partners"),
            sheet=_("Partners by country"),
        ),
        agreements_signed=signed,
        agreements_signed_by_country=count_by_country(
            signed.rows,
            slug="agreements-signed-by-country",
            title=_("Agreements signed by country"),
            count_label=_("Agreements"),
            sheet=_("Signed by country"),
        ),
        agreements_signed_by_kind=count_by_kind(signed.rows),
        agreements_in_force_by_country=in_force_by_country,
        agreements_in_force_by_kind=in_force_by_kind,
        mobility_by_direction=mobility_by_direction_table(totals),
        mobility_by_participant=mobility_by_participant_table(totals),
        mobility_by_program=Table(
            slug="mobility-by-programme",
            title=_("Mobility by programme"),
            sheet=_("Mobility by programme"),
            columns=[Column("label", _("Programme"), numeric=False, width=36), *direction_columns()],
            rows=[{**row, "url": _admin_url(row["program"])} for row in programs],
            totals=sum_rows(programs, ("outgoing", "incoming", "total")),
            empty=_("No mobility in this period."),
        ),
        mobility_by_country=Table(
            slug="mobility-by-country",
            title=_("Mobility by partner country"),
            sheet=_("Mobility by country"),
            columns=[country_column(), *direction_columns()],
            chart_top=CHART_COUNTRIES,
            rows=countries,
            totals=sum_rows(countries, ("outgoing", "incoming", "total")),
            empty=_("No mobility in this period."),
        ),
        visits_by_direction=visits_by_direction_table(visits.rows),
        visits=visits,
    )


def partners_added(start, end) -> Table:
    """Institutions added to the records in the period (by ``created_at`` in the office's time zone)."""
    first, after = local_day_range(start, end)
    institutions = Institution.objects.filter(created_at__gte=first, created_at__lt=after).order_by("created_at", "pk")
    rows = [
        {
            "label": institution.name,
            "url": _admin_url(institution),
            "code": institution.country.code,
            "country": str(institution.country.name),
            "kind": institution.get_kind_display(),
            "added": timezone.localdate(institution.created_at),
            "is_active": institution.is_active,
        }
        for institution in institutions
    ]
    return Table(
        slug="partners-added",
        title=_("Partners added"),
        sheet=_("Partners added"),
        columns=[
            Column("label", _("Institution"), numeric=False, width=48),
            Column("country", _("Country"), numeric=False, width=24),
            Column("kind", _("Kind"), numeric=False, width=24),
            Column("added", _("Added"), numeric=False, width=12),
        ],
        rows=rows,
        empty=_("No partner institutions were added in this period."),
    )


def agreements_signed(start, end) -> Table:
    """Agreements signed in the period, public or not, in the order they were signed."""
    agreements = (
        Agreement.objects.filter(signed_on__range=(start, end)).select_related("partner").order_by("signed_on", "pk")
    )
    rows = [
        {
            "label": agreement.title,
            "url": _admin_url(agreement),
            "partner": agreement.partner.name,
            "code": agreement.partner.country.code,
            "country": str(agreement.partner.country.name),
            "kind_value": agreement.kind,
            "kind": agreement.get_kind_display(),
            "signed_on": agreement.signed_on,
            "valid_until": agreement.valid_until,
            "is_public": agreement.is_public,
            "renewal": _("yes") if agreement.renews_id else "",
        }
        for agreement in agreements
    ]
    return Table(
        slug="agreements-signed",
        title=_("Agreements signed"),
        sheet=_("Agreements signed"),
        columns=[
            Column("label", _("Agreement"), numeric=False, width=48),
            Column("partner", _("Partner"), numeric=False, width=40),
            Column("country", _("Country"), numeric=False, width=20),
            Column("kind", _("Kind"), numeric=False, width=28),
            Column("signed_on", _("Signed on"), numeric=False, width=12),
            Column("valid_until", _("Valid until"), numeric=False, width=12),
            Column("renewal", _("Renewal"), numeric=False, width=10),
        ],
        rows=rows,
        empty=_("No agreements were signed in this period."),
    )


def count_by_country(rows, *, slug, title, count_label, sheet) -> Table:
    """How many of ``rows`` (each with a country ``code``) fall in each country, most first."""
    counts = {}
    for row in rows:
        counts[row["code"]] = counts.get(row["code"], 0) + 1
    result = [{"code": code, "count": count} for code, count in counts.items()]
    name_countries(result)
    result.sort(key=lambda row: (-row["count"], row["label"]))
    return Table(
        slug=slug,
        title=title,
        sheet=sheet,
        columns=[country_column(), Column("count", count_label)],
        chart_top=CHART_COUNTRIES,
        rows=result,
        totals={"count": len(rows)},
    )


def count_by_kind(agreement_rows) -> Table:
    labels = dict(Agreement.Kind.choices)
    counts = {}
    for row in agreement_rows:
        counts[row["kind_value"]] = counts.get(row["kind_value"], 0) + 1
    rows = [{"kind": kind, "label": str(labels[kind]), "count": counts[kind]} for kind in labels if kind in counts]
    rows.sort(key=lambda row: -row["count"])
    return Table(
        slug="agreements-signed-by-kind",
        title=_("Agreements signed by kind"),
        sheet=_("Signed by kind"),
        columns=[Column("label", _("Kind"), numeric=False, width=32), Column("count", _("Agreements"))],
        rows=rows,
        totals={"count": len(agreement_rows)},
    )


def agreements_in_force(on) -> tuple[Table, Table]:
    """Agreements in force on the day by partner country and by kind: all of them, and the public ones.

    "Public" counts what the statistics page counts (``Agreement.objects.public()``): shown on the
    site and with an active partner.
    """
    public = Q(is_public=True, partner__is_active=True)
    counts = {"count": Count("pk"), "public": Count("pk", filter=public)}
    in_force = Agreement.objects.in_force(on).order_by()

    by_country = [
        {"code": row["partner__country"], "count": row["count"], "public": row["public"]}
        for row in in_force.values("partner__country").annotate(**counts)
    ]
    name_countries(by_country)
    by_country.sort(key=lambda row: (-row["count"], row["label"]))

    labels = dict(Agreement.Kind.choices)
    by_kind = [
        {
            "kind": row["kind"],
            "label": str(labels.get(row["kind"], row["kind"])),
            "count": row["count"],
            "public": row["public"],
        }
        for row in in_force.values("kind").annotate(**counts)
    ]
    by_kind.sort(key=lambda row: (-row["count"], row["label"]))

    columns = [Column("count", _("Agreements")), Column("public", _("of them public"))]
    return (
        Table(
            slug="agreements-in-force-by-country",
            title=_("Agreements in force by country"),
            sheet=_("In force by country"),
            columns=[country_column(), *columns],
            chart_top=CHART_COUNTRIES,
            rows=by_country,
            totals=sum_rows(by_country, ("count", "public")),
            empty=_("No agreements were in force on that day."),
        ),
        Table(
            slug="agreements-in-force-by-kind",
            title=_("Agreements in force by kind"),
            sheet=_("In force by kind"),
            columns=[Column("label", _("Kind"), numeric=False, width=32), *columns],
            rows=by_kind,
            totals=sum_rows(by_kind, ("count", "public")),
            empty=_("No agreements were in force on that day."),
        ),
    )


def mobility_by_direction_table(totals) -> Table:
    rows = [
        {
            "direction": Direction.OUTGOING,
            "label": str(Direction.OUTGOING.label),
            "students": totals["outgoing_students"],
            "staff": totals["outgoing_staff"],
            "total": totals["outgoing"],
        },
        {
            "direction": Direction.INCOMING,
            "label": str(Direction.INCOMING.label),
            "students": totals["incoming_students"],
            "staff": totals["incoming_staff"],
            "total": totals["incoming"],
        },
    ]
    return Table(
        slug="mobility-by-direction",
        title=_("Mobility by direction"),
        sheet=_("Mobility by direction"),
        columns=[
            Column("label", _("Direction"), numeric=False, width=20),
            Column("students", _("Students")),
            Column("staff", pgettext_lazy("people in a table column", "Staff")),
            Column("total", _("Total")),
        ],
        rows=rows,
        totals=sum_rows(rows, ("students", "staff", "total")),
    )


def mobility_by_participant_table(totals) -> Table:
    kinds = Mobility.ParticipantKind
    rows = [
        {
            "kind": kinds.STUDENT,
            "label": str(kinds.STUDENT.label),
            "outgoing": totals["outgoing_students"],
            "incoming": totals["incoming_students"],
            "total": totals["outgoing_students"] + totals["incoming_students"],
        },
        {
            "kind": kinds.STAFF,
            "label": str(kinds.STAFF.label),
            "outgoing": totals["outgoing_staff"],
            "incoming": totals["incoming_staff"],
            "total": totals["outgoing_staff"] + totals["incoming_staff"],
        },
    ]
    return Table(
        slug="mobility-by-participant",
        title=_("Mobility by kind of participant"),
        sheet=_("Mobility by participant"),
        columns=[Column("label", _("Participant"), numeric=False, width=20), *direction_columns()],
        rows=rows,
        totals=sum_rows(rows, ("outgoing", "incoming", "total")),
    )


def visits_between(start, end) -> Table:
    """Delegation visits starting in the period, received and sent, public or not."""
    visits = Visit.objects.filter(start_date__range=(start, end)).select_related("partner").order_by("start_date", "pk")
    rows = [
        {
            "label": visit.title,
            "url": _admin_url(visit),
            "direction_value": visit.direction,
            "direction": visit.get_direction_display(),
            "start": visit.start_date,
            "end": visit.end_date or visit.start_date,
            "partner": visit.partner.name,
            "code": visit.partner.country.code,
            "country": str(visit.partner.country.name),
            "city": visit.city,
        }
        for visit in visits
    ]
    return Table(
        slug="visits",
        title=_("Delegation visits"),
        sheet=_("Visits"),
        columns=[
            Column("label", _("Visit"), numeric=False, width=56),
            Column("direction", _("Direction"), numeric=False, width=12),
            Column("start", _("Start"), numeric=False, width=12),
            Column("end", _("End"), numeric=False, width=12),
            Column("partner", _("Partner"), numeric=False, width=40),
            Column("country", _("Country"), numeric=False, width=20),
            Column("city", _("City"), numeric=False, width=16),
        ],
        rows=rows,
        empty=_("No delegation visits in this period."),
    )


def visits_by_direction_table(visit_rows) -> Table:
    received = sum(1 for row in visit_rows if row["direction_value"] == Direction.INCOMING)
    sent = len(visit_rows) - received
    rows = [
        {"direction": Direction.INCOMING, "label": str(_("Delegations received")), "count": received},
        {"direction": Direction.OUTGOING, "label": str(_("Delegations sent")), "count": sent},
    ]
    return Table(
        slug="visits-by-direction",
        title=_("Visits received and sent"),
        sheet=_("Visits by direction"),
        columns=[Column("label", _("Visits"), numeric=False, width=24), Column("count", _("Number"))],
        rows=rows,
        totals={"count": len(visit_rows)},
    )


def _admin_url(obj):
    if obj is None:
        return ""
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


# --- XLSX export ---------------------------------------------------------------------------------

SHEET_NAME_LENGTH = 31  # Excel's limit
SHEET_NAME_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))
DATE_FORMAT = "yyyy-mm-dd"


def sheet_name(text, taken):
    """A valid, unique sheet name: Excel refuses names over 31 characters, with []:*?/\\ or repeated."""
    base = str(text).translate(SHEET_NAME_FORBIDDEN).strip()[:SHEET_NAME_LENGTH] or "Sheet"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" {number}"
        name = base[: SHEET_NAME_LENGTH - len(suffix)] + suffix
        number += 1
    taken.add(name.casefold())
    return name


def report_workbook(report: AnnualReport, *, generated_at: datetime.datetime):
    """The report as an openpyxl workbook: one sheet per table, a title row, bold headers and totals."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    title_font, bold = Font(bold=True, size=13), Font(bold=True)
    start, end = report.period.bounds
    heading = _("%(report)s: %(period)s (%(start)s – %(end)s). Generated on %(generated)s.") % {
        "report": _("Annual report"),
        "period": report.period.title,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "generated": timezone.localtime(generated_at).strftime("%Y-%m-%d %H:%M"),
    }
    taken = set()
    for table in report.tables:
        sheet = workbook.create_sheet(sheet_name(table.sheet or table.title, taken))
        sheet.append([str(table.title)])
        sheet["A1"].font = title_font
        sheet.append([heading])
        sheet.append([])
        sheet.append([str(column.label) for column in table.columns])
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = bold
        for row in table.body:
            sheet.append([_cell_value(cell.value) for cell in row])
        if table.footer:
            sheet.append([_cell_value(cell.value) for cell in table.footer])
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        for row in sheet.iter_rows(min_row=header_row + 1):
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = DATE_FORMAT
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    return workbook


def _cell_value(value):
    """What a cell holds: numbers and dates as themselves, lazy translations and the rest as text."""
    if value is None:
        return ""
    if isinstance(value, int | float | datetime.date):
        return value
    return str(value)
