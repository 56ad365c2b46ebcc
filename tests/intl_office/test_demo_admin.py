"""demo_admin: a superuser with a published password, only while DEBUG is on."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


def run_demo_admin():
    out = StringIO()
    call_command("demo_admin", stdout=out)
    return out.getvalue()


def printed(output, label):
    return re.search(rf"^\s*{label}: (\S+)$", output, re.MULTILINE).group(1)


@pytest.mark.django_db
def test_creates_a_superuser_whose_printed_password_logs_in(settings, client):
    settings.DEBUG = True

    output = run_demo_admin()

    assert "http://127.0.0.1:8000/admin/" in output
    user = get_user_model().objects.get(username=printed(output, "username"))
    assert user.is_superuser and user.is_staff and user.is_active
    assert user.email.endswith("@example.org")
    assert client.login(username=printed(output, "username"), password=printed(output, "password"))


@pytest.mark.django_db
def test_resets_an_existing_admin_to_the_printed_password(settings, client):
    settings.DEBUG = True
    get_user_model().objects.create_user(username="admin", password="forgotten", is_staff=False)

    output = run_demo_admin()

    assert get_user_model().objects.filter(username="admin").count() == 1
    assert get_user_model().objects.get(username="admin").is_superuser
    assert not client.login(username="admin", password="forgotten")
    assert client.login(username="admin", password=printed(output, "password"))


@pytest.mark.django_db
def test_refuses_with_debug_off_and_creates_nothing(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        run_demo_admin()

    assert not get_user_model().objects.exists()
