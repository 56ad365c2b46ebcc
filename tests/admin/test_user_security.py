"""Accounts in the admin: a member of the office looks after accounts but can never raise anybody's rights.

Office staff (intl_office/roles.py, a group made by intl_office/migrations/0003_roles.py) hold change_user.
For them is_superuser, groups and user_permissions are read-only, and an account holding a right they lack
(a superuser's above all) is closed: its page, its password page and its deletion answer 403. A superuser
still does everything.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from intl_office.models import User
from intl_office.roles import FACULTY_COORDINATOR, OFFICE_STAFF, VIEWER
from tests.admin import admin_url, form_data, form_errors
from tests.factories import UserFactory
from tests.mfa import enrolled

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Registan-square-at-dawn-1420"


def group(name):
    return Group.objects.get(name=name)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def password_url(user):
    # Django names the view after auth's own User whatever the user model: /admin/intl_office/user/<id>/password/.
    return reverse("admin:auth_user_password_change", args=[user.pk])


NEW_PASSWORD_FORM = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"}


def permission(label):
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@pytest.fixture
def office_user(db):
    user = UserFactory(username="office", is_staff=True)
    user.groups.add(group(OFFICE_STAFF))
    return enrolled(user)


@pytest.fixture
def office(office_user):
    return logged_in(office_user)


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_staff=True, is_superuser=True)


@pytest.fixture
def plain(db):
    return UserFactory(username="plain")


# --- office staff cannot raise rights ------------------------------------------------------------


def test_office_staff_see_the_rights_fields_but_no_input_for_them(office, office_user):
    html = office.get(admin_url(User, "change", office_user.pk)).content.decode()

    for field in ("is_superuser", "groups", "user_permissions"):
        assert f'name="{field}"' not in html
    assert 'name="is_staff"' in html


def test_office_staff_posting_superuser_and_groups_on_their_own_form_changes_nothing(office, office_user):
    url = admin_url(User, "change", office_user.pk)
    data = form_data(office.get(url), User)
    data.update(
        is_superuser="on",
        groups=[str(group(OFFICE_STAFF).pk), str(group(VIEWER).pk)],
        user_permissions=[str(permission("auth.change_group").pk)],
        first_name="Nodira",
    )

    response = office.post(url, data)

    assert response.status_code == 302, form_errors(response)
    office_user.refresh_from_db()
    assert office_user.first_name == "Nodira"  # the form was saved; the rights in it were not
    assert office_user.is_superuser is False
    assert list(office_user.groups.values_list("name", flat=True)) == [OFFICE_STAFF]
    assert not office_user.user_permissions.exists()


def test_office_staff_cannot_give_a_colleague_rights(office, plain):
    url = admin_url(User, "change", plain.pk)
    data = form_data(office.get(url), User)
    data.update(is_superuser="on", groups=[str(group(OFFICE_STAFF).pk)])

    response = office.post(url, data)

    assert response.status_code == 302, form_errors(response)
    plain.refresh_from_db()
    assert plain.is_superuser is False
    assert not plain.groups.exists()


def test_office_staff_may_open_the_admin_to_an_account_that_holds_no_more_than_they_do(office, plain):
    # is_staff stays theirs to tick: it opens the admin, the rights inside come from a superuser only.
    coordinator = UserFactory(username="coordinator-to-be")
    coordinator.groups.add(group(FACULTY_COORDINATOR))
    for account in (plain, coordinator):
        url = admin_url(User, "change", account.pk)
        data = form_data(office.get(url), User)
        data["is_staff"] = "on"

        response = office.post(url, data)

        assert response.status_code == 302, form_errors(response)
        account.refresh_from_db()
        assert account.is_staff is True


def test_office_staff_reset_the_password_of_an_account_they_may_edit(office, plain):
    response = office.post(password_url(plain), NEW_PASSWORD_FORM)

    assert response.status_code == 302
    plain.refresh_from_db()
    assert plain.check_password(NEW_PASSWORD)


# --- accounts above them are closed --------------------------------------------------------------


def test_office_staff_cannot_open_or_change_a_superusers_page(office, root):
    url = admin_url(User, "change", root.pk)

    opened = office.get(url)
    posted = office.post(url, {"username": "root", "first_name": "Taken", "is_active": ""})

    assert opened.status_code == 403
    assert posted.status_code == 403
    root.refresh_from_db()
    assert root.first_name != "Taken"
    assert root.is_active and root.is_superuser


def test_office_staff_cannot_open_or_post_a_superusers_password_page(office, root):
    opened = office.get(password_url(root))
    posted = office.post(password_url(root), NEW_PASSWORD_FORM)

    assert opened.status_code == 403
    assert posted.status_code == 403
    root.refresh_from_db()
    assert not root.check_password(NEW_PASSWORD)


def test_office_staff_cannot_delete_a_superuser_one_by_one_or_in_bulk(office, root):
    assert office.get(admin_url(User, "delete", root.pk)).status_code == 403
    assert office.post(admin_url(User, "delete", root.pk), {"post": "yes"}).status_code == 403
    bulk = office.post(
        admin_url(User, "changelist"), {"action": "delete_selected", "_selected_action": [root.pk], "post": "yes"}
    )

    assert bulk.status_code == 403
    assert User.objects.filter(pk=root.pk).exists()


def test_office_staff_cannot_read_a_superusers_history(office, root):
    assert office.get(admin_url(User, "history", root.pk)).status_code == 403


@pytest.mark.parametrize("is_active", [True, False], ids=["active", "inactive"])
def test_an_account_holding_a_right_office_staff_lack_is_closed_to_them(office, is_active):
    # Signing in as an account with more rights is escalation too; an inactive one gets its rights back
    # the moment somebody ticks is_active.
    mightier = UserFactory(username="mightier", is_staff=True, is_active=is_active)
    mightier.user_permissions.add(permission("auth.change_group"))

    assert office.get(admin_url(User, "change", mightier.pk)).status_code == 403
    assert office.post(admin_url(User, "change", mightier.pk), {"username": "mightier"}).status_code == 403
    assert office.post(password_url(mightier), NEW_PASSWORD_FORM).status_code == 403
    assert office.get(admin_url(User, "delete", mightier.pk)).status_code == 403


def test_office_staff_still_look_after_their_colleagues_accounts(office):
    colleague = UserFactory(username="colleague", is_staff=True)
    colleague.groups.add(group(OFFICE_STAFF))

    assert office.get(admin_url(User, "change", colleague.pk)).status_code == 200
    assert office.get(password_url(colleague)).status_code == 200


def test_the_user_list_still_lists_superusers_for_office_staff(office, root):
    response = office.get(admin_url(User, "changelist"))

    assert response.status_code == 200
    assert root in response.context["cl"].result_list


# --- a superuser does everything (``staff_client`` is signed in as one, as the demo admin is) ------


def test_a_superuser_gives_rights(staff_client, plain):
    url = admin_url(User, "change", plain.pk)
    data = form_data(staff_client.get(url), User)
    data.update(
        is_staff="on",
        is_superuser="on",
        groups=[str(group(OFFICE_STAFF).pk)],
        user_permissions=[str(permission("auth.change_group").pk)],
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, form_errors(response)
    plain.refresh_from_db()
    assert plain.is_staff and plain.is_superuser
    assert list(plain.groups.values_list("name", flat=True)) == [OFFICE_STAFF]
    assert list(plain.user_permissions.all()) == [permission("auth.change_group")]


def test_a_superuser_changes_another_superuser_and_their_password(staff_client, root):
    url = admin_url(User, "change", root.pk)
    data = form_data(staff_client.get(url), User)
    data["first_name"] = "Bobur"

    saved = staff_client.post(url, data)
    password_page = staff_client.get(password_url(root))
    password = staff_client.post(password_url(root), NEW_PASSWORD_FORM)

    assert saved.status_code == 302, form_errors(saved)
    assert password_page.status_code == 200
    assert password.status_code == 302
    root.refresh_from_db()
    assert root.first_name == "Bobur"
    assert root.check_password(NEW_PASSWORD)


def test_a_superuser_deletes_another_superuser(staff_client, root):
    assert staff_client.get(admin_url(User, "delete", root.pk)).status_code == 200

    staff_client.post(admin_url(User, "delete", root.pk), {"post": "yes"})

    assert not User.objects.filter(pk=root.pk).exists()
