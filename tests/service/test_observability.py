"""JSON logs with the request id; slow requests and slow queries logged past their thresholds."""

import json
import logging

import pytest

from inovda.observability import JsonFormatter, RequestIdFilter, request_id


@pytest.fixture
def records(caplog):
    caplog.set_level(logging.WARNING)
    return caplog


@pytest.mark.django_db
def test_each_response_carries_a_request_id_and_keeps_a_sane_one(client):
    fresh = client.get("/healthz")
    assert len(fresh["X-Request-ID"]) == 32
    given = client.get("/healthz", headers={"X-Request-ID": "lb-1234abcd"})
    assert given["X-Request-ID"] == "lb-1234abcd"
    forged = client.get("/healthz", headers={"X-Request-ID": "x\nINJECTED"})
    assert "INJECTED" not in forged["X-Request-ID"]


@pytest.mark.django_db
def test_slow_requests_and_queries_are_logged_with_the_request_id(client, settings, records):
    settings.SLOW_REQUEST_MS = 0
    settings.SLOW_QUERY_MS = 0
    response = client.get("/healthz", headers={"X-Request-ID": "req-00000001"})
    slow = [r for r in records.records if r.name == "inovda.request"]
    assert slow and slow[0].status == 200 and slow[0].path == "/healthz"
    queries = [r for r in records.records if r.name == "inovda.db"]
    assert any("SELECT 1" in r.sql for r in queries)
    assert response["X-Request-ID"] == "req-00000001"


def test_a_log_line_is_one_json_object_with_the_request_id():
    token = request_id.set("req-00000002")
    try:
        record = logging.LogRecord(
            "inovda.request", logging.WARNING, __file__, 1, "slow %s", ("GET",), None
        )
        record.path, record.duration_ms = "/x", 1234
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    entry = json.loads(JsonFormatter().format(record))
    del entry["time"]
    assert entry == {
        "level": "WARNING",
        "logger": "inovda.request",
        "message": "slow GET",
        "request_id": "req-00000002",
        "path": "/x",
        "duration_ms": 1234,
    }


@pytest.mark.django_db
def test_fast_requests_are_not_logged(client, records):
    client.get("/healthz")
    assert not [r for r in records.records if r.name in ("inovda.request", "inovda.db")]
