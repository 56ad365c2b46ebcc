"""What the page cache adds beyond whole pages (intl_office/page_cache.py): the sitemap and open data
in the cache, only the query parameters a page reads, and fragments shared by many URLs.

As in test_page_cache.py, records are made and edited inside ``django_capture_on_commit_callbacks(execute=True)``:
the test's own transaction never commits, and an uncommitted change makes every fragment be computed
afresh (a writer sees its own change), so a fragment is only reused once the rows it shows are "committed".
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from mobility.models import Direction
from tests.factories import AgreementFactory, CallFactory, InstitutionFactory, MobilityFactory

pytestmark = pytest.mark.django_db
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


def get(path):
    response = Client().get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body.decode("utf-8-sig")


def page(path):
    return get(path)[1]


# --- the sitemap and open data -----------------------------------------------------------------------


def test_sitemap_is_served_from_the_cache_and_an_edit_shows_on_the_next_request(committed, django_assert_num_queries):
    with committed():
        partner = InstitutionFactory(name="University of Andorra", slug="andorra")
    first, xml = get("/sitemap.xml")
    assert "/partners/andorra/" in xml and first["X-Robots-Tag"]

    with django_assert_num_queries(0):
        again, cached_xml = get("/sitemap.xml")
    assert cached_xml == xml and again["X-Robots-Tag"] == first["X-Robots-Tag"]

    with committed():
        partner.slug = "university-of-andorra"
        partner.save()

    fresh = page("/sitemap.xml")
    assert "/partners/university-of-andorra/" in fresh and "/partners/andorra/" not in fresh


@pytest.mark.parametrize("path", ["/partners/data.csv?country=AD", "/partners/agreements.json?country=AD"])
def test_open_data_is_served_from_the_cache_and_an_edit_shows_on_the_next_request(
    path, committed, django_assert_num_queries
):
    with committed():
        agreement = AgreementFactory(
            title="Exchange of engineering students",
            partner=InstitutionFactory(name="University of Andorra", country="AD"),
        )
    first, body = get(path)
    assert "University of Andorra" in body and first.streaming

    with django_assert_num_queries(0):
        again, cached_body = get(path)
    assert cached_body == body and again.streaming
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Disposition"] == first["Content-Disposition"]

    with committed():
        agreement.partner.name = "Universitat d'Andorra"
        agreement.partner.save()

    assert "Universitat d'Andorra" in page(path)


# --- query strings ----------------------------------------------------------------------------------


def test_the_filters_a_page_reads_are_cached(committed, django_assert_num_queries):
    with committed():
        InstitutionFactory(name="Seoul National University", country="KR")
    body = page("/partners/?country=KR&page=1")

    with django_assert_num_queries(0):
        assert page("/partners/?country=KR&page=1") == body


@pytest.mark.parametrize(
    "path",
    [
        "/partners/?utm_source=newsletter",  # a tracking tag
        "/partners/?country=KR&country=AD",  # a parameter twice
        "/about/?x=1",  # a page that reads no parameter
        "/statistics/?year=2024&nocache=123",  # a cache buster
    ],
)
def test_any_other_query_string_is_rendered_and_never_stored(path, committed):
    assert Client().get(path).status_code == 200

    again = Client().get(path)
    # Rendered (a stored page is served without a template): uncached pages may run no query at all.
    assert again.status_code == 200 and again.templates, "served from the cache"


def queries_of(path):
    with CaptureQueriesContext(connection) as queries:
        Client().get(path)
    return len(queries)


# --- fragments ------------------------------------------------------------------------------------


def test_home_page_content_is_shared_by_its_uncached_urls_and_fresh_after_an_edit(committed):
    with committed():
        call = CallFactory(title="Spring exchange to Ankara")
        MobilityFactory(direction=Direction.OUTGOING)
    first = page("/?utm_source=a")  # not a page the page cache keeps: only the fragment is shared
    assert "Spring exchange to Ankara" in first

    # Nothing is read: the department's row, the figures, calls, visits and rankings come from fragments.
    assert queries_of("/?utm_source=b") == 0
    # Byte for byte the same page, but for the links back to this address (sign-in, language switcher).
    assert page("/?utm_source=c") == first.replace("utm_source=a", "utm_source=c").replace("%3Da", "%3Dc")

    with committed():
        call.title = "Autumn exchange to Ankara"
        call.save()

    fresh = page("/?utm_source=d")
    assert "Autumn exchange to Ankara" in fresh and "Spring exchange to Ankara" not in fresh


def test_statistics_are_shared_by_their_uncached_urls_and_fresh_after_an_edit(committed):
    with committed():
        MobilityFactory(direction=Direction.INCOMING)
    before = queries_of("/statistics/?utm_source=a")
    assert queries_of("/statistics/?utm_source=b") < before

    with committed():
        MobilityFactory(direction=Direction.INCOMING, partner=InstitutionFactory(name="Kyungpook", country="KR"))

    assert "Korea" in page("/statistics/?utm_source=c")


def test_directory_country_counts_are_shared_by_every_filter_and_fresh_after_an_edit(committed):
    with committed():
        InstitutionFactory(name="Seoul National University", country="KR")
    assert "South Korea (1)" in page("/partners/?kind=university")

    with committed():
        InstitutionFactory(name="Kyungpook National University", country="KR")

    assert "South Korea (2)" in page("/partners/?sort=name")


def test_a_change_not_yet_committed_is_seen_by_its_own_transaction(committed):
    with committed():
        CallFactory(title="Spring exchange to Ankara")
    page("/?utm_source=a")  # the fragment is stored

    CallFactory(title="Summer school in Seoul")  # written in this transaction, not committed

    assert "Summer school in Seoul" in page("/?utm_source=b")


def test_home_page_call_turns_closed_at_midnight_in_tashkent(committed):
    evening = datetime.datetime(2026, 3, 15, 23, 59, tzinfo=TASHKENT)
    with time_machine.travel(evening, tick=False):
        with committed():
            CallFactory(
                title="Semester in Daegu", opens_on=datetime.date(2026, 3, 1), deadline=datetime.date(2026, 3, 15)
            )
        before = page("/?utm_source=a")
    with time_machine.travel(evening + datetime.timedelta(minutes=2), tick=False):
        after = page("/?utm_source=a")

    assert "Semester in Daegu" in before
    assert "Semester in Daegu" not in after
