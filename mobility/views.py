"""Public pages of the mobility app: delegation visits and the statistics page."""

from django import forms
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from intl_office.dates import academic_year_label
from intl_office.pagination import PaginationMixin
from partners.models import Agreement

from . import statistics
from .filters import VisitFilterSet
from .models import Visit, VisitMember, VisitPhoto

# How many countries the statistics page lists before summing the rest in one row.
TOP_COUNTRIES = 10


def public_visits():
    """Visits a visitor may see, with what their cards and pages read from the partner."""
    return Visit.objects.public().select_related("partner")


class VisitListView(PaginationMixin, ListView):
    """Public visits as stories, newest first, filtered by year, direction and partner country."""

    template_name = "mobility/visit_list.html"
    context_object_name = "visits"
    paginate_by = 12
    pages_on_each_side = 2

    def get_queryset(self):
        first_photo = VisitPhoto.objects.filter(visit=OuterRef("pk")).order_by("order", "pk").values("pk")[:1]
        visits = public_visits().annotate(
            delegation_size=Count("members", filter=Q(members__side=VisitMember.Side.GUEST)),
            first_photo_id=Subquery(first_photo),
        )
        self.filterset = VisitFilterSet(self.request.GET or None, queryset=visits)
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visits = list(context["visits"])
        # One query for the cards' photos: only the first photo of each visit on the page.
        photos = VisitPhoto.objects.in_bulk([visit.first_photo_id for visit in visits if visit.first_photo_id])
        for visit in visits:
            visit.first_photo = photos.get(visit.first_photo_id)
        context.update(
            visits=visits,
            filter_form=self.filterset.form,
            is_filtered=any(self.filterset.form.cleaned_data.values()) if self.filterset.is_bound else False,
        )
        return context


class VisitDetailView(DetailView):
    """One delegation visit told as a story, with both sides, outcomes, agreements and photos."""

    template_name = "mobility/visit_detail.html"
    context_object_name = "visit"

    def get_queryset(self):
        agreements = Agreement.objects.public().select_related("partner", "renews__partner").order_by("signed_on", "pk")
        return public_visits().prefetch_related(
            "members",
            "photos",
            Prefetch("agreements_signed", queryset=agreements, to_attr="public_agreements"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        visit = self.object
        members = list(visit.members.all())
        context.update(
            guests=[member for member in members if member.side == VisitMember.Side.GUEST],
            hosts=[member for member in members if member.side == VisitMember.Side.HOST],
            photos=list(visit.photos.all()),
            previous_visit=self.neighbour(is_next=False),
            next_visit=self.neighbour(is_next=True),
        )
        return context

    def neighbour(self, *, is_next):
        """The public visit just before or after this one by date (ties broken by id)."""
        getter = self.object.get_next_by_start_date if is_next else self.object.get_previous_by_start_date
        try:
            return getter(is_public=True)
        except Visit.DoesNotExist:
            return None


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
    """Mobility by year, country, programme and activity; partners and agreements by country."""

    template_name = "mobility/statistics.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = statistics.available_academic_years()
        form = StatisticsYearForm(self.request.GET or None, years=years)
        year = form.cleaned_data["year"] if form.is_valid() else None
        unknown_year = form.is_bound and not form.is_valid()

        by_year = statistics.mobility_by_academic_year()
        for row in by_year:
            row["is_selected"] = row["year"] == year
        partner_rows = statistics.partners_by_country()
        counted_on = statistics.reference_day(year)
        agreement_rows = statistics.agreements_in_force_by_country(on=counted_on)

        context.update(
            form=form,
            year=year,
            year_label=academic_year_label(year) if year is not None else None,
            unknown_year=unknown_year,
            totals=statistics.mobility_totals(year),
            by_year=by_year,
            by_year_totals=statistics.sum_rows(by_year, ("outgoing", "incoming", "total", *statistics.KIND_COUNTS)),
            by_country=statistics.mobility_by_country(year, top=TOP_COUNTRIES),
            by_program=statistics.mobility_by_program(year),
            by_activity=statistics.mobility_by_activity(year),
            partners=statistics.top_and_others(partner_rows, TOP_COUNTRIES, keys=("count",)),
            partner_total=sum(row["count"] for row in partner_rows),
            partner_countries=len(partner_rows),
            agreements=statistics.top_and_others(agreement_rows, TOP_COUNTRIES, keys=("count", "partners")),
            agreement_total=sum(row["count"] for row in agreement_rows),
            # A partner has one country, so distinct partners per country add up to distinct partners.
            agreement_partner_total=sum(row["partners"] for row in agreement_rows),
            counted_on=counted_on,
        )
        return context
