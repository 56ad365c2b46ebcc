"""/healthz for the load balancer: 200 when the database, the cache, both file storages and the job
queue work, 503 when one does not, as JSON that names no secret; never cached, never redirected."""

import datetime
import socket

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus

from intl_office.models import Job
from intl_office.tasks import send_email
from tests.factories import JobFactory

pytestmark = pytest.mark.django_db

CHECKS = {"database", "cache", "storage", "private_storage", "jobs"}
# What a driver's error may carry, and the answer must not.
SECRET_ERROR = 'connection to server at "db.internal" (10.0.0.5), port 5432 failed: password authentication failed'


class UnreachableStorage(FileSystemStorage):
    """A storage whose server does not answer, as an S3 endpoint that is down: every question raises."""

    def exists(self, name):
        raise ConnectionError(f"Could not connect to the endpoint URL: https://s3.internal/{name}?key=SECRET")


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def probe(client=None):
    response = (client or Client()).get("/healthz")
    return response, response.json()


def test_all_well_answers_200_with_every_part(home_institution):
    response, body = probe()

    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    assert all(check["ok"] for check in body["checks"].values())
    assert body["checks"]["jobs"] == {**body["checks"]["jobs"], "waiting": 0, "oldest_seconds": 0}
    assert "no-store" in response["Cache-Control"]


def test_the_database_down_answers_503_naming_the_kind_of_error_only():
    def server_gone(execute, sql, params, many, context):
        raise OperationalError(SECRET_ERROR)

    with connection.execute_wrapper(server_gone):
        response, body = probe()

    assert response.status_code == 503
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert "db.internal" not in response.content.decode()
    assert "password" not in response.content.decode()


def test_the_cache_down_answers_503(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}",
        }
    }

    response, body = probe()

    assert response.status_code == 503
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["cache"]["error"] == "ConnectionError"
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.parametrize("store", ["storage", "private_storage"])
def test_a_file_storage_that_does_not_answer_gives_503(settings, store, monkeypatch):
    if store == "storage":
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.UnreachableStorage"}}
    else:
        monkeypatch.setattr("intl_office.health.get_private_storage", lambda: UnreachableStorage())

    response, body = probe()

    assert response.status_code == 503
    assert body["checks"][store] == {"ok": False, "error": "ConnectionError", "ms": body["checks"][store]["ms"]}
    assert "SECRET" not in response.content.decode() and "s3.internal" not in response.content.decode()


def test_a_job_due_for_longer_than_the_limit_answers_503_with_its_age(settings):
    settings.HEALTHZ_MAX_JOB_DELAY = 300
    send_email.enqueue(message_id=0)
    Job.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))

    response, body = probe()

    assert response.status_code == 503
    jobs = body["checks"]["jobs"]
    assert (jobs["ok"], jobs["waiting"], jobs["max_seconds"]) == (False, 1, 300)
    assert 600 <= jobs["oldest_seconds"] < 660


def test_jobs_waiting_briefly_or_for_their_next_attempt_are_healthy(settings):
    settings.HEALTHZ_MAX_JOB_DELAY = 300
    send_email.enqueue(message_id=0)  # just queued
    # Failed at 10:00 and waiting for an attempt due in an hour: not late.
    JobFactory(
        status=TaskResultStatus.READY,
        run_after=timezone.now() + datetime.timedelta(hours=1),
        enqueued_at=timezone.now() - datetime.timedelta(hours=2),
    )
    JobFactory()  # failed: for the admin, not for the balancer

    response, body = probe()

    assert response.status_code == 200
    assert body["checks"]["jobs"]["waiting"] == 1
    assert body["checks"]["jobs"]["oldest_seconds"] < 60


def test_each_probe_looks_afresh():
    assert probe()[1]["checks"]["jobs"]["waiting"] == 0
    send_email.enqueue(message_id=0)
    assert probe()[1]["checks"]["jobs"]["waiting"] == 1


def test_plain_http_from_the_balancer_is_answered_not_redirected(settings):
    settings.SECURE_SSL_REDIRECT = True

    client = Client()
    assert client.get("/robots.txt").status_code == 301  # every page goes to https://
    assert client.get("/healthz").status_code == 200


def test_it_has_no_language_prefix_and_crawlers_keep_off_it():
    client = Client()

    assert client.get("/uz/healthz").status_code == 404
    assert client.post("/healthz").status_code == 405
    assert "Disallow: /healthz" in client.get("/robots.txt").content.decode().splitlines()
