"""``manage.py jobs_worker`` as operators run it: a worker killed in the middle of a job leaves the job to
another worker, which sends the e-mail once; and workers side by side never take the same job.

The killed worker is a real process on a throw-away database (tests/deployment.py), sending to a real
SMTP server that hangs, so that the kill lands while the e-mail is on its way.
"""

import json
import subprocess
import threading

import pytest
from django.db import connection
from django_tasks import TaskResultStatus

from intl_office.jobs import Worker
from intl_office.models import Job
from tests.deployment import BASE_DIR, BIN, run_checked
from tests.jobs import MailServer, record_run

QUEUE_AN_EMAIL = (
    "from django.core.mail import EmailMessage; from intl_office.mail import queue_email; "
    "queue_email(EmailMessage('Your application: Accepted', 'Dear Aziza,', 'office@example.org', ['a@example.org']))"
)
JOBS = (
    "import json; from intl_office.models import Job; "
    "print(json.dumps([[job.status, job.worker_ids] for job in Job.objects.all()]))"
)


@pytest.fixture
def mail_server(request):
    server = MailServer().start()
    request.addfinalizer(server.stop)
    return server


@pytest.fixture
def worker_env(deployed, mail_server):
    """The production environment, e-mail to the test's SMTP server, and a worker silent for 2 s counted as dead."""
    return {
        **deployed,
        "EMAIL_URL": f"smtp://127.0.0.1:{mail_server.port}",
        "JOBS_HEARTBEAT_SECONDS": "0.2",
        "JOBS_WORKER_TIMEOUT": "2",
    }


def shell(code, env):
    return run_checked([BIN / "python", "manage.py", "shell", "-c", code], env).stdout


def jobs(env):
    return json.loads(shell(JOBS, env).strip().splitlines()[-1])


def start_worker(name, env, log_path, request):
    log = log_path.open("w")
    process = subprocess.Popen(
        [BIN / "python", "manage.py", "jobs_worker", "--worker-id", name],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop():
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        log.close()

    request.addfinalizer(stop)
    return process


@pytest.mark.slow
def test_a_worker_killed_in_the_middle_of_a_job_leaves_it_to_another_which_sends_it_once(
    worker_env, mail_server, tmp_path, request
):
    shell(QUEUE_AN_EMAIL, worker_env)
    mail_server.hang()
    first = start_worker("worker-a", worker_env, tmp_path / "a.log", request)
    assert mail_server.receiving.wait(timeout=30), (tmp_path / "a.log").read_text()

    first.kill()  # SIGKILL, in the middle of sending: nothing of the worker's runs any more
    first.wait(timeout=10)
    mail_server.release()
    assert jobs(worker_env) == [[TaskResultStatus.RUNNING, ["worker-a"]]]

    second = start_worker("worker-b", worker_env, tmp_path / "b.log", request)
    delivered = mail_server.wait_for(1, timeout=30)
    second.terminate()  # SIGTERM: it stops between jobs
    assert second.wait(timeout=20) == 0, (tmp_path / "b.log").read_text()

    assert len(delivered) == 1, (tmp_path / "b.log").read_text()
    assert delivered[0]["Subject"] == "Your application: Accepted"
    assert jobs(worker_env) == [[TaskResultStatus.SUCCESSFUL, ["worker-a", "worker-b"]]]


# SQLite has no row locks, so one worker at most runs on it (README); PostgreSQL runs many.
@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_workers_side_by_side_never_run_the_same_job(tmp_path):
    runs = tmp_path / "runs.txt"
    for number in range(40):
        record_run.enqueue(path=str(runs), number=number)
    ran = {}

    def work(name):
        try:
            ran[name] = Worker(worker_id=name, standalone=False).run(batch=True)
        finally:
            connection.close()  # each thread has its own connection

    workers = [threading.Thread(target=work, args=(name,)) for name in ("worker-a", "worker-b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)

    assert sorted(int(line) for line in runs.read_text().split()) == list(range(40))  # each ran once
    assert ran["worker-a"] + ran["worker-b"] == 40
    assert ran["worker-a"] > 0 and ran["worker-b"] > 0  # side by side, not one after the other
    assert all(len(worker_ids) == 1 for worker_ids in Job.objects.values_list("worker_ids", flat=True))
