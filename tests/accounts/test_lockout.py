from datetime import timedelta

from axes.models import AccessAttempt
from django.urls import reverse

from tests.personas import PASSWORD

LOGIN = reverse("accounts:login")


def fail(client, username="admin.a", ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": "salah"}, REMOTE_ADDR=ip)


def test_it_locks_out_a_username_and_ip_after_five_failures(client, personas, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    for _ in range(4):
        assert fail(client).status_code == 200
    response = fail(client)
    assert response.status_code == 429
    assert "Akun terkunci sementara" in response.text
    assert "30 menit" in response.text

    # Locked out: even the right password is refused.
    response = client.post(
        LOGIN, {"username": "admin.a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_locks_only_that_username_and_ip_pair(client, personas):
    for _ in range(5):
        fail(client)
    other_ip = client.post(
        LOGIN, {"username": "admin.a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_ip.status_code == 302
    client.logout()
    other_user = client.post(
        LOGIN, {"username": "admin.b", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert other_user.status_code == 302


def test_it_unlocks_after_thirty_minutes(client, personas):
    for _ in range(5):
        fail(client)
    attempt = AccessAttempt.objects.get(username="admin.a")
    attempt.attempt_time -= timedelta(minutes=31)
    attempt.save()
    response = client.post(
        LOGIN, {"username": "admin.a", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(personas.admin_a.pk)
