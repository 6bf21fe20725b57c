import pytest

pytestmark = pytest.mark.django_db


def test_it_answers_unknown_pages_in_indonesian(client, settings):
    settings.DEBUG = False
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<title>Halaman tidak ditemukan" in html
    assert "Kembali ke dasbor" in html
    assert '<html lang="id">' in html
