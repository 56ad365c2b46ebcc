"""The public statistics page: mobility by year, country, programme and activity; partners and agreements by country."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from intl_office.dates import academic_year_label
from intl_office.page_cache import cached_fragment

from .. import statistics

# How many countries the statistics page lists before summing the rest in one row.
TOP_COUNTRIES = 10


class StatisticsYearForm(forms.Form):
    """The academic year the figures are narrowed to; empty for all years."""

    year = forms.TypedChoiceField(label=_("Academic year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [
            ("", _("All years")),
            *((year, academic_year_label(year)) for year in sorted(years, reverse=True)),
        ]


class StatisticsView(TemplateView):
    """Mobility by year, country, programme and activity; partners and agreements by country.

    The figures of each year (and of all years) are computed once per content generation and
    day (``cached_fragment``), and the tables drawn from them are a ``{% public_fragment %}``.
    """

    template_name = "mobility/statistics.html"
    public_page_params = ("year",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = cached_fragment("statistics-years", statistics.available_academic_years)
        form = StatisticsYearForm(self.request.GET or None, years=years)
        year = form.cleaned_data["year"] if form.is_valid() else None
        context.update(
            form=form,
            year=year,
            year_label=academic_year_label(year) if year is not None else None,
            unknown_year=form.is_bound and not form.is_valid(),
            **cached_fragment("statistics", lambda: figures(year), vary=[year]),
        )
        return context


def figures(year):
    """Everything the page shows about ``year`` (None: all years), as picklable rows."""
    by_year = statistics.mobility_by_academic_year()
    for row in by_year:
        row["is_selected"] = row["year"] == year
    partner_rows = statistics.partners_by_country()
    counted_on = statistics.reference_day(year)
    agreement_rows = statistics.agreements_in_force_by_country(on=counted_on)
    return {
        "totals": statistics.mobility_totals(year),
        "by_year": by_year,
        "by_year_totals": statistics.sum_rows(by_year, ("outgoing", "incoming", "total", *statistics.KIND_COUNTS)),
        "by_country": statistics.mobility_by_country(year, top=TOP_COUNTRIES),
        "by_program": statistics.mobility_by_program(year),
        "by_activity": statistics.mobility_by_activity(year),
        "partners": statistics.top_and_others(partner_rows, TOP_COUNTRIES, keys=("count",)),
        "partner_total": sum(row["count"] for row in partner_rows),
        "partner_countries": len(partner_rows),
        "agreements": statistics.top_and_others(agreement_rows, TOP_COUNTRIES, keys=("count", "partners")),
        "agreement_total": sum(row["count"] for row in agreement_rows),
        # A partner has one country, so distinct partners per country add up to distinct partners.
        "agreement_partner_total": sum(row["partners"] for row in agreement_rows),
        "counted_on": counted_on,
        "credits": statistics.credits_recognised_by_academic_year(year),
    }
