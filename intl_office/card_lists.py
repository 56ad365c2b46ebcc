"""List views whose records show as cards cached one by one (the partner directory, the calls, the visits).

Warm, a page builds no filter set and no queryset and queries nothing: what the filters sent mean
(valid or not, and their cleaned values) is cached per set of values sent, the pks each valid filter
lists are cached under the content generation (shared by the filter's pages), and each record's card
by every filter and page that shows it. The filter set, its form and its queryset are built only when
something must be computed: a fragment missing, a filter not valid, or fragments off (an uncommitted
change in the request's transaction), when the page reads its rows as any list view does.
"""

from functools import cached_property
from typing import NamedTuple

from django.utils.functional import SimpleLazyObject

from .page_cache import cached_fragment, cached_item_fragments, fragments_enabled


class ListedCard(NamedTuple):
    """A record on a list: its pk and its card's HTML (cached per record)."""

    pk: int
    card: str


class CachedCardListMixin:
    """For a ``ListView`` listing cards: ``card_fragment`` and ``list_fragment`` name the caches of the cards
    and of the pks per filter; the view gives

    - ``filterset_class`` and ``make_filterset()``: the filter set of the request (built lazily, as
      ``self.filterset``, only when needed);
    - ``filtered_queryset()``: the rows the filters list, from ``self.filterset`` (``self.filterset.qs`` as
      the view orders it, or none while a filter is not valid);
    - ``render_cards(records)``: ``{pk: HTML}`` for rows of that queryset, and ``render_listed(listed)`` for
      listed pks (leaving out a record gone meanwhile).

    ``self.cleaned_filters`` is the filters as cleaned in a stable form (a record by its pk), or None while
    one is not valid; the template gets ``filterset`` lazily, ``filters_invalid`` and ``filter_form_values``
    (the values sent, the key of a cached filter form).
    """

    card_fragment = ""
    list_fragment = ""
    filterset_class = None

    def make_filterset(self):
        raise NotImplementedError

    def filtered_queryset(self):
        raise NotImplementedError

    def render_cards(self, records):
        raise NotImplementedError

    def render_listed(self, listed):
        raise NotImplementedError

    @cached_property
    def filterset(self):
        return self.make_filterset()

    def filter_values(self):
        """What the query string sent for each filter, as sent: the key of what the filters mean."""
        return [(name, self.request.GET.getlist(name)) for name in self.filterset_class.base_filters]

    @cached_property
    def cleaned_filters(self):
        if not fragments_enabled():
            return self._filters()
        # A pure function of the values sent and the committed content (a chosen record is looked up).
        return cached_fragment(f"{self.list_fragment}-filters", self._filters, vary=self.filter_values())

    def _filters(self):
        """The filters as cleaned, in a stable form (a record by its pk); None while one is not valid."""
        if not self.filterset.is_bound:
            return []
        if not self.filterset.is_valid():
            return None
        cleaned = self.filterset.form.cleaned_data
        return sorted((name, getattr(value, "pk", value)) for name, value in cleaned.items())

    def filters_applied(self):
        """Whether a filter narrows the list: one with a value as cleaned (a value not valid is ignored)."""
        filters = self.cleaned_filters
        if filters is None:
            return any(self.filterset.form.cleaned_data.values())
        return any(value for _name, value in filters)

    def get_queryset(self):
        # Read only by ``paginate_queryset`` when it must compute (``ListView`` passes it there untouched).
        return SimpleLazyObject(self.filtered_queryset)

    def get_template_names(self):
        # The view names its template: ``ListView``'s own would read the lazy queryset's model for a default.
        return [self.template_name]

    def paginate_queryset(self, queryset, page_size):
        filters = self.cleaned_filters
        if filters is None or not fragments_enabled():
            paginator, page, records, is_paginated = super().paginate_queryset(queryset, page_size)
            records = list(records)
            cards = cached_item_fragments(self.card_fragment, records, self.render_cards)
            page.object_list = [ListedCard(record.pk, cards[record.pk]) for record in records]
            return paginator, page, page.object_list, is_paginated
        pks = cached_fragment(self.list_fragment, lambda: tuple(queryset.values_list("pk", flat=True)), vary=filters)
        paginator, page, page_pks, is_paginated = super().paginate_queryset(pks, page_size)
        cards = cached_item_fragments(self.card_fragment, [ListedCard(pk, "") for pk in page_pks], self.render_listed)
        page.object_list = [ListedCard(pk, cards[pk]) for pk in page_pks if pk in cards]
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            filterset=SimpleLazyObject(lambda: self.filterset),
            filters_invalid=self.cleaned_filters is None,
            # The values sent, as the widgets read them (the last of each): a valid form draws nothing else.
            filter_form_values=[(name, values[-1] if values else None) for name, values in self.filter_values()],
        )
        return context
