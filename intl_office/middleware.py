"""Requests no page of the portal can mean, answered before any view reads them."""

from django.http import HttpResponseBadRequest, QueryDict
from django.utils.translation import gettext as _

NUL = "\x00"
FORM = "application/x-www-form-urlencoded"


class RejectNulBytesMiddleware:
    """A NUL byte in the path or a posted form answers 400; one in the query string is dropped.

    No link, form or person types one, and PostgreSQL refuses it in any text it is sent, so a NUL
    that reached a search or a lookup would end in a 500. The views guard their own inputs too: this
    is the second line. A query string keeps working without its NULs, because the public pages
    promise a page for any odd query (a link pasted with junk still opens). Multipart bodies are left
    to the forms (Django's CharField refuses NUL), so the upload handlers a view sets still see them
    first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or (request.content_type == FORM and _has_nul(request.POST)):
            return HttpResponseBadRequest(_("The request contains a character no page accepts."))
        if _has_nul(request.GET):
            request.GET = _without_nul(request.GET)
        return self.get_response(request)


def _has_nul(query):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query.lists())


def _without_nul(query):
    cleaned = QueryDict(mutable=True)
    for key, values in query.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    cleaned._mutable = False
    return cleaned
