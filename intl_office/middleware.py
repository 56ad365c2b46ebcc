"""Requests no page of the portal can mean, answered before any view reads them.

``RejectNulBytesMiddleware``: a NUL byte in the path or a posted form answers 400.

``RequestBodyLimitMiddleware``: request bodies larger than the portal accepts are refused before anything reads them.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE counts only the non-file part of a form: the files of a
multipart body are streamed to temporary files on disk, whatever their size, as soon as anything
touches ``request.POST``, and the CSRF check does that on every POST. So the declared
Content-Length is checked here first, on every URL (any POST is an upload URL to an attacker),
and a body over the limit gets 413 with a page that says what to do. A chunked body declares no
length: Django would read nothing of it, so it is refused with 411 rather than dropped silently.
"""

from django.http import HttpResponseBadRequest, QueryDict
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .uploads import max_request_bytes, max_upload_bytes

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


class RequestBodyLimitMiddleware:
    """Answer 413 to a declared body over ``max_request_bytes()``, 411 to a chunked one.

    Placed after the session, authentication and message middleware, so the page is the site's
    own; none of those reads the body.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return self._refuse(request, status=411)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            # Django reads such a body as empty; nothing to guard.
            length = 0
        if length > max_request_bytes():
            return self._refuse(request, status=413)
        return self.get_response(request)

    @staticmethod
    def _refuse(request, *, status):
        context = {
            "length_required": status == 411,
            "request_limit": filesizeformat(max_request_bytes()),
            "file_limit": filesizeformat(max_upload_bytes()),
        }
        response = render(request, "413.html", context, status=status)
        # The client may still be sending; it should not reuse this connection for another request.
        response["Connection"] = "close"
        return response
