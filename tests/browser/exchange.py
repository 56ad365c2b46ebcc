"""What the whole-exchange browser test sets up: the people, a closed call with its programme's checklist,
a submitted application; and how the test hands a session to the browser and follows an e-mailed link.
"""

import datetime
import re
import zoneinfo

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.db.models import Q
from django.test import Client
from playwright.sync_api import Page

from intl_office.roles import FACULTY_COORDINATOR
from mobility.models import Application, ChecklistTemplateItem, HostPreference
from tests.factories import (
    ApplicationFactory,
    CallFactory,
    ContactFactory,
    FacultyFactory,
    GrantProgramFactory,
    InstitutionFactory,
    UserFactory,
)
from tests.mfa import enrolled

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
# The office's days the journey goes through: the decision (ten days after the call closed), a few days
# into the stay, and a few days after it.
DECISION = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=TASHKENT)
START, END = datetime.date(2026, 9, 1), datetime.date(2027, 1, 31)
DURING = datetime.datetime(2026, 9, 3, 10, 0, tzinfo=TASHKENT)
AFTER = datetime.datetime(2027, 2, 3, 10, 0, tzinfo=TASHKENT)

HOST = "Politecnico di Torino"
HOST_EMAIL = "erasmus@polito.example.org"
STUDENT_EMAIL = "dilnoza.karimova@example.org"
# The programme's pre-departure checklist: one item with a file, one only marked as done.
GRANT_AGREEMENT, LANGUAGE_TEST = "Signed grant agreement", "Online language assessment"


def journey_people():
    """The student, the office (a superuser with an authenticator) and the faculty's coordinator."""
    faculty = FacultyFactory(name="Faculty of Chemical Engineering", slug="chemical-engineering")
    student = UserFactory(username="dilnoza", email=STUDENT_EMAIL, first_name="Dilnoza", last_name="Karimova")
    office = enrolled(UserFactory(username="office", is_staff=True, is_superuser=True, first_name="Malika"))
    coordinator = UserFactory(username="rustam", is_staff=True, faculty=faculty, first_name="Rustam")
    # The table flush of a live-server test takes the roles' rights with it: give the coordinators theirs again
    # (intl_office/migrations/0003_roles.py: read everything, review applications).
    group, _created = Group.objects.get_or_create(name=FACULTY_COORDINATOR)
    group.permissions.add(
        *Permission.objects.filter(
            Q(
                codename__startswith="view_",
                content_type__app_label__in=("intl_office", "partners", "programs", "mobility"),
            )
            | Q(codename="change_application", content_type__app_label="mobility")
        )
    )
    coordinator.groups.add(group)
    return faculty, student, office, coordinator


def submitted_application(*, student, faculty):
    """A submitted application to a call closed ten days before ``DECISION``, whose first choice is ``HOST``."""
    partner = InstitutionFactory(name=HOST)
    ContactFactory(institution=partner, full_name="Giulia Rossi", email=HOST_EMAIL, is_primary=True)
    program = GrantProgramFactory()
    for position, (title, requires_file) in enumerate(((GRANT_AGREEMENT, True), (LANGUAGE_TEST, False)), start=1):
        ChecklistTemplateItem.objects.create(
            program=program,
            title=title,
            title_en=title,
            requires_file=requires_file,
            due_days_before=30,
            position=position,
        )
    call = CallFactory(
        program=program,
        hosts=[partner],
        opens_on=datetime.date(2026, 1, 10),
        deadline=datetime.date(2026, 2, 28),
        mobility_start=START,
        mobility_end=END,
    )
    application = ApplicationFactory(
        call=call,
        student=student,
        status=Application.Status.SUBMITTED,
        faculty=faculty,
        first_name="Dilnoza",
        last_name="Karimova",
        language="en",
    )
    HostPreference.objects.create(application=application, institution=partner, rank=1)
    return application


def sign_in_as(page: Page, user, live_server):
    """Hand ``user``'s session to the browser; signing in is tested in test_application_journey.py."""
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def signed_out(page: Page):
    """The host's coordinator: a browser without any account."""
    page.context.clear_cookies()
    return page


def link_in_mail(to, path):
    """The path of the newest link to ``path`` in an e-mail to ``to``, as the reader would click it."""
    for message in reversed(mail.outbox):
        if message.to == [to]:
            match = re.search(rf"https?://[^/\s]+({re.escape(path)}\S*)", message.body)
            if match:
                return match[1]
    raise AssertionError(f"no e-mail to {to} links to {path}: {[m.subject for m in mail.outbox]}")
