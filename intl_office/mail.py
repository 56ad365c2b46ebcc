"""The portal's one way to build links that leave the site and to send e-mail.

Links in e-mail and in the staff calendar feed are opened later, elsewhere, by whoever receives
them, so they must not depend on who built them: a cron job has no request, and a request may have
reached the server by an internal name. Every such link therefore starts with ``settings.SITE_URL``
(the portal's public address, required when DEBUG is off; see settings.py), and no service takes a
``base_url`` of its own. Pages rendered for a request (canonical and hreflang links, robots.txt, the
sitemap, open data) keep ``request.build_absolute_uri``: they describe the page on the host that
served it.

Every message goes through ``send_message``, or through ``render_message`` and then ``queue_email``
when the caller wants the message in hand first. Subject and body are rendered from two templates in
the recipient's language; the subject is folded onto one line, the body ends with one line break, and
the sender is ``DEFAULT_FROM_EMAIL``. Values that depend on the language (a translated field,
``get_FOO_display()``) are read by the caller inside ``translation.override(language)``, or passed as
model instances for the template to read; lazy translations are resolved while rendering.
django-allauth renders its own e-mails (verification, password reset); ``intl_office.accounts`` puts
their links on the public address with ``absolute_url`` and queues them here.

Nothing is sent while the caller waits: ``queue_email`` writes the message and its job
(``intl_office.tasks.send_email``) in the caller's transaction, and the worker sends it once that
commits. A change rolled back sends nothing; a mail server that is down delays the message, it does
not lose it, nor does it turn the change into an error page (``intl_office.jobs``).

For example, the student's e-mail after a status change::

    from intl_office.mail import absolute_reverse, send_message

    send_message(
        to=[application.student.email],
        subject_template="mobility/email/application_status_subject.txt",
        body_template="mobility/email/application_status_body.txt",
        context={"name": application.full_name, "url": absolute_reverse("mobility:my-applications", language=language)},
        language=language,
    )
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import OutgoingMessage
from .tasks import send_email


def site_url() -> str:
    """The portal's public address without a trailing slash: ``https://intl.example.org``."""
    return settings.SITE_URL.rstrip("/")


def site_host() -> str:
    """The host (and port, if any) of the public address: ``intl.example.org``, for identifiers such as UIDs."""
    return urlsplit(site_url()).netloc


def absolute_url(path: str) -> str:
    """``path`` (an absolute path such as ``/admin/``, query string allowed) on the portal's public address."""
    if not path.startswith("/"):
        raise ValueError(f"absolute_url needs a path that starts with '/', not {path!r}")
    return site_url() + path


def absolute_reverse(viewname, *, args=None, kwargs=None, language=None) -> str:
    """``reverse()`` as an absolute link, with the URL's language prefix for ``language``.

    ``language`` defaults to the site's default language, whose URLs have no prefix (``/admin/``,
    not ``/uz/admin/``), so that a link is the same whatever language the caller happens to run in.
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        return absolute_url(reverse(viewname, args=args, kwargs=kwargs))


def render_message(*, to, subject_template, body_template, context, language=None) -> EmailMessage:
    """The e-mail to the addresses ``to``, its subject and body rendered in ``language``; not sent.

    ``language`` defaults to the site's default language (staff have no language of their own).
    """
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(subject_template, context)
        body = render_to_string(body_template, context)
    # A header cannot hold line breaks; templates often end with one.
    subject = " ".join(subject.split())
    return EmailMessage(subject=subject, body=body.strip() + "\n", from_email=settings.DEFAULT_FROM_EMAIL, to=list(to))


def queue_email(message: EmailMessage) -> OutgoingMessage:
    """Queue ``message`` to be sent by a background job, in the current transaction; returns its row.

    The row and its job are written with whatever the caller writes: they exist only if it commits.
    """
    outgoing = OutgoingMessage.from_email_message(message)
    with transaction.atomic():  # outside a transaction too, the message never exists without its job
        outgoing.save()
        result = send_email.enqueue(message_id=outgoing.pk)
        OutgoingMessage.objects.filter(pk=outgoing.pk).update(job_id=result.id)
    outgoing.job_id = result.id
    return outgoing


def send_message(*, to, subject_template, body_template, context, language=None) -> EmailMessage:
    """Render the e-mail as ``render_message`` does and queue it (``queue_email``); returns the message.

    It leaves when the current transaction commits and a worker takes its job; errors of the mail
    server are the job's to retry, not the caller's.
    """
    message = render_message(
        to=to, subject_template=subject_template, body_template=body_template, context=context, language=language
    )
    queue_email(message)
    return message
