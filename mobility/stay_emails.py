"""E-mails of the stay: the host asked to confirm an arrival or a departure, the student told of the recognition.

The host has no account: the partner's main contact with an address gets an e-mail in English
with a signed link (``intl_office.host_links``), one purpose for the arrival and one for the
departure, so neither opens the other. The student hears of the recognised credits in their own
language (``Application.language``). Everything is queued in the caller's transaction.
"""

from django.conf import settings
from django.utils import translation

from intl_office.host_links import HostLinks
from intl_office.mail import absolute_reverse, queue_email, render_message
from intl_office.models import HomeInstitution

from .emails import application_page_url, queue_student_email
from .learning_agreement_emails import HOST_LANGUAGE, host_contact

ARRIVAL, DEPARTURE = "arrival", "departure"
STAY_LINKS = {ARRIVAL: HostLinks("arrival"), DEPARTURE: HostLinks("departure")}
# One answer per stay and step: the version in the link is fixed, the answer recorded on the mobility.
LINK_VERSION = 1


def stay_link_url(mobility, step) -> str:
    """The signed link with which the host's coordinator confirms ``step`` of ``mobility``."""
    token = STAY_LINKS[step].make(object_id=mobility.pk, version=LINK_VERSION)
    return absolute_reverse(
        "mobility:stay-host", kwargs={"pk": mobility.pk, "step": step, "token": token}, language=HOST_LANGUAGE
    )


def queue_host_stay_request(*, mobility, step) -> str | None:
    """Ask the host's coordinator, in English, to confirm ``step``; the address written to, or None without one."""
    contact = host_contact(mobility.partner)
    if contact is None:
        return None
    home = HomeInstitution.load()
    with translation.override(HOST_LANGUAGE):
        context = {
            "contact": contact.full_name,
            "student": mobility.participant_name,
            "partner": mobility.partner.name,
            "home": home.name,
            "department": home.department_name,
            "arrival": step == ARRIVAL,
            "planned": mobility.start_date if step == ARRIVAL else mobility.end_date,
            "url": stay_link_url(mobility, step),
            "days": settings.HOST_LINK_MAX_AGE_DAYS,
        }
    queue_email(
        render_message(
            to=[contact.email],
            subject_template="mobility/email/stay_host_subject.txt",
            body_template="mobility/email/stay_host_body.txt",
            context=context,
            language=HOST_LANGUAGE,
        )
    )
    return contact.email


def queue_student_recognition_email(*, mobility, totals) -> None:
    """Tell the student, in their language, which credits their faculty recognised."""
    application = mobility.application
    email = application.student.email if application else mobility.participant_email
    if not email:
        return
    language = (application.language if application else "") or settings.LANGUAGE_CODE
    queue_student_email(
        to=email,
        template="stay_recognition",
        language=language,
        context=lambda: {
            "name": application.full_name if application else mobility.participant_name,
            "partner": mobility.partner.name,
            "earned": totals["earned"],
            "recognised": totals["recognised"],
            "courses": list(mobility.recognitions.order_by("position", "pk")),
            "url": application_page_url(application, language=language) if application else "",
        },
    )
