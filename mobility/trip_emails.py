"""E-mails of a business trip: to the holder of the next step, and to the traveller, each in their language.

People have no language setting in the portal. The traveller's is the language of the pages they
last saved or submitted their request on (``TripRequest.language``). A holder's is the language of
the page on which they last decided a step, else of their own latest trip request, else the site's
default: what they have read the portal in before. Everything is queued in the caller's transaction.
"""

from django.conf import settings

from intl_office import people
from intl_office.mail import absolute_reverse

from .emails import queue_student_email
from .models import TripEvent, TripRequest, TripStep

REMINDER_TEMPLATES = {
    TripEvent.Kind.REMINDED_BEFORE: "before",
    TripEvent.Kind.REMINDED_ON: "on",
    TripEvent.Kind.REMINDED_OVERDUE: "overdue",
}


def language_of(user) -> str:
    """The language of ``user``'s profile, else the one they last used on the portal's trip pages."""
    if user.language:
        return people.language_of(user)
    decided = TripStep.objects.filter(decided_by=user).exclude(language="").order_by("-decided_at")
    language = decided.values_list("language", flat=True).first()
    if language is None:
        language = (
            TripRequest.objects.filter(traveller=user)
            .order_by("-updated_at")
            .values_list("language", flat=True)
            .first()
        )
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _name(user):
    return user.get_full_name() or user.username


def trip_page_url(trip, *, language) -> str:
    return absolute_reverse("mobility:trip-detail", kwargs={"pk": trip.pk}, language=language)


def queue_step_email(*, step) -> None:
    """Ask the holder of ``step`` for their decision; a rector's order step has no holder and no e-mail."""
    holder = step.holder
    if holder is None:
        return
    trip = step.trip
    language = language_of(holder)
    queue_student_email(
        to=holder.email,
        template="trip_step",
        language=language,
        context=lambda: {
            "name": _name(holder),
            "traveller": trip.traveller_name,
            "destination": trip.destination,
            "country": trip.country.name,
            "start": trip.start_date,
            "end": trip.end_date,
            "step": step.title,
            "url": absolute_reverse("mobility:trip-decision", kwargs={"pk": step.pk}, language=language),
        },
    )


def queue_traveller_email(*, trip, template, comment="", step=None) -> None:
    """Tell the traveller of ``trip`` what happened (``trip_refused``, ``trip_approved``, ``trip_reminder_*``)."""
    language = trip.language or settings.LANGUAGE_CODE
    queue_student_email(
        to=trip.traveller.email,
        template=template,
        language=language,
        context=lambda: {
            "name": trip.traveller_name,
            "destination": trip.destination,
            "country": trip.country.name,
            "start": trip.start_date,
            "end": trip.end_date,
            "step": step.title if step is not None else "",
            "comment": comment,
            "due": trip.report_due,
            "url": trip_page_url(trip, language=language),
        },
    )


def queue_reminder_email(*, trip, kind) -> None:
    queue_traveller_email(trip=trip, template=f"trip_reminder_{REMINDER_TEMPLATES[kind]}")
