"""The application form as a student fills it in, and the pages' addresses."""

import datetime

from django.urls import reverse

from mobility.models import Application
from tests.files import jpeg_bytes, pdf_bytes, upload

Status = Application.Status
DAY = datetime.timedelta(days=1)


def create_url(call):
    return reverse("mobility:application-create", kwargs={"slug": call.slug})


def detail_url(application):
    return reverse("mobility:application-detail", kwargs={"pk": application.pk})


def form_data(call, transcript, hosts, faculty, *, action="save", **overrides):
    """The form as a student sends it: the personal fields, two hosts, the transcript and a photo; ``overrides`` win."""
    data = {
        "action": action,
        "first_name": "Aziza",
        "last_name": "Karimova",
        "date_of_birth": "2003-04-12",
        "nationality": "UZ",
        "phone": "+998 90 123 45 67",
        "faculty": faculty.pk,
        "level": "bachelor",
        "year_of_study": "3",
        "gpa": "4.20",
        "language_certificate": "ielts",
        "language_score": "6.5",
        "motivation_letter": "To study process engineering abroad.",
        "host_1": hosts[0].pk,
        "host_2": hosts[1].pk,
        f"document_{transcript.pk}": upload("My transcript.pdf", pdf_bytes(), "application/pdf"),
        "photo": upload("me.jpg", jpeg_bytes(), "image/jpeg"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
