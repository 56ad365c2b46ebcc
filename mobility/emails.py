"""E-mails that tell a student their application moved: one per status change, in their language.

The services pass the language: the student's own (``Application.language``, stored when they
start, save or submit), or another one a caller names explicitly. The link to
"My applications" must be absolute; the caller passes the site's address it was reached at
(``request.build_absolute_uri("/")``). Without one (a management command), the first real host
of ALLOWED_HOSTS is used.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from intl_office.models import HomeInstitution


def site_base_url(base_url: str = "") -> str:
    """``https://portal.example.org`` without a trailing slash: the given one, or one from settings."""
    if base_url:
        return base_url.rstrip("/")
    configured = getattr(settings, "SITE_URL", "")
    if configured:
        return configured.rstrip("/")
    host = next((h for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")), "localhost")
    return f"{'http' if settings.DEBUG else 'https'}://{host}"


def my_applications_url(*, language: str, base_url: str = "") -> str:
    with translation.override(language):
        path = reverse("mobility:my-applications")
    return site_base_url(base_url) + path


def application_status_message(*, application, to_status, language=None, base_url="") -> EmailMessage | None:
    """The e-mail for ``application`` having just moved to ``to_status``; None if the student has no address."""
    recipient = application.student.email
    if not recipient:
        return None
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        department = HomeInstitution.load().department_name
        context = {
            "name": application.full_name,
            "call_title": application.call.title,
            "status": to_status,
            "Status": application.Status,
            "status_label": str(application.Status(to_status).label),
            "url": my_applications_url(language=language, base_url=base_url),
            "department": department,
        }
        subject = render_to_string("mobility/email/application_status_subject.txt", context)
        body = render_to_string("mobility/email/application_status_body.txt", context).strip() + "\n"
    # A header cannot hold line breaks; templates end with one.
    subject = " ".join(subject.split())
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[recipient])


def send_application_status_email(*, application, to_status, language=None, base_url="") -> None:
    message = application_status_message(
        application=application, to_status=to_status, language=language, base_url=base_url
    )
    if message is not None:
        message.send()
