"""The report's tables of business trips: approved trips that start in the period, by country, purpose and funding."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from mobility.models import Funding, Purpose, TripRequest
from mobility.statistics import name_countries

from .tables import Column, Table, country_column


def trip_tables(start, end) -> tuple[Table, Table, Table]:
    """Approved trips starting between ``start`` and ``end`` by country, purpose and funding; one query."""
    groups = list(
        TripRequest.objects.approved()
        .filter(start_date__range=(start, end))
        .order_by()
        .values("country", "purpose", "funding")
        .annotate(count=Count("pk"))
    )
    total = sum(group["count"] for group in groups)

    def counted(key):
        counts = {}
        for group in groups:
            counts[group[key]] = counts.get(group[key], 0) + group["count"]
        return counts

    countries = [{"code": code, "count": count} for code, count in counted("country").items()]
    name_countries(countries)
    countries.sort(key=lambda row: (-row["count"], row["label"]))

    def by_choice(key, choices):
        counts = counted(key)
        rows = [
            {key: value, "label": str(label), "count": counts[value]} for value, label in choices if value in counts
        ]
        return sorted(rows, key=lambda row: -row["count"])

    count_column = Column("count", _("Trips"))
    empty = _("No business trip approved in this period.")
    return (
        Table(
            slug="trips-by-country",
            title=_("Business trips by country"),
            sheet=_("Trips by country"),
            columns=[country_column(), count_column],
            rows=countries,
            totals={"count": total},
            empty=empty,
        ),
        Table(
            slug="trips-by-purpose",
            title=_("Business trips by purpose"),
            sheet=_("Trips by purpose"),
            columns=[Column("label", _("Purpose"), numeric=False, width=28), count_column],
            rows=by_choice("purpose", Purpose.choices),
            totals={"count": total},
            empty=empty,
        ),
        Table(
            slug="trips-by-funding",
            title=_("Business trips by funding"),
            sheet=_("Trips by funding"),
            columns=[Column("label", _("Funding"), numeric=False, width=28), count_column],
            rows=by_choice("funding", Funding.choices),
            totals={"count": total},
            empty=empty,
        ),
    )
