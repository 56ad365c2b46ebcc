"""E-mails of the pre-departure checklist, in the student's language (``Application.language``).

An item sent back tells the student what to change; the daily reminder lists the items due
within a week or overdue. Both are queued in the caller's transaction (``intl_office.mail``)
and link to the student's application page, where the checklist is.
"""

from django.conf import settings
from django.utils import translation

from intl_office.mail import queue_email, render_message
from intl_office.models import HomeInstitution

from .emails import application_page_url, queue_student_email


def _student_of(mobility):
    application = mobility.application
    if application is None or not application.student.email:
        return None, None
    return application, application.language or settings.LANGUAGE_CODE


def _page(application, language):
    return application_page_url(application, language=language, anchor="checklist")


def queue_returned_email(*, item) -> bool:
    """Tell the student ``item`` was sent back, with the office's comment."""
    application, language = _student_of(item.checklist.mobility)
    if application is None:
        return False
    queue_student_email(
        to=application.student.email,
        template="checklist_returned",
        language=language,
        context=lambda: {
            "name": application.full_name,
            "item": str(item.title),
            "comment": item.staff_comment,
            "url": _page(application, language),
        },
    )
    return True


def queue_reminder_email(*, mobility, items, on) -> bool:
    """Remind the student of ``items`` of ``mobility``'s checklist with their due dates; False: nobody to write to."""
    application, language = _student_of(mobility)
    if application is None:
        return False
    with translation.override(language):
        rows = [
            {
                "title": str(item.title),
                "due": item.due_date(mobility.start_date),
                "overdue": item.due_date(mobility.start_date) < on,
            }
            for item in items
        ]
        context = {
            "name": application.full_name,
            "items": rows,
            "departure": mobility.start_date,
            "url": _page(application, language),
            "department": HomeInstitution.load().department_name,
        }
    queue_email(
        render_message(
            to=[application.student.email],
            subject_template="mobility/email/checklist_reminder_subject.txt",
            body_template="mobility/email/checklist_reminder_body.txt",
            context=context,
            language=language,
        )
    )
    return True
