import pytest

pytestmark = pytest.mark.django_db


def test_it_redirects_to_the_latest_published_period(client, published_2020, published):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/periode/2026/"


def test_it_says_when_nothing_is_published_yet(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Belum ada periode yang dipublikasikan" in response.content.decode()


def test_it_sends_the_ranking_and_methodology_shortcuts_to_the_latest_period(client, published):
    assert client.get("/peringkat/")["Location"] == "/periode/2026/peringkat/"
    assert client.get("/metodologi/")["Location"] == "/metodologi/2026/"
