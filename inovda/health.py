"""`/healthz` for load balancers: database, storage, cache and the background worker.

The answer names each check and says "ok" or what kind of failure it met, never a message
(which could carry a host name, a user or a key). 200 when all pass, 503 otherwise.
"""

import os
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from inovda.jobs.progress import last_beat


def check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def check_storage() -> str:
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        while not os.path.isdir(location):  # made on the first upload: its parent must allow it
            location = os.path.dirname(location)
        return "ok" if os.access(location, os.W_OK) else "not writable"
    default_storage.exists("healthz")  # a round trip to the object store, read only
    return "ok"


def check_cache() -> str:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    value = cache.get(key)
    cache.delete(key)
    return "ok" if value == "1" else "not readable"


def check_worker() -> str:
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.startswith("django_tasks_rq"):
        # RQ workers register themselves in Redis with a time to live: one listed is alive.
        import django_rq
        from rq import Worker

        return "ok" if Worker.count(connection=django_rq.get_connection()) else "no worker"
    if not backend.startswith("django_tasks_db"):
        return "ok"  # jobs run in the request: there is no worker to wait for
    latest = last_beat()
    if latest is None:
        return "no heartbeat"
    limit = timedelta(seconds=settings.WORKER_STALE_SECONDS)
    return "ok" if timezone.now() - latest.beat_at <= limit else "heartbeat too old"


CHECKS = {
    "database": check_database,
    "storage": check_storage,
    "cache": check_cache,
    "worker": check_worker,
}


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:
            results[name] = f"error: {type(exc).__name__}"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503
    )
