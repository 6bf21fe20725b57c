import pytest
from django.core.cache import cache

from inovda.public_cache import VERSION_KEY
from inovda.regions.services import create_period
from tests.fixtures import published_period
from tests.portal.conftest import iid_text, spread

pytestmark = pytest.mark.django_db

URL = "/periode/2026/peringkat/"


def test_it_ranks_kabupaten_by_default(client, published):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Peringkat Kabupaten IID 2026" in html
    assert 'href="/periode/2026/pemda/36.04/">Kabupaten Serang</a>' in html
    assert iid_text(2026, "36.04") in html


def test_it_orders_by_rank_then_code_with_unranked_last(client, published):
    html = client.get(URL).content.decode()
    # Serang (8 innovations at SID 3) leads; Tangerang follows; non-reporting pemda trail.
    assert html.index("Kabupaten Serang") < html.index("Kabupaten Tangerang")
    unranked = html.index('<span class="badge p-tidak_dapat_dinilai">')
    assert html.index("Kabupaten Tangerang") < unranked


def test_it_filters_by_cluster(client, published):
    html = client.get(URL, {"klaster": "kota"}).content.decode()
    assert "Kota Serang" in html and "Kabupaten Serang" not in html
    html = client.get(URL, {"klaster": "papua"}).content.decode()
    assert "Kabupaten Merauke" in html and "Kota Serang" not in html


def test_it_searches_by_name_or_code(client, published):
    html = client.get(URL, {"q": "serang"}).content.decode()
    assert "Kabupaten Serang" in html and "Kabupaten Tangerang" not in html
    html = client.get(URL, {"q": "36.03"}).content.decode()
    assert "Kabupaten Tangerang" in html and "Kabupaten Serang" not in html


def test_it_filters_by_province_and_predicate(client, published):
    html = client.get(URL, {"provinsi": "36"}).content.decode()
    assert "Kabupaten Lebak" in html and "Kabupaten Merauke" not in html
    html = client.get(URL, {"predikat": "tidak_dapat_dinilai", "provinsi": "36"}).content.decode()
    assert "Kabupaten Lebak" in html and "Kabupaten Serang" not in html


def test_it_ignores_an_unknown_cluster(client, published):
    response = client.get(URL, {"klaster": "bogus"})
    assert response.status_code == 200
    assert "Kabupaten Serang" in response.content.decode()


def test_it_pages_by_fifty(client, published):
    first = client.get(URL).content.decode()
    assert first.count('<tr id="pemda-') == 50
    assert "Halaman 1 dari 9" in first  # 415 kabupaten
    second = client.get(URL, {"page": 2}).content.decode()
    assert "Kabupaten Serang" not in second
    assert "?page=3" in second or "page=3" in second


def test_it_serves_only_the_results_to_htmx(client, published):
    response = client.get(URL, {"q": "serang"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert "Kabupaten Serang" in html
    assert "HX-Request" in response["Vary"]


def test_it_serves_the_full_page_to_an_htmx_history_restore(client, published):
    headers = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<html" in client.get(URL, headers=headers).content.decode()


def test_it_works_as_a_plain_get_form(client, published):
    html = client.get(URL).content.decode()
    assert f'<form class="filters" method="get" action="{URL}"' in html


def test_it_says_when_a_period_is_not_published(client, published):
    create_period(2025)
    response = client.get("/periode/2025/peringkat/")
    assert response.status_code == 200
    assert "belum dipublikasikan" in response.content.decode()
    assert client.get("/periode/1999/peringkat/").status_code == 404


@pytest.mark.parametrize("size", [(2, 1), (60, 20)], ids=["small", "larger"])
def test_it_reads_a_constant_number_of_queries(client, django_assert_num_queries, size):
    published_period(2026, data=spread(*size))
    for params in [{}, {"klaster": "perbatasan", "q": "a"}, {"provinsi": "11", "page": 2}]:
        # publications' version (the page cache's key; read from the database when it is not
        # in the cache, dropped here), publications, provinces, count, page
        cache.delete(VERSION_KEY)
        with django_assert_num_queries(5):
            assert client.get(URL, params).status_code == 200
