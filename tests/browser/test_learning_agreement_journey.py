"""A learning agreement from the student's draft to the approved PDF, in real Chromium.

The student lists their courses and submits; the host's coordinator opens the link from their
e-mail and approves; the faculty coordinator approves in the admin; the student sees the version
approved and downloads its PDF. Sessions are handed to the browser as cookies: signing in is
tested in test_application_journey.py.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from playwright.sync_api import Page, expect

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import LearningAgreementVersion
from tests.browser.exchange import sign_in_as
from tests.factories import FacultyFactory, UserFactory
from tests.jobs import run_jobs
from tests.mobility.learning_agreements import accepted_mobility, page_url

pytestmark = pytest.mark.browser


def test_learning_agreement_from_draft_to_approved_pdf(page: Page, live_server, transactional_db):
    faculty = FacultyFactory(name="Faculty of Chemical Engineering", slug="chemical-engineering")
    student = UserFactory(username="dilnoza", first_name="Дилноза", last_name="Каримова")
    coordinator = UserFactory(username="rustam", is_staff=True, faculty=faculty, first_name="Rustam")
    # The table flush of a live-server test takes the roles' rights with it: give the coordinators theirs again.
    group, _created = Group.objects.get_or_create(name=FACULTY_COORDINATOR)
    group.permissions.add(*Permission.objects.filter(codename__startswith="view_learningagreement"))
    coordinator.groups.add(group)
    application, _mobility = accepted_mobility(student=student, faculty=faculty)

    # The student lists two courses, removes neither, and submits.
    sign_in_as(page, student, live_server)
    page.goto("/my/applications/")
    page.get_by_role("link", name="Learning agreement").click()
    expect(page).to_have_url(re.compile(re.escape(page_url(application))))
    courses = [("CS301", "Distributed Systems", "6"), ("CS302", "Compilers", "4.5")]
    for index, (code, title, credits) in enumerate(courses):
        page.locator(f"#id_rows-{index}-host_code").fill(code)
        page.locator(f"#id_rows-{index}-host_title").fill(title)
        page.locator(f"#id_rows-{index}-host_credits").fill(credits)
        page.locator(f"#id_rows-{index}-semester").select_option("autumn")
    page.locator("#id_rows-0-home_title").fill("Taqsimlangan tizimlar")
    page.get_by_role("button", name="Submit for approval").click()
    expect(page.get_by_text("Submitted: both coordinators have been asked to approve it.")).to_be_visible()

    # The host's coordinator answers from the e-mail, without an account.
    run_jobs()
    host_mail = next(message for message in mail.outbox if message.to == ["ayse@metu.example.org"])
    link = re.search(r"https?://\S+/host/learning-agreements/\S+", host_mail.body)[0]
    page.context.clear_cookies()
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    expect(page.get_by_text("Distributed Systems")).to_be_visible()
    page.get_by_label("Approve this version").check()
    page.get_by_label("Your name").fill("Ayşe Demir")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text("Thank you: your answer has been recorded.")).to_be_visible()
    expect(page.get_by_role("button", name="Send my answer")).to_have_count(0)

    # The faculty coordinator approves in the admin.
    sign_in_as(page, coordinator, live_server)
    page.goto("/admin/mobility/learningagreement/")
    page.get_by_role("link", name="Дилноза Каримова").click()
    page.get_by_label("Approve this version").check()
    page.get_by_role("button", name="Record my answer").click()
    expect(page.get_by_text("Your answer has been recorded")).to_be_visible()

    # The student finds it approved and downloads the PDF.
    assert LearningAgreementVersion.objects.get().state == LearningAgreementVersion.State.APPROVED
    sign_in_as(page, student, live_server)
    page.goto(page_url(application))
    expect(page.get_by_text("is approved by both coordinators")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename.endswith(".pdf")
