"""What the checklist tests share: a programme with its list, a student whose place is taken, uploads."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mobility.models import Application, ChecklistTemplateItem, Mobility
from mobility.uploads import check_document
from tests.factories import ApplicationFactory, CallFactory, GrantProgramFactory, MobilityFactory
from tests.files import pdf_bytes

# (title, Uzbek title, uploads a file, due days before departure)
LIST = [
    ("Signed grant agreement", "Imzolangan grant shartnomasi", True, 30),
    ("Online language assessment", "Onlayn til testi", False, 20),
    ("Health insurance", "Tibbiy sug'urta", True, 10),
]


def program_with_list(items=LIST):
    program = GrantProgramFactory()
    for position, (title, title_uz, requires_file, due) in enumerate(items, start=1):
        ChecklistTemplateItem.objects.create(
            program=program,
            title=title,
            title_en=title,
            title_uz=title_uz,
            requires_file=requires_file,
            due_days_before=due,
            position=position,
        )
    return program


def taken_mobility(*, student, faculty=None, program=None, start=None, language="en", answered=True):
    """``student``'s accepted application whose place they took (``answered``), and its outgoing mobility."""
    program = program or program_with_list()
    call = CallFactory(program=program)
    application = ApplicationFactory(
        call=call,
        student=student,
        status=Application.Status.ACCEPTED,
        faculty=faculty,
        first_name="Dilnoza",
        last_name="Karimova",
        language=language,
        offer_answered_at=timezone.now() if answered else None,
    )
    start = start or datetime.date(2026, 9, 1)
    mobility = MobilityFactory(
        application=application,
        call=call,
        program=program,
        faculty=faculty,
        participant_name=application.full_name,
        participant_email=student.email,
        start_date=start,
        end_date=start + datetime.timedelta(days=120),
        status=Mobility.Status.CONFIRMED,
    )
    return application, mobility


def checked_pdf(name="policy.pdf", text="Insurance policy"):
    return check_document(SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf"))


def detail_url(application):
    return reverse("mobility:application-detail", kwargs={"pk": application.pk})


def item_url(application, item):
    return reverse("mobility:checklist-item", kwargs={"pk": application.pk, "item_pk": item.pk})
