"""The office edits its letters in the admin: start from the default, see the values, preview, nothing bad saved."""

from io import BytesIO

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from pypdf import PdfReader

from intl_office.models import HomeInstitution, LetterTemplate
from tests.admin_helpers import admin_url, form_data, form_errors

pytestmark = pytest.mark.django_db

SHEET = LetterTemplate.Kind.NOMINATION_SHEET
ADD = admin_url(LetterTemplate, "add")


def preview(kind, language):
    return reverse("admin:intl_office_lettertemplate_preview", args=[kind, language])


def text_of(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def test_the_add_page_offers_to_start_from_each_default(office_client):
    page = office_client.get(ADD).content.decode()

    assert "Start from the default" in page
    assert f"{ADD}?kind=nomination_sheet&amp;language=uz" in page
    assert f"{ADD}?kind=visa_invitation&amp;language=ru" in page
    assert "kind=visa_invitation&amp;language=uz" not in page  # an invitation for a visa: English or Russian


def test_starting_from_the_default_fills_the_form_and_lists_the_values(office_client):
    response = office_client.get(f"{ADD}?kind=nomination_sheet&language=ru")
    data = form_data(response, LetterTemplate)
    page = response.content.decode()

    assert (data["kind"], data["language"], data["title"]) == ("nomination_sheet", "ru", "Номинация: {{ name }}")
    assert "{% for row in rows %}" in data["body"]
    assert "Values this document offers" in page and "{{ row.label }}" in page and "{{ reference }}" in page
    assert preview("nomination_sheet", "ru") in page


def test_each_kind_lists_its_own_values(office_client):
    page = office_client.get(f"{ADD}?kind=trip_order&language=en").content.decode()

    assert "{{ traveller }}" in page and "{{ order_number }}" in page and "{{ row.by }}" in page
    assert "{{ expert_name }}" not in page


def test_a_valid_template_is_saved_with_its_history(office_client, office_user):
    data = form_data(office_client.get(f"{ADD}?kind=nomination_sheet&language=en"), LetterTemplate)
    data["body"] = "<p>We kindly nominate {{ name }}.</p>"

    response = office_client.post(ADD, data)

    assert response.status_code == 302, form_errors(response)
    template = LetterTemplate.objects.get()
    assert (template.kind, template.language, template.body) == (SHEET, "en", "<p>We kindly nominate {{ name }}.</p>")
    assert LogEntry.objects.get_for_object(template).get().actor == office_user


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body", "<p>{{ name }}</p>\n{% load static %}", "Line 2: the tag “load” cannot be used in a letter"),
        ("body", "{% if name %}never closed", "The template has an error:"),
        ("body", "<td>no row</td>", "The letter cannot be printed with sample values"),
        ("title", "{% include 'base.html' %}", "the tag “include” cannot be used in a letter"),
    ],
)
def test_a_template_that_would_not_print_is_refused_next_to_its_field(office_client, field, value, message):
    data = form_data(office_client.get(f"{ADD}?kind=nomination_sheet&language=en"), LetterTemplate)
    data[field] = value

    response = office_client.post(ADD, data)

    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    assert not LetterTemplate.objects.exists()


def test_a_language_the_document_is_not_written_in_is_refused(office_client):
    data = form_data(office_client.get(f"{ADD}?kind=visa_invitation&language=en"), LetterTemplate)
    data.update(language="uz", title="Taklifnoma", body="<p>{{ expert_name }}</p>")

    response = office_client.post(ADD, data)

    assert "written in English, Русский only" in " ".join(response.context["adminform"].form.errors["language"])
    assert not LetterTemplate.objects.exists()


def test_an_edit_is_checked_too_and_changes_nothing_when_refused(office_client):
    template = LetterTemplate.objects.create(kind=SHEET, language="en", title="Nomination", body="<p>{{ name }}</p>")
    url = admin_url(LetterTemplate, "change", template.pk)
    data = form_data(office_client.get(url), LetterTemplate)
    data["body"] = "{% debug %}"

    response = office_client.post(url, data)

    assert "the tag “debug” cannot be used" in " ".join(response.context["adminform"].form.errors["body"])
    template.refresh_from_db()
    assert template.body == "<p>{{ name }}</p>"


def test_the_preview_prints_the_saved_template_with_sample_values(office_client):
    LetterTemplate.objects.create(kind=SHEET, language="ru", title="Номинация", body="<p>Кандидат: {{ name }}</p>")

    response = office_client.get(preview(SHEET, "ru"))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "Кандидат: Дильноза Каримова" in text_of(response.content)


def test_the_preview_of_a_kind_without_an_office_template_is_the_default(viewer_client):
    response = viewer_client.get(preview(SHEET, "uz"))

    assert "Dilnoza Karimova" in text_of(response.content) and "nomzod" in text_of(response.content)


@pytest.mark.parametrize(
    ("kind", "language", "status"),
    [("visa_invitation", "uz", 404), ("nothing", "en", 404), (SHEET, "de", 404), (SHEET, "e\x00n", 400)],
)
def test_a_preview_of_no_such_letter_is_an_error_page(office_client, kind, language, status):
    assert office_client.get(preview(kind, language)).status_code == status


def test_the_preview_is_for_staff_only(client, student):
    assert client.get(preview(SHEET, "en"))["Location"].startswith(reverse("admin:login"))
    client.force_login(student)
    assert client.get(preview(SHEET, "en"))["Location"].startswith(reverse("admin:login"))


def test_a_coordinator_reads_the_templates_but_cannot_change_them(coordinator_client):
    template = LetterTemplate.objects.create(kind=SHEET, language="en", title="Nomination", body="<p>{{ name }}</p>")

    assert coordinator_client.get(admin_url(LetterTemplate, "change", template.pk)).status_code == 200
    assert coordinator_client.get(ADD).status_code == 403
    response = coordinator_client.post(
        admin_url(LetterTemplate, "change", template.pk),
        {"kind": SHEET, "language": "en", "title": "Changed", "body": "<p>x</p>"},
    )
    assert response.status_code == 403
    template.refresh_from_db()
    assert template.title == "Nomination"


def test_the_home_institution_sets_the_signatory_and_links_to_a_preview(office_client):
    home = HomeInstitution.load()
    url = admin_url(HomeInstitution, "change", home.pk)
    response = office_client.get(url)
    data = form_data(response, HomeInstitution)
    data.update(
        name_en="Jizzakh Polytechnic Institute",
        signatory_name_en="Rustam Nazarov",
        signatory_name_ru="Рустам Назаров",
        signatory_position_en="Rector",
        signatory_position_ru="Ректор",
    )

    saved = office_client.post(url, data)

    assert saved.status_code == 302, form_errors(saved)
    assert preview("trip_order", "ru") in response.content.decode()
    assert "Рустам Назаров" in text_of(office_client.get(preview("trip_order", "ru")).content)
    assert "Ректор" in text_of(office_client.get(preview("trip_order", "ru")).content)


def test_every_field_is_told_its_error_at_once_and_the_values_stay_on_the_page(office_client):
    response = office_client.post(
        ADD, {"kind": "trip_order", "language": "en", "title": "", "body": "<p>{{ traveller }}</p>{% url 'home' %}"}
    )

    errors = response.context["adminform"].form.errors
    assert errors["title"] == ["This field is required."]
    assert "the tag “url” cannot be used" in errors["body"][0]
    assert "{{ traveller }}" in response.content.decode() and "Values this document offers" in response.content.decode()
    assert not LetterTemplate.objects.exists()
