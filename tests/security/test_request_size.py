"""A request body over the limit is refused with 413 before anything reads it (intl_office/middleware.py)."""

import pytest
from django.urls import reverse

from intl_office.uploads import max_request_bytes
from tests.factories import CallFactory

pytestmark = pytest.mark.django_db


class UnreadableBody:
    """A request body that fails the test if anybody reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body was read")

    readline = read


def post_declaring(client, url, length, **extra):
    return client.generic(
        "POST",
        url,
        b"",
        content_type="multipart/form-data; boundary=BoUnDaRy",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": UnreadableBody()},
        **extra,
    )


def test_the_default_limit_leaves_room_for_a_full_application_form(settings):
    settings.UPLOAD_REQUEST_MAX_BYTES = None
    settings.APPLICATION_UPLOAD_MAX_BYTES = 5 * 1024 * 1024
    assert max_request_bytes() == 8 * 5 * 1024 * 1024 + 1024 * 1024


def test_an_oversized_application_form_gets_413_unread(client, student, settings):
    settings.UPLOAD_REQUEST_MAX_BYTES = 6 * 1024 * 1024
    call = CallFactory()
    client.force_login(student)
    response = post_declaring(client, reverse("mobility:application-create", args=[call.slug]), 6 * 1024 * 1024 + 1)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Too much to upload at once" in page
    assert "6.0\xa0MB" in page
    assert response["Connection"] == "close"


def test_an_oversized_admin_upload_gets_413_unread(client, staff):
    client.force_login(staff)
    response = post_declaring(client, reverse("admin:partners_agreement_add"), max_request_bytes() + 1)
    assert response.status_code == 413


def test_anonymous_posts_anywhere_are_limited_too(client):
    response = post_declaring(client, reverse("account_login"), 10 * 1024**3)
    assert response.status_code == 413


def test_a_chunked_body_without_a_length_gets_411(client, student):
    client.force_login(student)
    response = post_declaring(client, reverse("account_login"), 0, HTTP_TRANSFER_ENCODING="chunked")
    assert response.status_code == 411
    assert "without saying how large it is" in response.content.decode()


def test_a_body_within_the_limit_goes_through(client):
    response = client.post(reverse("account_login"), {"login": "nobody@example.org", "password": "wrong"})
    assert response.status_code == 200


def test_a_length_that_is_not_a_number_is_not_an_error(client):
    response = client.get("/", CONTENT_LENGTH="a lot")
    assert response.status_code == 200


def test_the_page_is_translated(client, settings):
    settings.UPLOAD_REQUEST_MAX_BYTES = 1024
    response = post_declaring(client, "/ru/partners/", 2048)
    assert response.status_code == 413
    assert '<html lang="ru"' in response.content.decode()
