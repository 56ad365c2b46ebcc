"""While the database is away (a PostgreSQL restart, a failover), a 503 "back in a minute" page.

Django answers any uncaught exception with ``handler500``; when that exception says the
database could not be reached, the visitor gets this page instead, with ``Retry-After`` so that
browsers, crawlers and monitors come back later rather than record an error. A form sent
meanwhile gets the same answer: 503 tells the sender that nothing was saved.

The page is rendered without the request's context processors, which would ask the database for
the department's name; its sentences come from the translation catalogues, which are files, so it
renders when nothing else can.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def is_database_outage(error) -> bool:
    """The database could not be reached or dropped the connection; not a query that was wrong."""
    return isinstance(error, OperationalError | InterfaceError)


def database_unavailable(request):
    body = loader.render_to_string("503.html")
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """``handler500``: the outage page when the database is away, Django's 500 page otherwise.

    Django calls it inside the ``except`` block that caught the error, so the error is at hand.
    """
    if is_database_outage(sys.exc_info()[1]):
        return database_unavailable(request)
    return defaults.server_error(request, template_name)
