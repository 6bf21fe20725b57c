"""Lock-out behind a reverse proxy: the client address comes from X-Forwarded-For only when
the request arrives from a trusted proxy, so everyone behind nginx no longer shares one
address; a user cannot be locked out from elsewhere; and one address guessing many accounts
is stopped by the per-address limit."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from inovda.accounts.lockout import client_ip
from tests.personas import PASSWORD

LOGIN = reverse("accounts:login")
PROXY = "10.0.0.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/24"]


def via_proxy(client, username, password, forwarded, proxy=PROXY):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # No trusted proxy: the header is the client's own word and is ignored.
        ("203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # From the proxy: the address it appended (the right-most) is the client.
        (PROXY, "198.51.100.7", "198.51.100.7"),
        (PROXY, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a spoofed entry to the left
        # Two trusted proxies in a row are skipped.
        (PROXY, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (PROXY, "2001:db8::1", "2001:db8::1"),
        # Nothing usable from the proxy: its own address, never a guess.
        (PROXY, "", PROXY),
        (PROXY, "bukan-alamat", PROXY),
    ],
)
def test_the_client_address_is_taken_from_trusted_proxies_only(
    behind_proxy, remote, forwarded, expected
):
    request = RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)

    assert client_ip(request) == expected


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert client_ip(request) == PROXY


def test_behind_the_proxy_an_attacker_cannot_lock_the_admin_out(client, personas, behind_proxy):
    for _ in range(5):
        via_proxy(client, "admin.nasional", "salah", "6.6.6.6, 203.0.113.66")
    assert via_proxy(client, "admin.nasional", "salah", "203.0.113.66").status_code == 429

    # The real admin, through the same proxy, from her own address.
    response = via_proxy(client, "admin.nasional", PASSWORD, "198.51.100.20")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(personas.national_admin.pk)


def test_spoofing_the_header_does_not_escape_the_lock(client, personas, behind_proxy):
    for index in range(5):
        via_proxy(client, "admin.a", "salah", f"1.2.3.{index}, 203.0.113.66")

    response = via_proxy(client, "admin.a", PASSWORD, "9.9.9.9, 203.0.113.66")

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_one_address_guessing_many_accounts_is_locked(client, personas, settings):
    settings.AXES_IP_FAILURE_LIMIT = 8
    usernames = ["admin.a", "admin.b", "operator.a", "verifikator"]
    statuses = [
        client.post(
            LOGIN, {"username": name, "password": "salah"}, REMOTE_ADDR="203.0.113.66"
        ).status_code
        for name in usernames * 2  # two failures each: under the per-user limit of five
    ]

    assert statuses == [200] * 7 + [429]
    assert (
        "Terlalu banyak percobaan masuk yang gagal dari alamat ini"
        in client.post(
            LOGIN, {"username": "admin.b", "password": PASSWORD}, REMOTE_ADDR="203.0.113.66"
        ).content.decode()
    )
    assert "_auth_user_id" not in client.session
    # Another address is unaffected.
    response = client.post(
        LOGIN, {"username": "admin.b", "password": PASSWORD}, REMOTE_ADDR="198.51.100.20"
    )
    assert response.status_code == 302


def test_the_per_address_limit_can_be_switched_off(client, personas, settings):
    settings.AXES_IP_FAILURE_LIMIT = 0
    for name in ["admin.a", "admin.b", "operator.a", "verifikator"] * 2:
        client.post(LOGIN, {"username": name, "password": "salah"}, REMOTE_ADDR="203.0.113.66")

    response = client.post(
        LOGIN, {"username": "admin.b", "password": PASSWORD}, REMOTE_ADDR="203.0.113.66"
    )

    assert response.status_code == 302
