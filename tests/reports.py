"""The annual report's XLSX as staff get it in tests: asked for on the page, prepared by its job, downloaded."""

from django.urls import reverse

from intl_office.models import ReportFile
from tests.jobs import run_jobs


def report_xlsx(client, **query):
    """The download of the XLSX of the period in ``query``; its bytes are in ``response.body``."""
    asked = client.post(reverse("staff:report-export"), query)
    assert asked.status_code == 302, asked
    run_jobs()
    ready = ReportFile.objects.filter(status=ReportFile.Status.READY).order_by("-requested_at", "-pk").first()
    response = client.get(reverse("staff:report-file", args=[ready.pk]))
    response.body = b"".join(response.streaming_content)  # a file streamed from storage
    return response
