"""A pending import is confirmed by the person who uploaded it, and by nobody else.

The preview leaves the file waiting in private storage under a random name; the confirmation form
carries that name and a seal of the uploader. Tried three ways: anonymous, a colleague with every
import right (the wrong user), and the uploader.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from intl_office.roles import OFFICE_STAFF
from intl_office.storage import private_storage
from partners.models import Institution
from tests.admin_helpers import admin_url
from tests.files import CSV_FORMAT
from tests.users import member_of, signed_in

pytestmark = pytest.mark.django_db

CSV = b"name,country,website\nUniversity of Andorra,AD,https://www.uda.ad\nGazi University,TR,https://gazi.edu.tr\n"
REFUSAL = "Only the person who uploaded this file can confirm its import. Nothing was imported."


def office_member(username):
    return signed_in(member_of(OFFICE_STAFF, username=username))


@pytest.fixture
def uploader():
    return office_member("uploader")


@pytest.fixture
def colleague():
    return office_member("colleague")


@pytest.fixture
def waiting(uploader):
    """The confirmation form of the uploader's preview, as the page rendered it."""
    preview = uploader.post(
        admin_url(Institution, "import"),
        {"format": CSV_FORMAT, "import_file": SimpleUploadedFile("partners.csv", CSV, content_type="text/csv")},
    )
    assert preview.status_code == 200
    initial = dict(preview.context["confirm_form"].initial)
    assert 'name="uploaded_by"' in preview.content.decode()
    return initial


def confirm(client, data):
    return client.post(admin_url(Institution, "process_import"), data, follow=True)


def test_anonymous_visitor_cannot_confirm_an_import(client, waiting):
    response = client.post(admin_url(Institution, "process_import"), waiting)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert not Institution.objects.exists()


def test_a_colleague_cannot_confirm_anothers_import(colleague, waiting):
    response = confirm(colleague, waiting)

    assert response.redirect_chain == [(admin_url(Institution, "import"), 302)]
    assert REFUSAL in [str(message) for message in response.context["messages"]]
    assert not Institution.objects.exists()
    # The file still waits for its uploader.
    assert private_storage.exists(f"imports/{waiting['import_file_name']}")


def test_a_colleague_cannot_confirm_it_with_a_seal_of_their_own(colleague, waiting):
    # A colleague's own preview gives them a seal; it is bound to their own file, not to this one.
    own_preview = colleague.post(
        admin_url(Institution, "import"),
        {"format": CSV_FORMAT, "import_file": SimpleUploadedFile("mine.csv", CSV, content_type="text/csv")},
    )
    forged = {**waiting, "uploaded_by": own_preview.context["confirm_form"].initial["uploaded_by"]}

    response = confirm(colleague, forged)

    assert REFUSAL in [str(message) for message in response.context["messages"]]
    assert not Institution.objects.exists()


@pytest.mark.parametrize("seal", [None, "", "garbage", "1:imports:forged"])
def test_a_missing_or_forged_seal_confirms_nothing(uploader, waiting, seal):
    data = {key: value for key, value in waiting.items() if key != "uploaded_by"}
    if seal is not None:
        data["uploaded_by"] = seal

    response = confirm(uploader, data)

    assert REFUSAL in [str(message) for message in response.context["messages"]]
    assert not Institution.objects.exists()


def test_the_uploader_confirms_their_import(uploader, waiting):
    response = confirm(uploader, waiting)

    assert response.redirect_chain == [(admin_url(Institution, "changelist"), 302)]
    assert set(Institution.objects.values_list("name_en", flat=True)) == {"University of Andorra", "Gazi University"}
    assert not private_storage.exists(f"imports/{waiting['import_file_name']}")


def test_the_uploader_still_confirms_after_a_colleague_was_refused(uploader, colleague, waiting):
    confirm(colleague, waiting)

    confirm(uploader, waiting)

    assert Institution.objects.count() == 2
