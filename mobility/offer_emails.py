"""E-mails of a place offered to a student: the offer itself, and each step of its answer.

One e-mail per step, in the student's language (``Application.language``) unless the caller names
another: ``made`` (the acceptance, now an offer: the host, the deadline, how to answer and what
happens on a decline or silence), ``taken``, ``declined``, ``expired`` (no answer by the deadline)
and ``extended`` (the office gave more time). Queued in the caller's transaction
(``intl_office.mail``); the link goes to the application's own page on ``SITE_URL``.
"""

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format

from intl_office.mail import absolute_reverse, queue_email, render_message
from intl_office.models import HomeInstitution

KINDS = ("made", "taken", "declined", "expired", "extended")


def queue_offer_email(*, application, kind, host=None, language=None, note="") -> None:
    """Queue the student's e-mail about step ``kind`` of the offer on ``application``; nothing if no address.

    ``host`` is the institution the place is at (the mobility's partner); ``note`` the reason the
    office gave for a step it took (an extension, a decline recorded for the student).
    """
    assert kind in KINDS, kind
    recipient = application.student.email
    if not recipient:
        return
    language = language or application.language or settings.LANGUAGE_CODE
    # Names of the call, the host and the department are translated fields: read them in the student's language.
    with translation.override(language):
        context = {
            "kind": kind,
            "name": application.full_name,
            "call_title": application.call.title,
            "host": host.name if host is not None else "",
            "deadline": date_format(application.offer_deadline) if application.offer_deadline else "",
            "reference": application.reference,
            "note": note,
            "url": absolute_reverse("mobility:application-detail", kwargs={"pk": application.pk}, language=language),
            "department": HomeInstitution.load().department_name,
        }
    queue_email(
        render_message(
            to=[recipient],
            subject_template="mobility/email/offer_subject.txt",
            body_template="mobility/email/offer_body.txt",
            context=context,
            language=language,
        )
    )
