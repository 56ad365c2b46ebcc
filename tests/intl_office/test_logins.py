"""Every login goes through the one sign-in page (allauth), the admin's too, with its limits and a second factor."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.urls import reverse

from intl_office.roles import OFFICE_STAFF
from tests.factories import UserFactory
from tests.mfa import enrolled, totp_code

PASSWORD = "correct horse battery staple"  # tests/factories.py gives every user this one
TOO_MANY = "Too many failed login attempts"


def admin_login(client, username, password):
    """Signing in on the way to the admin, as /admin/login/ sends staff to do."""
    return client.post("/accounts/login/?next=/admin/", {"login": username, "password": password, "next": "/admin/"})


@pytest.fixture
def officer(db):
    return enrolled(UserFactory(username="officer", email="officer@example.org", is_staff=True, is_superuser=True))


def test_admin_login_asks_an_enrolled_account_for_its_code_before_the_admin(client, officer):
    response = admin_login(client, "officer", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not signed in yet

    wrong_code = f"{(int(totp_code(officer.totp_secret)) + 1) % 1_000_000:06d}"
    assert client.post(reverse("mfa_authenticate"), {"code": wrong_code}).status_code == 200
    assert client.get("/admin/").status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(officer.totp_secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_refuses_a_wrong_password_naming_both_ways_to_sign_in(client, officer):
    page = admin_login(client, "officer", "wrong").content.decode()
    assert "The e-mail address, username or password is not correct." in page


def test_admin_login_locks_after_5_wrong_passwords_even_the_right_one(client, officer):
    for _attempt in range(5):
        assert TOO_MANY not in admin_login(client, "officer", "wrong").content.decode()
    response = admin_login(client, "officer", PASSWORD)
    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()


def test_the_lock_counts_one_account_whether_typed_as_username_or_email(client, officer):
    for _attempt in range(3):
        admin_login(client, "officer", "wrong")
    for _attempt in range(2):
        client.post(reverse("account_login"), {"login": "OFFICER@example.org", "password": "wrong"})
    assert TOO_MANY in admin_login(client, "officer", PASSWORD).content.decode()


def test_student_login_is_refused_from_the_6th_try(client, db):
    student = UserFactory(email="aziza@example.org")
    EmailAddress.objects.create(user=student, email=student.email, verified=True, primary=True)
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": student.email, "password": "wrong"})
    response = client.post(reverse("account_login"), {"login": student.email, "password": PASSWORD})
    assert TOO_MANY in response.content.decode()


@pytest.mark.parametrize("role", ["superuser", "office staff"])
def test_an_account_that_can_change_everything_sets_up_a_second_factor_before_the_admin(client, db, role):
    user = UserFactory(is_staff=True, is_superuser=role == "superuser")
    if role == "office staff":
        user.groups.add(Group.objects.get(name=OFFICE_STAFF))
    client.force_login(user)
    for path in ("/admin/", "/admin/partners/institution/", "/staff/", "/ru/admin/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"] == reverse("mfa_activate_totp")


def test_once_enrolled_the_admin_opens(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    assert client.get("/admin/").status_code == 302
    enrolled(user)
    assert client.get("/admin/").status_code == 200


def test_a_coordinator_needs_no_second_factor(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200


def test_a_signed_in_student_at_the_admin_login_is_told_so_not_sent_round_in_a_loop(client, student):
    client.force_login(student)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert response.redirect_chain == [("/admin/login/?next=/admin/", 302)]
    page = response.content.decode()
    assert "without access to the staff pages" in page
    # Signing out from there comes back to the sign-in page, still on the way to the admin.
    assert 'value="/accounts/login/?next=/admin/"' in page


def test_demo_admin_has_a_second_factor_and_prints_how_to_pass_it(settings, db):
    from io import StringIO

    from allauth.mfa.utils import is_mfa_enabled
    from django.core.management import call_command

    from intl_office.models import User

    settings.DEBUG = True
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = "000000"
    out = StringIO()
    call_command("demo_admin", stdout=out)
    assert is_mfa_enabled(User.objects.get(username="admin"))
    assert "authenticator code: 000000" in out.getvalue()
