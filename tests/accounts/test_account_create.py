import re

import pytest
from django.urls import reverse

import inovda.settings as project_settings
from inovda.accounts.models import Role, User
from inovda.accounts.services import AccountError, create_account
from inovda.core.models import AuditEntry

CREATE = reverse("accounts:create")


def shown_password(response) -> str:
    return re.search(r"<dd><code>([^<]+)</code></dd>", response.text)[1]


def test_it_lets_the_national_admin_create_a_pemda_admin(client, personas):
    client.force_login(personas.national_admin)
    response = client.post(
        CREATE,
        {"username": "admin.tangerang", "role": Role.PEMDA_ADMIN, "region_code": "36.03"},
    )
    assert response.status_code == 200
    assert "Akun dibuat" in response.text
    assert "Kabupaten Tangerang (36.03)" in response.text
    assert response["Cache-Control"].startswith("max-age=0")
    user = User.objects.get(username="admin.tangerang")
    assert (user.role, user.region_code) == (Role.PEMDA_ADMIN, "36.03")
    assert user.must_change_password is True
    assert user.created_by == personas.national_admin
    assert user.check_password(shown_password(response))
    entry = AuditEntry.objects.get(action="account.created")
    assert entry.actor == personas.national_admin
    assert entry.data["region_code"] == "36.03"
    assert "password" not in entry.data


def test_it_requires_a_region_from_the_current_roster_for_a_pemda_admin(client, personas):
    client.force_login(personas.national_admin)
    response = client.post(CREATE, {"username": "x", "role": Role.PEMDA_ADMIN, "region_code": ""})
    assert response.status_code == 200
    assert "Admin pemda harus memiliki pemda." in response.text
    response = client.post(
        CREATE, {"username": "x", "role": Role.PEMDA_ADMIN, "region_code": "99.99"}
    )
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.text
    assert not User.objects.filter(username="x").exists()
    with pytest.raises(AccountError, match="tidak ada dalam daftar pemda"):
        create_account(personas.national_admin, username="x", role=Role.PEMDA_ADMIN)


def test_it_gives_verifiers_and_national_admins_no_region(client, personas):
    client.force_login(personas.national_admin)
    for username, role in (("verif.2", Role.VERIFIER), ("nasional.2", Role.NATIONAL_ADMIN)):
        response = client.post(CREATE, {"username": username, "role": role, "region_code": "36.04"})
        assert response.status_code == 200
        assert User.objects.get(username=username).region_code == ""


def test_it_lets_a_pemda_admin_create_operators_of_its_own_region_only(client, personas):
    client.force_login(personas.admin_a)
    page = client.get(CREATE)
    assert page.status_code == 200
    assert 'name="region_code"' not in page.text
    assert f'value="{Role.PEMDA_ADMIN}"' not in page.text

    response = client.post(
        CREATE,
        {
            "username": "operator.dinkes",
            "role": Role.OPD_OPERATOR,
            "region_code": "36.73",  # ignored: forced to the admin's own region
            "opd": "Dinas Kesehatan",
        },
    )
    assert response.status_code == 200
    user = User.objects.get(username="operator.dinkes")
    assert (user.role, user.region_code) == (Role.OPD_OPERATOR, "36.04")
    assert user.opd == "Dinas Kesehatan"
    assert user.created_by == personas.admin_a


def test_it_refuses_a_pemda_admin_creating_a_pemda_admin(client, personas):
    client.force_login(personas.admin_a)
    response = client.post(
        CREATE, {"username": "admin.a2", "role": Role.PEMDA_ADMIN, "opd": "Bappeda"}
    )
    assert response.status_code == 200
    assert "Masukkan pilihan yang valid" in response.text
    assert not User.objects.filter(username="admin.a2").exists()
    with pytest.raises(AccountError, match="tidak berwenang"):
        create_account(personas.admin_a, username="admin.a2", role=Role.PEMDA_ADMIN)


@pytest.mark.parametrize("persona", ["verifier", "operator_a"])
def test_it_forbids_roles_that_manage_no_accounts(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(CREATE).status_code == 403
    response = client.post(
        CREATE, {"username": "x", "role": Role.OPD_OPERATOR, "opd": "Dinas Pendidikan"}
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="x").exists()
    with pytest.raises(AccountError):
        create_account(getattr(personas, persona), username="x", role=Role.OPD_OPERATOR)


def test_it_refuses_a_username_already_taken(client, personas):
    client.force_login(personas.admin_a)
    response = client.post(
        CREATE, {"username": "OPERATOR.A", "role": Role.OPD_OPERATOR, "opd": "Dinas Sosial"}
    )
    assert response.status_code == 200
    assert "Nama pengguna ini sudah dipakai." in response.text
    assert User.objects.filter(username__iexact="operator.a").count() == 1


def test_it_hashes_temporary_passwords_with_argon2(personas, settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    user, password = create_account(
        personas.admin_a, username="operator.baru", role=Role.OPD_OPERATOR, opd="Dinas Sosial"
    )
    assert user.password.startswith("argon2")
    assert user.check_password(password)
    assert len(password) == 16
