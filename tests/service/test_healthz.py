"""/healthz: one JSON answer per dependency, 200 when all pass, 503 otherwise, no secrets."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inovda.jobs.models import WorkerBeat

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_it_answers_ok_when_everything_works(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "storage": "ok", "cache": "ok", "worker": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_it_fails_without_a_worker_heartbeat(client, settings):
    settings.TASKS = DATABASE
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"] == "no heartbeat"
    WorkerBeat.objects.create(worker_id="w1", beat_at=timezone.now() - timedelta(minutes=5))
    assert client.get("/healthz").json()["checks"]["worker"] == "heartbeat too old"
    WorkerBeat.objects.create(worker_id="w2", beat_at=timezone.now())
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_it_names_the_failure_without_its_message(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "not readable"
    assert set(response.json()["checks"]) == {"database", "storage", "cache", "worker"}
