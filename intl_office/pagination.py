"""Paging through the public lists: a page number a visitor mistyped shows a page, never an error.

Numbers read from a URL go through ``parse_int``: ``str.isdigit()`` accepts "²" and ``int()`` accepts
"٣" and "１", so neither is a safe test of what a visitor typed.
"""

import re

# Plain ASCII digits; a hundred of them is already far beyond any page, row or year.
ASCII_INT = re.compile(r"-?[0-9]{1,100}")
# The largest primary key SQLite and PostgreSQL can hold; a larger "id" in a URL names no row.
MAX_ROW_ID = 2**63 - 1


def parse_int(value, *, minimum=None, maximum=None):
    """``value`` (a string from a query string or form) as an int, or None when it is not one in range.

    Only ASCII digits with an optional minus count; surrounding spaces are not trimmed. ``minimum`` and
    ``maximum`` are inclusive bounds, so a caller can keep 10**30 out of SQL and out of ``datetime``.
    """
    if not isinstance(value, str) or not ASCII_INT.fullmatch(value):
        return None
    number = int(value)
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        return None
    return number


def page_number(value):
    """The page a ``?page=`` value names, or None when it names none (the paginator then shows the first)."""
    return parse_int(value)


class PaginationMixin:
    """For a ``ListView`` drawn with ``includes/_pagination.html``.

    ``?page=abc`` (or empty, or ``1.5``, or ``²``) shows the first page, and ``?page=99999``, ``0`` or
    ``-1`` the last one, instead of Django's 404: shared links outlive the number of pages. The context
    gets ``page_range``, the page numbers the template draws, elided beyond ``pages_on_each_side``
    of the current page.
    """

    pages_on_each_side = 1

    def paginate_queryset(self, queryset, page_size):
        # Paginator.get_page() does the falling back; ListView.paginate_queryset would raise Http404.
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=self.get_allow_empty())
        page = paginator.get_page(page_number(self.request.GET.get(self.page_kwarg)))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = list(
                page.paginator.get_elided_page_range(page.number, on_each_side=self.pages_on_each_side, on_ends=1)
            )
        return context
