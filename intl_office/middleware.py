"""Requests no page of the portal can mean, refused before any view reads them."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _

NUL = "\x00"
FORM = "application/x-www-form-urlencoded"


class RejectNulBytesMiddleware:
    """A NUL byte in the path, the query string or a posted form answers 400.

    No link, form or person types one; PostgreSQL refuses it in any text it is sent, so a NUL that
    reached a search or a lookup would end in a 500. The views guard their own inputs too: this is
    the second line. Multipart bodies are left to the forms (Django's CharField refuses NUL), so the
    upload handlers a view sets still see them first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path or _has_nul(request.GET) or (request.content_type == FORM and _has_nul(request.POST)):
            return HttpResponseBadRequest(_("The request contains a character no page accepts."))
        return self.get_response(request)


def _has_nul(query):
    return any(NUL in key or any(NUL in value for value in values) for key, values in query.lists())
