from django.test import Client
from django.urls import reverse

from tests.personas import PASSWORD

NEW_PASSWORD = "sandi-baru-yang-panjang-42"


def test_it_logs_out_other_sessions_on_a_password_change_but_keeps_this_one(personas):
    here, elsewhere = Client(), Client()
    here.force_login(personas.admin_a)
    elsewhere.force_login(personas.admin_a)
    assert elsewhere.get("/akun/").status_code == 200

    response = here.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302

    assert here.get("/akun/").status_code == 200
    response = elsewhere.get("/akun/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in elsewhere.session


def test_it_ends_the_sessions_of_a_deactivated_account(client, personas):
    client.force_login(personas.operator_a)
    personas.operator_a.is_active = False
    personas.operator_a.save()
    response = client.get("/akun/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
