"""The worker's own loop (intl_office/jobs.py) run in the test's process: its id, its heartbeat, stopping,
a database outage, a job interrupted midway, and what it logs.

Workers in processes of their own, killed or side by side, are in test_jobs_worker.py.
"""

import contextlib
import datetime
import logging
import os
import socket
import threading
import time

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.db import DatabaseError, OperationalError
from django.utils import timezone
from django_tasks import TaskResultStatus

from intl_office import jobs
from intl_office.jobs import Heartbeat, Worker, beat, new_worker_id
from intl_office.mail import queue_email
from intl_office.models import Job, JobWorker, OutgoingMessage
from tests.jobs import record_run, run_jobs

pytestmark = pytest.mark.django_db

Status = TaskResultStatus


def queue():
    return queue_email(EmailMessage("Your visa letter", "Dear Aziza,\n", "intl@example.org", ["aziza@example.org"]))


def logged_by_jobs(caplog, level=logging.INFO):
    return [
        (r.levelno, r.getMessage(), r.exc_info and r.exc_info[0])
        for r in caplog.records
        if r.name == "intl_office.jobs" and r.levelno >= level
    ]


def test_a_worker_id_names_host_and_process_fits_its_column_and_is_never_reused(monkeypatch):
    monkeypatch.setattr(socket, "gethostname", lambda: "h" * 100)
    monkeypatch.setattr(os, "getpid", lambda: 123)
    first, second = new_worker_id(), new_worker_id()

    assert first.startswith("h" * 40 + "-123-") and len(first) == 40 + len("-123-") + 8
    assert first != second
    monkeypatch.setattr(os, "getpid", lambda: 10**30)  # a process number as long as can be
    assert new_worker_id() == ("h" * 40 + f"-{10**30}-")[:64]


def test_a_waiting_worker_stops_as_soon_as_it_is_asked():
    worker = Worker(worker_id="idle-worker", interval=60, standalone=False)
    threading.Timer(0.2, worker.stop).start()
    started = time.monotonic()

    assert worker.run() == 0

    assert time.monotonic() - started < 30  # not a whole interval of waiting
    assert not JobWorker.objects.exists()


def seen(worker_id):
    with contextlib.suppress(DatabaseError):  # SQLite busy with the heartbeat's write: look again
        return JobWorker.objects.filter(worker_id=worker_id).values_list("seen_at", flat=True).first()


def eventually(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_beats_on_while_the_database_fails_and_stops_when_asked(settings, monkeypatch, caplog):
    settings.JOBS_HEARTBEAT_SECONDS = 0.05
    failures = []

    def beat_once_failing(worker_id):
        if not failures:
            failures.append(worker_id)
            raise OperationalError("the database is restarting")
        beat(worker_id)

    monkeypatch.setattr(jobs, "beat", beat_once_failing)
    heartbeat = Heartbeat("busy-worker")
    assert (heartbeat.name, heartbeat.daemon, heartbeat.is_alive()) == ("heartbeat busy-worker", True, False)
    caplog.set_level(logging.WARNING, logger="intl_office.jobs")
    heartbeat.start()
    try:
        eventually(lambda: seen("busy-worker"))
        first = seen("busy-worker")
        eventually(lambda: (seen("busy-worker") or first) > first)
    finally:
        heartbeat.stop()

    assert failures == ["busy-worker"]
    assert not heartbeat.is_alive()
    assert logged_by_jobs(caplog, logging.WARNING)[:1] == [
        (logging.WARNING, "Worker busy-worker could not write its heartbeat", OperationalError)
    ]


def test_a_worker_that_finds_sqlite_busy_looks_again_later(monkeypatch):
    def busy(queryset):
        raise OperationalError("database is locked")

    monkeypatch.setattr(type(Job.objects.ready()), "get_locked", busy)

    assert Worker(worker_id="test-worker", standalone=False).claim() is None


def test_a_worker_runs_no_more_jobs_than_asked_and_is_busy_only_while_running_one(monkeypatch):
    queue()
    queue()
    worker = Worker(worker_id="test-worker", standalone=False)
    busy = []
    run_claimed = jobs.run_claimed
    monkeypatch.setattr(jobs, "run_claimed", lambda row: (busy.append(worker.busy), run_claimed(row)))
    assert worker.busy is False  # a worker idle from the start

    assert worker.run(max_jobs=1) == 1

    assert (busy, worker.busy) == ([True], False)
    assert len(mail.outbox) == 1


def test_a_job_stopped_midway_goes_back_to_the_queue_undone(monkeypatch):
    queue()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # a second Ctrl+C while the job runs

    monkeypatch.setattr(OutgoingMessage, "email_message", interrupted)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        with pytest.raises(KeyboardInterrupt):
            run_jobs()
        job = Job.objects.get()
        assert (job.status, job.run_after, job.finished_at) == (Status.READY, timezone.now(), None)


def test_a_job_enqueued_with_positional_arguments_gets_them(tmp_path):
    record_run.enqueue(str(tmp_path / "runs"), 3)

    assert run_jobs() == 1

    assert (tmp_path / "runs").read_text() == "3\n"


@pytest.mark.django_db(transaction=True)
def test_a_standalone_worker_waits_out_a_database_outage_beating_and_logging_its_life(settings, monkeypatch, caplog):
    settings.JOBS_HEARTBEAT_SECONDS = 0.05
    worker = Worker(worker_id="worker-1", interval=0.01)
    threading.Timer(30, worker.stop).start()  # if it never looks again, the test fails rather than hangs
    looks = []

    def claim():
        looks.append(sorted(t.name for t in threading.enumerate() if t.name.startswith("heartbeat")))
        if len(looks) == 1:
            raise OperationalError("the database is restarting")
        if len(looks) == 3:
            worker.stop()

    monkeypatch.setattr(worker, "claim", claim)
    with caplog.at_level(logging.INFO, logger="intl_office.jobs"):
        assert worker.run() == 0

    assert looks == [["heartbeat worker-1"]] * 3  # after the outage and after a look that found nothing
    assert logged_by_jobs(caplog) == [
        (logging.INFO, "Worker worker-1 started", None),
        (logging.WARNING, "Worker worker-1 cannot reach the database", OperationalError),
        (logging.INFO, "Worker worker-1 stopped after 0 job(s)", None),
    ]
    assert not JobWorker.objects.exists()


def test_a_worker_inside_a_test_lets_a_database_error_through_and_starts_no_heartbeat(monkeypatch):
    worker = Worker(worker_id="test-worker", standalone=False)
    threads = []

    def claim():
        threads.extend(t.name for t in threading.enumerate() if t.name.startswith("heartbeat"))
        raise OperationalError("the database is restarting")

    monkeypatch.setattr(worker, "claim", claim)
    with pytest.raises(OperationalError):
        worker.run()
    assert threads == []


def test_a_worker_that_cannot_remove_its_heartbeat_says_so_and_stops(monkeypatch, caplog):
    class Unreachable:
        def filter(self, **lookups):
            raise OperationalError("the database is gone")

    worker = Worker(worker_id="test-worker", standalone=False)
    monkeypatch.setattr(jobs.JobWorker, "objects", Unreachable())
    monkeypatch.setattr(jobs, "beat", lambda worker_id: None)
    monkeypatch.setattr(jobs, "recover_abandoned", lambda: 0)
    with caplog.at_level(logging.WARNING, logger="intl_office.jobs"):
        assert worker.run(batch=True) == 0

    assert logged_by_jobs(caplog, logging.WARNING) == [
        (logging.WARNING, "Worker test-worker could not remove its heartbeat", OperationalError)
    ]
