"""No input answers 500: every URL pattern, in every language, as every kind of user, with hostile input.

The URLs come from the resolver (``tests/security/hostile.py``), so a page added tomorrow is fuzzed too.
Junk is spread over the requests in turn rather than multiplied out, which keeps the run under a
minute while every junk value still reaches every kind of view.
"""

import logging
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client

from tests.security.hostile import (
    HOSTILE_HEADERS,
    Prober,
    build_world,
    hostile_form,
    hostile_queries,
    hostile_upload,
    pages_without_placeholders,
    urls_to_fuzz,
    with_language,
)

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
USERS = ["anonymous", "student", "staff"]


@pytest.fixture(autouse=True)
def _quiet_logs():
    """Thousands of 404s and 405s would flood the log; the prober records what matters."""
    logging.disable(logging.WARNING)
    yield
    logging.disable(logging.NOTSET)


@pytest.fixture
def prober(request, student, staff):
    build_world(student)
    client = Client()
    user = {"anonymous": None, "student": student, "staff": staff}[request.param]
    if user is not None:
        client.force_login(user)
    prober = Prober(client)
    prober.staff = user is staff
    return prober


def _worth_sending(prober, url, real):
    """The admin sends everyone but staff to its login page before it reads the path: real rows suffice there."""
    return real or prober.staff or not url.startswith("/admin/")


@pytest.mark.parametrize("prober", USERS, indirect=True)
def test_every_url_in_every_language_with_hostile_query_and_headers(prober, student):
    """Real rows in every language; junk in the path in one language each, the languages taking turns."""
    queries = hostile_queries()
    for turn, (url, i18n, real) in enumerate(urls_to_fuzz(student, junk_per_slot=1)):
        if not _worth_sending(prober, url, real):
            continue
        codes = LANGUAGES if real else [LANGUAGES[turn % len(LANGUAGES)]]
        if not i18n:
            codes = [settings.LANGUAGE_CODE]
        for step, code in enumerate(codes):
            query = queries[(turn + step) % len(queries)]
            headers = HOSTILE_HEADERS[(turn + step) % len(HOSTILE_HEADERS)]
            prober.send("get", f"{with_language(url, code)}?{query}", headers)

    assert not prober.failures, prober.report()


@pytest.mark.parametrize("prober", USERS, indirect=True)
def test_every_url_with_hostile_form_bodies(prober, student):
    """POST junk to everything, urlencoded and as multipart with NUL and path file names, in turn."""
    queries = hostile_queries()
    for turn, (url, i18n, real) in enumerate(urls_to_fuzz(student, junk_per_slot=1)):
        if not _worth_sending(prober, url, real):
            continue
        code = LANGUAGES[turn % len(LANGUAGES)] if i18n else settings.LANGUAGE_CODE
        target = f"{with_language(url, code)}?{queries[turn % len(queries)]}"
        if turn % 2:
            body, content_type = hostile_upload(turn)
            prober.send("post", target, data=body, content_type=content_type)
        else:
            body = urlencode(hostile_form(turn), doseq=True)
            prober.send("post", target, data=body, content_type="application/x-www-form-urlencoded")

    assert not prober.failures, prober.report()


@pytest.mark.parametrize("prober", ["anonymous", "staff"], indirect=True)
def test_every_hostile_query_on_every_page_without_placeholders(prober):
    """Lists, searches, exports and forms read the query string: each public page gets every junk query.

    The admin's pages get two each, in turn; tests/security/test_fuzz_admin.py tries each changelist
    parameter on its own.
    """
    queries = hostile_queries()
    for turn, url in enumerate(pages_without_placeholders()):
        chosen = [queries[(2 * turn + k) % len(queries)] for k in range(2)] if url.startswith("/admin/") else queries
        for query in chosen:
            prober.send("get", f"{url}?{query}")

    assert not prober.failures, prober.report()
