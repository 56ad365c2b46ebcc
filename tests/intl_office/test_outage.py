"""While the database is away, visitors get a 503 "back in a minute" page with Retry-After, never a 500.

On SQLite the outage is made at the connection: every statement the connection executes fails
the way a lost server does (``connection.execute_wrapper``). On PostgreSQL (DATABASE_URL set)
it is real: the connection points at a port where no server listens.
"""

import socket

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client

from intl_office.outage import RETRY_AFTER_SECONDS


def server_gone(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def visitor():
    # The test client re-raises a view's exception by default; a browser sees the response.
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "words"),
    [("/", "Back in a minute"), ("/uz/partners/", "Bir daqiqada qaytamiz"), ("/ru/calls/", "Вернёмся через минуту")],
)
def test_pages_answer_503_with_retry_after_in_the_visitors_language(visitor, path, words):
    with connection.execute_wrapper(server_gone):
        response = visitor.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert words in page
    assert "css/site.css" in page  # the site's look, without a query


@pytest.mark.django_db
def test_a_form_sent_during_the_outage_is_told_it_was_not_saved(visitor):
    with connection.execute_wrapper(server_gone):
        response = visitor.post("/accounts/login/", {"login": "aziza@example.org", "password": "secret"})

    assert response.status_code == 503
    assert "it was not saved" in response.content.decode()


@pytest.mark.django_db
def test_the_site_answers_again_once_the_database_is_back(visitor):
    with connection.execute_wrapper(server_gone):
        assert visitor.get("/partners/").status_code == 503
    assert visitor.get("/partners/").status_code == 200


@pytest.mark.django_db
def test_other_database_errors_stay_500(visitor):
    def bug(execute, sql, params, many, context):
        raise ValueError("a bug, not an outage")

    with connection.execute_wrapper(bug):
        response = visitor.get("/partners/")

    assert response.status_code == 500


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_postgresql_that_does_not_answer_gives_503(visitor):
    original = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port())
    try:
        response = visitor.get("/partners/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(original)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert visitor.get("/partners/").status_code == 200


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_postgresql_connection_terminated_mid_session_gives_503_then_recovers(visitor):
    import psycopg

    assert visitor.get("/partners/").status_code == 200
    # A persistent connection, as CONN_MAX_AGE > 0 keeps one: the next request uses the killed one.
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 60
    connection.ensure_connection()
    backend = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [backend])

    try:
        cache.clear()  # the page the first request cached would be served without the database
        response = visitor.get("/partners/")
        # What Django's handler does after every request (the test client leaves it out).
        connection.close_if_unusable_or_obsolete()
        recovered = visitor.get("/partners/")
    finally:
        connection.close()
        connection.settings_dict["CONN_MAX_AGE"] = 0

    assert response.status_code == 503
    assert recovered.status_code == 200
