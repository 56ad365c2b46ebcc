"""Names and texts refuse control characters at input: the admin, the student's form and imports.

Multi-line texts keep their tabs and line breaks; one-line names refuse those too.
"""

import pytest
import tablib
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from intl_office.validators import NoControlCharacters
from mobility.forms import ApplicationForm
from mobility.models import Application, ApplicationEvent
from partners.models import Institution
from partners.resources import InstitutionResource
from tests.admin_helpers import admin_url, form_data
from tests.factories import ApplicationFactory, CallFactory, InstitutionFactory
from tests.files import CSV_FORMAT

pytestmark = pytest.mark.django_db

MESSAGE = "Remove the invisible control character U+0001 from this text"


def text_fields():
    for app in ("intl_office", "partners", "programs", "mobility"):
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField) and not field.choices:
                    yield pytest.param(field, id=f"{model._meta.label}.{field.name}")


@pytest.mark.parametrize("field", list(text_fields()))
def test_every_text_field_of_the_portal_refuses_control_characters(field):
    multiline = isinstance(field, models.TextField)

    assert NoControlCharacters(multiline=multiline) in field.validators


def test_the_check_stays_out_of_the_migrations():
    _name, _path, _args, kwargs = Institution._meta.get_field("name_en").deconstruct()

    assert "validators" not in kwargs


@pytest.mark.parametrize("text", ["Gazi\x01 University", "Gazi\x00University", "Gazi\x7f", "Gazi\x9b", "Gazi\tUni"])
def test_a_name_refuses_control_characters_tabs_included(text):
    institution = InstitutionFactory.build(name=text, country="TR", slug="gazi")

    with pytest.raises(ValidationError) as refused:
        institution.full_clean()

    assert "Remove the invisible control character" in " ".join(refused.value.message_dict["name_en"])


def test_multi_line_text_keeps_tabs_and_line_breaks_and_refuses_the_rest():
    institution = InstitutionFactory.build(
        name="Gazi University", country="TR", slug="gazi", description="First line\r\n\tindented\nthird"
    )
    institution.full_clean()

    institution.description = "First line\x01"
    with pytest.raises(ValidationError) as refused:
        institution.full_clean()
    assert MESSAGE in " ".join(refused.value.message_dict["description_en"])


def test_the_admin_shows_the_error_next_to_the_field(client, staff):
    client.force_login(staff)
    add_url = admin_url(Institution, "add")
    data = form_data(client.get(add_url), Institution)
    data.update({"name_en": "Gazi\x01 University", "country": "TR"})

    response = client.post(add_url, data)

    assert response.status_code == 200
    assert [MESSAGE in error for error in response.context["adminform"].form.errors["name_en"]] == [True]
    assert MESSAGE in response.content.decode()
    assert not Institution.objects.exists()


def test_an_import_names_the_column_of_the_control_character():
    dataset = tablib.Dataset(headers=["name", "country"])
    dataset.append(["Gazi\x01 University", "TR"])
    dataset.append(["Ajou University", "KR"])

    result = InstitutionResource().import_data(dataset)

    (invalid,) = result.invalid_rows
    (error,) = invalid.error_dict["name"]  # once, though both name and name_en refuse it
    assert MESSAGE in error
    assert not Institution.objects.exists()


def test_an_admin_import_preview_shows_the_refused_row(client, staff):
    client.force_login(staff)
    content = b"name,country\nGazi\x01 University,TR\n"

    preview = client.post(
        admin_url(Institution, "import"),
        {"format": CSV_FORMAT, "import_file": SimpleUploadedFile("p.csv", content)},
    )

    assert preview.status_code == 200
    assert MESSAGE in preview.content.decode()
    assert not Institution.objects.exists()


def test_the_students_form_refuses_a_control_character_in_a_name():
    form = ApplicationForm(data={"first_name": "Aziza\x01", "last_name": "Karimova"}, call=CallFactory())

    assert not form.is_valid()
    assert [MESSAGE in error for error in form.errors["first_name"]] == [True]


def test_a_workflow_note_with_a_control_character_moves_nothing(client, staff):
    application = ApplicationFactory(status=Application.Status.SUBMITTED)
    client.force_login(staff)

    response = client.post(
        admin_url(Application, "transition", application.pk),
        {"to_status": Application.Status.UNDER_REVIEW, "note": "Checked\x01"},
        follow=True,
    )

    assert MESSAGE in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert not ApplicationEvent.objects.filter(application=application, note__startswith="Checked").exists()
