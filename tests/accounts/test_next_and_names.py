"""Where a new student was going survives sign-up and the confirmation mail; no page or mail shows a made-up username.

The whole allauth flow runs through the test client; the worker sends the queued verification mail
(``run_jobs()``) and the test follows the link in it, as the student would from their inbox.
"""

import re
from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from intl_office.accounts import local_path
from mobility.emails import application_status_message
from mobility.models import Application
from tests.factories import ApplicationFactory, CallFactory, UserFactory
from tests.jobs import run_jobs

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_institution")]

PASSWORD = "Silk-road-2025-exchange"
SITE = "https://intl.example.org"
EMAIL = "aziza@example.org"
LINK = re.compile(rf"{re.escape(SITE)}(/\S+)")


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def call():
    return CallFactory(title="Erasmus+ semester exchange", slug="erasmus-semester-exchange")


def apply_url(call):
    return reverse("mobility:application-create", kwargs={"slug": call.slug})


def sign_up(client, *, next_url, email=EMAIL):
    """Sign up from the sign-up page a "Sign in to apply" link led to, and let the worker send the mail."""
    response = client.post(
        f"{reverse('account_signup')}?{urlencode({'next': next_url})}",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD, "next": next_url},
    )
    assert response.status_code == 302
    run_jobs()
    return response


def confirmation_link():
    (message,) = mail.outbox
    return LINK.search(message.body).group(1)


def confirm(client, link):
    """Open the link from the mail, then press "Confirm" with what the page's form holds."""
    page = client.get(link)
    assert page.status_code == 200
    (form,) = re.findall(r'<form method="post" action="/accounts/confirm-email/.*?</form>', page.content.decode(), re.S)
    hidden = re.search(r'name="next" value="([^"]*)"', form)
    data = {"next": hidden.group(1)} if hidden else {}
    return client.post(link.split("?")[0], data)


def test_a_student_who_signs_up_to_apply_lands_on_the_call_after_confirming(client, call):
    sign_up(client, next_url=apply_url(call))
    link = confirmation_link()
    assert "next=" in link

    response = confirm(client, link)

    # Confirmed in the browser that signed up: signed in and straight on to the application form.
    assert response.status_code == 302
    assert response.url == apply_url(call)
    assert client.session.get("_auth_user_id")
    form = client.get(response.url)
    assert form.status_code == 200
    assert call.title in form.content.decode()


def test_the_call_survives_the_mail_when_another_browser_opens_it(client, call):
    sign_up(client, next_url=apply_url(call))
    link = confirmation_link()

    phone = Client()  # the student opens the mail on their phone: a session that never saw the sign-up
    response = confirm(phone, link)
    assert EmailAddress.objects.get(email=EMAIL).verified
    assert response.url == apply_url(call)
    # Not signed in there: the form asks them to sign in, and then takes them on to it.
    to_login = phone.get(response.url)
    assert to_login.status_code == 302
    assert to_login.url.startswith(reverse("account_login"))
    login = phone.post(to_login.url, {"login": EMAIL, "password": PASSWORD})
    assert login.url == apply_url(call)


def test_signing_in_later_still_goes_to_the_call(client, call):
    user = UserFactory(email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    response = client.post(
        f"{reverse('account_login')}?{urlencode({'next': apply_url(call)})}",
        {"login": EMAIL, "password": PASSWORD, "next": apply_url(call)},
    )
    assert response.url == apply_url(call)


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example.com/phish",
        "//evil.example.com/phish",
        "/\\evil.example.com",
        "javascript:alert(1)",
        "http://testserver/my/applications/",
    ],
)
def test_a_next_to_anywhere_but_a_local_path_is_refused(client, target):
    sign_up(client, next_url=target)
    link = confirmation_link()
    assert "evil" not in link and "javascript" not in link and "next=" not in link

    response = confirm(client, link)
    assert response.status_code == 302
    assert response.url.startswith("/")
    assert not response.url.startswith("//")
    assert "evil" not in response.url


def test_a_forged_next_in_the_confirmation_link_is_not_followed(client, call):
    sign_up(client, next_url=apply_url(call))
    key_path = confirmation_link().split("?")[0]
    response = Client().post(key_path, {"next": "https://evil.example.com/"})
    assert response.status_code == 302
    assert "evil" not in response.url


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("/calls/x/apply/", True),
        ("/uz/calls/x/?a=1", True),
        ("//evil.example.com", False),
        ("https://evil.example.com/", False),
        ("calls/x/", False),
        ("/\\evil", False),
        ("/\t/evil.example.com", False),  # a browser drops the tab: "//evil.example.com"
        ("///evil.example.com", False),
        (None, False),
    ],
)
def test_local_path_keeps_only_paths_on_this_portal(url, kept):
    assert (local_path(url) == url) is kept


# --- names --------------------------------------------------------------------------------------------


def test_no_mail_or_page_shows_the_username_allauth_made_up(client, call):
    sign_up(client, next_url=apply_url(call))
    user = get_user_model().objects.get(email=EMAIL)
    assert user.username  # allauth made one up ...
    (verification,) = mail.outbox
    assert user.username not in verification.body.replace(EMAIL, "")  # ... and the mail does not show it

    link = confirmation_link()
    page = client.get(link).content.decode()
    assert user.username not in page.replace(EMAIL, "")
    confirm(client, link)

    # The header names the student by their e-mail; the welcome message too.
    home = client.get(reverse("mobility:my-applications")).content.decode()
    assert f'Signed in as <span class="fw-semibold">{EMAIL}</span>' in home
    assert user.username not in home.replace(EMAIL, "")

    mail.outbox.clear()
    client.logout()
    client.post(reverse("account_reset_password"), {"email": EMAIL})
    run_jobs()
    (reset,) = mail.outbox
    assert "username" not in reset.body
    assert user.username not in reset.body.replace(EMAIL, "")


def test_the_header_names_a_student_who_gave_their_name(client):
    user = UserFactory(username="u8f3k2", email="bek@example.org", first_name="Bekzod", last_name="Toshev")
    client.force_login(user)
    page = client.get(reverse("mobility:my-applications")).content.decode()
    assert "Bekzod Toshev" in page
    assert "u8f3k2" not in page


def test_an_application_mail_greets_a_nameless_student_by_e_mail_not_username():
    user = UserFactory(username="u8f3k2", email="bek@example.org", first_name="", last_name="")
    application = ApplicationFactory(student=user, first_name="", last_name="")
    message = application_status_message(application=application, to_status=Application.Status.SUBMITTED)
    assert "Dear bek@example.org," in message.body
    assert "u8f3k2" not in message.body
