"""Imports past IMPORT_BACKGROUND_ROWS rows: confirmed in the admin, written once by a job, followed on a page."""

import pytest
from auditlog.models import LogEntry
from django.contrib.admin.models import LogEntry as AdminLogEntry
from django.core import mail
from django.core.files.base import ContentFile
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from intl_office.import_jobs import file_import_enqueue, run_file_import
from intl_office.jobs import Status
from intl_office.models import FileImport
from intl_office.storage import private_storage
from partners.models import Institution
from partners.resources import InstitutionResource
from tests.admin_helpers import admin_url
from tests.factories import UserFactory
from tests.files import CSV_FORMAT, csv_text, upload
from tests.jobs import run_jobs
from tests.partners.imports import university_rows
from tests.users import signed_in

pytestmark = pytest.mark.django_db


def preview(client, rows):
    response = client.post(
        admin_url(Institution, "import"), {"format": CSV_FORMAT, "import_file": upload("partners.csv", csv_text(rows))}
    )
    assert response.context["confirm_form"] is not None
    return response.context["confirm_form"].initial


def confirm(client, initial, **kwargs):
    return client.post(admin_url(Institution, "process_import"), initial, **kwargs)


@pytest.fixture
def rows_301():
    return university_rows()[:301]


@pytest.fixture
def rows_6(settings):
    """Six rows past a limit of five: the other tests need not write hundreds of rows to reach a job."""
    settings.IMPORT_BACKGROUND_ROWS = 5
    return university_rows()[:6]


def test_a_301_row_import_becomes_a_job_that_imports_it_once_and_mails_the_uploader(staff_client, staff, rows_301):
    initial = preview(staff_client, rows_301)

    response = confirm(staff_client, initial)

    file_import = FileImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url(FileImport, "change", file_import.pk)
    assert not Institution.objects.exists()
    assert (file_import.user, file_import.rows, file_import.status) == (staff, 301, FileImport.Status.PENDING)
    assert (file_import.original_name, file_import.model) == ("partners.csv", "partners.Institution")
    assert private_storage.exists(file_import.file.name)
    assert DBTaskResult.objects.get(pk=file_import.job_id).status == Status.READY
    page = staff_client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in page
    assert "Waiting for its turn" in page
    mail.outbox.clear()

    assert run_jobs() >= 1

    file_import.refresh_from_db()
    assert Institution.objects.count() == 301
    assert file_import.status == FileImport.Status.DONE
    assert file_import.totals == {"new": 301}
    assert file_import.errors == []
    first = Institution.objects.get(name_en=rows_301[0]["name"], country=rows_301[0]["country"])
    assert LogEntry.objects.get_for_object(first).get().actor == staff
    assert AdminLogEntry.objects.filter(user=staff).count() == 301
    [message] = mail.outbox
    assert message.to == [staff.email]
    assert message.subject == "Import finished: partners.csv"
    assert "is finished: 301 new, 0 updated, 0 unchanged." in message.body
    assert admin_url(FileImport, "change", file_import.pk) in message.body
    # The file is not needed any more: a clean-up job removed it.
    assert not file_import.file
    assert not private_storage.exists(f"imports/{file_import.upload_name}")
    page = staff_client.get(admin_url(FileImport, "change", file_import.pk)).content.decode()
    assert "http-equiv" not in page
    assert "301 new, 0 updated, 0 unchanged." in page

    # As if the worker had died after the import, before recording its job done: the job runs again.
    DBTaskResult.objects.filter(pk=file_import.job_id).update(status=Status.READY, worker_ids=[])
    run_jobs()

    assert Institution.objects.count() == 301
    assert LogEntry.objects.filter(action=LogEntry.Action.CREATE).count() == 301


def test_running_the_job_again_imports_nothing_twice(staff_client, rows_6):
    confirm(staff_client, preview(staff_client, rows_6))
    run_jobs()
    file_import = FileImport.objects.get()
    # As if the worker had died after the import, before recording its job done: the job runs again.
    DBTaskResult.objects.filter(pk=file_import.job_id).update(status=Status.READY, worker_ids=[])

    run_jobs()

    assert run_file_import.call(file_import_id=file_import.pk) == "already finished"
    assert Institution.objects.count() == 6
    assert mail.outbox[-1].subject == "Import finished: partners.csv"
    assert len(mail.outbox) == 1


def test_confirming_the_same_file_twice_is_one_import(staff_client, rows_6):
    initial = preview(staff_client, rows_6)

    first = confirm(staff_client, initial)
    second = confirm(staff_client, initial)
    run_jobs()

    assert first["Location"] == second["Location"]
    assert FileImport.objects.count() == 1
    assert Institution.objects.count() == 6


def test_rows_up_to_the_limit_are_imported_in_the_request_as_before(staff_client, rows_6):
    confirm(staff_client, preview(staff_client, rows_6[:5]))

    assert Institution.objects.count() == 5
    assert not FileImport.objects.exists()


def test_a_row_that_fails_in_the_job_is_reported_by_number_and_nothing_is_imported(staff, rows_6):
    rows = [dict(row) for row in rows_6]
    rows[2]["country"] = "Narnia"
    rows[4]["name"] = ""
    name = private_storage.save("imports/bad-file", ContentFile(csv_text(rows).encode()))
    file_import = file_import_enqueue(
        user=staff,
        model=Institution,
        resource_class=InstitutionResource,
        upload_name=name.removeprefix("imports/"),
        original_name="bad.csv",
        input_format="csv",
        rows=6,
        language="en",
    )
    mail.outbox.clear()

    run_jobs()

    file_import.refresh_from_db()
    assert not Institution.objects.exists()
    assert file_import.status == FileImport.Status.FAILED
    assert [error["row"] for error in file_import.errors] == [3, 5]
    assert "country: Unknown country “Narnia”" in file_import.errors[0]["messages"][0]
    [message] = mail.outbox
    assert message.subject == "Nothing was imported from bad.csv"
    assert "Row 3: country: Unknown country “Narnia”" in message.body
    assert "Row 5: name: This field is required." in message.body


def test_the_page_is_the_uploaders_and_not_another_staff_members(staff_client, rows_6):
    confirm(staff_client, preview(staff_client, rows_6))
    file_import = FileImport.objects.get()
    colleague = signed_in(UserFactory(username="colleague", is_staff=True))

    response = colleague.get(admin_url(FileImport, "change", file_import.pk), follow=True)

    assert "partners.csv" not in response.content.decode()
    assert colleague.get(admin_url(FileImport, "changelist")).context["cl"].result_count == 0


def test_a_hostile_error_is_shown_inert_on_the_page(staff_client, staff):
    file_import = FileImport.objects.create(
        user=staff,
        model="partners.Institution",
        resource_path="partners.resources.InstitutionResource",
        original_name="<b>x</b>.csv",
        upload_name="gone",
        input_format="csv",
        rows=301,
        language="en",
        status=FileImport.Status.FAILED,
        errors=[{"row": 3, "messages": ["country: Unknown country “<script>alert(1)</script>”"]}],
    )

    html = staff_client.get(admin_url(FileImport, "change", file_import.pk)).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Row 3" in html


def test_a_job_that_stopped_on_an_error_says_so_on_the_page_and_runs_again_from_the_admin(staff_client, rows_6):
    confirm(staff_client, preview(staff_client, rows_6))
    file_import = FileImport.objects.get()
    private_storage.delete(file_import.file.name)  # the file is gone: the job fails and says why

    run_jobs()

    job = DBTaskResult.objects.get(pk=file_import.job_id)
    assert job.status == Status.FAILED
    page = staff_client.get(admin_url(FileImport, "change", file_import.pk)).content.decode()
    assert "Stopped by an error: nothing was imported yet" in page
    assert "FileNotFoundError" in page
    jobs = staff_client.get("/admin/intl_office/job/").content.decode()
    assert "Import a file" in jobs and "partners.csv" in jobs
    # Put back, and run again from the admin's Background jobs.
    private_storage.save(file_import.file.name, ContentFile(csv_text(rows_6).encode()))
    staff_client.post("/admin/intl_office/job/", {"action": "run_again", "_selected_action": [str(job.pk)]})
    run_jobs()
    file_import.refresh_from_db()
    assert file_import.status == FileImport.Status.DONE
    assert Institution.objects.count() == 6


def test_the_email_is_in_the_language_the_import_was_confirmed_in(staff_client, rows_6):
    initial = preview(staff_client, rows_6)
    with translation.override("ru"):
        url = admin_url(Institution, "process_import")
    assert url.startswith("/ru/")
    staff_client.post(url, initial)
    mail.outbox.clear()

    run_jobs()

    file_import = FileImport.objects.get()
    assert file_import.language == "ru"
    [message] = mail.outbox
    assert f"/ru/admin/intl_office/fileimport/{file_import.pk}/change/" in message.body
    assert message.body.startswith(f"Здравствуйте, {file_import.user.get_full_name() or file_import.user.username}!")
