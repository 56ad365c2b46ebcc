"""Mobility records made by the workflow: the outgoing mobility an accepted application becomes."""

import datetime

from django.utils.translation import gettext_lazy as _

from intl_office.dates import today
from programs.models import Call

from ..models import Direction, Mobility

# A semester, for a call that does not say how long its mobility lasts.
DEFAULT_MOBILITY_DAYS = 150


def mobility_for_application(*, application, call: Call, partner) -> Mobility:
    """Record the outgoing mobility of an accepted ``application`` to ``partner``, with the call's programme and period.

    Without a period in the call the dates are an estimate, and the notes say so. Called inside
    the acceptance's transaction, so a mobility that fails validation leaves nothing accepted.
    """
    start, end, dates_guessed = _mobility_period(call)
    staff_call = call.for_staff
    mobility = Mobility(
        direction=Direction.OUTGOING,
        participant_kind=Mobility.ParticipantKind.STAFF if staff_call else Mobility.ParticipantKind.STUDENT,
        participant_name=application.full_name,
        participant_email=application.student.email,
        faculty_id=application.faculty_id,
        activity=Mobility.Activity.TRAINING if staff_call else Mobility.Activity.SEMESTER,
        partner=partner,
        program=call.program,
        call=call,
        application=application,
        start_date=start,
        end_date=end,
        status=Mobility.Status.CONFIRMED,
        notes=str(_("The call gives no mobility period; the dates are an estimate to correct."))
        if dates_guessed
        else "",
    )
    mobility.full_clean()
    mobility.save()
    return mobility


def _mobility_period(call) -> tuple[datetime.date, datetime.date, bool]:
    """The call's mobility period; without one, a semester from the day after the deadline."""
    start, end = call.mobility_start, call.mobility_end
    if start and end:
        return start, end, False
    if start is None and end is not None:
        return min(end, call.deadline + datetime.timedelta(days=1)), end, True
    start = start or max(call.deadline + datetime.timedelta(days=1), today())
    return start, start + datetime.timedelta(days=DEFAULT_MOBILITY_DAYS), True
