"""The annual report's XLSX prepared by a job: asked for once, built once, shown on the page, then replaced."""

import io

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from intl_office.jobs import Status
from intl_office.models import ReportFile
from intl_office.staff.tasks import build_report_file
from intl_office.storage import private_storage
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

URL = reverse("staff:report")
EXPORT_URL = reverse("staff:report-export")
QUERY = {"year": 2024, "period": "academic"}


def test_asking_twice_while_it_is_prepared_builds_one_file(staff_client):
    first = staff_client.post(EXPORT_URL, QUERY)
    second = staff_client.post(EXPORT_URL, QUERY)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == f"{URL}?year=2024&period=academic#xlsx"
    report_file = ReportFile.objects.get()
    assert report_file.status == ReportFile.Status.PENDING
    assert DBTaskResult.objects.filter(task_path=build_report_file.module_path).count() == 1
    assert run_jobs() == 1
    report_file.refresh_from_db()
    assert report_file.status == ReportFile.Status.READY
    assert private_storage.exists(report_file.file.name)


def test_the_page_shows_the_file_being_prepared_then_its_download(staff_client, records):
    staff_client.post(EXPORT_URL, QUERY)

    waiting = staff_client.get(URL, QUERY).content.decode()
    run_jobs()
    ready = staff_client.get(URL, QUERY).content.decode()

    assert '<meta http-equiv="refresh" content="5">' in waiting
    assert "The XLSX is being prepared" in waiting
    report_file = ReportFile.objects.get()
    assert "http-equiv" not in ready
    assert f'href="{reverse("staff:report-file", args=[report_file.pk])}"' in ready
    download = staff_client.get(reverse("staff:report-file", args=[report_file.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="annual-report-academic-2024-25.xlsx"'
    assert download["Cache-Control"] == "private, no-store"
    workbook = load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    by_direction = {row[0]: row[1:] for row in workbook["Mobility by direction"].iter_rows(min_row=5, values_only=True)}
    assert (
        by_direction["Total"][2] == staff_client.get(URL, QUERY).context["report"].mobility_by_direction.totals["total"]
    )


def test_the_job_run_again_builds_nothing_twice(staff_client):
    staff_client.post(EXPORT_URL, QUERY)
    run_jobs()
    report_file = ReportFile.objects.get()
    files = private_storage.listdir("reports")[1]

    assert build_report_file.call(report_file_id=report_file.pk) == "already ready"
    assert private_storage.listdir("reports")[1] == files


def test_preparing_it_again_replaces_the_older_file(staff_client):
    staff_client.post(EXPORT_URL, QUERY)
    run_jobs()
    older = ReportFile.objects.get()

    staff_client.post(EXPORT_URL, QUERY)
    run_jobs()

    newer = ReportFile.objects.get()
    assert newer.pk != older.pk
    assert not private_storage.exists(older.file.name)
    assert private_storage.exists(newer.file.name)


def test_a_job_that_gave_up_is_said_on_the_page_and_asking_again_starts_afresh(staff_client):
    staff_client.post(EXPORT_URL, QUERY)
    stuck = ReportFile.objects.get()
    DBTaskResult.objects.filter(pk=stuck.job_id).update(status=Status.FAILED)

    page = staff_client.get(URL, QUERY).content.decode()
    staff_client.post(EXPORT_URL, QUERY)

    assert "Preparing the XLSX failed" in page
    assert "http-equiv" not in page
    fresh = ReportFile.objects.get()
    assert fresh.pk != stuck.pk
    assert run_jobs() == 1
    fresh.refresh_from_db()
    assert fresh.status == ReportFile.Status.READY


def test_the_jobs_show_in_the_admin_with_readable_names(staff_client):
    staff_client.post(EXPORT_URL, QUERY)

    html = staff_client.get(reverse("admin:intl_office_job_changelist")).content.decode()

    assert "Prepare the annual report’s XLSX" in html or "Prepare the annual report&#x27;s XLSX" in html
    assert "academic 2024 (en)" in html
