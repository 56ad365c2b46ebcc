"""The nomination sheet is a letter: the office's edited template changes the PDF the host receives."""

from io import BytesIO

import pytest
from django.core import mail
from pypdf import PdfReader

from intl_office.models import LetterTemplate
from mobility.services import nominate
from tests.jobs import run_jobs
from tests.mobility.nominations import place_taken

pytestmark = pytest.mark.django_db


@pytest.fixture
def mobility(student, faculty, home_institution):
    home_institution.signatory_name = "Rustam Nazarov"
    home_institution.signatory_position = "Rector"
    home_institution.save()
    return place_taken(student=student, faculty=faculty, reference="JIZPI-2026-0007")[1]


def sheet_text(mobility, actor):
    mail.outbox.clear()
    [outcome] = nominate(mobilities=[mobility], actor=actor)
    assert outcome.error == ""
    run_jobs()
    [message] = mail.outbox
    pdf = message.attachments[0][1]
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_the_sheet_prints_under_the_letterhead_with_the_signatory(mobility, office_user):
    text = sheet_text(mobility, office_user)

    assert "Nomination: Дилноза Каримова" in text and "We nominate" in text
    assert "Jizzakh Polytechnic Institute" in text and "Rector" in text and "Rustam Nazarov" in text


def test_an_edited_template_changes_the_sheet(mobility, office_user):
    LetterTemplate.objects.create(
        kind=LetterTemplate.Kind.NOMINATION_SHEET,
        language="en",
        title="Candidate for {{ partner }}",
        body="<p>Please admit {{ name }} ({{ reference }}).</p>{% for row in rows %}<p>{{ row.label }}</p>{% endfor %}",
    )

    text = sheet_text(mobility, office_user)

    assert "Candidate for Middle East Technical University" in text
    assert "Please admit Дилноза Каримова (JIZPI-2026-0007)." in text and "We nominate" not in text
    assert "Level of study" in text
