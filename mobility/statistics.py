"""Mobility and partnership figures, aggregated in the database.

Pure read functions returning lists of dicts: the public statistics page draws
them, and the staff annual report and dashboard reuse them unchanged. A mobility counts
in the academic year its start date falls in (``Mobility.objects.by_academic_year()``);
cancelled mobilities never count (``Mobility.objects.counted()``). The mobility functions
take an academic ``year`` or, for a calendar year or part of a year, ``between=(start, end)``:
the mobilities starting on those days, both included.

Every grouping query clears the ordering first (``order_by()``): a model's default
ordering, which modeltranslation turns into an explicit one, would otherwise be added
to GROUP BY and split the groups.
"""

from django.db.models import Count
from django.utils.translation import gettext as _
from django_countries.fields import Country

from intl_office.dates import academic_year_bounds, academic_year_label, today
from partners.models import Agreement, Institution
from programs.models import GrantProgram

from .models import Mobility, Recognition
from .models.records import DIRECTION_COUNTS, KIND_COUNTS


def counted_mobilities(year=None, *, between=None):
    """Mobilities that count, optionally only those starting in academic year ``year`` or ``between`` two days."""
    mobilities = Mobility.objects.counted()
    if year is not None:
        mobilities = mobilities.in_academic_year(year)
    if between is not None:
        mobilities = mobilities.filter(start_date__range=between)
    return mobilities


def available_academic_years():
    """Academic years (e.g. 2024 for 2024/25) in which at least one counted mobility starts, oldest first."""
    return list(Mobility.objects.counted().by_academic_year().distinct().values_list("academic_year", flat=True))


def mobility_totals(year=None, *, between=None):
    """One dict: outgoing, incoming and total, and the four direction x participant counts."""
    return counted_mobilities(year, between=between).aggregate(**DIRECTION_COUNTS, **KIND_COUNTS)


def mobility_by_academic_year(year=None, *, between=None):
    """One row per academic year, oldest first: ``year``, ``label`` and the direction and participant counts."""
    rows = counted_mobilities(year, between=between).by_academic_year().annotate(**DIRECTION_COUNTS, **KIND_COUNTS)
    return [
        {"year": row["academic_year"], "label": academic_year_label(row["academic_year"]), **_without(row)}
        for row in rows
    ]


def mobility_by_country(year=None, top=10, *, between=None):
    """One row per partner country, most mobilities first; beyond ``top`` countries one "other" row sums the rest.

    Rows: ``code``, ``label`` (country name), ``outgoing``, ``incoming``, ``total``,
    ``is_other`` (True only for the summing row, whose ``code`` is empty and ``countries`` says how many).
    ``top=None`` lists every country.
    """
    rows = [
        {"code": row["partner__country"], **_without(row, "partner__country")}
        for row in counted_mobilities(year, between=between)
        .order_by()
        .values("partner__country")
        .annotate(**DIRECTION_COUNTS)
    ]
    name_countries(rows)
    rows.sort(key=lambda row: (-row["total"], row["label"]))
    return top_and_others(rows, top)


def mobility_by_program(year=None, *, between=None):
    """One row per grant programme, most mobilities first, mobilities without a programme last.

    Rows: ``program`` (the GrantProgram or None), ``label``, ``outgoing``, ``incoming``, ``total``.
    """
    rows = list(counted_mobilities(year, between=between).order_by().values("program").annotate(**DIRECTION_COUNTS))
    # Names come from the model, not values(), so that they follow the visitor's language.
    programs = GrantProgram.objects.in_bulk([row["program"] for row in rows if row["program"] is not None])
    result = []
    for row in rows:
        program = programs.get(row["program"])
        label = str(program) if program else _("Without a grant programme")
        result.append({"program": program, "label": label, **_without(row, "program")})
    result.sort(key=lambda row: (row["program"] is None, -row["total"], row["label"]))
    return result


def mobility_by_activity(year=None, *, between=None):
    """One row per activity (semester exchange, internship, ...), most mobilities first.

    Rows: ``activity`` (the stored value), ``label``, ``outgoing``, ``incoming``, ``total``.
    """
    rows = counted_mobilities(year, between=between).order_by().values("activity").annotate(**DIRECTION_COUNTS)
    labels = dict(Mobility.Activity.choices)
    result = [
        {
            "activity": row["activity"],
            "label": str(labels.get(row["activity"], row["activity"])),
            **_without(row, "activity"),
        }
        for row in rows
    ]
    result.sort(key=lambda row: (-row["total"], row["label"]))
    return result


def credits_recognised_by_academic_year(year=None, *, between=None):
    """Credits earned abroad and recognised at home, per academic year of the stay's real start, newest first.

    Rows: ``year``, ``label``, ``students`` (stays with recognised courses), ``earned``, ``recognised``
    and ``share`` (the percentage of earned credits recognised, None when nothing was earned). The
    sums are one query; cancelled stays never count.
    """
    recognitions = Recognition.objects.all()
    if year is not None:
        start, end = academic_year_bounds(year)
        recognitions = recognitions.filter(mobility__start_date__range=(start, end))
    if between is not None:
        recognitions = recognitions.filter(mobility__start_date__range=between)
    return [
        {
            "year": row["academic_year"],
            "label": academic_year_label(row["academic_year"]),
            "students": row["students"],
            "earned": row["earned"],
            "recognised": row["recognised"],
            "share": round(100 * row["recognised"] / row["earned"]) if row["earned"] else None,
        }
        for row in recognitions.per_academic_year()
    ]


def partners_by_country(top=None):
    """Partners (``Institution.objects.partners``) per country, most first: ``code``, ``label``, ``count``."""
    rows = [
        {"code": row["country"], "count": row["count"]}
        for row in Institution.objects.partners().order_by().values("country").annotate(count=Count("pk"))
    ]
    name_countries(rows)
    rows.sort(key=lambda row: (-row["count"], row["label"]))
    return top_and_others(rows, top, keys=("count",))


def agreements_in_force_by_country(on=None, top=None):
    """Public agreements in force on the day, per partner country, most first.

    Rows: ``code``, ``label``, ``count`` (agreements), ``partners`` (distinct partners).
    """
    on = on or today()
    rows = [
        {"code": row["partner__country"], "count": row["count"], "partners": row["partners"]}
        for row in Agreement.objects.public()
        .in_force(on)
        .order_by()
        .values("partner__country")
        .annotate(count=Count("pk"), partners=Count("partner", distinct=True))
    ]
    name_countries(rows)
    rows.sort(key=lambda row: (-row["count"], row["label"]))
    return top_and_others(rows, top, keys=("count", "partners"))


def reference_day(year=None):
    """The day agreements are counted on: today, or the last day of a past academic year."""
    if year is None:
        return today()
    _start, end = academic_year_bounds(year)
    return min(end, today())


def sum_rows(rows, keys):
    """Column totals of ``rows`` for the given keys (for a table's footer)."""
    return {key: sum(row[key] for row in rows) for key in keys}


def name_countries(rows):
    """Add the country's name in the visitor's language to rows keyed by ``code``."""
    for row in rows:
        row.update(label=str(Country(code=row["code"]).name or row["code"]), is_other=False)


def _without(row, *extra):
    """A row's counts without its grouping keys."""
    dropped = {"academic_year", *extra}
    return {key: value for key, value in row.items() if key not in dropped}


def top_and_others(rows, top, keys=("outgoing", "incoming", "total")):
    """The first ``top`` rows and, if more remain, one row summing them."""
    if not top or len(rows) <= top:
        return rows
    head, tail = rows[:top], rows[top:]
    other = {
        "code": "",
        "label": _("Other countries (%(count)d)") % {"count": len(tail)},
        "is_other": True,
        "countries": len(tail),
        **sum_rows(tail, keys),
    }
    return [*head, other]
