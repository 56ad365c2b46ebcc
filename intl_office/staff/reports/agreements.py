"""The report's tables of partners added, agreements signed and agreements in force."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mobility.statistics import name_countries, sum_rows
from partners.models import Agreement, Institution

from .periods import local_day_range
from .tables import CHART_COUNTRIES, Column, Table, admin_url, country_column


def partners_added(start, end) -> Table:
    """Institutions added to the records in the period (by ``created_at`` in the office's time zone)."""
    first, after = local_day_range(start, end)
    institutions = Institution.objects.filter(created_at__gte=first, created_at__lt=after).order_by("created_at", "pk")
    rows = [
        {
            "label": institution.name,
            "url": admin_url(institution),
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
            "url": admin_url(agreement),
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
