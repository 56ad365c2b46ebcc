"""The report's tables of mobility (by direction and kind of participant) and delegation visits."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mobility.models import Direction, Mobility, Visit
from mobility.statistics import sum_rows

from .tables import Column, Table, admin_url, direction_columns


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


def credits_recognised_table(rows) -> Table:
    """Credits earned abroad and recognised at home, per academic year of the stays that started in the period."""
    return Table(
        slug="credits-recognised",
        title=_("Credits recognised"),
        sheet=_("Credits recognised"),
        columns=[
            Column("label", _("Academic year"), numeric=False, width=14),
            Column("students", _("Students")),
            Column("earned", _("Credits earned")),
            Column("recognised", _("Credits recognised")),
            Column("share", _("Share recognised, %")),
        ],
        rows=rows,
        totals=sum_rows(rows, ("students", "earned", "recognised")),
        empty=_("No credits recognised for stays that started in this period."),
    )


def visits_between(start, end) -> Table:
    """Delegation visits starting in the period, received and sent, public or not."""
    visits = Visit.objects.filter(start_date__range=(start, end)).select_related("partner").order_by("start_date", "pk")
    rows = [
        {
            "label": visit.title,
            "url": admin_url(visit),
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
