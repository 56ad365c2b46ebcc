"""``/healthz``: whether this host can serve, for the load balancer in front of the hosts.

JSON, 200 when every part works and 503 when one does not, so that the balancer stops sending
visitors to a host that cannot serve them. The parts: the database, the cache (login limits and
sessions live there), the public and the private file storage, and the job queue, which is
unhealthy when a job has been due for longer than ``HEALTHZ_MAX_JOB_DELAY`` seconds (no worker
running, or too few).

The answer names each part and, for one that fails, only the class of its error: no exception
text, which may carry a host name or credentials, no setting, no version. It is never cached, has
no language prefix, and answers plain HTTP (``SECURE_REDIRECT_EXEMPT``), as the balancer probes
gunicorn directly; robots.txt keeps crawlers off it.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.db.models import Count, Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks_db.models import DBTaskResult, get_date_max

from .storage import get_private_storage

logger = logging.getLogger(__name__)

# A name no upload has: exists() asks the storage (the folder, or the S3 bucket) and changes nothing.
PROBE_NAME = "healthz-probe"


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def cache_roundtrip():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    answered = cache.get(key)
    cache.delete(key)
    if answered != "ok":
        raise LookupError("the cache did not keep what it was given")
    return {}


def storage(store):
    store.exists(PROBE_NAME)
    return {}


def job_queue():
    """How many jobs are due and for how long the oldest has waited; unhealthy past the limit."""
    now = timezone.now()
    never = get_date_max()  # django-tasks-db's run_after of a job due from the moment it was enqueued
    due = DBTaskResult.objects.ready().aggregate(
        waiting=Count("pk"),
        oldest_enqueued=Min("enqueued_at", filter=Q(run_after=never)),
        oldest_retry=Min("run_after", filter=~Q(run_after=never)),
    )
    since = [moment for moment in (due["oldest_enqueued"], due["oldest_retry"]) if moment is not None]
    age = max(0, int((now - min(since)).total_seconds())) if since else 0
    limit = settings.HEALTHZ_MAX_JOB_DELAY
    return {"ok": age <= limit, "waiting": due["waiting"], "oldest_seconds": age, "max_seconds": limit}


def run_check(name, check, *args):
    started = time.monotonic()
    try:
        result = {"ok": True, **check(*args)}
    except Exception as error:
        # Logged in full for the operator; the answer names the kind of error only.
        logger.warning("Health check %s failed", name, exc_info=True)
        result = {"ok": False, "error": type(error).__name__}
    result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


@never_cache
@require_safe
def healthz(request):
    checks = {
        "database": run_check("database", database),
        "cache": run_check("cache", cache_roundtrip),
        "storage": run_check("storage", storage, default_storage),
        "private_storage": run_check("private_storage", storage, get_private_storage()),
        "jobs": run_check("jobs", job_queue),
    }
    healthy = all(check["ok"] for check in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503
    )
