"""What the nomination tests share: a student whose place is taken, a staff mobility, host links."""

import datetime
import itertools

from django.urls import reverse
from django.utils import timezone

from intl_office.dates import today
from mobility.models import Application, Mobility, StudyLevel
from mobility.nomination_emails import NOMINATION_LINKS
from tests.factories import ApplicationFactory, CallFactory, ContactFactory, InstitutionFactory, MobilityFactory

REFERENCES = itertools.count(7)

# A Cyrillic name, to see it survive the page, the e-mail and the sheet.
FIRST_NAME, LAST_NAME = "Дилноза", "Каримова"


def host(name="Middle East Technical University", *, contact=True):
    partner = InstitutionFactory(name=name)
    if contact:
        ContactFactory(institution=partner, full_name="Ayşe Demir", email="ayse@metu.example.org", is_primary=True)
    return partner


def upcoming():
    """A stay that starts in two months: still to nominate."""
    start = today() + datetime.timedelta(days=60)
    return {"start_date": start, "end_date": start + datetime.timedelta(days=120)}


def place_taken(*, student, faculty=None, partner=None, language="en", answered=True, **fields):
    """``student``'s accepted application whose place they took (``answered``), and its outgoing mobility."""
    partner = partner or host()
    call = CallFactory(hosts=[partner])
    application = ApplicationFactory(
        call=call,
        student=student,
        status=Application.Status.ACCEPTED,
        faculty=faculty,
        first_name=fields.pop("first_name", FIRST_NAME),
        last_name=LAST_NAME,
        level=StudyLevel.BACHELOR,
        year_of_study=3,
        gpa="4.90",
        motivation_letter="My secret motivation",
        language=language,
        reference=fields.pop("reference", None) or f"JIZPI-2026-{next(REFERENCES):04d}",
        offer_answered_at=timezone.now() if answered else None,
    )
    mobility = MobilityFactory(
        application=application,
        call=call,
        faculty=faculty,
        partner=partner,
        participant_name=application.full_name,
        participant_email=student.email,
        **{"status": Mobility.Status.CONFIRMED, **upcoming(), **fields},
    )
    return application, mobility


def staff_mobility(*, partner=None, faculty=None, **fields):
    """A staff member's outgoing mobility the office typed in: it goes ahead without an application."""
    return MobilityFactory(
        partner=partner or host(),
        faculty=faculty,
        participant_kind=Mobility.ParticipantKind.STAFF,
        participant_name="Bahodir Toshmatov",
        participant_email="bahodir@example.org",
        activity=Mobility.Activity.TEACHING,
        **{**upcoming(), **fields},
    )


def host_url(round_, *, token=None, number=None, pk=None):
    pk = round_.nomination_id if pk is None else pk
    number = round_.number if number is None else number
    token = token or NOMINATION_LINKS.make(object_id=round_.nomination_id, version=round_.number)
    return reverse("mobility:nomination-host", kwargs={"pk": pk, "number": number, "token": token})
