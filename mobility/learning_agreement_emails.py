"""E-mails of the learning agreement workflow, and the host coordinator's signed link.

The host is abroad and has no account: when a version is submitted, the partner's main contact
with an address gets an e-mail in English with a signed link (``intl_office.host_links``) to
approve it or send it back. The faculty's coordinators get an e-mail too, with the admin page.
The student hears of each answer in their own language (``Application.language``). All are
queued in the caller's transaction (``intl_office.mail``).
"""

from django.conf import settings
from django.utils import translation

from intl_office.host_links import HostLinks
from intl_office.mail import absolute_reverse, queue_email, render_message
from intl_office.models import HomeInstitution, User
from intl_office.roles import FACULTY_COORDINATOR

from .emails import queue_student_email

LEARNING_AGREEMENT_LINKS = HostLinks("learning-agreement")

# The host reads English: the partner is abroad, and the portal's English is what every partner reads.
HOST_LANGUAGE = "en"


def host_link_url(version) -> str:
    """The signed link with which the host's coordinator answers ``version``, on the public address."""
    token = LEARNING_AGREEMENT_LINKS.make(object_id=version.agreement_id, version=version.number)
    return absolute_reverse(
        "mobility:learning-agreement-host",
        kwargs={"pk": version.agreement_id, "number": version.number, "token": token},
        language=HOST_LANGUAGE,
    )


def host_contact(partner):
    """The partner's main contact with an e-mail address, or None."""
    return partner.contacts.exclude(email="").order_by("-is_primary", "full_name", "pk").first()


def _department():
    return HomeInstitution.load()


def queue_host_request(*, version) -> None:
    """Ask the host's coordinator, in English, to answer ``version``; tell the faculty's coordinators too."""
    mobility = version.agreement.mobility
    home = _department()
    with translation.override(HOST_LANGUAGE):
        context = {
            "student": mobility.participant_name,
            "partner": mobility.partner.name,
            "home": home.name,
            "department": home.department_name,
            "number": version.number,
            "url": host_link_url(version),
            "days": settings.HOST_LINK_MAX_AGE_DAYS,
        }
    contact = host_contact(mobility.partner)
    if contact is not None:
        queue_email(
            render_message(
                to=[contact.email],
                subject_template="mobility/email/learning_agreement_host_subject.txt",
                body_template="mobility/email/learning_agreement_host_body.txt",
                context={**context, "contact": contact.full_name},
                language=HOST_LANGUAGE,
            )
        )
    if mobility.faculty_id is None:
        return
    coordinators = User.objects.filter(
        is_active=True, is_staff=True, groups__name=FACULTY_COORDINATOR, faculty_id=mobility.faculty_id
    ).exclude(email="")
    admin_url = absolute_reverse("admin:mobility_learningagreement_change", args=[version.agreement_id])
    for coordinator in coordinators.distinct():
        queue_email(
            render_message(
                to=[coordinator.email],
                subject_template="mobility/email/learning_agreement_faculty_subject.txt",
                body_template="mobility/email/learning_agreement_faculty_body.txt",
                context={**context, "url": admin_url},
            )
        )


def queue_student_answer_email(*, version, approval) -> None:
    """Tell the student what ``approval`` said about ``version``, and whether the version is now approved."""
    application = version.agreement.mobility.application
    if application is None or not application.student.email:
        return
    language = application.language or settings.LANGUAGE_CODE
    queue_student_email(
        to=application.student.email,
        template="learning_agreement_answer",
        language=language,
        context=lambda: {
            "name": application.full_name,
            "number": version.number,
            "party": str(approval.get_party_display()).lower(),
            "approved": approval.approved,
            "fully_approved": version.is_approved,
            "comment": approval.comment,
            "url": absolute_reverse("mobility:learning-agreement", kwargs={"pk": application.pk}, language=language),
        },
    )
