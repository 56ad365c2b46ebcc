"""One sign-in page: students by e-mail, staff by username or e-mail; the admin's login sends there."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"  # tests/factories.py gives every user this one
WRONG = "The e-mail address, username or password is not correct."


def sign_in(client, login, password=PASSWORD, next_url=None):
    data = {"login": login, "password": password}
    if next_url is not None:
        data["next"] = next_url
    return client.post(reverse("account_login"), data)


@pytest.fixture
def teacher(db):
    """Staff without a role that needs a second factor, whose address nobody verified (an administrator made it)."""
    return UserFactory(username="d.karimov", email="d.karimov@example.org", is_staff=True)


def test_the_page_says_which_login_is_whose(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert "E-mail or username" in page
    assert "Students: your e-mail address. Staff: your username or your e-mail address." in page
    assert 'name="login"' in page and 'autocomplete="username"' in page


@pytest.mark.parametrize("login", ["d.karimov", "D.Karimov@example.org"])
def test_staff_sign_in_with_username_or_email_and_land_on_their_dashboard(client, teacher, login):
    response = sign_in(client, login)
    assert response.status_code == 302
    assert response["Location"] == reverse("staff:dashboard")
    assert client.get(reverse("staff:dashboard")).status_code == 200


def test_staff_go_where_they_were_going(client, teacher):
    response = sign_in(client, "d.karimov", next_url="/admin/partners/institution/")
    assert response["Location"] == "/admin/partners/institution/"


def test_a_student_signs_in_with_the_email(client, student):
    response = sign_in(client, student.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mobility:my-applications")
    assert client.get(reverse("mobility:my-applications")).status_code == 200


def test_a_wrong_password_says_so_and_signs_nobody_in(client, teacher, student):
    for login in ("d.karimov", student.email, "nobody@example.org"):
        response = sign_in(client, login, password="not the password")
        assert response.status_code == 200
        assert WRONG in response.content.decode()
        assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "hostile", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_a_hostile_next_is_ignored(client, teacher, hostile):
    response = sign_in(client, "d.karimov", next_url=hostile)
    assert response["Location"] == reverse("staff:dashboard")


def test_a_hostile_login_is_refused_plainly(client, db):
    response = sign_in(client, "<script>alert(1)</script>" + "x" * 400)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_admins_login_sends_to_the_sign_in_page_keeping_next(client, db, method):
    response = getattr(client, method)("/admin/login/?next=/admin/mobility/visit/%3Fo%3D1")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={quote('/admin/mobility/visit/?o=1', safe='')}"


def test_the_admins_login_without_next_sends_on_to_the_admin(client, db):
    response = client.get("/ru/admin/login/")
    assert response["Location"] == "/ru/accounts/login/?next=%2Fru%2Fadmin%2F"


def test_the_admins_login_drops_a_hostile_next(client, db):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fadmin%2F"


def test_a_staff_page_sends_an_anonymous_visitor_through_the_admins_login_to_the_sign_in_page(client, db):
    response = client.get(reverse("staff:dashboard"), follow=True)
    assert response.redirect_chain[-1][0] == f"{reverse('account_login')}?next=%2Fstaff%2F"
    assert "E-mail or username" in response.content.decode()
