"""Paging through the public lists: a page number a visitor mistyped shows a page, never an error."""


class PaginationMixin:
    """For a ``ListView`` drawn with ``includes/_pagination.html``.

    ``?page=abc`` (or empty, or ``1.5``) shows the first page, and ``?page=99999``, ``0`` or ``-1``
    the last one, instead of Django's 404: shared links outlive the number of pages. The context
    gets ``page_range``, the page numbers the template draws, elided beyond ``pages_on_each_side``
    of the current page.
    """

    pages_on_each_side = 1

    def paginate_queryset(self, queryset, page_size):
        # Paginator.get_page() does the falling back; ListView.paginate_queryset would raise Http404.
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=self.get_allow_empty())
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context.get("page_obj")
        if page is not None:
            context["page_range"] = list(
                page.paginator.get_elided_page_range(page.number, on_each_side=self.pages_on_each_side, on_ends=1)
            )
        return context
