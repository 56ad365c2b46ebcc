"""E-mails that tell a student their application moved: one per status change, in their language.

The services pass the language: the student's own (``Application.language``, stored when they
start, save or submit), or another one a caller names explicitly. The link to "My applications"
starts with the portal's public address (``SITE_URL``, through ``intl_office.mail``), whoever
made the change and from wherever: a staff member in the admin, the student, or a command.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import translation

from intl_office.mail import absolute_reverse, queue_email, render_message
from intl_office.models import HomeInstitution


def queue_student_email(*, to, template, language, context) -> None:
    """Queue ``mobility/email/<template>_subject.txt`` and ``_body.txt`` to a student, in ``language``.

    ``context`` is a function called with ``language`` active, so the translated names it reads (the
    call's, the host's) come in the student's language; the department's name is added. Nothing is
    queued without an address.
    """
    if not to:
        return
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        values = {**context(), "department": HomeInstitution.load().department_name}
    queue_email(
        render_message(
            to=[to],
            subject_template=f"mobility/email/{template}_subject.txt",
            body_template=f"mobility/email/{template}_body.txt",
            context=values,
            language=language,
        )
    )


def application_page_url(application, *, language: str, anchor: str = "") -> str:
    """The student's page of ``application`` in ``language``, on the portal's public address."""
    url = absolute_reverse("mobility:application-detail", kwargs={"pk": application.pk}, language=language)
    return f"{url}#{anchor}" if anchor else url


def my_applications_url(*, language: str) -> str:
    """The student's "My applications" page in ``language``, on the portal's public address."""
    return absolute_reverse("mobility:my-applications", language=language)


def application_status_message(*, application, to_status, language=None) -> EmailMessage | None:
    """The e-mail for ``application`` having just moved to ``to_status``; None if the student has no address."""
    recipient = application.student.email
    if not recipient:
        return None
    language = language or settings.LANGUAGE_CODE
    # The call's title and the department's name are translated fields: read them in the student's language.
    with translation.override(language):
        context = {
            "name": application.full_name,
            "call_title": application.call.title,
            "status": to_status,
            "Status": application.Status,
            "status_label": str(application.Status(to_status).label),
            "reference": application.reference,
            "url": my_applications_url(language=language),
            "department": HomeInstitution.load().department_name,
        }
    return render_message(
        to=[recipient],
        subject_template="mobility/email/application_status_subject.txt",
        body_template="mobility/email/application_status_body.txt",
        context=context,
        language=language,
    )


def queue_application_status_email(*, application, to_status, language=None) -> None:
    """Queue the student's e-mail for the status change, if they have an address, in the current transaction.

    The services call it in the transaction that records the change: the e-mail leaves only if the
    change commits, and a mail server that is down delays it (``intl_office.jobs``) without touching
    the recorded change.
    """
    message = application_status_message(application=application, to_status=to_status, language=language)
    if message is not None:
        queue_email(message)


def queue_application_reopened_email(*, application, language=None) -> None:
    """Tell the student the office reopened the decision on their application, in ``language``."""
    language = language or settings.LANGUAGE_CODE
    queue_student_email(
        to=application.student.email,
        template="application_reopened",
        language=language,
        context=lambda: {
            "name": application.full_name,
            "call_title": application.call.title,
            "reference": application.reference,
            "status_label": str(application.get_status_display()),
            "url": my_applications_url(language=language),
        },
    )
