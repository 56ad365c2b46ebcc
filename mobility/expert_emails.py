"""The reminder to the staff member responsible for a foreign expert, before a visa or registration deadline.

Staff have no language of their own (``intl_office.mail``): the reminder is written in the office's
language, ``settings.LANGUAGE_CODE``, as the agreements' expiry reminders are. It links to the expert's
page in the admin on the portal's public address.
"""

from django.conf import settings
from django.utils import translation

from intl_office.mail import absolute_reverse, render_message
from intl_office.models import HomeInstitution

from .models import Expert


def guest_reminder_message(*, expert, deadline, due_on, days_left, recipient):
    """The reminder e-mail about ``expert``'s ``deadline`` (an ``Expert.Deadline``) on ``due_on``; not sent."""
    language = settings.LANGUAGE_CODE
    with translation.override(language):
        responsible = expert.responsible
        context = {
            "name": responsible.get_full_name() if responsible and responsible.email == recipient else "",
            "expert": expert.full_name,
            "partner": expert.partner.name,
            "deadline": str(Expert.Deadline(deadline).label),
            "is_visa": deadline == Expert.Deadline.VISA,
            "due_on": due_on,
            "days_left": days_left,
            "departure": expert.end_date,
            "url": absolute_reverse("admin:mobility_expert_change", args=[expert.pk], language=language),
            "department": HomeInstitution.load().department_name,
        }
    return render_message(
        to=[recipient],
        subject_template="mobility/email/guest_reminder_subject.txt",
        body_template="mobility/email/guest_reminder_body.txt",
        context=context,
        language=language,
    )
