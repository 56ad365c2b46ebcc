"""What each role's import, change, delete and download actually does to the rows, not only which page opens.

The role that may act changes the stored row; the role that may not leaves it as it was.
"""

import pytest
from django.db import models
from django.urls import reverse

from mobility.models import Application, Mobility
from partners.models import Institution
from tests.admin_helpers import (
    READ_ONLY_MODELS,
    admin_url,
    form_data,
    form_errors,
    make_row,
    model_id,
    registered_models,
)
from tests.constraints import stored_values
from tests.factories import GrantProgramFactory, InstitutionFactory
from tests.files import CSV_FORMAT, csv_text, upload

pytestmark = pytest.mark.django_db

PROJECT_APPS = ("intl_office", "partners", "programs", "mobility")
# Every record the office edits; the department's one row is never added or deleted (test_roles.py).
ROW_MODELS = [
    model
    for model in registered_models()
    if model._meta.app_label in PROJECT_APPS
    # Jobs, finished imports and learning agreements are only read in the admin (READ_ONLY_MODELS).
    and model._meta.label not in READ_ONLY_MODELS
    and model._meta.model_name != "homeinstitution"
]
# Valid in every text column, a user name among them, and short enough for an acronym.
EDITED = "Edited.by.office"
MOBILITY_HEADERS = (
    "participant_name",
    "participant_kind",
    "direction",
    "activity",
    "partner",
    "partner_country",
    "start_date",
    "end_date",
    "status",
    "programme",
)
MOBILITY_ROW = {
    "participant_name": "Aziza Karimova",
    "participant_kind": "student",
    "direction": "outgoing",
    "activity": "semester",
    "partner": "Gazi University",
    "partner_country": "Turkey",
    "start_date": "2025-09-15",
    "end_date": "2026-01-31",
    "status": "confirmed",
    "programme": "Erasmus+ ICM",
}


def editable_text_field(model, data):
    """The first free-text column the rendered change form posts, which any text may replace."""
    for field in model._meta.concrete_fields:
        if (
            isinstance(field, (models.CharField, models.TextField))
            and not isinstance(field, (models.SlugField, models.EmailField, models.URLField))
            and not field.choices
            and field.editable
            and isinstance(data.get(field.attname), str)
        ):
            return field.attname
    return None


@pytest.mark.parametrize("model", ROW_MODELS, ids=model_id)
def test_office_staff_change_and_then_delete_every_record(office_client, model):
    row = make_row(model)
    url = admin_url(model, "change", row.pk)
    data = form_data(office_client.get(url), model)
    column = editable_text_field(model, data)
    assert column is not None, "no free-text column to edit"
    data[column] = EDITED

    saved = office_client.post(url, data)

    assert saved.status_code == 302, form_errors(saved)
    assert stored_values(model.objects.get(pk=row.pk))[column] == EDITED
    assert office_client.get(admin_url(model, "add")).status_code == 200

    deleted = office_client.post(admin_url(model, "delete", row.pk), {"post": "yes"})

    assert deleted.status_code == 302
    assert not model.objects.filter(pk=row.pk).exists()


def test_office_staff_rename_a_partner_and_a_viewer_cannot(office_client, viewer_client):
    partner = InstitutionFactory(name="Gazi University")
    url = admin_url(Institution, "change", partner.pk)
    data = form_data(office_client.get(url), Institution)

    refused = viewer_client.post(url, {**data, "name": "Renamed by a viewer", "name_en": "Renamed by a viewer"})
    partner.refresh_from_db()
    assert refused.status_code == 403
    assert partner.name == "Gazi University"

    saved = office_client.post(url, {**data, "name": "Gazi University Ankara", "name_en": "Gazi University Ankara"})
    partner.refresh_from_db()
    assert saved.status_code == 302, form_errors(saved)
    assert partner.name == "Gazi University Ankara"


def test_a_coordinator_reads_partners_but_their_edits_and_deletes_change_nothing(coordinator_client):
    partner = InstitutionFactory(name="Gazi University")
    url = admin_url(Institution, "change", partner.pk)

    assert coordinator_client.get(url).status_code == 200
    assert coordinator_client.post(url, {"name": "Renamed", "name_en": "Renamed"}).status_code == 403
    assert coordinator_client.get(admin_url(Institution, "add")).status_code == 403
    assert coordinator_client.post(admin_url(Institution, "delete", partner.pk), {"post": "yes"}).status_code == 403
    assert coordinator_client.get(admin_url(Institution, "import")).status_code == 403
    partner.refresh_from_db()
    assert partner.name == "Gazi University"
    assert Institution.objects.count() == 1


def test_a_coordinator_deletes_no_application_whether_of_their_faculty_or_not(coordinator_client, own, other):
    for application in (own, other):
        # 403 for both alike: the answer tells nothing of whether the other one exists.
        assert coordinator_client.get(admin_url(Application, "delete", application.pk)).status_code == 403
        posted = coordinator_client.post(admin_url(Application, "delete", application.pk), {"post": "yes"})
        assert posted.status_code == 403
    bulk = coordinator_client.post(
        admin_url(Application, "changelist"),
        {"action": "delete_selected", "post": "yes", "_selected_action": [own.pk, other.pk]},
    )

    assert bulk.status_code in (200, 302, 403)
    assert set(Application.objects.values_list("pk", flat=True)) == {own.pk, other.pk}
    assert own.documents.count() == other.documents.count() == 1


def import_mobility(client):
    """Preview a one-row mobility file and press confirm, as the import page asks."""
    preview = client.post(
        admin_url(Mobility, "import"),
        {"format": CSV_FORMAT, "import_file": upload("m.csv", csv_text([MOBILITY_ROW], MOBILITY_HEADERS))},
    )
    if preview.status_code != 200:
        return preview
    return client.post(admin_url(Mobility, "process_import"), preview.context["confirm_form"].initial)


@pytest.fixture
def gazi_and_erasmus(db):
    return (
        InstitutionFactory(name="Gazi University", country="TR"),
        GrantProgramFactory(name="Erasmus+ credit mobility", short_name="Erasmus+ ICM"),
    )


def test_office_staff_import_mobility_and_the_row_is_written(office_client, gazi_and_erasmus):
    gazi, erasmus = gazi_and_erasmus

    done = import_mobility(office_client)

    assert done.status_code == 302
    imported = Mobility.objects.get()
    assert (imported.participant_name, imported.partner, imported.program) == ("Aziza Karimova", gazi, erasmus)
    assert (imported.direction, imported.status, str(imported.start_date)) == ("outgoing", "confirmed", "2025-09-15")


@pytest.mark.parametrize("role_client", ["viewer_client", "coordinator_client"])
def test_who_may_not_import_mobility_writes_no_row(request, role_client, gazi_and_erasmus):
    client = request.getfixturevalue(role_client)

    refused = import_mobility(client)

    assert refused.status_code == 403
    assert client.post(admin_url(Mobility, "process_import"), {"format": CSV_FORMAT}).status_code == 403
    assert not Mobility.objects.exists()


def test_a_coordinator_downloads_their_facultys_document_byte_for_byte(coordinator_client, own):
    document = own.documents.get()
    document.file.open("rb")
    stored = document.file.read()
    document.file.close()

    response = coordinator_client.get(
        reverse("mobility:staff-application-document", kwargs={"pk": own.pk, "doc_pk": document.pk})
    )

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored
    assert stored.startswith(b"%PDF-")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="transcript.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control
