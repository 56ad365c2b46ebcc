"""The page cache's rules one by one (intl_office/page_cache.py): which views are public and with which query
parameters, which responses are stored, how long a page and a fragment last, HEAD requests, streamed bodies,
and fragments outside any transaction.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client, override_settings
from django.urls import path
from django.views import View

from intl_office import page_cache
from intl_office.models import HomeInstitution
from intl_office.page_cache import (
    PublicPageCacheMiddleware,
    accepted_params,
    cached_fragment,
    cached_item_fragments,
    current_generation,
    public_page,
)

pytestmark = pytest.mark.django_db
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
# Morning in Tashkent: hours of the same day lie ahead.
MORNING = datetime.datetime(2026, 4, 6, 8, 0, tzinfo=TASHKENT)


def test_a_public_view_is_marked_and_accepts_only_the_parameters_it_names():
    def partner_list(request):
        return HttpResponse("partners")

    def about(request):
        return HttpResponse("about")

    class CallList(View):
        public_page_params = frozenset({"page"})

    assert public_page(partner_list, params=["country", "page"]) is partner_list
    assert partner_list.public_page is True
    assert accepted_params(partner_list) == frozenset({"country", "page"})
    assert public_page(about).public_page is True
    assert not hasattr(about, "public_page_params")
    assert accepted_params(about) == frozenset()
    assert accepted_params(public_page(CallList.as_view())) == frozenset({"page"})


def unmarked_counter(request):
    unmarked_counter.calls += 1
    return HttpResponse(f"visit {unmarked_counter.calls}")


unmarked_counter.calls = 0
# A page the middleware would store (no cookie, no CSRF token, status 200) were it marked public.
urlpatterns = [path("counter/", unmarked_counter)]


@override_settings(ROOT_URLCONF=__name__)
def test_a_view_not_marked_public_is_never_served_from_the_cache():
    first, second = Client().get("/counter/"), Client().get("/counter/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert first.content != second.content
    assert "ETag" not in second


def test_a_revisit_with_the_etag_gets_304_after_its_page_fell_out_of_the_cache(home_institution):
    first = Client().get("/about/")
    cache.clear()  # culled, or another worker's cache

    again = Client().get("/about/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304 and again["ETag"] == first["ETag"]


def test_a_culled_generation_never_brings_back_a_page_from_before_an_edit(home_institution):
    assert "Jizzakh Polytechnic Institute" in Client().get("/about/").text
    HomeInstitution.objects.update(name="Samarkand State University")
    page_cache.bump_generation()  # the edit committed
    cache.delete(page_cache.GENERATION_KEY)  # culled from a full cache; the old page stays

    assert "Samarkand State University" in Client().get("/about/").text


def test_outside_a_request_the_generation_another_process_set_is_seen_at_once():
    current_generation()
    cache.set(page_cache.GENERATION_KEY, "set-by-the-import-worker", timeout=None)

    assert current_generation() == "set-by-the-import-worker"


def test_a_request_keeps_the_generation_it_read_first_so_its_page_is_all_of_one_moment():
    """Fragments of one page come from one generation, even when another process commits an edit meanwhile."""
    request_started.send(sender=None)
    try:
        first = current_generation()
        cache.set(page_cache.GENERATION_KEY, "edit-committed-by-another-worker", timeout=None)
        assert current_generation() == first

        page_cache.bump_generation()  # this request's own edit: what it reads next is under the new generation
        own = cache.get(page_cache.GENERATION_KEY)
        cache.set(page_cache.GENERATION_KEY, "a-later-edit-elsewhere", timeout=None)
        assert own not in (first, "a-later-edit-elsewhere") and current_generation() == own
    finally:
        request_finished.send(sender=None)

    assert current_generation() == "a-later-edit-elsewhere"


def storable(request):
    return PublicPageCacheMiddleware._storable(request, HttpResponse("page"))


def test_a_response_is_stored_only_when_it_shows_no_message_and_nobody_is_signed_in(rf, student):
    bare = rf.get("/about/")  # no session, no user, no messages: as for a request the middleware skipped
    assert storable(bare)

    visitor = rf.get("/about/")
    visitor.user, visitor._messages = AnonymousUser(), CookieStorage(visitor)
    assert storable(visitor)

    added = rf.get("/about/")
    added._messages = CookieStorage(added)
    added._messages.add(messages.SUCCESS, "Your application was sent.")
    assert not storable(added)

    shown = rf.get("/about/")
    shown._messages = CookieStorage(shown)
    shown._messages._queued_messages = [Message(messages.INFO, "Welcome back.")]
    list(shown._messages)  # the page showed it
    assert not storable(shown)

    signed_in = rf.get("/about/")
    signed_in.user = student
    assert not storable(signed_in)


def test_a_head_request_is_answered_from_the_cache(home_institution, django_assert_num_queries):
    page = Client().get("/about/")

    with django_assert_num_queries(0):
        head = Client().head("/about/")

    assert (head.status_code, head["ETag"]) == (200, page["ETag"])


def test_a_stored_page_lasts_the_rest_of_the_office_s_day(home_institution, django_assert_num_queries):
    with time_machine.travel(MORNING, tick=False):
        page_cache.bump_generation()  # an edit committed
        Client().get("/about/")
    with time_machine.travel(MORNING + datetime.timedelta(hours=12), tick=False), django_assert_num_queries(0):
        assert Client().get("/about/").status_code == 200


def test_a_fragment_lasts_the_rest_of_the_office_s_day():
    computed = []

    def figures():
        computed.append(1)
        return len(computed)

    with time_machine.travel(MORNING, tick=False):
        assert cached_fragment("figures", figures) == 1
    with time_machine.travel(MORNING + datetime.timedelta(hours=12), tick=False):
        assert cached_fragment("figures", figures) == 1


def test_fragments_are_kept_apart_by_what_they_vary_on():
    assert cached_fragment("partners", lambda: "Turkey", vary=("TR",)) == "Turkey"
    assert cached_fragment("partners", lambda: "Korea", vary=("KR",)) == "Korea"
    assert cached_fragment("partners", lambda: "changed", vary=("TR",)) == "Turkey"


def test_with_the_fragment_cache_off_every_fragment_is_computed(settings):
    settings.PUBLIC_FRAGMENT_CACHE = False

    assert cached_fragment("figures", lambda: 1) == 1
    assert cached_fragment("figures", lambda: 2) == 2


def test_cards_of_two_lists_with_the_same_pk_are_kept_apart():
    class Row:
        pk = 7

    def cards(html):
        return lambda items: {item.pk: html for item in items}

    assert cached_item_fragments("partner-card", [Row()], cards("Inha University")) == {7: "Inha University"}
    assert cached_item_fragments("call-card", [Row()], cards("Erasmus+ 2026")) == {7: "Erasmus+ 2026"}
    assert cached_item_fragments("partner-card", [Row()], cards("changed")) == {7: "Inha University"}


@pytest.mark.django_db(transaction=True)
def test_a_fragment_read_outside_any_transaction_is_computed_once():
    computed = []

    def figures():
        computed.append(1)
        return 42

    assert cached_fragment("figures", figures) == cached_fragment("figures", figures) == 42
    assert computed == [1]


def streamed(*chunks):
    return StreamingHttpResponse(iter(chunks))


def test_a_streamed_body_up_to_the_limit_is_read_whole_to_be_stored(monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_STORED_BYTES", 6)
    response = streamed(b"ab", b"cd", b"ef")

    assert page_cache._read_whole(response) == b"abcdef"
    assert b"".join(response.streaming_content) == b"abcdef"


def test_a_streamed_body_over_the_limit_streams_on_whole_and_is_not_stored(monkeypatch):
    monkeypatch.setattr(page_cache, "MAX_STORED_BYTES", 4)
    response = streamed(b"ab", b"cd", b"ef", b"gh")

    assert page_cache._read_whole(response) is None
    assert b"".join(response.streaming_content) == b"abcdefgh"
