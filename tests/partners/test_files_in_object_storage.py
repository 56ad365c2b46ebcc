"""The office's files in object storage: logos, agreements' signed PDFs and pending imports, through the admin.

Uploaded through the real admin forms into buckets on a real S3 API (moto's server, tests/s3.py),
shown or downloaded through the real pages and views.
"""

import datetime

import pytest
from django.urls import reverse

from intl_office.admin_imports import remove_stale_imports
from partners.models import Agreement, Institution
from tests.admin_helpers import admin_url, form_data, form_errors
from tests.factories import AgreementFactory, InstitutionFactory
from tests.files import CSV_FORMAT, csv_text, pdf_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db


def change_in_admin(client, record, **files):
    """Submit ``record``'s admin change form as the page rendered it, with ``files`` chosen."""
    url = admin_url(type(record), "change", record.pk)
    data = {**form_data(client.get(url), type(record)), **files}
    response = client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    record.refresh_from_db()
    return record


def image_sources(response):
    """The img-src of the page's Content-Security-Policy."""
    for directive in response["Content-Security-Policy"].split(";"):
        name, *sources = directive.split()
        if name == "img-src":
            return sources
    return []


def test_a_logo_uploaded_in_the_admin_is_shown_from_the_public_bucket(object_storage, staff_client, client):
    partner = InstitutionFactory(name="Gazi University", slug="gazi", country="TR")

    change_in_admin(staff_client, partner, logo=upload("gazi.png", png_bytes(), "image/png"))

    assert object_storage.keys(object_storage.public) == [partner.logo.name]
    assert object_storage.keys(object_storage.private) == []
    logo_url = f"{object_storage.endpoint}/{object_storage.public}/{partner.logo.name}"
    page = client.get(reverse("partners:institution-detail", args=["gazi"]))
    html = page.content.decode()
    assert f'src="{logo_url}"' in html
    assert f'<meta property="og:image" content="{logo_url}">' in html
    # The browser may load it: the page's policy names the bucket's address, and the server gives it to anyone.
    assert f"{object_storage.endpoint}/{object_storage.public}/" in image_sources(page)
    assert object_storage.anonymous_get(logo_url) == (200, png_bytes())


def test_a_signed_agreement_uploaded_in_the_admin_is_private_and_downloads_through_the_view(
    object_storage, staff_client
):
    agreement = AgreementFactory(title="Exchange with Gazi University", reference_number="IO-2024/17")

    change_in_admin(staff_client, agreement, document=upload("signed.pdf", pdf_bytes("signed"), "application/pdf"))

    name = agreement.document.name
    assert object_storage.keys(object_storage.private) == [name]
    assert object_storage.anonymous_get(object_storage.object_url(object_storage.private, name))[0] == 403
    response = staff_client.get(reverse("partners:agreement-document", args=[agreement.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="IO-2024 17.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == pdf_bytes("signed")


def test_a_refused_upload_leaves_nothing_in_the_bucket(object_storage, staff_client):
    agreement = AgreementFactory()
    url = admin_url(Agreement, "change", agreement.pk)
    data = {**form_data(staff_client.get(url), Agreement), "document": upload("signed.pdf", b"PK\x03\x04 a docx")}

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "The file must be a PDF" in response.content.decode()
    assert object_storage.keys(object_storage.private) == []


def test_an_import_waits_in_the_private_bucket_and_is_confirmed_from_there(object_storage, staff_client):
    rows = [{"name": "University of Andorra", "country": "AD"}, {"name": "Gazi University", "country": "TR"}]
    preview = staff_client.post(
        admin_url(Institution, "import"),
        {"format": CSV_FORMAT, "import_file": upload("partners.csv", csv_text(rows), "text/csv")},
    )
    confirmation = dict(preview.context["confirm_form"].initial)
    waiting = f"imports/{confirmation['import_file_name']}"

    assert object_storage.keys(object_storage.private) == [waiting]
    assert object_storage.anonymous_get(object_storage.object_url(object_storage.private, waiting))[0] == 403
    assert not Institution.objects.exists()

    done = staff_client.post(admin_url(Institution, "process_import"), confirmation, follow=True)

    assert done.redirect_chain == [(admin_url(Institution, "changelist"), 302)]
    assert sorted(Institution.objects.values_list("name", flat=True)) == ["Gazi University", "University of Andorra"]
    assert object_storage.keys(object_storage.private) == []


def test_previews_nobody_confirmed_are_removed_from_the_bucket(object_storage, staff_client):
    staff_client.post(
        admin_url(Institution, "import"),
        {"format": CSV_FORMAT, "import_file": upload("partners.csv", csv_text([{"name": "A", "country": "AD"}]))},
    )
    assert len(object_storage.keys(object_storage.private, "imports/")) == 1

    remove_stale_imports(older_than=datetime.timedelta(days=1))
    assert len(object_storage.keys(object_storage.private, "imports/")) == 1  # a fresh one waits

    remove_stale_imports(older_than=datetime.timedelta(seconds=-60))
    assert object_storage.keys(object_storage.private, "imports/") == []
