"""TASKS_BACKEND=rq: a real job queued in Redis (127.0.0.1:6379) and run by an RQ worker in
burst mode; /healthz sees the worker. CI (CI=true) starts Redis and fails here without it;
elsewhere the test is skipped when no Redis answers."""

import os

import pytest
from redis import Redis
from redis.exceptions import ConnectionError as RedisDown

from inovda.jobs.models import Job
from inovda.results import jobs
from inovda.results.models import Result

REDIS_URL = os.environ.get("RQ_TEST_URL", "redis://127.0.0.1:6379/13")
RQ = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.fixture
def redis_queue(settings):
    try:
        Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except RedisDown:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis does not answer at {REDIS_URL}; .ci/run must start it.")
        pytest.skip(f"no Redis at {REDIS_URL} (.ci/run starts one)")
    import django_rq
    from django_tasks_rq import Job as RQJob

    settings.TASKS = RQ
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    queue = django_rq.get_queue("default", job_class=RQJob)
    queue.empty()
    yield queue
    queue.empty()


@pytest.mark.django_db(transaction=True)
def test_a_job_queued_in_redis_is_run_by_an_rq_worker(client, redis_queue, personas):
    from django_tasks_rq import Job as RQJob
    from rq import SimpleWorker

    from tests.verification.helpers import make_world

    world = make_world(personas)
    client.force_login(world.personas.national_admin)
    client.post("/periode-admin/2026/hitung-ulang/")
    job = Job.objects.get(kind=jobs.RECOMPUTE)
    assert (job.state, redis_queue.count) == ("queued", 1)
    assert not Result.objects.exists()
    assert client.get("/healthz").json()["checks"]["worker"] == "no worker"

    worker = SimpleWorker([redis_queue], connection=redis_queue.connection, job_class=RQJob)
    assert worker.work(burst=True)

    job.refresh_from_db()
    assert (job.state, job.percent, job.attempts) == ("done", 100, 1)
    assert Result.objects.filter(period=world.period).count() == world.period.regions.count()
    assert redis_queue.count == 0
