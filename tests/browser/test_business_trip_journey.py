"""A business trip abroad in real Chromium, each step by the person who takes it.

A member of staff asks for the trip on /my/trips/ with the host's invitation letter; the head of
their department, the dean and the vice-rector each follow the link in their e-mail and approve on
/my/approvals/; the office records the rector's order in the admin. The trip happens (the clock
moves past its last day); the traveller files the report, which shows on the staff mobility's
admin page. Sessions are handed to the browser as cookies; e-mailed links are read from
``mail.outbox`` after ``run_jobs()``, as the worker would send them.
"""

import datetime
import zoneinfo

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from playwright.sync_api import Page, expect

from intl_office.dates import today
from mobility.models import TripRequest
from tests.browser.exchange import link_in_mail, sign_in_as
from tests.factories import InstitutionFactory, UserFactory
from tests.files import pdf_bytes
from tests.jobs import run_jobs
from tests.mfa import enrolled
from tests.mobility.trips import chain, people

pytestmark = pytest.mark.browser
ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)
ASKED = datetime.datetime(2026, 3, 2, 10, tzinfo=ZONE)
BACK = datetime.datetime(2026, 4, 13, 10, tzinfo=ZONE)


def test_a_trip_through_every_approval_to_its_report(page: Page, live_server, transactional_db, tmp_path):
    with time_machine.travel(ASKED, tick=True) as clock:
        office = enrolled(UserFactory(username="office", is_staff=True, is_superuser=True, first_name="Malika"))
        p = people(office=office)
        chain(p)
        InstitutionFactory(name="Seoul National University", country="KR")
        mail.outbox.clear()

        # The traveller asks, with the invitation letter.
        sign_in_as(page, p.traveller, live_server)
        page.goto("/my/trips/")
        page.get_by_role("link", name="New trip request").click()
        page.get_by_label("Partner institution").select_option(label="Seoul National University")
        page.get_by_label("City").fill("Seoul")
        page.get_by_label("Departure").fill("2026-04-06")
        page.get_by_label("Return").fill("2026-04-10")
        page.get_by_label("Purpose").select_option("conference")
        page.get_by_label("Funding").select_option("university")
        page.get_by_label("Description").fill("A paper at the Asian Chemical Congress.")
        invitation = tmp_path / "invitation.pdf"
        invitation.write_bytes(pdf_bytes("Invitation"))
        page.get_by_label("Invitation letter").set_input_files(invitation)
        page.get_by_role("button", name="Submit for approval").click()
        expect(page.get_by_text("Your request is submitted")).to_be_visible()
        trip = TripRequest.objects.get()

        # Each holder follows the e-mailed link and approves.
        for holder, title in ((p.head, "Head of department"), (p.dean, "Dean"), (p.vice_rector, "Vice-rector")):
            run_jobs()
            link = link_in_mail(holder.email, "/my/approvals/")
            sign_in_as(page, holder, live_server)
            page.goto(link)
            expect(page.locator(".page-header-eyebrow")).to_have_text(title)
            page.get_by_label("Approve").check()
            page.get_by_label("Comment").fill(f"{title}: agreed.")
            page.get_by_role("button", name="Record my decision").click()
            expect(page.get_by_text("Your decision is recorded.")).to_be_visible()

        # The office records the rector's order.
        sign_in_as(page, office, live_server)
        page.goto(f"/admin/mobility/triprequest/{trip.pk}/change/")
        page.get_by_role("link", name="Record the rector's order").click()
        page.get_by_label("Order number").fill("245-XS")
        page.get_by_label("Order date").fill("2026-03-05")
        page.get_by_role("button", name="Record the rector's order").click()
        expect(page.locator(".messagelist")).to_contain_text("The rector's order is recorded.")
        trip.refresh_from_db()
        assert trip.status == TripRequest.Status.APPROVED

        sign_in_as(page, p.traveller, live_server)
        page.goto(f"/my/trips/{trip.pk}/")
        expect(page.get_by_text("Approved").first).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("link", name="Download · English").click()
        assert download.value.suggested_filename == f"trip-order-{trip.pk}-en.pdf"

        # The trip happens; back home, the traveller files the report.
        clock.move_to(BACK)
        assert today() == datetime.date(2026, 4, 13)
        sign_in_as(page, p.traveller, live_server)  # six weeks later: a new session
        page.goto(f"/my/trips/{trip.pk}/")
        page.get_by_label("What was done").fill("Presented our paper; visited the chemistry faculty.")
        page.get_by_label("Agreements reached").fill("A joint summer school in 2027.")
        page.get_by_label("Contacts met").fill("Prof. Kim Min-jun, Dean of Chemistry")
        certificate = tmp_path / "certificate.pdf"
        certificate.write_bytes(pdf_bytes("Certificate of attendance"))
        page.get_by_label("Files").set_input_files(certificate)
        page.get_by_role("button", name="File the report").click()
        expect(page.get_by_text("Your trip report is filed.")).to_be_visible()

        # It shows on the staff mobility's page in the admin.
        sign_in_as(page, office, live_server)
        page.goto(f"/admin/mobility/mobility/{trip.mobility_id}/change/")
        box = page.locator("section", has=page.get_by_role("heading", name="Business trip and its report"))
        expect(box).to_contain_text("A joint summer school in 2027.")
        expect(box).to_contain_text("Prof. Kim Min-jun")
        expect(box.get_by_role("link", name="certificate.pdf")).to_be_visible()
