"""Public pages of delegation visits: the stories, newest first, and one visit told in full."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView

from intl_office.card_lists import CachedCardListMixin
from intl_office.pagination import PaginationMixin
from partners.models import Agreement

from ..filters import VisitFilterSet
from ..models import Visit, VisitMember, VisitPhoto

VISIT_CARD_TEMPLATE = "includes/_visit_card.html"


def public_visits():
    """Visits a visitor may see, with what their cards and pages read from the partner."""
    return Visit.objects.public().select_related("partner")


class VisitListView(CachedCardListMixin, PaginationMixin, ListView):
    """Public visits as stories, newest first, filtered by year, direction and partner country."""

    card_fragment, list_fragment = "visit-card", "visit-list-pks"

    template_name = "mobility/visit_list.html"
    context_object_name = "visits"
    paginate_by = 12
    pages_on_each_side = 2
    public_page_params = (*VisitFilterSet.base_filters, "page")

    filterset_class = VisitFilterSet

    def make_filterset(self):
        return VisitFilterSet(self.request.GET or None, queryset=listed_visits())

    def filtered_queryset(self):
        return self.filterset.qs

    def render_cards(self, records):
        return _render_visit_cards(records)

    def render_listed(self, listed):
        return _render_listed_visits(listed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=SimpleLazyObject(lambda: self.filterset.form),
            is_filtered=self.filters_applied(),
        )
        return context


def listed_visits():
    """The visits of the list, with what their cards read."""
    return public_visits().with_delegation_size().with_first_photo_id()


def _render_listed_visits(listed):
    """``{pk: HTML}`` of the cards of these listed visits; a visit hidden meanwhile is left out."""
    return _render_visit_cards(list(listed_visits().filter(pk__in=[visit.pk for visit in listed])))


def _render_visit_cards(visits):
    """``{pk: HTML}``: the list's cards of ``visits``, with one query for their first photos."""
    photos = VisitPhoto.objects.in_bulk([visit.first_photo_id for visit in visits if visit.first_photo_id])
    return {
        visit.pk: render_to_string(VISIT_CARD_TEMPLATE, {"visit": visit, "photo": photos.get(visit.first_photo_id)})
        for visit in visits
    }


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
