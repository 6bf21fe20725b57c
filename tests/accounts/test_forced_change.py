from django.urls import reverse

from inovda.core.models import AuditEntry
from tests.personas import PASSWORD

CHANGE = reverse("accounts:password_change")
NEW_PASSWORD = "sandi-baru-yang-panjang-42"


def test_it_sends_a_user_with_a_temporary_password_to_the_change_page(client, personas):
    user = personas.operator_a
    user.must_change_password = True
    user.save()
    client.force_login(user)
    for url in ("/akun/", "/akun/pengguna/", "/periode-admin/", "/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == CHANGE, url

    response = client.get(CHANGE)
    assert response.status_code == 200
    assert "kata sandi sementara" in response.text


def test_it_lets_such_a_user_log_out_and_reach_static_files(client, personas):
    user = personas.operator_a
    user.must_change_password = True
    user.save()
    client.force_login(user)
    static = client.get("/static/inovda/site.css")
    assert static.get("Location") != CHANGE
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")


def test_it_clears_the_flag_after_a_change_and_audits_it(client, personas):
    user = personas.operator_a
    user.must_change_password = True
    user.save()
    client.force_login(user)
    response = client.post(
        CHANGE,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("accounts:home"), 302)]
    assert "Kata sandi diganti" in response.text
    user.refresh_from_db()
    assert user.must_change_password is False
    assert user.check_password(NEW_PASSWORD)
    entry = AuditEntry.objects.get(action="account.password_changed")
    assert (entry.actor, entry.object_id) == (user, str(user.pk))
    assert client.get("/akun/").status_code == 200


def test_it_rejects_a_wrong_old_password_and_a_weak_new_one(client, personas):
    user = personas.operator_a
    user.must_change_password = True
    user.save()
    client.force_login(user)
    response = client.post(
        CHANGE, {"old_password": "salah", "new_password1": "x", "new_password2": "x"}
    )
    assert response.status_code == 200
    assert "Sandi lama Anda yang dimasukkan salah" in response.text
    response = client.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"}
    )
    assert response.status_code == 200
    assert "terlalu umum" in response.text
    user.refresh_from_db()
    assert user.must_change_password is True
    assert user.check_password(PASSWORD)
    assert not AuditEntry.objects.filter(action="account.password_changed").exists()
