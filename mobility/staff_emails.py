"""E-mails about staff applications: the head of department asked for their word, the applicant told the answer.

The applicant reads their application's language (``Application.language``). Staff have no language
of their own on their account, so the head is written to in the language of their own latest
application if they ever applied, else in the applicant's: colleagues of one department.
"""

from django.conf import settings

from intl_office.mail import absolute_reverse
from intl_office.people import language_of

from .emails import application_page_url, queue_student_email


def person_language(user, *, fallback) -> str:
    """The language of ``user``'s profile, else the one they last applied in, else ``fallback``."""
    from .models import Application

    if user.language:
        return language_of(user)
    language = (
        Application.objects.filter(student=user).order_by("-updated_at").values_list("language", flat=True).first()
    )
    return language or fallback or settings.LANGUAGE_CODE


def queue_endorsement_request_email(*, application, head) -> None:
    """Ask the head of the applicant's department to endorse or decline the submitted ``application``."""
    language = person_language(head, fallback=application.language)
    part = application.staff
    queue_student_email(
        to=head.email,
        template="endorsement_request",
        language=language,
        context=lambda: {
            "head": head.get_full_name() or head.get_username(),
            "name": application.full_name,
            "position": part.position,
            "department_name": part.department.name if part.department else "",
            "call_title": application.call.title,
            "reference": application.reference,
            "url": absolute_reverse("mobility:endorsement-detail", kwargs={"pk": application.pk}, language=language),
        },
    )


def queue_endorsement_answer_email(*, application, endorsed: bool, comment: str) -> None:
    """Tell the applicant whether their head endorsed the application, with the head's reason for a decline."""
    language = application.language
    queue_student_email(
        to=application.student.email,
        template="endorsement_answer",
        language=language,
        context=lambda: {
            "name": application.full_name,
            "call_title": application.call.title,
            "endorsed": endorsed,
            "comment": comment,
            "reference": application.reference,
            "url": application_page_url(application, language=language),
        },
    )


def queue_not_approved_email(*, application, order_number: str, order_date) -> None:
    """Tell a candidate on the rector's list that the order does not approve them (an approval is an offer)."""
    language = application.language
    queue_student_email(
        to=application.student.email,
        template="recommendation_not_approved",
        language=language,
        context=lambda: {
            "name": application.full_name,
            "call_title": application.call.title,
            "order_number": order_number,
            "order_date": order_date,
            "reference": application.reference,
            "url": application_page_url(application, language=language),
        },
    )
