"""Importing mobility records and visits in the admin: preview, confirm, re-import."""

import datetime

import pytest
import tablib
from django.contrib.auth.models import Group

from mobility.models import Mobility, Visit
from mobility.resources import MobilityResource, VisitResource
from tests.admin_helpers import admin_url
from tests.factories import (
    AgreementFactory,
    FacultyFactory,
    GrantProgramFactory,
    InstitutionFactory,
    MobilityFactory,
    UserFactory,
    VisitFactory,
)
from tests.files import CSV_FORMAT, csv_text, upload

pytestmark = pytest.mark.django_db


# --- importing mobility and visits ---------------------------------------------------------------

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
    "agreement",
)


@pytest.fixture
def gazi(db):
    return InstitutionFactory(name="Gazi University", country="TR")


@pytest.fixture
def erasmus(db):
    return GrantProgramFactory(name="Erasmus+ credit mobility", short_name="Erasmus+ ICM")


def mobility_row(**overrides):
    return {
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
        "agreement": "",
        **overrides,
    }


def test_mobility_import_previews_then_writes_on_confirm_and_reimport_updates(staff_client, gazi, erasmus):
    agreement = AgreementFactory(partner=gazi, reference_number="GAZI-2023-1")
    rows = [mobility_row(agreement="GAZI-2023-1"), mobility_row(participant_name="Bekzod Tursunov")]
    import_url = admin_url(Mobility, "import")

    preview = staff_client.post(
        import_url, {"format": CSV_FORMAT, "import_file": upload("m.csv", csv_text(rows, MOBILITY_HEADERS))}
    )

    assert preview.status_code == 200
    assert {k: v for k, v in preview.context["result"].totals.items() if v} == {"new": 2}
    assert not Mobility.objects.exists()
    done = staff_client.post(
        admin_url(Mobility, "process_import"), preview.context["confirm_form"].initial, follow=True
    )
    assert done.status_code == 200
    aziza = Mobility.objects.get(participant_name="Aziza Karimova")
    assert (aziza.partner, aziza.program, aziza.agreement, aziza.status) == (gazi, erasmus, agreement, "confirmed")

    rows[0]["status"] = "completed"
    again = MobilityResource().import_data(tablib_dataset(rows, MOBILITY_HEADERS))

    assert {k: v for k, v in again.totals.items() if v} == {"update": 1, "skip": 1}
    assert Mobility.objects.count() == 2
    aziza.refresh_from_db()
    assert aziza.status == "completed"


def tablib_dataset(rows, headers):
    return tablib.Dataset().load(csv_text(rows, headers), format="csv")


@pytest.mark.parametrize(
    ("bad", "column", "message"),
    [
        ({"partner": "Narnia University"}, "partner", "No institution “Narnia University”"),
        ({"programme": "Erasmus"}, "programme", "No programme “Erasmus”"),
        ({"direction": "sideways"}, "direction", "Unknown value “sideways”"),
        ({"start_date": "15/13/2025"}, "start_date", "Enter a date as YYYY-MM-DD"),
        ({"end_date": "2025-01-01"}, "__all__", "A mobility cannot end before it starts."),
        ({"agreement": "NOPE-1"}, "agreement", "No agreement has the reference number “NOPE-1”."),
    ],
)
def test_a_bad_mobility_row_is_reported_by_column_and_nothing_is_written(gazi, erasmus, bad, column, message):
    rows = [mobility_row(participant_name="First Student"), mobility_row(**bad)]

    result = MobilityResource().import_data(tablib_dataset(rows, MOBILITY_HEADERS))

    (invalid,) = result.invalid_rows
    assert invalid.number == 2
    assert any(message in text for text in invalid.error_dict[column]), invalid.error_dict
    assert not Mobility.objects.exists()


def test_admin_preview_of_a_mobility_file_with_a_bad_row_shows_it_and_offers_no_confirmation(staff_client, gazi):
    rows = [mobility_row(programme=""), mobility_row(participant_name="Bekzod Tursunov", partner_country="Narnia")]

    preview = staff_client.post(
        admin_url(Mobility, "import"),
        {"format": CSV_FORMAT, "import_file": upload("m.csv", csv_text(rows, MOBILITY_HEADERS))},
    )

    html = preview.content.decode()
    assert "Some rows failed to validate" in html
    assert preview.context.get("confirm_form") is None
    assert not Mobility.objects.exists()


def test_mobility_export_imports_back_unchanged(staff_client, gazi, erasmus):
    MobilityFactory(participant_name="Aziza Karimova", partner=gazi, program=erasmus, faculty=FacultyFactory())
    exported = MobilityResource().export()

    result = MobilityResource().import_data(tablib.Dataset().load(exported.csv, format="csv"))

    assert {k: v for k, v in result.totals.items() if v} == {"skip": 1}


VISIT_HEADERS = ("start_date", "partner", "partner_country", "direction", "title", "city", "topics")


def test_visits_are_matched_by_first_day_and_partner_and_updated(gazi):
    visit = VisitFactory(partner=gazi, start_date=datetime.date(2024, 12, 3), title="Delegation from Gazi")
    rows = [
        {
            "start_date": "2024-12-03",
            "partner": "Gazi University",
            "partner_country": "TR",
            "title": "Delegation of Gazi University",
            "city": "Jizzakh",
            "topics": "Joint degrees\nStaff exchange",
        },
        {"start_date": "2025-04-22", "partner": "Gazi University", "partner_country": "TR", "title": "Return visit"},
    ]

    result = VisitResource().import_data(tablib_dataset(rows, VISIT_HEADERS))

    assert {k: v for k, v in result.totals.items() if v} == {"update": 1, "new": 1}
    visit.refresh_from_db()
    assert (visit.title_en, visit.city, visit.topic_list) == (
        "Delegation of Gazi University",
        "Jizzakh",
        ["Joint degrees", "Staff exchange"],
    )
    assert Visit.objects.get(title_en="Return visit").slug == "2025-04-22-gazi-university"


def test_a_visit_file_with_an_unknown_partner_writes_nothing(gazi):
    rows = [
        {"start_date": "2025-04-22", "partner": "Gazi University", "partner_country": "TR", "title": "Fine"},
        {"start_date": "2025-05-01", "partner": "Nowhere University", "partner_country": "TR", "title": "Bad"},
    ]

    result = VisitResource().import_data(tablib_dataset(rows, VISIT_HEADERS))

    assert result.has_validation_errors()
    assert not Visit.objects.exists()


def test_only_who_may_add_and_change_imports_mobility(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.groups.add(Group.objects.get(name="Viewer"))
    client.force_login(viewer)

    assert client.get(admin_url(Mobility, "import")).status_code == 403
    assert client.get(admin_url(Mobility, "export")).status_code == 200
    assert client.get(admin_url(Visit, "import")).status_code == 403


def test_staff_open_the_import_pages_with_the_column_guide(staff_client):
    for model in (Mobility, Visit):
        html = staff_client.get(admin_url(model, "import")).content.decode()
        assert "What the columns hold" in html
        assert "partner_country" in html
