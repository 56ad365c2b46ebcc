"""Public pages of delegation visits: the stories, newest first, and one visit told in full."""

from typing import NamedTuple

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.views.generic import DetailView, ListView

from intl_office.page_cache import cached_fragment, cached_item_fragments, fragments_enabled
from intl_office.pagination import PaginationMixin
from partners.models import Agreement

from ..filters import VisitFilterSet
from ..models import Visit, VisitMember, VisitPhoto

VISIT_CARD_TEMPLATE = "includes/_visit_card.html"


def public_visits():
    """Visits a visitor may see, with what their cards and pages read from the partner."""
    return Visit.objects.public().select_related("partner")


class VisitListView(PaginationMixin, ListView):
    """Public visits as stories, newest first, filtered by year, direction and partner country."""

    template_name = "mobility/visit_list.html"
    context_object_name = "visits"
    paginate_by = 12
    pages_on_each_side = 2
    public_page_params = (*VisitFilterSet.base_filters, "page")

    def get_queryset(self):
        self.filterset = VisitFilterSet(self.request.GET or None, queryset=listed_visits())
        return self.filterset.qs

    def paginate_queryset(self, queryset, page_size):
        filters = self._filters()
        if filters is None or not fragments_enabled():
            # Nothing is cached (or a filter is not valid): one page of rows, as any list view.
            paginator, page, visits, is_paginated = super().paginate_queryset(queryset, page_size)
            visits = list(visits)
            cards = cached_item_fragments("visit-card", visits, _render_visit_cards)
            page.object_list = [ListedVisit(visit.pk, cards[visit.pk]) for visit in visits]
            return paginator, page, page.object_list, is_paginated
        # The pks a filter lists are shared by its pages, and each visit's card by every filter and page
        # that shows it: warm, a page queries nothing.
        pks = cached_fragment("visit-list-pks", lambda: list(queryset.values_list("pk", flat=True)), vary=filters)
        paginator, page, page_pks, is_paginated = super().paginate_queryset(pks, page_size)
        cards = cached_item_fragments("visit-card", [ListedVisit(pk, "") for pk in page_pks], _render_listed_visits)
        page.object_list = [ListedVisit(pk, cards[pk]) for pk in page_pks if pk in cards]
        return paginator, page, page.object_list, is_paginated

    def _filters(self):
        """The filters as cleaned, in a stable form; None while one is not valid."""
        if not self.filterset.is_bound:
            return []
        if not self.filterset.is_valid():
            return None
        cleaned = self.filterset.form.cleaned_data
        return sorted((name, getattr(value, "pk", value)) for name, value in cleaned.items())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filter_form=self.filterset.form,
            is_filtered=any(self.filterset.form.cleaned_data.values()) if self.filterset.is_bound else False,
        )
        return context


def listed_visits():
    """The visits of the list, with what their cards read."""
    return public_visits().with_delegation_size().with_first_photo_id()


class ListedVisit(NamedTuple):
    """A visit on the list: its pk and its card's HTML (cached per visit)."""

    pk: int
    card: str


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
