import pytest

from inovda.innovations.models import Innovation, Status
from tests.fixtures import published_period, republish
from tests.portal.conftest import spread

pytestmark = pytest.mark.django_db

URL = "/katalog/"


def test_it_lists_the_innovations_of_the_latest_published_period(client, published_2020, published):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Katalog Inovasi 2026" in html
    assert "26 inovasi" in html
    assert "Inovasi 36.04 nomor 1" in html


def test_it_lists_another_published_period_on_request(client, published_2020, published):
    html = client.get(URL, {"periode": 2020}).content.decode()
    assert "3 inovasi" in html


def test_it_says_when_the_period_is_not_published(client, published):
    html = client.get(URL, {"periode": 2019}).content.decode()
    assert "Periode 2019 tidak ada atau belum dipublikasikan" in html


def test_it_searches_name_tujuan_and_manfaat(client, published):
    Innovation.objects.filter(name="Inovasi 36.04 nomor 2").update(tujuan="Antrean puskesmas")
    republish(published)
    html = client.get(URL, {"q": "puskesmas"}).content.decode()
    assert "1 inovasi" in html and "Inovasi 36.04 nomor 2" in html
    html = client.get(URL, {"q": "36.73 nomor"}).content.decode()
    assert "3 inovasi" in html


def test_it_filters_by_urusan_tingkat_and_province(client, published):
    html = client.get(URL, {"urusan": "1.02", "tingkat": "kabupaten"}).content.decode()
    # urusan cycles through 8 codes: 1.02 is the 2nd of each region's innovations
    assert "Inovasi 36.04 nomor 2<" in html and "Inovasi 36.04 nomor 1<" not in html
    assert "Inovasi 36.73" not in html  # a kota
    html = client.get(URL, {"provinsi": "93"}).content.decode()
    assert "1 inovasi" in html and "Inovasi 93.01 nomor 1" in html


def test_it_filters_by_tahapan_jenis_and_bentuk(client, published):
    Innovation.objects.filter(name="Inovasi 36.04 nomor 3").update(
        tahapan="uji_coba", jenis="non_digital", bentuk="tata_kelola"
    )
    republish(published)
    for field, value in [
        ("tahapan", "uji_coba"),
        ("jenis", "non_digital"),
        ("bentuk", "tata_kelola"),
    ]:
        html = client.get(URL, {field: value}).content.decode()
        assert "1 inovasi" in html and "Inovasi 36.04 nomor 3" in html


def test_it_leaves_out_drafts(client, published):
    Innovation.objects.filter(name="Inovasi 36.04 nomor 1").update(status=Status.DRAFT)
    republish(published)
    html = client.get(URL).content.decode()
    assert "25 inovasi" in html and "Inovasi 36.04 nomor 1<" not in html


def test_it_serves_only_the_results_to_htmx(client, published):
    response = client.get(URL, {"q": "nomor"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert 'class="card"' in html
    assert "HX-Request" in response["Vary"]


def test_it_pages_results(client, published):
    html = client.get(URL).content.decode()
    assert "Halaman 1 dari 2" in html
    assert html.count('<li class="card">') == 20


@pytest.mark.parametrize("size", [(2, 1), (30, 20)], ids=["small", "larger"])
def test_it_reads_a_constant_number_of_queries(client, django_assert_num_queries, size):
    published_period(2026, data=spread(*size))
    for params in [{}, {"q": "nomor", "urusan": "1.01"}, {"tingkat": "kabupaten", "page": 2}]:
        # publications, provinces, count, page
        with django_assert_num_queries(4):
            assert client.get(URL, params).status_code == 200


def test_it_stems_indonesian_words_on_postgresql(client, published):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("full-text search in Indonesian needs PostgreSQL")
    Innovation.objects.filter(name="Inovasi 36.04 nomor 4").update(manfaat="Warga lebih sehat")
    republish(published)
    html = client.get(URL, {"q": "kesehatan"}).content.decode()
    assert "1 inovasi" in html and "Inovasi 36.04 nomor 4" in html
