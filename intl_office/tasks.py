"""The department core's background jobs: sending the portal's e-mail."""

import smtplib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .jobs import RetryPolicy, job
from .models import OutgoingMessage

# The mail server refusing or unreachable (SMTPException is an OSError too, named for the reader):
# tried ten times over about a day (1, 3, 9, 27, 81 minutes, then 4 and 6 hours), then FAILED.
MAIL_RETRY = RetryPolicy(retry_on=(smtplib.SMTPException, OSError), attempts=10)


def _describe_email(job_row):
    messages = list(job_row.messages.all())  # prefetched by the admin
    if not messages:
        return ""
    message = messages[0]
    return f"{', '.join(message.to)}: {message.subject}"


@job(label=_("Send an e-mail"), retry=MAIL_RETRY, describe=_describe_email)
def send_email(message_id: int) -> str:
    """Send the queued message ``message_id`` unless it has gone out already; returns what happened.

    The message's row stays locked until it is marked sent, so a second run of this job, or a second
    job for the same message, waits and then finds it sent. A mail server error rolls the mark back
    and reaches the worker, which tries again later (MAIL_RETRY).
    """
    with transaction.atomic():
        message = OutgoingMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None:
            return "gone"
        if message.sent_at is not None:
            return "already sent"
        message.email_message().send()
        message.sent_at = timezone.now()
        message.body = message.html_body = ""
        message.attachments = []
        message.save(update_fields=["sent_at", "body", "html_body", "attachments"])
    return "sent"
