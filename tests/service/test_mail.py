"""E-mails, sent by jobs through Django's mail framework: account invitations with a
set-password link, deadline reminders (in WIB) to pemda that have not reported, and the
returned-innovation and objection-decided notices."""

from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from inovda.accounts.models import Role, User
from inovda.core.models import AuditEntry
from inovda.innovations.reminders import send_reminders
from inovda.regions.models import PeriodExtension
from inovda.regions.services import WIB
from inovda.verification.models import Outcome, Reason
from inovda.verification.objections import raise_objection, resolve_objection
from inovda.verification.review import decide, return_to_region
from tests.verification.helpers import open_objection_window

CLOSE = datetime(2026, 12, 31, 23, 59, tzinfo=WIB)


@pytest.fixture
def mailed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the mail jobs) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _addresses(world):
    for name in ("admin_a", "operator_a", "admin_b"):
        user = getattr(world.personas, name)
        user.email = f"{name}@pemda.go.id"
        user.save(update_fields=["email"])


def test_an_account_with_an_address_gets_an_invitation_not_a_password(client, personas, mailed):
    client.force_login(personas.national_admin)
    with mailed():
        response = client.post(
            reverse("accounts:create"),
            {
                "username": "admin.lebak",
                "role": Role.PEMDA_ADMIN,
                "region_code": "36.02",
                "email": "bappeda@lebakkab.go.id",
            },
        )
    assert response.status_code == 200
    assert "Undangan dikirim ke bappeda@lebakkab.go.id" in response.text
    assert "Kata sandi sementara" not in response.text
    user = User.objects.get(username="admin.lebak")
    assert not user.has_usable_password()
    assert AuditEntry.objects.filter(action="account.invited", object_id=str(user.pk)).exists()
    (message,) = mail.outbox
    assert message.to == ["bappeda@lebakkab.go.id"]
    assert message.subject == "Undangan akun Inovda"
    link = next(w for w in message.body.split() if "/akun/undangan/" in w)
    path = link.removeprefix("http://127.0.0.1:8000")

    client.logout()
    page = client.get(path)
    assert page.status_code == 200
    assert "admin.lebak" in page.text
    done = client.post(
        path, {"new_password1": "Pelangi-Banten-77", "new_password2": "Pelangi-Banten-77"}
    )
    assert (done.status_code, done["Location"]) == (302, reverse("accounts:login"))
    user.refresh_from_db()
    assert user.check_password("Pelangi-Banten-77")
    assert user.must_change_password is False
    used = client.get(path)
    assert used.status_code == 400
    assert "tidak berlaku" in used.text


def test_a_forged_invitation_link_is_refused(client, personas):
    response = client.get(reverse("accounts:invitation", args=["MQ", "bukan-token"]))
    assert response.status_code == 400


def test_reminders_go_at_seven_days_one_day_and_the_close_in_wib(world, mailed):
    _addresses(world)
    world.period.closes_at = CLOSE
    world.period.save(update_fields=["closes_at"])
    stages = [
        (CLOSE - timedelta(days=8), 0),
        (CLOSE - timedelta(days=6), 1),
        (CLOSE - timedelta(days=5), 0),  # the 7-day reminder went already
        (CLOSE - timedelta(hours=3), 1),
        (CLOSE + timedelta(hours=1), 1),
        (CLOSE + timedelta(days=2), 0),
    ]
    for now, expected in stages:
        with mailed():
            assert send_reminders(now) == expected, now
    assert len(mail.outbox) == 3
    # Region A has reported an innovation: only region B's admin is reminded.
    assert {tuple(m.to) for m in mail.outbox} == {("admin_b@pemda.go.id",)}
    assert all("31-12-2026 23:59 WIB" in m.subject for m in mail.outbox)
    assert "tujuh hari lagi" in mail.outbox[0].body
    assert "besok" in mail.outbox[1].body
    assert "sudah tiba" in mail.outbox[2].body


def test_an_extension_brings_new_reminders_and_the_command_runs_them(world, mailed, capsys):
    _addresses(world)
    world.period.closes_at = CLOSE
    world.period.save(update_fields=["closes_at"])
    with mailed():
        send_reminders(CLOSE - timedelta(hours=2))
    later = CLOSE + timedelta(days=3)
    PeriodExtension.objects.create(
        period=world.period, region_code="36.73", closes_at=later, reason="Banjir"
    )
    with mailed():
        assert send_reminders(later - timedelta(hours=2)) == 1
    assert "03-01-2027 23:59 WIB" in mail.outbox[-1].subject
    call_command("remind")
    assert "surel pengingat diantrekan" in capsys.readouterr().out


def test_a_returned_innovation_is_told_to_its_pemda(world, mailed):
    _addresses(world)
    with mailed():
        return_to_region(world.personas.verifier, world.innovation, "Lengkapi SK kepala daerah.")
    (message,) = mail.outbox
    assert sorted(message.to) == ["admin_a@pemda.go.id", "operator_a@pemda.go.id"]
    assert message.subject == "Inovasi dikembalikan: Inovasi uji"
    assert "Lengkapi SK kepala daerah." in message.body


def test_a_decided_objection_is_told_to_its_pemda(world, mailed):
    _addresses(world)
    answer = world.answers()[0]
    decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.EVIDENCE_MISSING)
    open_objection_window(world.period)
    objection = raise_objection(world.personas.admin_a, world.region_a, [answer], "SK ada.")
    with mailed():
        resolve_objection(world.personas.verifier, objection, False, "SK tidak sah.")
    (message,) = mail.outbox
    assert sorted(message.to) == ["admin_a@pemda.go.id", "operator_a@pemda.go.id"]
    assert message.subject == "Sanggahan ditolak: Kabupaten Serang"
    assert "SK tidak sah." in message.body
