"""A student's whole exchange after "Accepted", in real Chromium, each step by the person who takes it.

It starts from a submitted application to a closed call: applying is tested in
test_application_journey.py. The office accepts it in the admin; the student takes the place on
/my/applications/; the office nominates; the host accepts through the e-mailed link (no account);
the student drafts the learning agreement, the host and the faculty coordinator approve it; the
student hands in the checklist and the office accepts each item; the host confirms the arrival and
the departure through their links; the student uploads the transcript; the faculty coordinator
recognises the credits. The student's application page shows each step. Sessions are handed to the
browser as cookies; e-mailed links are read from ``mail.outbox`` after ``run_jobs()``, as the worker
would send them. The clock is moved (time-machine, ticking) from the decision into the stay and after it.
"""

import re
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from playwright.sync_api import Page, expect

from mobility.models import Mobility
from tests.browser.exchange import (
    AFTER,
    DECISION,
    DURING,
    GRANT_AGREEMENT,
    HOST,
    HOST_EMAIL,
    LANGUAGE_TEST,
    STUDENT_EMAIL,
    journey_people,
    link_in_mail,
    sign_in_as,
    signed_out,
    submitted_application,
)
from tests.files import pdf_bytes
from tests.jobs import run_jobs

pytestmark = pytest.mark.browser

SHOTS = Path("/tmp/shots-journey")


def messages(page: Page):
    return page.locator(".messagelist, .alert")


def test_the_whole_exchange_after_acceptance(page: Page, phone_page: Page, live_server, transactional_db, tmp_path):
    with time_machine.travel(DECISION, tick=True) as clock:
        faculty, student, office, coordinator = journey_people()
        application = submitted_application(student=student, faculty=faculty)
        detail = f"/my/applications/{application.pk}/"
        mail.outbox.clear()

        def student_page():
            sign_in_as(page, student, live_server)
            page.goto(detail)
            return page

        # The office accepts it in the admin, the call's deadline past.
        sign_in_as(page, office, live_server)
        page.goto(f"/admin/mobility/application/{application.pk}/change/")
        for button, status in (
            ("Start the review", "Under review"),
            ("Shortlist", "Shortlisted"),
            ("Accept", "Accepted"),
        ):
            page.get_by_role("button", name=button, exact=True).click()
            expect(page.locator(".messagelist")).to_contain_text(f"The application is now “{status}”")
        mobility = Mobility.objects.get(application=application)

        # The student takes the place on their list of applications.
        sign_in_as(page, student, live_server)
        page.goto("/my/applications/")
        expect(page.get_by_text(f"A place at {HOST} is offered to you")).to_be_visible()
        page.get_by_role("button", name="Take the place").click()
        expect(page.get_by_text("You took the place.")).to_be_visible()
        progress = page.locator("section", has=page.get_by_role("heading", name="Your exchange, step by step"))
        nomination = progress.locator("li", has_text="Nomination to the host")
        expect(nomination).to_contain_text("The International Office nominates you to")

        # The office nominates from the mobility's page; the host accepts through the e-mailed link.
        sign_in_as(page, office, live_server)
        page.goto(f"/admin/mobility/mobility/{mobility.pk}/change/")
        page.get_by_role("link", name="Nominate to the host").click()
        page.get_by_role("button", name="Send the nomination").click()
        expect(page.locator(".messagelist")).to_contain_text("Nominated to the host: Dilnoza Karimova.")
        student_page()
        expect(nomination).to_contain_text("waiting for the host's answer")
        run_jobs()
        signed_out(page).goto(link_in_mail(HOST_EMAIL, "/host/nominations/"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Dilnoza Karimova")
        page.get_by_label("We accept the nomination").check()
        page.get_by_label("Your name").fill("Giulia Rossi")
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_text("The answer has been recorded")).to_be_visible()
        student_page()
        expect(nomination).to_contain_text("accepted you on")

        # The learning agreement: the student drafts and submits; the host and the coordinator approve.
        page.goto("/my/applications/")
        page.get_by_role("link", name="Learning agreement").click()
        courses = [("TO101", "Chemical Reactors", "6", "KT-310", "Kimyoviy reaktorlar", "5")]
        for index, (code, title, credits, home_code, home_title, home_credits) in enumerate(courses):
            page.locator(f"#id_rows-{index}-host_code").fill(code)
            page.locator(f"#id_rows-{index}-host_title").fill(title)
            page.locator(f"#id_rows-{index}-host_credits").fill(credits)
            page.locator(f"#id_rows-{index}-semester").select_option("autumn")
            page.locator(f"#id_rows-{index}-home_code").fill(home_code)
            page.locator(f"#id_rows-{index}-home_title").fill(home_title)
            page.locator(f"#id_rows-{index}-home_credits").fill(home_credits)
        page.get_by_role("button", name="Submit for approval").click()
        expect(page.get_by_text("Submitted: both coordinators have been asked to approve it.")).to_be_visible()
        run_jobs()
        signed_out(page).goto(link_in_mail(HOST_EMAIL, "/host/learning-agreements/"))
        expect(page.get_by_text("Chemical Reactors")).to_be_visible()
        page.get_by_label("Approve this version").check()
        page.get_by_label("Your name").fill("Giulia Rossi")
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_text("Thank you: your answer has been recorded.")).to_be_visible()
        sign_in_as(page, coordinator, live_server)
        page.goto("/admin/mobility/learningagreement/")
        page.get_by_role("link", name="Dilnoza Karimova").click()
        page.get_by_label("Approve this version").check()
        page.get_by_role("button", name="Record my answer").click()
        expect(page.get_by_text("Your answer has been recorded")).to_be_visible()
        sign_in_as(page, student, live_server)
        page.goto(f"/my/applications/{application.pk}/learning-agreement/")
        expect(page.get_by_text("is approved by both coordinators")).to_be_visible()

        # The checklist: the student hands in both items on their page; the office accepts each.
        student_page()
        checklist = page.locator("#checklist")
        expect(checklist).to_contain_text("0 of 2 accepted")
        items = {item.title: item.pk for item in Mobility.objects.get(pk=mobility.pk).checklist.items.all()}
        agreement = tmp_path / "grant-agreement.pdf"
        agreement.write_bytes(pdf_bytes("Grant agreement, signed"))
        row = page.locator(f"#checklist-item-{items[GRANT_AGREEMENT]}")
        row.locator("input[type=file]").set_input_files(agreement)
        row.get_by_role("button", name="Upload").click()
        expect(page.locator(f"#checklist-item-{items[GRANT_AGREEMENT]}")).to_contain_text("grant-agreement.pdf")
        page.locator(f"#checklist-item-{items[LANGUAGE_TEST]}").get_by_role("button", name="Mark as done").click()
        expect(page.locator(f"#checklist-item-{items[LANGUAGE_TEST]}")).not_to_contain_text("Mark as done")
        sign_in_as(page, office, live_server)
        for title in (GRANT_AGREEMENT, LANGUAGE_TEST):
            page.goto(f"/admin/mobility/mobility/{mobility.pk}/change/")
            page.locator(f"tr#checklist-item-{items[title]}").get_by_role("button", name="Accept").click()
            expect(page.locator(".messagelist")).to_contain_text(f"“{title}” accepted.")
        expect(page.get_by_text("Pre-departure checklist: 2 of 2 accepted")).to_be_visible()
        student_page()
        expect(checklist).to_contain_text("2 of 2 accepted")

        # A few days into the stay, the office asks the host, who confirms the arrival through the link.
        clock.move_to(DURING)
        _host_confirms(page, office, mobility, live_server, "arrival", "2026-09-01")
        student_page()
        stay = page.locator("section", has=page.get_by_role("heading", name="Your stay"))
        expect(stay.locator("dd").first).to_contain_text("confirmed")

        # After the stay: the departure, then the student's transcript.
        clock.move_to(AFTER)
        _host_confirms(page, office, mobility, live_server, "departure", "2027-01-31")
        student_page()
        expect(stay.locator("dd").nth(1)).to_contain_text("confirmed")
        transcript = tmp_path / "transcript.pdf"
        transcript.write_bytes(pdf_bytes("Transcript of records"))
        stay.get_by_label("Add your transcript of records").set_input_files(transcript)
        stay.get_by_role("button", name="Upload").click()
        expect(page.get_by_text("Your transcript of records has been uploaded.")).to_be_visible()
        expect(stay.get_by_role("link", name="Download")).to_be_visible()
        expect(stay).to_contain_text("Your faculty records the credits it recognises after your return.")

        # The faculty coordinator recognises the credits, from the approved agreement's courses.
        sign_in_as(page, coordinator, live_server)
        page.goto(f"/admin/mobility/mobility/{mobility.pk}/change/")
        page.get_by_role("link", name="Record the recognition").click()
        expect(page.locator("#id_rows-0-host_title")).to_have_value("Chemical Reactors")
        page.locator("#id_rows-0-grade").fill("28/30")
        page.get_by_role("button", name="Record the recognition").click()
        expect(page.locator(".messagelist")).to_contain_text("The recognised credits are recorded")

        # The student sees the whole exchange on their application's page.
        student_page()
        expect(page.locator("h1")).to_be_visible()
        expect(nomination).to_contain_text("accepted you on")
        expect(checklist).to_contain_text("2 of 2 accepted")
        # Every step of the exchange is done: place, nomination, agreement, checklist, arrival, departure,
        # transcript, credits.
        expect(progress.locator("li.exchange-step-done")).to_have_count(8)
        expect(progress.locator("li", has_text="Credits recognised")).to_contain_text("credits recognised of")
        expect(stay).to_contain_text("1 September 2026")
        expect(stay).to_contain_text("31 January 2027")
        expect(stay.get_by_role("row", name=re.compile("TO101 Chemical Reactors"))).to_contain_text("28/30")
        expect(stay.locator("tfoot")).to_contain_text("5.0")
        run_jobs()
        assert any(STUDENT_EMAIL in message.to and "credit" in message.subject.lower() for message in mail.outbox)

        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / "application-1440.png", full_page=True)
        sign_in_as(phone_page, student, live_server)
        phone_page.goto(detail)
        expect(phone_page.get_by_role("heading", name="Your stay")).to_be_visible()
        phone_page.screenshot(path=SHOTS / "application-375.png", full_page=True)


def _host_confirms(page: Page, office, mobility, live_server, step, day):
    """The office asks the host by e-mail from the mobility's page; the host confirms ``step`` through its link."""
    sign_in_as(page, office, live_server)
    page.goto(f"/admin/mobility/mobility/{mobility.pk}/change/")
    page.get_by_role("button", name="Ask the host by e-mail").click()
    expect(page.locator(".messagelist")).to_contain_text(f"The host has been asked by e-mail ({HOST_EMAIL})")
    run_jobs()
    signed_out(page).goto(link_in_mail(HOST_EMAIL, f"/host/stays/{mobility.pk}/{step}/"))
    label = "Day of departure" if step == "departure" else "Day of arrival"
    page.get_by_label(label).fill(day)
    page.get_by_label("Your name").fill("Giulia Rossi")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Thank you: your answer has been recorded.")).to_be_visible()
