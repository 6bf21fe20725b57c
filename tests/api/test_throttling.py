import pytest
from django.conf import settings

from inovda.api.api import api

pytestmark = pytest.mark.django_db


def test_it_throttles_with_the_configured_rate():
    assert api.throttle.rate == settings.API_ANON_RATE


def test_it_answers_429_beyond_the_anonymous_rate(client, monkeypatch):
    throttle = api.throttle
    monkeypatch.setattr(throttle, "rate", "3/m")
    monkeypatch.setattr(throttle, "num_requests", 3)
    monkeypatch.setattr(throttle, "duration", 60)
    for _ in range(3):
        assert client.get("/api/v1/periods").status_code == 200
    response = client.get("/api/v1/periods")
    assert response.status_code == 429
    assert response.json() == {"detail": "Too many requests."}
    assert 0 < int(response["Retry-After"]) <= 60
    # Another client has its own allowance.
    assert client.get("/api/v1/periods", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_it_ignores_a_forwarded_for_header_no_trusted_proxy_wrote(client, monkeypatch):
    throttle = api.throttle
    monkeypatch.setattr(throttle, "rate", "2/m")
    monkeypatch.setattr(throttle, "num_requests", 2)
    monkeypatch.setattr(throttle, "duration", 60)
    answers = [
        client.get("/api/v1/periods", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(3)
    ]
    assert answers == [200, 200, 429]
