"""Files leave storage by a job once the change that dropped them commits; a rollback keeps them."""

import datetime
import io

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from intl_office.file_cleanup import delete_file
from intl_office.jobs import Status
from intl_office.storage import private_storage
from partners.models import Agreement, Institution
from tests.factories import AgreementFactory, InstitutionFactory
from tests.files import pdf_bytes, png_bytes
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db


def agreement_with_document():
    agreement = AgreementFactory()
    agreement.document.save("signed.pdf", ContentFile(pdf_bytes()))
    run_jobs()
    return agreement, agreement.document.name


def cleanup_jobs():
    return DBTaskResult.objects.filter(task_path=delete_file.module_path)


@pytest.mark.django_db(transaction=True)
def test_a_deleted_agreements_document_is_deleted_after_the_commit_by_a_job():
    agreement, name = agreement_with_document()

    with transaction.atomic():
        agreement.delete()
        assert private_storage.exists(name), "nothing is deleted before the commit"
    assert private_storage.exists(name), "the job runs after the commit, on a worker"
    assert run_jobs() == 1

    assert not private_storage.exists(name)
    assert cleanup_jobs().get().status == Status.SUCCESSFUL


@pytest.mark.django_db(transaction=True)
def test_a_deletion_rolled_back_keeps_the_file_and_leaves_no_job():
    agreement, name = agreement_with_document()
    pk = agreement.pk

    with pytest.raises(RuntimeError), transaction.atomic():
        agreement.delete()
        raise RuntimeError("the admin's next step failed")

    assert not cleanup_jobs().exists()
    assert run_jobs() == 0
    assert Agreement.objects.filter(pk=pk).exists()
    assert private_storage.exists(name)


def test_a_replaced_logo_is_deleted_and_the_new_one_kept():
    partner = InstitutionFactory()
    partner.logo.save("old.png", ContentFile(png_bytes()))
    old = partner.logo.name
    partner = Institution.objects.get(pk=partner.pk)

    partner.logo.save("new.png", ContentFile(png_bytes()))
    assert default_storage.exists(old)
    run_jobs()

    assert not default_storage.exists(old)
    assert default_storage.exists(partner.logo.name)


def test_a_cleared_logo_is_deleted():
    partner = InstitutionFactory()
    partner.logo.save("old.png", ContentFile(png_bytes()))
    old = partner.logo.name
    partner = Institution.objects.get(pk=partner.pk)

    partner.logo = ""
    partner.save()
    run_jobs()

    assert not default_storage.exists(old)


def test_saving_without_touching_the_file_deletes_nothing():
    agreement, name = agreement_with_document()
    agreement = Agreement.objects.get(pk=agreement.pk)

    agreement.title = "Renamed"
    agreement.save()

    assert not cleanup_jobs().exists()
    assert private_storage.exists(name)


def test_a_file_another_row_still_names_is_kept():
    first = InstitutionFactory()
    first.logo.save("shared.png", ContentFile(png_bytes()))
    second = InstitutionFactory(logo=first.logo.name)

    first.delete()
    run_jobs()

    assert default_storage.exists(second.logo.name)
    assert cleanup_jobs().get().return_value == "still used"


def test_a_row_loaded_without_its_file_field_still_takes_the_file_along():
    agreement, name = agreement_with_document()

    Agreement.objects.only("pk", "title").get(pk=agreement.pk).delete()
    run_jobs()

    assert not private_storage.exists(name)


class FlakyStorage(FileSystemStorage):
    """A folder whose first deletions fail as a storage that cannot be reached does."""

    failures = 0

    def delete(self, name):
        if FlakyStorage.failures:
            FlakyStorage.failures -= 1
            raise ConnectionRefusedError("storage unreachable")
        super().delete(name)


def test_a_storage_failure_is_retried_later_and_then_deletes_the_file(settings, tmp_path, staff_client):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.FlakyStorage"}}
    settings.MEDIA_ROOT = str(tmp_path)
    partner = InstitutionFactory()
    partner.logo.save("logo.png", ContentFile(png_bytes()))
    name = partner.logo.name
    FlakyStorage.failures = 1

    partner.delete()
    run_jobs()

    row = cleanup_jobs().get()
    assert row.status == Status.READY
    assert "StorageUnavailable: ConnectionRefusedError: storage unreachable" in row.traceback
    assert default_storage.exists(name)
    jobs_page = staff_client.get("/admin/intl_office/job/").content.decode()
    assert "Delete a file no record needs" in jobs_page
    assert "Waiting to try again" in jobs_page
    assert "StorageUnavailable: ConnectionRefusedError: storage unreachable" in jobs_page
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        run_jobs()
    row.refresh_from_db()
    assert row.status == Status.SUCCESSFUL
    assert not default_storage.exists(name)


def test_an_agreements_document_is_deleted_from_the_private_bucket(object_storage):
    agreement, name = agreement_with_document()
    assert object_storage.keys(object_storage.private) == [name]

    agreement.delete()
    assert object_storage.keys(object_storage.private) == [name]
    run_jobs()

    assert object_storage.keys(object_storage.private) == []


def test_clean_up_files_removes_abandoned_imports_and_old_report_files(settings):
    from django.core.management import call_command

    from intl_office.models import FileImport, ReportFile

    settings.REPORT_FILE_DAYS = 7
    abandoned = private_storage.save("imports/abandoned", ContentFile(b"name,country\n"))
    waiting = private_storage.save("imports/waiting", ContentFile(b"name,country\n"))
    FileImport.objects.create(
        upload_name="waiting", file=waiting, model="partners.Institution", rows=400, input_format="csv", language="en"
    )
    orphan = private_storage.save("reports/orphan.xlsx", ContentFile(b"PK"))
    old = ReportFile.objects.create(kind="academic", year=2023, language="en", status=ReportFile.Status.READY)
    old.file.save("old.xlsx", ContentFile(b"PK"))
    ReportFile.objects.filter(pk=old.pk).update(requested_at=timezone.now() - datetime.timedelta(days=8))
    recent = ReportFile.objects.create(kind="academic", year=2024, language="en", status=ReportFile.Status.READY)
    recent.file.save("recent.xlsx", ContentFile(b"PK"))
    run_jobs()

    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        call_command("clean_up_files", stdout=io.StringIO())
        run_jobs()

    assert not private_storage.exists(abandoned)
    assert private_storage.exists(waiting), "an import waiting for its job keeps its file"
    assert not private_storage.exists(orphan)
    assert not private_storage.exists(old.file.name)
    assert list(ReportFile.objects.values_list("pk", flat=True)) == [recent.pk]
    assert private_storage.exists(recent.file.name)
