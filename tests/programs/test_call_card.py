"""One call card: the home page's compact row and the call list's and programme page's cards are one partial."""

import datetime
import re

import pytest
from django.urls import reverse

from intl_office.dates import today
from intl_office.models import HomeInstitution
from tests.factories import CallFactory

DAY = datetime.timedelta(days=1)
CARD = "programs/includes/_call_card.html"


@pytest.fixture
def call(db):
    HomeInstitution.load()
    return CallFactory(title="Exchange semester in Pécs", opens_on=today() - 5 * DAY, deadline=today())


def test_home_call_list_and_programme_page_render_the_same_call_card(client, call):
    for url in ("/", reverse("programs:call-list"), call.program.get_absolute_url()):
        response = client.get(url)

        assert CARD in [template.name for template in response.templates], url
        assert "Exchange semester in Pécs" in response.content.decode(), url


def test_the_compact_row_says_closes_today_inside_its_deadline_line(client, call):
    row = client.get("/").content.decode().split('class="list-group-item home-call')[1].split("</li>")[0]

    assert re.search(r'class="text-danger-emphasis">closes today\s*</strong>', row)
    assert '<span class="badge text-bg-success flex-shrink-0 mt-1">Open</span>' in row
