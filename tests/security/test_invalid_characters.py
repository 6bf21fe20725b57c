"""A NUL byte or another control character in a path, a query parameter or a cookie is
refused with 400 before any view runs: on PostgreSQL it would otherwise reach a query and
answer 500. Walks representative public pages, signed-in pages and API endpoints."""

import pytest
from django.test import Client

from tests.fixtures import published_period

INVALID = "Permintaan ditolak: alamat atau parameternya memuat karakter yang tidak sah"

PUBLIC = [
    "/periode/2026/pemda/%00/",
    "/periode/%00/",
    "/inovasi/%00/",
    "/katalog/?q=%00",
    "/katalog/?periode=%00",
    "/periode/2026/peringkat/?klaster=%00",
    "/peringkat/?%00=1",
    "/metodologi/?x=a%01b",
    "/unduh/periode/2026/katalog.csv?q=%00",
    "/akun/masuk/?next=%00",
]
SIGNED_IN = [
    "/pemda/2026/%00/",
    "/pemda/2026/%00/profil/",
    "/pemda/2026/36.04/?tab=%00",
    "/pemda/%00/",
    "/verifikasi/?pemda=%00",
    "/verifikasi/spd/2026/%00/",
    "/verifikasi/alasan/2026/%00/",
    "/verifikasi/sanggahan/?status=%00",
    "/impor/2026/%00/",
    "/riwayat/pemda/2026/%00/unduh.csv",
    "/riwayat/%00/1/",
    "/akun/pengguna/?q=%00",
    "/periode-admin/?tahun=%1f",
]
API = [
    "/api/v1/periods/2026/regions/%00",
    "/api/v1/periods/2026/rankings?cluster=%00",
    "/api/v1/periods/2026/innovations?q=%00",
    "/api/v1/periods/2026/innovations?urusan=%00",
    "/api/v1/innovations/1?x=%00",
    "/api/v1/periods?%00",
]


@pytest.fixture
def published(db):
    return published_period(2026)


@pytest.fixture
def admin_client(personas):
    client = Client()
    client.force_login(personas.national_admin)
    return client


def assert_refused_page(response) -> None:
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert INVALID in response.content.decode()


@pytest.mark.parametrize("url", PUBLIC)
def test_public_pages_refuse_control_characters(client, published, url):
    assert_refused_page(client.get(url))


@pytest.mark.parametrize("url", SIGNED_IN)
def test_signed_in_pages_refuse_control_characters(admin_client, published, url):
    assert_refused_page(admin_client.get(url))


@pytest.mark.parametrize("url", API)
def test_the_api_refuses_control_characters_with_json(client, published, url):
    response = client.get(url)

    assert response.status_code == 400
    assert INVALID in response.json()["detail"]


def test_a_post_with_a_nul_in_the_query_is_refused(admin_client, published):
    response = admin_client.post("/verifikasi/?pemda=%00", {"x": "1"})

    assert_refused_page(response)


def test_a_cookie_with_a_nul_is_refused(published):
    client = Client()
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"

    assert_refused_page(client.get("/periode/2026/"))


@pytest.mark.parametrize(
    "url",
    [
        "/periode/2026/pemda/36.04/",
        "/katalog/?q=Serang%20Sehat",
        "/katalog/?q=baris%0Abaru%09tab",  # line breaks and tabs are ordinary in a value
        "/katalog/?q=%C3%A9%E2%80%94%F0%9F%98%80",  # é — 😀
        "/katalog/?q=%FF",  # broken UTF-8 is replaced, not refused
        "/api/v1/periods/2026/rankings?cluster=kabupaten",
    ],
)
def test_ordinary_input_still_passes(client, published, url):
    assert client.get(url).status_code == 200


def test_an_unknown_region_is_still_a_404(client, published):
    assert client.get("/periode/2026/pemda/99.99/").status_code == 404


def test_a_login_with_a_nul_in_the_form_is_an_ordinary_refusal(client, personas):
    # Form fields refuse NUL themselves; the lock-out bookkeeping never sees it.
    response = client.post("/akun/masuk/", {"username": "admin.a\x00", "password": "x\x00"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
