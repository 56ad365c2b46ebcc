"""Background jobs (intl_office/jobs.py), e-mail first: written with the change that causes them, sent
once however often their job runs, tried again with growing delays while the mail server is down and
then failed, and taken again when the worker running them died.

Workers in processes of their own, killed or side by side, are in test_jobs_worker.py.
"""

import datetime
import logging
import sys

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db.backend import DatabaseBackend

from intl_office import jobs
from intl_office.jobs import (
    Declared,
    RetryPolicy,
    Worker,
    beat,
    declared,
    job,
    recover_abandoned,
)
from intl_office.mail import queue_email
from intl_office.models import Job, JobWorker, OutgoingMessage
from intl_office.tasks import MAIL_RETRY, send_email
from tests.jobs import record_run, run_jobs

pytestmark = pytest.mark.django_db

Status = TaskResultStatus
SENDER = "International Office <noreply@example.org>"


def queue(subject="Your application to Erasmus+ exchange: Accepted"):
    return queue_email(EmailMessage(subject, "Dear Aziza Karimova,\n", SENDER, ["aziza@example.org"]))


# --- in the transaction of the change ----------------------------------------------------------------


def test_a_change_rolled_back_leaves_neither_message_nor_job():
    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError("the change fails after queuing its e-mail")

    assert not OutgoingMessage.objects.exists()
    assert not Job.objects.exists()
    assert run_jobs() == 0
    assert mail.outbox == []


def test_a_queued_email_waits_for_the_worker_and_leaves_no_body_behind_once_sent():
    message = queue()

    job = Job.objects.get()
    assert job.status == Status.READY
    assert job.args_kwargs["kwargs"] == {"message_id": message.pk}
    assert mail.outbox == []

    assert run_jobs() == 1

    (sent,) = mail.outbox
    assert (sent.to, sent.from_email, sent.subject) == (
        ["aziza@example.org"],
        SENDER,
        "Your application to Erasmus+ exchange: Accepted",
    )
    assert sent.body == "Dear Aziza Karimova,\n"
    job.refresh_from_db()
    message.refresh_from_db()
    assert (job.status, job.return_value) == (Status.SUCCESSFUL, "sent")
    assert message.sent_at is not None
    assert message.body == ""  # a password reset link does not outlive its e-mail


def test_a_job_raised_twice_sends_its_email_once(smtp_server):
    message = queue()
    send_email.enqueue(message_id=message.pk)  # the same e-mail's job a second time

    assert run_jobs() == 2
    assert sorted(Job.objects.values_list("return_value", flat=True)) == ["already sent", "sent"]
    # And a job run once more after it finished, as when its worker dies before recording the end.
    sent_it = Job.objects.get(return_value="sent")
    Job.objects.filter(pk=sent_it.pk).update(status=Status.READY)
    assert run_jobs() == 1

    assert len(smtp_server.messages) == 1
    sent_it.refresh_from_db()
    assert sent_it.return_value == "already sent"


# --- retries -----------------------------------------------------------------------------------------


def test_the_mail_server_down_is_tried_again_with_growing_delays_then_the_job_fails(smtp_server):
    smtp_server.stop()
    queue()
    delays = []

    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _attempt in range(MAIL_RETRY.attempts):
            assert run_jobs() == 1
            job = Job.objects.get()
            if job.status != Status.READY:
                break
            delays.append(round((job.run_after - timezone.now()).total_seconds() / 60))
            assert run_jobs() == 0  # not due before its time
            clock.move_to(job.run_after)

    assert delays == [1, 3, 9, 27, 81, 243, 360, 360, 360]  # minutes; about a day in all
    assert job.status == Status.FAILED
    assert len(job.worker_ids) == MAIL_RETRY.attempts
    assert "ConnectionRefusedError" in job.traceback
    assert OutgoingMessage.objects.get().sent_at is None


def test_an_error_no_retry_can_mend_fails_the_job_at_once(smtp_server):
    # A header that smuggles in a line of its own: refused when the message is built, every time.
    queue(subject="Accepted\nBcc: everyone@example.org")

    assert run_jobs() == 1

    job = Job.objects.get()
    assert (job.status, len(job.worker_ids)) == (Status.FAILED, 1)
    assert "BadHeaderError" in job.traceback
    assert smtp_server.messages == []


# --- a worker that died ------------------------------------------------------------------------------


def claimed_by(worker_id):
    """The next job, taken by ``worker_id``, which then stops beating as a killed worker does."""
    beat(worker_id)
    return Worker(worker_id=worker_id, standalone=False).claim()


def test_the_job_of_a_worker_gone_silent_is_taken_by_another(settings):
    settings.JOBS_WORKER_TIMEOUT = 60
    queue()
    job = claimed_by("killed-worker")
    assert job.status == Status.RUNNING

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=30)):
        assert recover_abandoned() == 0  # silent, but not for long enough
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        assert run_jobs() == 1  # a worker starting up recovers it first

    job.refresh_from_db()
    assert job.status == Status.SUCCESSFUL
    assert job.worker_ids == ["killed-worker", "test-worker"]
    assert len(mail.outbox) == 1
    assert not JobWorker.objects.exists()


def test_the_job_of_a_worker_that_still_beats_is_left_to_it(settings):
    settings.JOBS_WORKER_TIMEOUT = 60
    queue()
    job = claimed_by("slow-worker")

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=10)):
        beat("slow-worker")  # its heartbeat thread runs while the job does
        assert recover_abandoned() == 0

    job.refresh_from_db()
    assert job.status == Status.RUNNING


def test_a_job_that_killed_its_workers_every_attempt_ends_failed_naming_the_lost_worker(settings):
    settings.JOBS_WORKER_TIMEOUT = 60
    queue()
    job = claimed_by("worker-10")
    Job.objects.filter(pk=job.pk).update(worker_ids=[f"worker-{n}" for n in range(1, MAIL_RETRY.attempts + 1)])

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        assert recover_abandoned() == 1

    job.refresh_from_db()
    assert job.status == Status.FAILED
    assert "WorkerLost: worker worker-10 stopped before the job finished" in job.traceback
    assert job.exception_class_path == "intl_office.jobs.WorkerLost"
    assert run_jobs() == 0


def test_one_recovery_gives_back_every_job_of_the_silent_workers_and_logs_each(settings, caplog):
    settings.JOBS_WORKER_TIMEOUT = 60
    with time_machine.travel(timezone.now(), tick=False):  # three jobs started at the same instant
        for _each in range(3):
            queue()
        kept = claimed_by("slow-worker")
        retried = claimed_by("killed-1")
        spent = claimed_by("killed-2")
    last = f"killed-{MAIL_RETRY.attempts + 1}"  # the last of as many workers as it has attempts
    Job.objects.filter(pk=spent.pk).update(worker_ids=[f"killed-{n}" for n in range(2, MAIL_RETRY.attempts + 2)])

    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)), caplog.at_level(logging.WARNING):
        beat("slow-worker")
        assert recover_abandoned() == 2

    statuses = dict(Job.objects.values_list("pk", "status"))
    assert statuses == {kept.pk: Status.RUNNING, retried.pk: Status.READY, spent.pk: Status.FAILED}
    assert sorted(record.getMessage() for record in warnings_of_jobs(caplog)) == sorted(
        [
            f"Job {retried.pk} (intl_office.tasks.send_email): its worker killed-1 stopped; READY",
            f"Job {spent.pk} (intl_office.tasks.send_email): its worker {last} stopped; FAILED",
        ]
    )


# --- what a job's end leaves for the admin, the operator and the backend's listeners --------------------


def warnings_of_jobs(caplog):
    return [r for r in caplog.records if r.name == "intl_office.jobs" and r.levelno >= logging.WARNING]


def test_a_job_to_try_again_keeps_its_error_for_the_admin_and_logs_when_it_runs_next(smtp_server, caplog):
    smtp_server.stop()
    queue()

    with caplog.at_level(logging.WARNING, logger="intl_office.jobs"):
        assert run_jobs() == 1

    job = Job.objects.get()
    assert (job.status, job.finished_at) == (Status.READY, None)
    assert job.exception_class_path == "builtins.ConnectionRefusedError"
    assert job.traceback.startswith("Traceback (most recent call last):\n  File ")
    assert job.traceback.endswith("\nConnectionRefusedError: [Errno 111] Connection refused\n")
    (record,) = warnings_of_jobs(caplog)
    assert record.getMessage() == (
        f"Job {job.pk} (intl_office.tasks.send_email) failed on attempt 1; next attempt in 0:01:00: "
        "ConnectionRefusedError(111, 'Connection refused')"
    )


def test_a_job_whose_code_is_gone_fails_and_the_log_names_it(caplog):
    queue()
    Job.objects.update(task_path="intl_office.tasks.retired_job")

    with caplog.at_level(logging.WARNING, logger="intl_office.jobs"):
        assert run_jobs() == 1

    job = Job.objects.get()
    assert job.status == Status.FAILED
    (record,) = warnings_of_jobs(caplog)
    assert (record.levelno, record.exc_info[0]) == (logging.ERROR, ImportError)
    assert record.getMessage() == f"Job {job.pk} (intl_office.tasks.retired_job) failed: its code cannot be found"


def test_the_backend_s_listeners_hear_each_job_start_and_end(smtp_server):
    heard = []

    def listener(signal, sender, task_result, **_kwargs):
        heard.append((signal, sender, task_result.status))

    queue()
    queue(subject="Accepted\nBcc: everyone@example.org")  # fails at once
    task_started.connect(listener, sender=DatabaseBackend)
    task_finished.connect(listener, sender=DatabaseBackend)
    try:
        assert run_jobs() == 2
    finally:
        task_started.disconnect(listener, sender=DatabaseBackend)
        task_finished.disconnect(listener, sender=DatabaseBackend)

    assert heard == [
        (task_started, DatabaseBackend, Status.RUNNING),
        (task_finished, DatabaseBackend, Status.SUCCESSFUL),
        (task_started, DatabaseBackend, Status.RUNNING),
        (task_finished, DatabaseBackend, Status.FAILED),
    ]


def test_a_declared_job_is_a_task_that_keeps_its_label_retries_and_description(tmp_path):
    policy = RetryPolicy(retry_on=(OSError,), attempts=2)

    def describe(job_row):
        return "a line in a file"

    before = declared(record_run.module_path)
    try:
        again = job(label="Append a line", retry=policy, describe=describe)(record_run.func)
        assert declared(again.module_path) == Declared(label="Append a line", retry=policy, describe=describe)
    finally:
        jobs._DECLARED[record_run.module_path] = before

    assert again.module_path == record_run.module_path
    again.call(str(tmp_path / "runs"), 7)
    assert (tmp_path / "runs").read_text() == "7\n"


def test_a_worker_that_never_imported_a_job_s_module_still_retries_it_as_declared(monkeypatch):
    # A fresh worker process: the job's row names its task, whose module nothing has imported yet.
    monkeypatch.delitem(sys.modules, "intl_office.tasks")
    monkeypatch.delitem(jobs._DECLARED, send_email.module_path)

    found = declared(send_email.module_path)

    assert (str(found.label), found.retry) == ("Send an e-mail", MAIL_RETRY)
