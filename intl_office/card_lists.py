"""List views whose records show as cards cached one by one (the calls and the visits).

Warm, a page queries nothing: the pks each valid filter lists are cached under the content generation
(shared by the filter's pages), and each record's card by every filter and page that shows it. With a
filter not valid, or fragments off, the page reads its rows as any list view does.
"""

from typing import NamedTuple

from .page_cache import cached_fragment, cached_item_fragments, fragments_enabled


class ListedCard(NamedTuple):
    """A record on a list: its pk and its card's HTML (cached per record)."""

    pk: int
    card: str


class CachedCardListMixin:
    """For a ``ListView`` with ``self.filterset``: ``card_fragment`` and ``list_fragment`` name the caches of the
    cards and of the pks per filter, ``render_cards``
    gives ``{pk: HTML}`` for records and ``render_listed`` for listed pks (leaving out one gone meanwhile)."""

    card_fragment = ""
    list_fragment = ""

    def render_cards(self, records):
        raise NotImplementedError

    def render_listed(self, listed):
        raise NotImplementedError

    def paginate_queryset(self, queryset, page_size):
        filters = self._filters()
        if filters is None or not fragments_enabled():
            paginator, page, records, is_paginated = super().paginate_queryset(queryset, page_size)
            records = list(records)
            cards = cached_item_fragments(self.card_fragment, records, self.render_cards)
            page.object_list = [ListedCard(record.pk, cards[record.pk]) for record in records]
            return paginator, page, page.object_list, is_paginated
        pks = cached_fragment(self.list_fragment, lambda: list(queryset.values_list("pk", flat=True)), vary=filters)
        paginator, page, page_pks, is_paginated = super().paginate_queryset(pks, page_size)
        cards = cached_item_fragments(self.card_fragment, [ListedCard(pk, "") for pk in page_pks], self.render_listed)
        page.object_list = [ListedCard(pk, cards[pk]) for pk in page_pks if pk in cards]
        return paginator, page, page.object_list, is_paginated

    def _filters(self):
        """The filters as cleaned, in a stable form (a record by its pk); None while one is not valid."""
        if not self.filterset.is_bound:
            return []
        if not self.filterset.is_valid():
            return None
        cleaned = self.filterset.form.cleaned_data
        return sorted((name, getattr(value, "pk", value)) for name, value in cleaned.items())
