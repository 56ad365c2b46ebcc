"""Importing and exporting through the admin: preview, confirmation, permissions, leftover files."""

import io
import os
import time

import openpyxl
import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile

from intl_office.storage import private_storage
from partners.models import Agreement, Institution
from tests.admin_helpers import admin_url
from tests.factories import AgreementFactory, UserFactory
from tests.files import CSV_FORMAT, XLSX_FORMAT, csv_text, upload, xlsx_bytes
from tests.partners.imports import AGREEMENT_HEADERS, agreement_row, totals, university_rows

pytestmark = pytest.mark.django_db


# Through the admin.


def test_admin_import_previews_1000_universities_then_writes_them_on_confirm(staff_client, staff, settings):
    settings.IMPORT_BACKGROUND_ROWS = 1000  # written in the request (test_background_imports.py has the job)
    import_url = admin_url(Institution, "import")
    data = csv_text(university_rows())

    page = staff_client.get(import_url)
    preview = staff_client.post(import_url, {"format": CSV_FORMAT, "import_file": upload("partners.csv", data)})

    assert page.status_code == 200
    assert "What the columns hold" in page.content.decode()
    assert preview.status_code == 200
    result = preview.context["result"]
    assert totals(result) == {"new": 1000}
    assert Institution.objects.count() == 0
    confirm = preview.context["confirm_form"]
    assert confirm is not None
    assert 'name="confirm"' in preview.content.decode()

    done = staff_client.post(admin_url(Institution, "process_import"), confirm.initial, follow=True)

    assert done.redirect_chain == [(admin_url(Institution, "changelist"), 302)]
    assert "Import finished: 1000 new, 0 updated, 0 deleted and 0 skipped institutions." in done.content.decode()
    assert Institution.objects.count() == 1000
    andorra = Institution.objects.get(name_en="University of Andorra")
    assert LogEntry.objects.get_for_object(andorra).get().actor == staff


def test_admin_import_with_a_bad_row_shows_it_and_offers_no_confirmation(staff_client):
    rows = university_rows()[:5]
    rows[2] = {**rows[2], "country": "Narnia"}

    preview = staff_client.post(
        admin_url(Institution, "import"),
        {"format": XLSX_FORMAT, "import_file": upload("partners.xlsx", xlsx_bytes(rows))},
    )

    html = preview.content.decode()
    assert preview.status_code == 200
    assert "Some rows failed to validate" in html
    assert "Unknown country “Narnia”" in html
    assert preview.context.get("confirm_form") is None
    assert 'name="confirm"' not in html
    assert not Institution.objects.exists()


def test_admin_confirmation_pressed_twice_imports_once(staff_client):
    rows = university_rows()[:3]
    preview = staff_client.post(
        admin_url(Institution, "import"), {"format": CSV_FORMAT, "import_file": upload("p.csv", csv_text(rows))}
    )
    confirm = preview.context["confirm_form"].initial

    staff_client.post(admin_url(Institution, "process_import"), confirm)
    again = staff_client.post(admin_url(Institution, "process_import"), confirm, follow=True)

    assert again.redirect_chain == [(admin_url(Institution, "import"), 302)]
    assert "already confirmed" in again.content.decode()
    assert Institution.objects.count() == 3


def test_admin_confirmation_of_a_file_that_no_longer_validates_writes_nothing(staff_client, knu):
    old = AgreementFactory(partner=knu, reference_number="KNU-2015-01", title="Memorandum")
    headers = (*AGREEMENT_HEADERS, "renews")
    rows = [
        agreement_row(reference_number="KNU-2020-07", renews="KNU-2015-01"),
        agreement_row(reference_number="KNU-2020-08", title="Staff exchange agreement"),
    ]
    preview = staff_client.post(
        admin_url(Agreement, "import"),
        {"format": CSV_FORMAT, "import_file": upload("a.csv", csv_text(rows, headers))},
    )
    assert totals(preview.context["result"]) == {"new": 2}
    # Between the preview and the confirmation someone deletes the agreement the first row renews.
    old.delete()

    done = staff_client.post(
        admin_url(Agreement, "process_import"), preview.context["confirm_form"].initial, follow=True
    )

    assert done.redirect_chain == [(admin_url(Agreement, "import"), 302)]
    assert "Nothing was imported: 1 row failed when the import was confirmed." in done.content.decode()
    assert not Agreement.objects.exists()


def test_admin_export_of_agreements_as_xlsx(staff_client, knu):
    AgreementFactory(partner=knu, reference_number="KNU-2020-07", title="Student exchange agreement")
    export_url = admin_url(Agreement, "export")
    form = staff_client.get(export_url).context["form"]
    data = {name: "on" for name, field in form.fields.items() if name.startswith("agreementresource_")}

    response = staff_client.post(export_url, {**data, "format": XLSX_FORMAT, "resource": "0"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:4] == ("reference_number", "title", "kind", "partner")
    assert rows[1][:4] == ("KNU-2020-07", "Student exchange agreement", "mou", "Kyungpook National University")


def test_staff_who_may_only_view_can_export_but_not_import(client):
    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_institution"))
    client.force_login(viewer)

    changelist = client.get(admin_url(Institution, "changelist"))

    assert client.get(admin_url(Institution, "import")).status_code == 403
    assert client.post(admin_url(Institution, "process_import"), {}).status_code == 403
    assert client.get(admin_url(Institution, "export")).status_code == 200
    html = changelist.content.decode()
    assert admin_url(Institution, "export") in html
    assert admin_url(Institution, "import") not in html


def test_a_new_preview_clears_files_of_previews_left_unconfirmed_for_a_day(staff_client):
    old = private_storage.save("imports/forgotten", ContentFile(b"name,country\n"))
    recent = private_storage.save("imports/recent", ContentFile(b"name,country\n"))
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(private_storage.path(old), (two_days_ago, two_days_ago))
    rows = university_rows()[:2]

    preview = staff_client.post(
        admin_url(Institution, "import"), {"format": CSV_FORMAT, "import_file": upload("p.csv", csv_text(rows))}
    )

    waiting = preview.context["confirm_form"].initial["import_file_name"]
    assert not private_storage.exists(old)
    assert private_storage.exists(recent)
    assert private_storage.exists(f"imports/{waiting}")
