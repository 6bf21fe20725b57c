import pytest

from inovda.portal.explain import explain
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from tests.fixtures import add_innovations, published_period
from tests.portal.conftest import iid_text

pytestmark = pytest.mark.django_db

SERANG = "/periode/2026/pemda/36.04/"


def test_it_shows_the_iid_predicate_and_ranks(client, published):
    response = client.get(SERANG)
    assert response.status_code == 200
    html = response.content.decode()
    result = published.publication.results.get(code="36.04")
    assert "<title>Kabupaten Serang — IID 2026" in html
    assert iid_text(2026, "36.04") in html
    assert result.get_predicate_display() in html
    assert f"{result.rank_tingkat} dari " in html


def test_it_breaks_the_score_down_per_indicator(client, published):
    html = client.get(SERANG).content.decode()
    rulebook = load_rulebook(2026)
    for indicator in rulebook.spd_indicators:
        assert indicator.name in html
    assert 'class="level l2">2</span>' in html  # SPD verified at level 2
    assert html.count('<td class="lvl l3">3</td>') == 8 * len(rulebook.sid_indicators)
    assert 'href="/inovasi/' in html


def test_it_shows_what_would_raise_the_index(client, published):
    html = client.get("/periode/2026/pemda/36.03/").content.decode()
    assert "Apa yang dapat menaikkan IID?" in html
    assert "Selisih ke predikat" in html
    assert "Tambahan IID" in html


def test_it_rescores_every_published_region_to_its_published_iid(published):
    rulebook = load_rulebook(2026)
    for result in published.publication.results.all():
        explained = explain(result, rulebook, published.publication.rulebook_hash)
        assert explained.problem == "", result.code
        assert explained.whatif.score.iid == result.iid


def test_it_refuses_the_simulation_when_the_rulebook_changed(client, published):
    result = published.publication.results.get(code="36.04")
    assert explain(result, load_rulebook(2026), "another-hash").whatif is None


def test_it_shows_the_history_across_periods(client, published_2020, published):
    html = client.get(SERANG).content.decode()
    assert 'href="/periode/2020/pemda/36.04/">2020</a>' in html
    assert "Skala jumlah mentah" in html


def test_it_marks_the_2020_page_as_approximate(client, published_2020):
    html = client.get("/periode/2020/pemda/36.04/").content.decode()
    assert "Bobot 2020 adalah perkiraan" in html


def test_it_answers_404_for_an_unknown_region_or_period(client, published):
    assert client.get("/periode/2026/pemda/99.99/").status_code == 404
    assert client.get("/periode/1999/pemda/36.04/").status_code == 404


def test_it_answers_404_for_a_region_of_an_unpublished_period(client, published):
    period = create_period(2025)
    add_innovations(period.regions.get(code="36.04"), 2, 2, 2)
    assert client.get("/periode/2025/pemda/36.04/").status_code == 404


@pytest.mark.parametrize("innovations", [1, 20])
def test_it_reads_a_constant_number_of_queries(client, django_assert_num_queries, innovations):
    published_period(2026, data={"36.04": (innovations, 2, 2), "36.73": (innovations, 1, 1)})
    # publications' version (the page cache's key), publications, result, cluster sizes,
    # history
    with django_assert_num_queries(5):
        assert client.get(SERANG).status_code == 200


@pytest.mark.parametrize("code", ["36.04", "36.03"])
def test_it_explains_the_count_rule_the_bands_and_the_ways_up(client, published, code):
    html = client.get(f"/periode/2026/pemda/{code}/").content.decode()
    result = published.publication.results.get(code=code)
    found = explain(result, load_rulebook(2026), published.publication.rulebook_hash).whatif

    assert "Aturan: skor jumlah inovasi = 0.38 × MIN(n, 200)" in html
    assert "Batas predikat: Sangat Inovatif ≥" in html
    assert "Menambah inovasi" in html
    assert f"{found.adding.innovations_counted} inovasi dihitung." in html
    assert ("Jalur termurah ke" in html) == bool(found.cheapest and found.next_predicate)
    if found.cheapest and found.next_predicate:
        assert f"Paling sedikit <strong>{found.cheapest_cost}</strong>" in html
