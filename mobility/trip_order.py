"""The trip order summary of an approved business trip: a PDF through ``intl_office.letters``.

The context holds plain values only (strings, numbers, dates, lists of dicts), read in the letter's
language, so the office's own template in the admin (``LetterTemplate``, kind ``trip_order``) can
print any of them and nothing else.
"""

from django.utils import timezone, translation

from intl_office.letter_records import LetterTemplate
from intl_office.letters import LANGUAGES, letter_pdf

from .models import TripStep

KIND = LetterTemplate.Kind.TRIP_ORDER
ORDER_LANGUAGES = LANGUAGES[KIND]


def _person(user):
    return (user.get_full_name() or user.username) if user is not None else ""


def trip_order_context(trip, *, language) -> dict:
    traveller = trip.traveller
    department = traveller.department
    steps = [step for step in trip.steps.all() if step.decision == TripStep.Decision.APPROVED]
    order = next((step for step in steps if step.is_order), None)
    with translation.override(language):
        return {
            "traveller": trip.traveller_name,
            "position": traveller.position,
            "academic_degree": traveller.academic_degree,
            "department": department.name if department else "",
            "faculty": department.faculty.name if department and department.faculty_id else "",
            "destination": trip.destination,
            "city": trip.city,
            "country": str(trip.country.name),
            "start": trip.start_date,
            "end": trip.end_date,
            "days": (trip.end_date - trip.start_date).days + 1,
            "purpose": str(trip.get_purpose_display()),
            "funding": str(trip.get_funding_display()),
            "programme": trip.program.name if trip.program_id else "",
            "approvals": [
                {
                    "title": step.title,
                    "by": _person(step.decided_by),
                    "date": timezone.localdate(step.decided_at) if step.decided_at else None,
                    "comment": step.comment,
                    "order_number": step.order_number,
                    "order_date": step.order_date,
                }
                for step in steps
            ],
            "order_number": order.order_number if order else "",
            "order_date": order.order_date if order else None,
            "report_due": trip.report_due,
        }


def trip_order_pdf(trip, *, language) -> bytes:
    return letter_pdf(KIND, language=language, context=trip_order_context(trip, language=language))


def trip_order_filename(trip, language) -> str:
    return f"trip-order-{trip.pk}-{language}.pdf"
