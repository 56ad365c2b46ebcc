"""The trip order summary: a PDF with the names in Cyrillic and Uzbek Latin, following the office's template."""

import datetime
import io

import pytest
from pypdf import PdfReader

from intl_office.letter_records import LetterTemplate
from mobility.trip_order import trip_order_context, trip_order_pdf
from tests.mobility.trips import DEAN_FIRST, DEAN_LAST, approve_all, chain, people, submitted

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def trip():
    p = people()
    chain(p)
    return approve_all(p, submitted(p), order_number="415-XS")


@pytest.mark.parametrize("language", ["en", "uz", "ru"])
def test_the_pdf_holds_the_names_in_cyrillic_and_uzbek_latin(trip, language):
    pdf = trip_order_pdf(trip, language=language)
    assert pdf.startswith(b"%PDF-")
    text = text_of(pdf)
    assert "Дилшод Рахимов" in text
    assert f"{DEAN_FIRST} {DEAN_LAST}" in text  # O‘tkir G‘ofurov, with the Uzbek turned commas
    assert "415-XS" in text
    assert "Seoul National University" in text


def test_the_russian_summary_is_in_russian(trip):
    text = text_of(trip_order_pdf(trip, language="ru"))
    assert "Командируемый" in text
    assert "Южная Корея" in text


def test_the_pdf_follows_an_edited_template(trip):
    LetterTemplate.objects.create(
        kind=LetterTemplate.Kind.TRIP_ORDER,
        language="uz",
        title="Buyruq {{ order_number }}",
        body="<p>Xodim: {{ traveller }}; {% for step in approvals %}{{ step.by }}; {% endfor %}</p>",
    )
    text = text_of(trip_order_pdf(trip, language="uz"))
    assert "Buyruq 415-XS" in text
    assert "Xodim: Дилшод Рахимов;" in text
    assert "Safarga boruvchi" not in text  # the default's wording is gone
    # The other languages keep the default.
    assert "Traveller" in text_of(trip_order_pdf(trip, language="en"))


def test_the_context_holds_plain_values_only(trip):
    def plain(value):
        if isinstance(value, list):
            return all(isinstance(row, dict) and all(plain(v) for v in row.values()) for row in value)
        return value is None or isinstance(value, str | int | datetime.date)

    assert all(plain(value) for value in trip_order_context(trip, language="en").values())
