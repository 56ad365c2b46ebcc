"""The reminder to the staff member responsible for a foreign expert, before a visa or registration deadline.

The reminder is written in the responsible staff member's language (``User.language``), or in the
office's, ``settings.LANGUAGE_CODE``, when it goes to the office's address or they chose none. It links to
the expert's page in the admin on the portal's public address.
"""

from django.conf import settings
from django.utils import translation

from intl_office.mail import absolute_reverse, render_message
from intl_office.models import HomeInstitution
from intl_office.people import language_of

from .models import Expert


def guest_reminder_message(*, expert, deadline, due_on, days_left, recipient):
    """The reminder e-mail about ``expert``'s ``deadline`` (an ``Expert.Deadline``) on ``due_on``; not sent."""
    responsible = expert.responsible
    to_responsible = responsible is not None and responsible.email == recipient
    language = language_of(responsible) if to_responsible else settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "name": responsible.get_full_name() if to_responsible else "",
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
