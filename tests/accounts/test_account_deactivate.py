import pytest
from django.urls import reverse

from inovda.accounts.models import Role
from inovda.accounts.services import AccountError, deactivate_account
from inovda.core.models import AuditEntry
from tests.personas import make_user


def deactivate_url(user):
    return reverse("accounts:deactivate", args=[user.pk])


def deactivate(client, user):
    return client.post(deactivate_url(user))


def assert_active(user, active=True):
    user.refresh_from_db()
    assert user.is_active is active


def test_it_lets_the_national_admin_deactivate_a_pemda_admin(client, personas):
    client.force_login(personas.national_admin)
    response = deactivate(client, personas.admin_b)
    assert response.status_code == 302
    assert_active(personas.admin_b, False)
    entry = AuditEntry.objects.get(action="account.deactivated")
    assert (entry.actor, entry.object_id) == (personas.national_admin, str(personas.admin_b.pk))
    page = client.get(response["Location"])
    assert "Akun admin.b dinonaktifkan." in page.text


def test_it_lets_a_pemda_admin_deactivate_its_own_operator(client, personas):
    client.force_login(personas.admin_a)
    assert deactivate(client, personas.operator_a).status_code == 302
    assert_active(personas.operator_a, False)


def test_it_hides_other_regions_accounts_with_404(client, personas):
    client.force_login(personas.admin_b)
    assert deactivate(client, personas.operator_a).status_code == 404
    assert deactivate(client, personas.admin_a).status_code == 404
    assert deactivate(client, personas.verifier).status_code == 404
    assert_active(personas.operator_a)
    with pytest.raises(AccountError):
        deactivate_account(personas.admin_b, personas.operator_a)
    assert_active(personas.operator_a)


def test_it_forbids_a_pemda_admin_to_deactivate_another_admin_of_its_region(client, personas):
    colleague = make_user("admin.a2", Role.PEMDA_ADMIN, "36.04", "Bappeda")
    client.force_login(personas.admin_a)
    assert deactivate(client, colleague).status_code == 403
    assert deactivate(client, personas.admin_a).status_code == 403
    assert_active(colleague)


@pytest.mark.parametrize("persona", ["verifier", "operator_a"])
def test_it_forbids_roles_that_manage_no_accounts(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert deactivate(client, personas.operator_a).status_code == 403
    assert_active(personas.operator_a)


def test_it_forbids_deactivating_oneself(client, personas):
    client.force_login(personas.national_admin)
    assert deactivate(client, personas.national_admin).status_code == 403
    assert_active(personas.national_admin)


def test_it_says_so_when_the_account_is_already_inactive(client, personas):
    personas.operator_a.is_active = False
    personas.operator_a.save()
    client.force_login(personas.admin_a)
    response = client.post(deactivate_url(personas.operator_a), follow=True)
    assert response.status_code == 200
    assert "Akun operator.a sudah nonaktif." in response.text
    assert not AuditEntry.objects.filter(action="account.deactivated").exists()


def test_it_accepts_post_only(client, personas):
    client.force_login(personas.admin_a)
    assert client.get(deactivate_url(personas.operator_a)).status_code == 405
    assert_active(personas.operator_a)
