"""A student's application from sign-up to acceptance, and the office's review of it, in real Chromium.

The live server runs in this process with the locmem e-mail backend: the test runs the jobs the
pages queued, as the worker would, and reads the verification and status e-mails from
``django.core.mail.outbox`` as the student would read their inbox.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from mobility.models import Application, Mobility
from programs.models import Call
from tests.files import pdf_bytes, png_bytes
from tests.jobs import run_jobs
from tests.mfa import answer_code_prompt, enrolled

pytestmark = pytest.mark.browser

EMAIL = "aziza.karimova@example.org"
PASSWORD = "a long exchange passphrase 2025"
STAFF_USERNAME = "office-reviewer"
STAFF_PASSWORD = "reviewing applications 2025"
# "Password*": required fields carry an asterisk in their label.
PASSWORD_LABEL = re.compile(r"^\s*Password\W*$")


def label(text):
    """A label's text as rendered: surrounding white space, an asterisk when the field is required."""
    return re.compile(rf"^\s*{re.escape(text)}\W*$")


def link_to(path, message):
    match = re.search(rf"https?://\S+{re.escape(path)}\S*", message.body)
    assert match, f"no link to {path} in: {message.body}"
    return match[0]


def sign_in(page: Page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail or username").fill(email)
    page.get_by_label(PASSWORD_LABEL).fill(password)
    page.get_by_role("button", name="Sign In").click()


def sign_out(page: Page):
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign Out").click()


def documents(tmp_path, call):
    """A real small PDF for each document the call asks for, and a PNG photo."""
    files = {}
    for document_type in call.required_documents.all():
        path = tmp_path / f"{document_type.slug}.pdf"
        path.write_bytes(pdf_bytes(document_type.name_en))
        files[document_type.name_en] = path
    photo = tmp_path / "photo.png"
    photo.write_bytes(png_bytes(size=(300, 400)))
    return files, photo


def test_a_student_applies_and_the_office_accepts(page: Page, demo, tmp_path, live_server, settings):
    # The e-mails link to the portal's public address, which here is the live server.
    settings.SITE_URL = live_server.url
    call = Call.objects.open().filter(audience=Call.Audience.STUDENTS).get()
    files, photo = documents(tmp_path, call)
    mail.outbox.clear()

    # From the call, a new student is asked to sign in, signs up instead, and confirms the address
    # from the e-mail: the confirmation takes them back to the call's application form, signed in.
    page.goto(call.get_absolute_url())
    expect(page.get_by_text("Students: Bachelor, Master · years of study from 2")).to_be_visible()
    page.get_by_role("link", name="Apply now").click()
    page.wait_for_url(re.compile(r"/accounts/login/\?next="))
    page.get_by_role("link", name="sign up").click()
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/accounts/confirm-email/")
    run_jobs()  # the worker sends what the sign-up queued
    (verification,) = mail.outbox
    assert "username" not in verification.body
    page.goto(link_to("/accounts/confirm-email/", verification))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(f"**/calls/{call.slug}/apply/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(call.title_en)
    expect(page.locator("header.site-header")).to_contain_text(EMAIL)  # the header names them by their e-mail

    # Submitting the empty form lists what is missing at the top, linking to each field.
    page.get_by_role("button", name="Submit application").click()
    summary = page.get_by_role("alert").filter(has_text="Nothing was saved")
    expect(summary).to_be_visible()
    summary.get_by_role("link", name="First name").click()
    expect(page.get_by_label("First name")).to_be_focused()

    # Apply to the open call: fill in the form, upload the files, save a draft, then submit.
    page.get_by_label("First name").fill("Aziza")
    page.get_by_label("Last name").fill("Karimova")
    page.get_by_label("Date of birth").fill("2004-04-12")
    page.get_by_label("Nationality").select_option("UZ")
    page.get_by_label("Phone").fill("+998 90 123 45 67")
    page.get_by_label("Faculty").select_option(label="Faculty of Energy Engineering")
    page.get_by_label("Level of study").select_option("bachelor")
    page.get_by_label("Year of study").fill("3")
    page.get_by_label("GPA").fill("4.60")
    page.get_by_role("combobox", name="Language certificate").select_option("ielts")
    page.get_by_label("Language score").fill("7.0")
    motivation = "I want to study power engineering at a European partner university."
    page.get_by_role("textbox", name="Motivation letter").fill(motivation)
    warsaw = call.hosts.get(name_en="Warsaw University of Technology")
    page.get_by_label("First choice").select_option(str(warsaw.pk))
    for name, path in files.items():
        # A document may be named like a form field ("Language certificate"): the file input of that name.
        page.locator("input[type=file]").and_(page.get_by_label(label(name))).set_input_files(path)
    page.get_by_label("Photo").set_input_files(photo)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("Your draft has been saved.")).to_be_visible()
    # A draft is deleted, not withdrawn (this one is kept).
    expect(page.get_by_role("link", name="Delete draft")).to_be_visible()
    expect(page.get_by_text("Withdraw application")).to_have_count(0)

    page.get_by_role("button", name="Submit application").click()
    expect(page.get_by_text("Your application has been submitted.")).to_be_visible()
    application = Application.objects.get(student__email=EMAIL)
    assert application.status == Application.Status.SUBMITTED
    assert application.documents.count() == len(files)
    sign_out(page)

    # The office reviews it in the admin: under review, shortlisted, accepted.
    reviewer = enrolled(
        get_user_model().objects.create_superuser(STAFF_USERNAME, "reviewer@example.org", STAFF_PASSWORD)
    )
    page.goto("/admin/")
    page.get_by_label("E-mail or username").fill(STAFF_USERNAME)
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    answer_code_prompt(page, reviewer)
    page.get_by_role("link", name="Applications", exact=True).first.click()
    page.get_by_role("link", name=re.compile(r"^Aziza Karimova")).click()
    application_page = page.url
    for button, status in (("Start the review", "Under review"), ("Shortlist", "Shortlisted")):
        page.get_by_role("button", name=button, exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text(f"The application is now “{status}”")
    # Before the deadline no decision: the office closes the call early, with a reason, to decide now.
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("No decision before the call's deadline")
    page.goto(f"/admin/programs/call/{call.pk}/change/")
    page.get_by_role("link", name="Close early").click()
    page.get_by_label("Reason").fill("Every eligible student has applied; the partner asks for our nomination.")
    page.get_by_role("button", name="Close the call now").click()
    expect(page.locator(".messagelist")).to_contain_text("The call is closed")
    page.goto(application_page)
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("The application is now “Accepted”")
    expect(page.locator(".io-workflow")).to_contain_text("Accepted")
    page.get_by_role("button", name="Log out").click()

    # The student sees the decision, and the e-mail that told them of it.
    sign_in(page, EMAIL, PASSWORD)
    page.goto("/my/applications/")
    expect(page.get_by_text("Accepted", exact=True).first).to_be_visible()
    expect(page.get_by_text(Application.objects.get(student__email=EMAIL).reference)).to_be_visible()
    run_jobs()
    # The acceptance is an offer of a place at the host, with a deadline to answer it.
    accepted = [message for message in mail.outbox if "A place is offered to you" in message.subject]
    assert len(accepted) == 1
    assert accepted[0].to == [EMAIL]
    assert "Warsaw University of Technology" in accepted[0].body
    assert link_to(f"/my/applications/{application.pk}/", accepted[0])
    mobility = Mobility.objects.get(application=application)
    assert mobility.partner.name_en == "Warsaw University of Technology"
    assert (mobility.start_date, mobility.end_date) == (call.mobility_start, call.mobility_end)
    # The student takes the place; the page then says what comes next.
    expect(page.get_by_text("A place at Warsaw University of Technology is offered to you")).to_be_visible()
    page.get_by_role("button", name="Take the place").click()
    expect(page.get_by_text("You took the place.")).to_be_visible()
    expect(page.get_by_role("heading", name="Your exchange, step by step")).to_be_visible()
    next_step = "The International Office nominates you to Warsaw University of Technology."
    expect(page.get_by_text(next_step)).to_be_visible()
    application.refresh_from_db()
    assert application.place_taken
