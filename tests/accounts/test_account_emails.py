"""allauth's e-mails link to the portal's public address (SITE_URL) and name it, whatever host the
request that sent them used: a student cannot open an internal name or localhost."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories import UserFactory
from tests.jobs import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

SITE = "https://intl.example.org"
PASSWORD = "Silk-road-2025-exchange"
INTERNAL_HOST = "localhost"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


def links(message):
    return re.findall(r"\w+://\S+", message.body)


def test_the_verification_link_is_on_the_public_address_whatever_host_the_sign_up_used(client):
    client.post(
        reverse("account_signup"),
        {"email": "aziza@example.org", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_HOST=INTERNAL_HOST,
    )
    run_jobs()

    (message,) = mail.outbox
    (link,) = links(message)
    assert link.startswith(f"{SITE}/accounts/confirm-email/")
    # The signature names the public address too, not the host the request came by.
    assert message.body.rstrip().endswith("intl.example.org")
    assert INTERNAL_HOST not in message.body
    # The link works: it is allauth's own path on the public address.
    assert client.get(link.removeprefix(SITE)).status_code == 200


def test_the_password_reset_link_keeps_the_language_and_is_on_the_public_address(client):
    user = UserFactory(username="aziza", email="aziza@example.org", password=PASSWORD)
    user.emailaddress_set.create(email=user.email, verified=True, primary=True)
    with translation.override("ru"):
        url = reverse("account_reset_password")

    client.post(url, {"email": "aziza@example.org"}, HTTP_HOST=INTERNAL_HOST)
    run_jobs()

    (message,) = mail.outbox
    (link,) = links(message)
    assert link.startswith(f"{SITE}/ru/accounts/password/reset/key/")
    assert INTERNAL_HOST not in message.body


def test_a_reset_asked_for_an_unknown_address_links_to_sign_up_on_the_public_address(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"}, HTTP_HOST=INTERNAL_HOST)
    run_jobs()

    (message,) = mail.outbox
    assert links(message) == [f"{SITE}/accounts/signup/"]


def test_signing_up_again_with_a_known_address_links_to_the_public_address(client):
    user = UserFactory(username="aziza", email="aziza@example.org", password=PASSWORD)
    user.emailaddress_set.create(email=user.email, verified=True, primary=True)

    client.post(
        reverse("account_signup"),
        {"email": "aziza@example.org", "password1": PASSWORD, "password2": PASSWORD},
        HTTP_HOST=INTERNAL_HOST,
    )
    run_jobs()

    (message,) = mail.outbox
    assert links(message)
    assert all(link.startswith(f"{SITE}/") for link in links(message))
    assert INTERNAL_HOST not in message.body
