"""What a student fills in and uploads, for the tests of applications in the services and the admin."""

import datetime

from intl_office.dates import today
from mobility import uploads
from programs.models import Call
from tests.files import jpeg_bytes, pdf_bytes, upload


def checked_pdf(name="document.pdf"):
    return uploads.check_document(upload(name, pdf_bytes(), "application/pdf"))


def checked_photo():
    return uploads.check_photo(upload("me.jpg", jpeg_bytes(), "image/jpeg"))


PERSONAL = {
    "first_name": "Aziza",
    "last_name": "Karimova",
    "date_of_birth": datetime.date(2003, 4, 12),
    "nationality": "UZ",
    "phone": "+998 90 123 45 67",
    "level": "bachelor",
    "year_of_study": 3,
    "gpa": "4.20",
    "language_certificate": "ielts",
    "language_score": "6.5",
    "motivation_letter": "I want to study process engineering at a partner university.",
}


def past_deadline(call):
    """Move ``call``'s deadline to yesterday, as the days pass: the office may decide from today."""
    Call.objects.filter(pk=call.pk).update(
        opens_on=min(call.opens_on, today() - datetime.timedelta(days=2)), deadline=today() - datetime.timedelta(days=1)
    )
    call.refresh_from_db()
    return call


def open_call(call):
    """Move ``call``'s dates so that it takes applications today (and the office may not decide yet)."""
    Call.objects.filter(pk=call.pk).update(
        opens_on=today() - datetime.timedelta(days=10), deadline=today() + datetime.timedelta(days=10)
    )
    call.refresh_from_db()
    return call
