"""Fixtures the programme, project and call page tests share."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def layout_queries(db, home_institution):
    """Queries the shared layout (base.html and its context processors) makes on any page.

    Measured rather than hard-coded: the layout belongs to another part of the
    portal, and a page's own bound is what these tests hold.
    """
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with CaptureQueriesContext(connection) as captured:
        render_to_string("base.html", request=request)
    return len(captured)
