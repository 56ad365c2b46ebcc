"""Background jobs in the admin: Office staff see what failed, with the error and the attempts, and run it
again; nobody else sees the jobs, and nobody reads an e-mail's body there."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django_tasks import TaskResultStatus

from intl_office.models import Job
from tests.factories import JobFactory, UserFactory
from tests.jobs import run_jobs
from tests.users import signed_in

pytestmark = pytest.mark.django_db

Status = TaskResultStatus
CHANGELIST = reverse("admin:intl_office_job_changelist")


def change_url(job):
    return reverse("admin:intl_office_job_change", args=[job.pk])


def run_again(client, *jobs):
    return client.post(CHANGELIST, {"action": "run_again", "_selected_action": [job.pk for job in jobs]}, follow=True)


def shown(response):
    return [str(message) for message in response.context["messages"]]


def test_office_staff_see_a_failed_email_with_its_error_and_attempts_but_not_its_body(office_client):
    job = JobFactory()

    listing = office_client.get(CHANGELIST + "?state=failed").content.decode()
    page = office_client.get(change_url(job)).content.decode()

    for html in (listing, page):
        assert "Send an e-mail" in html
        assert "aziza@example.org: Your application to Erasmus+ exchange: Accepted" in html
        assert "smtplib.SMTPServerDisconnected: Connection unexpectedly closed" in html
        assert "Failed" in html
        assert "your application has been accepted" not in html
    assert '<td class="field-attempts">10</td>' in listing
    assert "Traceback (most recent call last)" in page


def test_running_a_failed_job_again_sends_it_and_is_recorded(office_client, office_user):
    job = JobFactory()

    response = run_again(office_client, job)

    assert shown(response) == ["1 job will run again."]
    job.refresh_from_db()
    assert (job.status, job.worker_ids) == (Status.READY, [])  # its attempts start afresh
    assert run_jobs() == 1
    (message,) = mail.outbox
    assert message.to == ["aziza@example.org"]
    entry = LogEntry.objects.get(object_id=str(job.pk))
    assert (entry.user, entry.get_change_message()) == (office_user, "Ran again")


def test_a_running_or_finished_job_is_left_to_its_worker(office_client):
    running = JobFactory(status=Status.RUNNING, worker_ids=["worker-a"])
    done = JobFactory(status=Status.SUCCESSFUL)

    response = run_again(office_client, running, done)

    assert shown(response) == ["2 jobs were running or done and were left alone."]
    assert set(Job.objects.values_list("status", flat=True)) == {Status.RUNNING, Status.SUCCESSFUL}


@pytest.mark.parametrize("reader", ["viewer_client", "coordinator_client"])
def test_other_roles_see_no_job(request, reader):
    client = request.getfixturevalue(reader)
    job = JobFactory()

    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(job)).status_code == 403
    assert run_again(client, job).status_code == 403
    job.refresh_from_db()
    assert job.status == Status.FAILED


def test_staff_who_may_read_jobs_but_not_run_them_are_offered_no_action(db):
    reader = UserFactory(is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_job"))
    client = signed_in(reader)
    job = JobFactory()

    assert client.get(CHANGELIST).status_code == 200
    assert 'value="run_again"' not in client.get(CHANGELIST).content.decode()
    run_again(client, job)

    job.refresh_from_db()
    assert job.status == Status.FAILED


def test_anonymous_visitors_are_sent_to_the_login(client):
    job = JobFactory()

    for url in (CHANGELIST, change_url(job)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
