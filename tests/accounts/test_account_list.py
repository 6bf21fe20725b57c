from django.urls import reverse

from inovda.accounts.models import Role
from tests.personas import make_user

LIST = reverse("accounts:list")


def test_it_shows_the_national_admin_every_account(client, personas):
    client.force_login(personas.national_admin)
    response = client.get(LIST)
    assert response.status_code == 200
    for username in ("admin.nasional", "verifikator", "admin.a", "operator.a", "admin.b"):
        assert f"<td>{username}</td>" in response.text
    assert "Kabupaten Serang (36.04)" in response.text
    assert "Kota Serang (36.73)" in response.text


def test_it_shows_a_pemda_admin_its_own_region_only(client, personas):
    client.force_login(personas.admin_a)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "<td>admin.a</td>" in response.text
    assert "<td>operator.a</td>" in response.text
    for username in ("admin.b", "verifikator", "admin.nasional"):
        assert f"<td>{username}</td>" not in response.text
    # Only the operator can be deactivated by this admin.
    assert response.text.count("Nonaktifkan</button>") == 1
    assert reverse("accounts:deactivate", args=[personas.operator_a.pk]) in response.text


def test_it_lists_with_a_fixed_number_of_queries(client, personas, django_assert_num_queries):
    for n in range(30):
        make_user(f"operator.{n}", Role.OPD_OPERATOR, "36.04", "Dinas")
    client.force_login(personas.national_admin)
    # session, user, count, page
    with django_assert_num_queries(4):
        assert client.get(LIST).status_code == 200


def test_it_pages_long_lists_with_the_shared_pager(client, personas):
    for n in range(50):
        make_user(f"operator.{n:02}", Role.OPD_OPERATOR, "36.04", "Dinas")
    client.force_login(personas.national_admin)
    first = client.get(LIST).text
    assert '<nav class="pager" aria-label="Halaman akun">' in first
    assert "Halaman 1 dari 2" in first and 'href="?page=2" rel="next"' in first
    second = client.get(LIST, {"page": 2})
    assert second.status_code == 200
    assert "Halaman 2 dari 2" in second.text and 'rel="prev"' in second.text
    shown = first.count("<td>operator.") + second.text.count("<td>operator.")
    assert shown == 51  # the 50 made here and the persona operator.a, each once
