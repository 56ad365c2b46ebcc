"""A teacher signs up as a member of staff of their department, then completes their profile, in real Chromium."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from intl_office.models import User
from tests.factories import DepartmentFactory, FacultyFactory
from tests.jobs import run_jobs

pytestmark = pytest.mark.browser

EMAIL = "bahodir.toshmatov@example.org"
PASSWORD = "a long teaching passphrase 2025"


def label(text):
    """A label's text as rendered: surrounding white space, an asterisk when the field is required."""
    return re.compile(rf"^\s*{re.escape(text)}\W*$")


def test_a_teacher_signs_up_as_staff_and_completes_the_profile(page: Page, transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    energy = FacultyFactory(name="Faculty of Energy Engineering", slug="energy-engineering")
    power = DepartmentFactory(faculty=energy, name="Department of Electric Power Engineering")
    mail.outbox.clear()

    # Sign-up: "I work here" without a department is refused next to the field; with it, the account is made.
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("I work here").check()
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_text("Choose the department you work in.")).to_be_visible()
    page.get_by_label("Department").select_option(label=f"{power.name} ({energy.name})")
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/accounts/confirm-email/")
    run_jobs()
    (verification,) = mail.outbox
    page.goto(re.search(r"https?://\S+/accounts/confirm-email/\S*", verification.body)[0])
    page.get_by_role("button", name="Confirm").click()

    # The header's account menu leads to the profile, which knows the department; the name and position complete it.
    page.get_by_role("button", name="My account").click()
    page.get_by_role("link", name="My profile").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My profile")
    expect(page.get_by_label("I work here")).to_be_checked()
    page.get_by_label(label("First name")).fill("Bahodir")
    page.get_by_label(label("Last name")).fill("Toshmatov")
    page.get_by_label("Position").fill("Associate professor")
    page.get_by_label("Academic degree and title").fill("PhD, associate professor")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your profile is saved.")).to_be_visible()
    expect(page.locator("header.site-header")).to_contain_text("Bahodir Toshmatov")

    person = User.objects.get(email=EMAIL)
    assert (person.affiliation, person.department, person.position) == (
        User.Affiliation.EMPLOYEE,
        power,
        "Associate professor",
    )
