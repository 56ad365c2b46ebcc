"""What the stay tests share: a student's outgoing stay that goes ahead, the host's links, a day to travel to."""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone

from mobility.models import Application, Mobility
from mobility.stay_emails import LINK_VERSION, STAY_LINKS
from tests.factories import ApplicationFactory, CallFactory, ContactFactory, InstitutionFactory, MobilityFactory

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")
START, END = datetime.date(2025, 9, 1), datetime.date(2026, 1, 31)
# A day of the stay, and one after it: tests travel there with time_machine.
DURING = datetime.datetime(2025, 10, 15, 10, 0, tzinfo=TASHKENT)
AFTER = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=TASHKENT)
HOST_EMAIL = "erasmus@polito.example.org"


def taken_stay(*, student, faculty, language="en", contact=True, start=START, end=END, partner_name="Politecnico"):
    """``student``'s accepted application whose place they took, and the outgoing stay it became."""
    partner = InstitutionFactory(name=partner_name)
    if contact:
        ContactFactory(institution=partner, full_name="Giulia Rossi", email=HOST_EMAIL, is_primary=True)
    call = CallFactory(hosts=[partner])
    application = ApplicationFactory(
        call=call,
        student=student,
        status=Application.Status.ACCEPTED,
        offer_answered_at=timezone.now(),
        faculty=faculty,
        first_name="Dilnoza",
        last_name="Karimova",
        language=language,
    )
    mobility = MobilityFactory(
        application=application,
        call=call,
        faculty=faculty,
        partner=partner,
        participant_name=application.full_name,
        participant_email=student.email,
        start_date=start,
        end_date=end,
    )
    return application, mobility


def host_url(mobility, step, *, token=None, pk=None, link_step=None):
    """The host's link for ``step``; any part can be swapped to try a forged one."""
    token = token or STAY_LINKS[link_step or step].make(object_id=mobility.pk, version=LINK_VERSION)
    return reverse("mobility:stay-host", kwargs={"pk": pk or mobility.pk, "step": step, "token": token})


def reload(mobility):
    return Mobility.objects.get(pk=mobility.pk)
