"""A person's language: set at sign-up from the page's language, changed on the profile, and what e-mails follow."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import translation

from intl_office.people import SignupDetailsForm, language_of
from mobility.expert_emails import guest_reminder_message
from mobility.models import Expert
from mobility.staff_emails import person_language
from mobility.trip_emails import language_of as trip_language_of
from tests.factories import ExpertFactory, UserFactory

pytestmark = pytest.mark.django_db

PROFILE = "/my/profile/"


def test_signing_up_on_the_russian_pages_writes_to_the_person_in_russian():
    user = UserFactory()
    form = SignupDetailsForm(data={"affiliation": "student"})
    assert form.is_valid(), form.errors

    with translation.override("ru"):
        form.signup(RequestFactory().get("/ru/accounts/signup/"), user)

    user.refresh_from_db()
    assert user.language == "ru"


def test_the_profile_changes_the_language_and_refuses_one_the_portal_does_not_speak(client):
    user = UserFactory(first_name="Bahodir", last_name="Toshmatov", language="en")
    client.force_login(user)
    data = {"first_name": "Bahodir", "last_name": "Toshmatov", "affiliation": "student", "department": ""}

    refused = client.post(PROFILE, {**data, "language": "de"})
    assert refused.status_code == 200 and "language" in refused.context["form"].errors
    user.refresh_from_db()
    assert user.language == "en"

    assert client.post(PROFILE, {**data, "language": "uz"}).status_code == 302
    user.refresh_from_db()
    assert user.language == "uz"


def test_the_profile_offers_each_language_in_itself_and_the_pages_own_first(client):
    client.force_login(UserFactory(language=""))

    with translation.override("ru"):
        page = client.get("/ru" + PROFILE).content.decode()

    assert '<option value="ru" selected>Русский</option>' in page
    assert "O‘zbekcha" in page and "English" in page


@pytest.mark.parametrize(("own", "fallback", "expected"), [("uz", "ru", "uz"), ("", "ru", "ru"), ("", None, "en")])
def test_a_persons_language_comes_before_any_guess(own, fallback, expected):
    assert language_of(UserFactory(language=own), fallback=fallback) == expected


def test_heads_and_holders_are_written_to_in_their_own_language():
    head = UserFactory(language="uz")

    assert person_language(head, fallback="ru") == "uz"
    assert trip_language_of(head) == "uz"


def test_the_guest_reminder_reaches_the_responsible_member_of_staff_in_their_language():
    responsible = UserFactory(is_staff=True, language="ru", email="officer@example.org")
    expert = ExpertFactory(full_name="Maria Schneider", responsible=responsible)

    message = guest_reminder_message(
        expert=expert,
        deadline=Expert.Deadline.REGISTRATION,
        due_on=datetime.date(2026, 3, 10),
        days_left=0,
        recipient="officer@example.org",
    )

    assert message.subject == "Срок регистрации Maria Schneider — сегодня"
