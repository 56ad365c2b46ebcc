"""Background jobs: Django's tasks API (the django-tasks backport) on its database backend, and the
portal's rules around it.

A job is enqueued inside the transaction of the change that causes it: the backend writes the job's
row through the same connection, so a change rolled back leaves no job and a committed one cannot
lose it. ``manage.py jobs_worker`` runs the jobs, on as many hosts as wanted: each takes the next
due row under ``SELECT ... FOR UPDATE SKIP LOCKED`` and marks it RUNNING before it commits, so no
two workers take the same job (on PostgreSQL; SQLite has no row locks, so there one worker is the
limit).

django-tasks-db stores and hands out the jobs; what it leaves open, this module decides:

- **Retries.** A job names the errors worth another attempt (``RetryPolicy.retry_on``, say the mail
  server's); after one of them it goes back to the queue after a growing delay, until its attempts
  are spent; then, and after any other error, it is FAILED, with the error kept on the row for the
  admin (``intl_office/admin_jobs.py``), where Office staff run it again.
- **A worker that dies.** The backend leaves the job of a killed worker RUNNING for ever
  (django-tasks issue #46). Each worker writes a heartbeat (``JobWorker``); a job RUNNING under a
  worker silent for ``JOBS_WORKER_TIMEOUT`` seconds goes back to the queue (it counts as an
  attempt, so a job that kills its worker every time ends FAILED).

So a job may run more than once (its worker may die after the work and before recording it): a job
makes running twice harmless, as the mail job does with its message's row lock and ``sent_at``.

Tasks live in each app's ``tasks.py``, declared with ``job``::

    @job(label=_("Send an e-mail"), retry=MAIL_RETRY)
    def send_email(message_id): ...

and are enqueued with django-tasks' own ``send_email.enqueue(message_id=...)``.
"""

import contextlib
import dataclasses
import datetime
import logging
import os
import socket
import threading
from collections.abc import Callable
from traceback import format_exception

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import DatabaseError, InterfaceError, OperationalError, close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks import TaskContext, TaskResultStatus, task
from django_tasks.signals import task_finished, task_started
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .models import JobWorker

logger = logging.getLogger(__name__)

Status = TaskResultStatus


@dataclasses.dataclass(frozen=True)
class RetryPolicy:
    """How often a job is tried and how long it waits between tries.

    ``attempts`` bounds every try, the ones a dead worker interrupted included. After an error in
    ``retry_on`` with attempts left, the n-th attempt is followed by a wait of
    ``first_delay * factor ** (n - 1)``, never more than ``longest_delay``.
    """

    retry_on: tuple[type[Exception], ...] = ()
    attempts: int = 3
    first_delay: datetime.timedelta = datetime.timedelta(minutes=1)
    factor: float = 3
    longest_delay: datetime.timedelta = datetime.timedelta(hours=6)

    def delay(self, attempt: int) -> datetime.timedelta:
        """How long to wait after the ``attempt``-th try failed (1 for the first)."""
        return min(self.first_delay * self.factor ** (attempt - 1), self.longest_delay)

    def retries(self, error: BaseException, attempt: int) -> bool:
        return isinstance(error, self.retry_on) and attempt < self.attempts


@dataclasses.dataclass(frozen=True)
class Declared:
    """What ``job`` knows of a task beyond django-tasks: its retries, its name in the admin, its subject."""

    label: str
    retry: RetryPolicy
    describe: Callable | None = None


_DECLARED: dict[str, Declared] = {}
UNDECLARED = Declared(label="", retry=RetryPolicy())


def job(*, label, retry: RetryPolicy = RetryPolicy(), describe=None, **task_options):
    """Declare a background job: django-tasks' ``@task()``, with its retry policy and what the admin shows.

    ``label`` names the kind of job for staff; ``describe(job_row)``, if given, says what this one is
    about (a recipient and subject), reading only what ``JobAdmin`` prefetches.
    """

    def declare(function):
        declared = task(**task_options)(function)
        _DECLARED[declared.module_path] = Declared(label=label, retry=retry, describe=describe)
        return declared

    return declare


def declared(task_path: str) -> Declared:
    """The declaration of the task at ``task_path``, importing its module if nothing has yet."""
    if task_path not in _DECLARED:
        with contextlib.suppress(ImportError):  # its code is gone: the job fails when run
            import_string(task_path)
    return _DECLARED.get(task_path, UNDECLARED)


class WorkerLost(Exception):
    """The worker running a job stopped before it finished: killed, or its host went down."""


def _error_fields(error: BaseException) -> dict:
    return {
        "exception_class_path": f"{type(error).__module__}.{type(error).__qualname__}",
        "traceback": "".join(format_exception(error)),
    }


# --- running one job ------------------------------------------------------------------------------


def run_claimed(row: DBTaskResult) -> None:
    """Run the job of ``row``, which this worker has claimed (RUNNING), and record how it ended."""
    try:
        declared_task = row.task  # ImportError when its code is gone: recorded as the job's failure
        result = row.task_result
        task_started.send(sender=type(declared_task.get_backend()), task_result=result)
        args = [TaskContext(task_result=result), *result.args] if declared_task.takes_context else result.args
        row.set_successful(declared_task.call(*args, **result.kwargs))
    except Exception as error:
        _after_failure(row, error)
    except BaseException:
        # The worker is being stopped in the middle of the job (a second Ctrl+C): not done, not failed.
        _save(row, status=Status.READY, run_after=timezone.now(), finished_at=None)
        raise
    else:
        task_finished.send(sender=type(declared_task.get_backend()), task_result=row.task_result)


def _after_failure(row, error):
    attempt = len(row.worker_ids)
    policy = declared(row.task_path).retry
    if policy.retries(error, attempt):
        delay = policy.delay(attempt)
        logger.warning(
            "Job %s (%s) failed on attempt %d; next attempt in %s: %r", row.pk, row.task_path, attempt, delay, error
        )
        _save(row, status=Status.READY, run_after=timezone.now() + delay, finished_at=None, **_error_fields(error))
        return
    row.set_failed(error)
    try:
        task_finished.send(sender=type(row.task.get_backend()), task_result=row.task_result)
    except (ImportError, SuspiciousOperation):
        logger.exception("Job %s (%s) failed: its code cannot be found", row.pk, row.task_path)


def _save(row, **fields):
    for name, value in fields.items():
        setattr(row, name, value)
    row.save(update_fields=list(fields))


# --- workers that died ------------------------------------------------------------------------------


def beat(worker_id: str) -> None:
    """Record that the worker ``worker_id`` is alive now."""
    JobWorker.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": timezone.now()})


def recover_abandoned(now=None) -> int:
    """Give back to the queue the jobs RUNNING under workers silent for ``JOBS_WORKER_TIMEOUT``; returns how many.

    A job whose attempts are spent is FAILED instead. Two workers recovering at once change each job
    once: the update applies only to the row as it was read (still RUNNING, same start).
    """
    now = now or timezone.now()
    silent_since = now - datetime.timedelta(seconds=settings.JOBS_WORKER_TIMEOUT)
    alive = set(JobWorker.objects.filter(seen_at__gte=silent_since).values_list("worker_id", flat=True))
    recovered = 0
    for row in DBTaskResult.objects.running().filter(started_at__lt=silent_since).order_by():
        worker_id = row.worker_ids[-1] if row.worker_ids else ""
        if worker_id in alive:
            continue
        lost = _error_fields(WorkerLost(f"worker {worker_id} stopped before the job finished"))
        if len(row.worker_ids) < declared(row.task_path).retry.attempts:
            changes = {"status": Status.READY, "run_after": now, **lost}
        else:
            changes = {"status": Status.FAILED, "finished_at": now, **lost}
        recovered += DBTaskResult.objects.filter(pk=row.pk, status=Status.RUNNING, started_at=row.started_at).update(
            **changes
        )
        logger.warning("Job %s (%s): its worker %s stopped; %s", row.pk, row.task_path, worker_id, changes["status"])
    JobWorker.objects.filter(seen_at__lt=silent_since).delete()
    return recovered


class Heartbeat(threading.Thread):
    """Beats for its worker every ``JOBS_HEARTBEAT_SECONDS`` and recovers the jobs of dead workers.

    A thread, so that it beats while a long job runs; it has its own database connection.
    """

    def __init__(self, worker_id):
        super().__init__(name=f"heartbeat {worker_id}", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self):
        try:
            while not self.stopped.wait(settings.JOBS_HEARTBEAT_SECONDS):
                try:
                    beat(self.worker_id)
                    recover_abandoned()
                except DatabaseError:
                    # The database is away or busy: beat again next time, on a new connection.
                    logger.warning("Worker %s could not write its heartbeat", self.worker_id, exc_info=True)
                    connection.close()
        finally:
            connection.close()

    def stop(self):
        self.stopped.set()
        self.join(timeout=settings.JOBS_HEARTBEAT_SECONDS + 5)


# --- the worker -------------------------------------------------------------------------------------


def new_worker_id() -> str:
    """Host, process and a random part: unique across hosts, and it tells the operator where to look."""
    return f"{socket.gethostname()[:40]}-{os.getpid()}-{get_random_string(8)}"[:64]


class Worker:
    """Takes the due jobs one at a time and runs them.

    ``standalone``: a process of its own (``manage.py jobs_worker``), which beats from a thread and
    refreshes its database connection between jobs. Tests run one inside their transaction instead
    (``tests/jobs.py``): no thread, the test's own connection.
    """

    def __init__(self, *, worker_id=None, interval=1.0, standalone=True):
        self.worker_id = worker_id or new_worker_id()
        self.interval = interval
        self.standalone = standalone
        self.running = True
        self.busy = False
        self.wake = threading.Event()

    def stop(self):
        """Finish the job in hand, then stop."""
        self.running = False
        self.wake.set()

    def run(self, *, batch=False, max_jobs=None) -> int:
        """Run jobs until stopped (with ``batch``, until none is due; or ``max_jobs`` of them); returns how many ran."""
        ran = 0
        beat(self.worker_id)
        recover_abandoned()
        heartbeat = Heartbeat(self.worker_id) if self.standalone else None
        if heartbeat:
            heartbeat.start()
        logger.info("Worker %s started", self.worker_id)
        try:
            while self.running and (max_jobs is None or ran < max_jobs):
                if self.standalone:
                    close_old_connections()
                try:
                    row = self.claim()
                except (OperationalError, InterfaceError):
                    if not self.standalone:
                        raise
                    # The database restarts or fails over: wait and look again rather than stop.
                    logger.warning("Worker %s cannot reach the database", self.worker_id, exc_info=True)
                    connection.close()
                    self.wake.wait(self.interval)
                    continue
                if row is not None:
                    self.busy = True
                    try:
                        run_claimed(row)
                    finally:
                        self.busy = False
                    ran += 1
                elif batch:
                    break
                else:
                    self.wake.wait(self.interval)
        finally:
            if heartbeat:
                heartbeat.stop()
            try:
                JobWorker.objects.filter(worker_id=self.worker_id).delete()
            except DatabaseError:
                logger.warning("Worker %s could not remove its heartbeat", self.worker_id, exc_info=True)
            logger.info("Worker %s stopped after %d job(s)", self.worker_id, ran)
        return ran

    def claim(self) -> DBTaskResult | None:
        """The next due job, marked RUNNING under this worker; None when there is none (or SQLite is busy)."""
        jobs = DBTaskResult.objects.ready()
        try:
            with exclusive_transaction(jobs.db):
                row = jobs.get_locked()
                if row is not None:
                    row.claim(self.worker_id)
                return row
        except OperationalError as error:
            if is_locked_database_exception(error):
                return None
            raise
