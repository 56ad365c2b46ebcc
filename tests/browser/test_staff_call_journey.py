"""A professor applies to the ITEC call, the head of department endorses, the office shortlists and prints the list.

Real Chromium against the live server; the e-mails are read from ``django.core.mail.outbox`` after
running the jobs the pages queued, as the worker would.
"""

import io
import pathlib
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from intl_office.models import Department, User
from mobility.models import Application, StaffApplication
from programs.models import Call
from tests.factories import CallFactory, DocumentTypeFactory, FacultyFactory, InstitutionFactory, UserFactory
from tests.files import pdf_bytes
from tests.jobs import run_jobs
from tests.mfa import answer_code_prompt, enrolled

pytestmark = pytest.mark.browser

PASSWORD = "a long staff passphrase 2025"
PASSWORD_LABEL = re.compile(r"^\s*Password\W*$")
OFFICE, OFFICE_PASSWORD = "office-reviewer", "reviewing staff nominations 2025"


def sign_in(page: Page, email):
    page.goto("/accounts/login/")
    page.get_by_label("E-mail or username").fill(email)
    page.get_by_label(PASSWORD_LABEL).fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()


def sign_out(page: Page):
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign Out").click()


def person(username, first_name, last_name, **fields):
    user = UserFactory(username=username, first_name=first_name, last_name=last_name, password=PASSWORD, **fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_a_professor_applies_the_head_endorses_and_the_office_prints_the_list(
    page: Page, transactional_db, tmp_path, live_server, settings
):
    settings.SITE_URL = live_server.url
    faculty = FacultyFactory(name="Faculty of Water Management", slug="water-management")
    head = person("head", "Nodira", "Yusupova", affiliation=User.Affiliation.EMPLOYEE)
    department = Department.objects.create(faculty=faculty, name="Department of Hydraulics", head=head)
    professor = person("professor", "Дилшод", "Раҳимов", affiliation=User.Affiliation.EMPLOYEE)
    call = CallFactory(
        title="ITEC courses in India",
        slug="itec-courses",
        audience=Call.Audience.STAFF,
        hosts=[InstitutionFactory(name="Indian Institute of Technology Roorkee", country="IN")],
        is_published=True,
    )
    call.required_documents.set([DocumentTypeFactory(name="Curriculum vitae", slug="cv")])
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(pdf_bytes("CV"))
    mail.outbox.clear()

    # The professor applies with the staff form: their work, no GPA; the CV the call asks for.
    sign_in(page, professor.email)
    page.goto(call.get_absolute_url())
    page.get_by_role("link", name="Apply now").click()
    expect(page.get_by_label("GPA")).to_have_count(0)
    expect(page.get_by_label("First name")).to_have_value("Дилшод")
    page.get_by_label("Phone").fill("+998 90 000 00 01")
    page.get_by_label("Position").fill("Dotsent")
    page.get_by_label("Department").select_option(label="Department of Hydraulics")
    page.get_by_label("Academic degree and title").fill("PhD")
    page.get_by_label("Years of service").fill("12")
    page.get_by_role("textbox", name="Motivation letter").fill("To bring the course's methods into my teaching.")
    page.get_by_label("First choice").select_option(str(call.hosts.get().pk))
    page.get_by_label("Curriculum vitae").set_input_files(cv)
    page.get_by_role("button", name="Submit application").click()
    expect(page.get_by_text("Your application has been submitted.")).to_be_visible()
    expect(page.get_by_text("Waiting for the head of department")).to_be_visible()
    sign_out(page)

    # The head is asked by e-mail and endorses on the portal.
    run_jobs()
    (request,) = [message for message in mail.outbox if message.to == [head.email]]
    link = re.search(r"https?://\S+/my/endorsements/\d+/", request.body)[0]
    sign_in(page, head.email)
    page.goto("/my/endorsements/")
    expect(page.get_by_text("Дилшод Раҳимов")).to_be_visible()
    page.goto(link)
    page.get_by_label("Endorse the application").check()
    page.get_by_role("button", name="Record my decision").click()
    expect(page.get_by_text("You endorsed the application of Дилшод Раҳимов.")).to_be_visible()
    assert StaffApplication.objects.get().is_endorsed
    sign_out(page)

    # The office reviews and shortlists in the admin, makes the list and downloads it in Russian.
    office = enrolled(User.objects.create_superuser(OFFICE, "office@example.org", OFFICE_PASSWORD))
    page.goto("/admin/")
    page.get_by_label("E-mail or username").fill(OFFICE)
    page.get_by_label("Password").fill(OFFICE_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    answer_code_prompt(page, office)
    application = Application.objects.get()
    page.goto(f"/admin/mobility/application/{application.pk}/change/")
    expect(page.get_by_role("heading", name="Work and endorsement", exact=True)).to_be_visible()
    for button, status in (("Start the review", "Under review"), ("Shortlist", "Shortlisted")):
        page.get_by_role("button", name=button, exact=True).click()
        expect(page.locator(".messagelist")).to_contain_text(f"The application is now “{status}”")
    page.goto("/admin/mobility/recommendationlist/")
    page.get_by_role("link", name="Make the recommendation list").click()
    page.get_by_label("Call").select_option(label=call.title)
    page.get_by_role("button", name="Make the list").click()
    expect(page.locator(".messagelist")).to_contain_text("The recommendation list is made.")
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF (Russian)").click()
    reader = PdfReader(io.BytesIO(pathlib.Path(download.value.path()).read_bytes()))
    text = " ".join(" ".join(sheet.extract_text() for sheet in reader.pages).split())
    assert "Дилшод Раҳимов" in text
    assert "Рекомендательный список" in text
    assert department.name in text
