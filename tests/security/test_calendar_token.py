"""The calendar feed's address: its owner renews it, a new password closes it, nobody else touches it.

The renewal button is tried three ways (anonymous, a student, its staff owner) and only by POST with CSRF.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from intl_office.roles import VIEWER
from intl_office.staff import calendar
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

FEED = reverse("staff:calendar")
ROTATE = reverse("staff:calendar-rotate")


def reader(**kwargs):
    """A staff member with a role that reads the feed."""
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=VIEWER))
    return user


def feed_url(user):
    return f"{FEED}?token={calendar.calendar_token(user)}"


def signed_in(user, **kwargs):
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.fixture
def owner():
    return reader(username="owner")


def test_a_renewed_address_opens_the_feed_and_the_old_one_is_refused(client, owner):
    old = feed_url(owner)
    assert client.get(old).status_code == 200

    calendar.calendar_token_rotate(user=owner)

    assert client.get(old).status_code == 404
    assert client.get(feed_url(owner)).status_code == 200


def test_a_new_password_closes_the_old_address(client, owner):
    old = feed_url(owner)

    owner.set_password("a brand new passphrase 2026")
    owner.save()

    assert client.get(old).status_code == 404
    assert client.get(feed_url(owner)).status_code == 200


def test_the_address_holds_no_readable_trace_of_the_password(owner):
    token = calendar.calendar_token(owner)

    assert owner.password not in token
    assert owner.password.split("$")[-1] not in token


def test_renewing_ones_address_leaves_a_colleagues_working(client, owner):
    colleague = reader(username="colleague")
    theirs = feed_url(colleague)

    calendar.calendar_token_rotate(user=owner)

    assert client.get(theirs).status_code == 200


# --- the button ----------------------------------------------------------------------------------


def test_anonymous_visitor_cannot_renew_an_address(client):
    response = client.post(ROTATE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_a_student_cannot_renew_an_address(student):
    response = signed_in(student).post(ROTATE)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    student.refresh_from_db()
    assert student.calendar_token_version == 0


def test_the_owner_renews_their_address_from_the_dashboard(client, owner):
    old = feed_url(owner)
    browser = signed_in(owner)

    response = browser.post(ROTATE, follow=True)

    assert response.redirect_chain == [(reverse("staff:dashboard"), 302)]
    assert "Your calendar has a new address." in response.content.decode()
    assert client.get(old).status_code == 404
    new_path = "/" + response.context["feed_url"].split("/", 3)[3]  # the dashboard shows the new address
    assert client.get(new_path).status_code == 200
    owner.refresh_from_db()
    assert owner.calendar_token_version == 1


def test_the_button_renews_only_the_address_of_whoever_presses_it(client, owner):
    colleague = reader(username="colleague")
    theirs = feed_url(colleague)

    signed_in(owner).post(ROTATE)

    assert client.get(theirs).status_code == 200


def test_renewing_needs_a_post(owner):
    old = feed_url(owner)

    assert signed_in(owner).get(ROTATE).status_code == 405
    assert Client().get(old).status_code == 200


def test_renewing_needs_the_csrf_token(owner):
    # Without it, any page the owner visits could close their address behind their back.
    old = feed_url(owner)

    response = signed_in(owner, enforce_csrf_checks=True).post(ROTATE)

    assert response.status_code == 403
    assert Client().get(old).status_code == 200
