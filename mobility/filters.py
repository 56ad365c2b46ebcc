"""Filters for the public pages of the mobility app."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries.fields import Country

from intl_office.page_cache import cached_fragment
from intl_office.widgets import FastSelect

from .models import Direction, Visit


def visit_year_choices():
    """Calendar years in which a public visit started, newest first."""
    return [(str(day.year), str(day.year)) for day in Visit.objects.public().dates("start_date", "year", order="DESC")]


def visit_country_choices():
    """Countries of the partners of public visits, by name in the visitor's language."""
    codes = Visit.objects.public().order_by().values_list("partner__country", flat=True).distinct()
    countries = [Country(code=code) for code in codes]
    return sorted(((c.code, str(c.name or c.code)) for c in countries), key=lambda choice: choice[1])


# The selects' options (and what they accept) are shared by every request until the content changes.
def shared_visit_year_choices():
    return cached_fragment("visit-year-choices", visit_year_choices)


def shared_visit_country_choices():
    return cached_fragment("visit-country-choices", visit_country_choices)


class VisitFilterSet(django_filters.FilterSet):
    """Visits by calendar year, by direction (received or sent) and by the partner's country.

    Every filter is a choice: a value that is not offered fails validation and is
    ignored (``FilterSet.qs`` filters with valid fields only), so junk in the query
    string shows all visits instead of an error.
    """

    year = django_filters.ChoiceFilter(
        label=_("Year"),
        field_name="start_date",
        lookup_expr="year",
        choices=shared_visit_year_choices,
        empty_label=_("All years"),
        widget=FastSelect(attrs={"class": "form-select"}),
    )
    direction = django_filters.ChoiceFilter(
        label=_("Delegation"),
        choices=[(Direction.INCOMING, _("Received by us")), (Direction.OUTGOING, _("Sent by us"))],
        empty_label=_("All"),
        widget=FastSelect(attrs={"class": "form-select"}),
    )
    country = django_filters.ChoiceFilter(
        label=_("Partner's country"),
        field_name="partner__country",
        choices=shared_visit_country_choices,
        empty_label=_("All countries"),
        widget=FastSelect(attrs={"class": "form-select"}),
    )

    class Meta:
        model = Visit
        fields = ["year", "direction", "country"]
