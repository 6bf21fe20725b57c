from decimal import Decimal

import pytest

from inovda.portal.templatetags.portal import persen, pertumbuhan, skor
from inovda.regions.services import create_period

pytestmark = pytest.mark.django_db


def test_it_shows_the_recap_of_the_period(client, published):
    response = client.get("/periode/2026/")
    assert response.status_code == 200
    html = response.content.decode()
    recap = published.publication.recap
    assert "<title>Dasbor IID 2026" in html
    assert f"{recap['regions']['total']}</span>" in html
    assert f"{recap['innovations']}</span>" in html
    assert "Tidak Dapat Dinilai" in html
    assert published.publication.rulebook_hash in html
    assert "Publikasi</dt><dd>ke-1" in html


def test_it_draws_the_charts_without_javascript_libraries(client, published):
    html = client.get("/periode/2026/").content.decode()
    assert html.count('<svg class="columns"') == 2  # trend: innovations and participation
    assert 'class="p-sangat_inovatif"' in html  # predicates by tingkat
    assert 'class="seg-ikut"' in html  # participation
    assert "django_htmx/htmx-2.min.js" in html
    assert "cdn" not in html.lower()


def test_it_keeps_svg_coordinates_free_of_decimal_commas(client, published):
    html = client.get("/periode/2026/").content.decode()
    assert 'width="5,' not in html and 'x="0,' not in html
    assert 'x="0.00"' in html


def test_it_shows_the_trend_across_published_periods(client, published_2020, published):
    html = client.get("/periode/2026/").content.decode()
    assert ">2020</text>" in html and ">2026</text>" in html


def test_it_shows_the_synthetic_data_banner_in_demo_mode(client, published, settings):
    settings.DEMO = True
    assert (
        "Data sintetis untuk demo — bukan hasil resmi."
        in client.get("/periode/2026/").content.decode()
    )
    settings.DEMO = False
    assert "Data sintetis" not in client.get("/periode/2026/").content.decode()


def test_it_marks_the_2020_weights_as_approximate(client, published_2020, published):
    html = client.get("/periode/2020/").content.decode()
    assert "Bobot 2020 adalah perkiraan" in html
    assert 'href="/metodologi/2020/"' in html
    assert "adalah perkiraan" not in client.get("/periode/2026/").content.decode()


def test_it_says_when_a_period_is_not_published(client, published):
    create_period(2025)
    response = client.get("/periode/2025/")
    assert response.status_code == 200
    assert "Periode 2025 belum dipublikasikan" in response.content.decode()


def test_it_answers_404_for_an_unknown_period(client, published):
    assert client.get("/periode/1999/").status_code == 404


def test_it_reads_one_query(client, published_2020, published, django_assert_num_queries, settings):
    settings.PUBLIC_CACHE_VERSION_TTL = 3600  # no expiry between the two requests
    # Rendered: the publications' version (the page cache's key) and the publications.
    with django_assert_num_queries(2):
        assert client.get("/periode/2026/").status_code == 200
    # Cached: the version is in the cache too, so no query at all.
    with django_assert_num_queries(0):
        assert client.get("/periode/2026/").status_code == 200


@pytest.mark.parametrize(
    ("growth", "shown"),
    [(Decimal("85.9"), "+85,9%"), (Decimal("-3"), "-3,0%"), (Decimal(0), "0,0%"), (None, "—")],
)
def test_it_signs_the_growth_of_reported_innovations(growth, shown):
    assert pertumbuhan(growth) == shown


def test_it_rounds_shown_numbers_half_up_instead_of_cutting_digits():
    assert (persen(Decimal("89.2988")), persen(Decimal("85.96"))) == ("89,3%", "86,0%")
    assert skor(Decimal("12.345")) == "12,35"
