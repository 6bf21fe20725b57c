import pytest

from inovda.rulebooks.loader import load_rulebook

pytestmark = pytest.mark.django_db


def test_it_documents_the_rulebook(client, published):
    response = client.get("/metodologi/2026/")
    assert response.status_code == 200
    html = response.content.decode()
    rulebook = load_rulebook(2026)
    assert "<title>Metodologi IID 2026" in html
    assert "IID = (SPD + SID) ÷ 250 × 100" in html
    assert "MAX(12, n)" in html
    assert "0,38 × MIN(n, 200)" in html
    assert "1.02 Kesehatan" in html  # the yandas list
    assert rulebook.content_hash in html
    for indicator in rulebook.indicators:
        assert indicator.name in html
    assert "disimpulkan" in html
    for note in rulebook.notes:
        assert note in html


def test_it_highlights_approximate_numbers_in_2020(client):
    html = load_page(client, "/metodologi/2020/")
    assert "Bobot 2020 adalah perkiraan" in html
    assert '<tr class="approx">' in html
    assert 'class="conf conf-approximate"' in html
    assert "jumlah mentah" in html
    assert 'class="conf conf-confirmed"' in html  # the 2020 bands are confirmed


def test_it_answers_404_for_a_year_without_a_rulebook(client):
    assert client.get("/metodologi/1999/").status_code == 404


def test_it_reads_one_query(client, published, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert client.get("/metodologi/2026/").status_code == 200


def load_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_shows_the_gate_reading_and_the_developed_path(client):
    html = client.get("/metodologi/2026/").content.decode()
    assert "Urusan yang dihitung untuk syarat itu: <strong>urusan utama setiap inovasi saja" in html
    assert "dikembangkan dalam rentang" in html
