"""Letters printed from templates staff edit: only safe tags, values as text, Cyrillic and Uzbek Latin, a fallback."""

import logging
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from pypdf import PdfReader

from intl_office.letter_engine import clean_html
from intl_office.letter_records import VARIABLES
from intl_office.letter_samples import sample_context
from intl_office.letters import LANGUAGES, check_template, letter_pdf, render_letter
from intl_office.models import LetterTemplate
from tests.files import png_bytes

pytestmark = pytest.mark.django_db

Kind = LetterTemplate.Kind
SHEET = Kind.NOMINATION_SHEET
ROWS = [{"label": "Host", "value": "Gazi University"}]


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def office_template(body, *, title="Nomination of {{ name }}", kind=SHEET, language="en"):
    return LetterTemplate.objects.create(kind=kind, language=language, title=title, body=body)


def body_error(body, kind=SHEET, language="en"):
    with pytest.raises(ValidationError) as caught:
        check_template(kind, language, title="A letter", body=body)
    return " ".join(caught.value.message_dict["body"])


@pytest.mark.parametrize(
    ("body", "tag"),
    [
        ("{% load static %}", "load"),
        ('{% include "base.html" %}', "include"),
        ('{% extends "base.html" %}', "extends"),
        ("{% block content %}{% endblock %}", "block"),
        ("{% debug %}", "debug"),
        ("{% templatetag openblock %}", "templatetag"),
        ("{% csrf_token %}", "csrf_token"),
        ('{% url "home" %}', "url"),
        ("{% cycle 'a' 'b' %}", "cycle"),
        ("{% autoescape off %}{{ name }}{% endautoescape %}", "autoescape"),
        ('{% ssi "/etc/passwd" %}', "ssi"),
    ],
)
def test_a_tag_beyond_values_if_for_with_and_now_is_refused_by_name(body, tag):
    message = body_error(f"<p>Dear colleagues,</p>\n{body}")

    assert f"Line 2: the tag “{tag}” cannot be used in a letter" in message


def test_the_title_is_checked_too():
    with pytest.raises(ValidationError) as caught:
        check_template(SHEET, "en", title="{% debug %}", body="<p>Hello</p>")

    assert "the tag “debug” cannot be used" in " ".join(caught.value.message_dict["title"])


@pytest.mark.parametrize("body", ["{{ name|safe }}", "{% with x=name|safeseq %}{{ x }}{% endwith %}"])
def test_the_safe_filters_are_refused(body):
    assert "cannot be used in a letter: values print as text" in body_error(body)


@pytest.mark.parametrize("body", ["{% if name %}unclosed", "{{ name|no_such_filter }}", "{% for %}{% endfor %}"])
def test_a_syntax_error_is_refused_with_its_reason(body):
    assert body_error(body).startswith("The template has an error:")


def test_a_body_the_pdf_cannot_draw_is_refused_before_it_is_saved():
    assert "cannot be printed with sample values" in body_error("<td>a cell without a row</td>")


def test_values_if_for_with_now_firstof_and_filters_pass():
    check_template(
        SHEET,
        "en",
        title="Nomination: {{ name|upper }}",
        body=(
            "{# a note #}<p>{% now 'Y' %}</p>{% with who=name %}<p>{{ who|default:'—' }}</p>{% endwith %}"
            "{% for row in rows %}{% if row.value %}<p>{{ row.label }}: {{ row.value }}</p>{% endif %}"
            "{% empty %}<p>none</p>{% endfor %}{% firstof reference 'no reference' %}"
        ),
    )


def test_a_value_holding_markup_prints_as_text():
    office_template("<p>{{ name }} goes to {{ partner }}</p>")
    name = '<b>Ali</b> <img src="http://169.254.169.254/latest"> & Co'

    letter = render_letter(SHEET, language="en", context={"name": name, "partner": "<i>METU</i>", "rows": []})
    text = text_of(letter_pdf(SHEET, language="en", context={"name": name, "partner": "<i>METU</i>", "rows": []}))

    assert "<b>" not in letter.html.replace("&lt;b&gt;", "") and "<img" not in letter.html
    assert name in text and "<i>METU</i>" in text


def test_only_the_html_a_letter_needs_reaches_the_pdf():
    cleaned = clean_html(
        '<p align="center" onclick="x()">Hi <a href="http://x">link</a><img src="/etc/passwd">'
        '<title>T</title><pre>code</pre><font face="Courier" color="#333">f</font></p><table><tr><td>1'
    )

    assert cleaned == (
        '<p align="center">Hi linkTcode<font color="#333">f</font></p><table><tr><td>1</td></tr></table>'
    )


def test_the_title_prints_as_plain_text_without_entities():
    office_template("<p>{{ name }}</p>", title="Nomination:\n {{ name }}")

    letter = render_letter(SHEET, language="en", context={"name": "Tom & Jerry <Ltd>", "rows": []})
    pdf = letter_pdf(SHEET, language="en", context={"name": "Tom & Jerry <Ltd>", "rows": []})

    assert letter.title == "Nomination: Tom & Jerry <Ltd>"
    assert PdfReader(BytesIO(pdf)).metadata.title == "Nomination: Tom & Jerry <Ltd>"
    assert "Nomination: Tom & Jerry <Ltd>" in text_of(pdf) and "&amp;" not in text_of(pdf)


@pytest.mark.usefixtures("home_institution")
def test_cyrillic_and_uzbek_latin_print_in_regular_bold_and_italic():
    office_template("<p><b>{{ name }}</b></p><p><i>{{ partner }}</i></p>", language="ru", title="Номинация: {{ name }}")
    office_template("<p><i>{{ name }}</i> — {{ partner }}</p>", language="uz", title="Nominatsiya")

    russian = text_of(letter_pdf(SHEET, language="ru", context={"name": "Дилноза Каримова", "partner": "Газиантеп"}))
    uzbek = text_of(letter_pdf(SHEET, language="uz", context={"name": "G‘ulom O‘rinov", "partner": "Ma’mun"}))

    assert "Номинация: Дилноза Каримова" in russian and "Газиантеп" in russian
    assert "G‘ulom O‘rinov" in uzbek and "Ma’mun" in uzbek


def test_the_letterhead_and_signatory_come_from_the_home_institution(home_institution):
    home_institution.signatory_name = "Rustam Nazarov"
    home_institution.signatory_position = "Rector"
    home_institution.save()
    office_template("<p>{{ name }}</p>")

    text = text_of(letter_pdf(SHEET, language="en", context={"name": "Ali Valiyev"}))

    assert "Jizzakh Polytechnic Institute" in text and "International Cooperation Department" in text
    assert "Rector" in text and "Rustam Nazarov" in text and "intl@example.org" in text


def test_the_office_template_replaces_the_default():
    context = {"name": "Ali Valiyev", "partner": "METU", "rows": ROWS}
    default = text_of(letter_pdf(SHEET, language="en", context=context))
    office_template("<p>Our own words about {{ name }}.</p>")

    own = text_of(letter_pdf(SHEET, language="en", context=context))

    assert "We nominate" in default and "Our own words about Ali Valiyev." not in default
    assert "Our own words about Ali Valiyev." in own and "We nominate" not in own


@pytest.mark.parametrize(
    "body",
    [
        "{% load static %}{{ name }}",  # saved past the admin's check (the shell, an old row)
        "<p>{{ name }}</p><td>a cell without a row</td>",  # drawn only when the letter is printed
    ],
)
def test_an_office_template_that_fails_prints_the_default_and_logs_it(body, caplog):
    office_template(body)

    with caplog.at_level(logging.ERROR, logger="intl_office.letters"):
        text = text_of(letter_pdf(SHEET, language="en", context={"name": "Ali Valiyev", "partner": "METU"}))

    assert "We nominate" in text and "Ali Valiyev" in text
    assert "the default is used" in caplog.text


def test_a_kind_is_printed_only_in_its_languages():
    with pytest.raises(ValueError):
        letter_pdf(Kind.VISA_INVITATION, language="uz", context={})


@pytest.mark.parametrize("kind", list(Kind))
def test_the_samples_give_every_variable_a_kind_offers(kind):
    for language in LANGUAGES[kind]:
        context = sample_context(kind, language)
        for variable in VARIABLES[kind]:
            assert variable.name in context
            for item in variable.items:
                assert all(item.name in row for row in context[variable.name])


def test_the_logo_heads_the_letter_and_a_broken_one_is_left_out(home_institution, caplog):
    home_institution.logo.save("logo.png", ContentFile(png_bytes()), save=True)
    with_logo = PdfReader(BytesIO(letter_pdf(SHEET, language="en", context={"name": "Ali Valiyev"})))
    home_institution.logo.save("broken.png", ContentFile(b"not an image"), save=True)

    with caplog.at_level(logging.WARNING, logger="intl_office.letter_pdf"):
        without = PdfReader(BytesIO(letter_pdf(SHEET, language="en", context={"name": "Ali Valiyev"})))

    assert len(with_logo.pages[0].images) == 1 and "Jizzakh Polytechnic Institute" in with_logo.pages[0].extract_text()
    assert len(without.pages[0].images) == 0 and "could not be drawn" in caplog.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('{{ name|ljust:"99999999999" }}', "Invalid filter: 'ljust'"),
        (
            "{% for a in rows %}{% for b in rows %}{% for c in rows %}{{ partner }}{% endfor %}{% endfor %}{% endfor %}"
            * 3,
            "The letter comes out too long to print.",
        ),
    ],
)
def test_a_letter_that_would_fill_the_memory_is_refused(body, message, monkeypatch):
    monkeypatch.setattr("intl_office.letter_engine.MAX_BODY", 2_000)

    assert message in body_error(body)
