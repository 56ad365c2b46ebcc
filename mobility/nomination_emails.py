"""E-mails of the nomination: the sheet to the host's contact, the host's answer to the student.

The host is abroad and has no account: each round of a nomination e-mails the contact the office
chose, in English, the nomination sheet as PDF and XLSX (``mobility.nomination_sheet``) and a
signed link (``intl_office.host_links``) to answer that round. The student hears the host's
answer in their own language (``Application.language``). All are queued in the caller's
transaction (``intl_office.mail``); the attachments travel in the queued row.
"""

from django.conf import settings
from django.utils import translation
from django.utils.text import slugify

from intl_office.host_links import HostLinks
from intl_office.mail import absolute_reverse, queue_email, render_message
from intl_office.models import HomeInstitution

from .emails import application_page_url, queue_student_email
from .learning_agreement_emails import HOST_LANGUAGE
from .nomination_sheet import nomination_pdf, nomination_xlsx

NOMINATION_LINKS = HostLinks("nomination")

# The host reads English, as for the learning agreement.
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def host_link_url(round_) -> str:
    """The signed link with which the host answers ``round_``, on the public address, in English."""
    token = NOMINATION_LINKS.make(object_id=round_.nomination_id, version=round_.number)
    return absolute_reverse(
        "mobility:nomination-host",
        kwargs={"pk": round_.nomination_id, "number": round_.number, "token": token},
        language=HOST_LANGUAGE,
    )


def queue_host_nomination(*, round_) -> None:
    """Send ``round_`` of its nomination to its address, in English, with the sheet attached twice."""
    mobility = round_.nomination.mobility
    home = HomeInstitution.load()
    with translation.override(HOST_LANGUAGE):
        context = {
            "contact": round_.contact.full_name if round_.contact else "",
            "name": mobility.participant_name,
            "partner": mobility.partner.name,
            "home": home.name,
            "department": home.department_name,
            "office_email": home.email,
            "number": round_.number,
            "url": host_link_url(round_),
            "days": settings.HOST_LINK_MAX_AGE_DAYS,
        }
        pdf = nomination_pdf(mobility=mobility, home=home)
        xlsx = nomination_xlsx(mobility=mobility, home=home)
    message = render_message(
        to=[round_.email],
        subject_template="mobility/email/nomination_host_subject.txt",
        body_template="mobility/email/nomination_host_body.txt",
        context=context,
        language=HOST_LANGUAGE,
    )
    if home.email:
        message.reply_to = [home.email]
    # ASCII, and the same whatever the person's script: the reference number, else the record's number.
    reference = mobility.application.reference if mobility.application_id else ""
    filename = slugify(f"nomination {reference or mobility.pk}")
    message.attach(f"{filename}.pdf", pdf, "application/pdf")
    message.attach(f"{filename}.xlsx", xlsx, XLSX_TYPE)
    queue_email(message)


def queue_student_answer_email(*, round_) -> None:
    """Tell the student what the host answered on ``round_``, in their language."""
    mobility = round_.nomination.mobility
    application = mobility.application
    if application is None or not application.student.email:
        return
    language = application.language or settings.LANGUAGE_CODE
    queue_student_email(
        to=application.student.email,
        template="nomination_answer",
        language=language,
        context=lambda: {
            "name": application.full_name,
            "partner": mobility.partner.name,
            "state": round_.state,
            "accepted": round_.state == round_.State.ACCEPTED,
            "more_info": round_.state == round_.State.MORE_INFO,
            "comment": round_.comment,
            "url": application_page_url(application, language=language),
        },
    )
