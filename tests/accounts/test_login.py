from django.urls import reverse

from tests.personas import PASSWORD

LOGIN = reverse("accounts:login")


def logged_in_id(client):
    return client.session.get("_auth_user_id")


def test_it_shows_the_login_page_in_indonesian(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert "<h1>Masuk</h1>" in response.text
    assert "Nama pengguna" in response.text
    assert "Kata sandi" in response.text


def test_it_logs_in_and_goes_to_next(client, personas):
    response = client.post(
        LOGIN, {"username": "admin.a", "password": PASSWORD, "next": "/akun/pengguna/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/akun/pengguna/"
    assert logged_in_id(client) == str(personas.admin_a.pk)


def test_it_ignores_a_next_on_another_site(client, personas):
    response = client.post(
        LOGIN, {"username": "admin.a", "password": PASSWORD, "next": "https://jahat.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/akun/"


def test_it_refuses_a_wrong_password(client, personas):
    response = client.post(LOGIN, {"username": "admin.a", "password": "salah"})
    assert response.status_code == 200
    assert "Masukkan nama pengguna" in response.text
    assert logged_in_id(client) is None


def test_it_refuses_a_deactivated_account(client, personas):
    personas.operator_a.is_active = False
    personas.operator_a.save()
    response = client.post(LOGIN, {"username": "operator.a", "password": PASSWORD})
    assert response.status_code == 200
    assert logged_in_id(client) is None


def test_it_logs_out_by_post_only(client, personas):
    client.force_login(personas.admin_a)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert logged_in_id(client) == str(personas.admin_a.pk)

    response = client.post(reverse("accounts:logout"), follow=True)
    assert response.redirect_chain[-1] == (LOGIN, 302)
    assert "Anda telah keluar." in response.text
    assert logged_in_id(client) is None
