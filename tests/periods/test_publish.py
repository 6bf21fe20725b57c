"""Publishing a period: recompute, freeze a publication, lock the verified innovations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inovda.core.models import AuditEntry
from inovda.innovations.models import Innovation, Status, Verification
from inovda.results.lifecycle import LifecycleError, publish
from inovda.results.models import Publication
from inovda.verification.duties import Refused, VerificationError
from inovda.verification.models import Outcome, Reason
from inovda.verification.objections import raise_objection
from inovda.verification.review import decide, declare_ineligible, finish, return_to_region
from tests.verification.helpers import audit_count, make_innovation, open_objection_window


def _verified(world, name):
    innovation = make_innovation(world.region_a, name=name)
    innovation.answers.update(verification=Verification.ACCEPTED, verified_level=3)
    finish(world.personas.verifier, innovation)
    return innovation


def set_reporting(period, open_: bool) -> None:
    now = timezone.now()
    period.closes_at = now + timedelta(days=30) if open_ else now - timedelta(minutes=1)
    period.save(update_fields=["closes_at"])


def ready_to_publish(world) -> None:
    """Reporting closed and nothing left undecided: the world's own submitted innovation is
    sent back to its pemda (returned innovations do not hold a publication up)."""
    Innovation.objects.filter(pk=world.innovation.pk).update(status=Status.RETURNED)
    set_reporting(world.period, open_=False)


def test_it_publishes_and_locks_the_verified_innovations(world):
    first, second = _verified(world, "Satu"), _verified(world, "Dua")
    ready_to_publish(world)
    before = audit_count()
    publication, created = publish(world.personas.national_admin, world.period, "Hasil 2026")
    assert created
    assert Publication.objects.filter(pk=publication.pk, note="Hasil 2026").exists()
    for innovation in (first, second):
        innovation.refresh_from_db()
        assert innovation.status == Status.LOCKED
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.RETURNED  # not verified: not locked
    actions = sorted(e.action for e in AuditEntry.objects.order_by("id")[before:])
    assert actions == ["innovation.locked", "innovation.locked", "period.published"]


def test_it_refuses_changes_to_a_locked_innovation(world):
    innovation = _verified(world, "Satu")
    ready_to_publish(world)
    publish(world.personas.national_admin, world.period)
    set_reporting(world.period, open_=True)  # even with the window open again
    verifier = world.personas.verifier
    with pytest.raises(VerificationError, match="Dikunci"):
        decide(verifier, innovation.answers.first(), Outcome.ACCEPT)
    with pytest.raises(Refused):
        return_to_region(verifier, innovation, "Perbaiki.")
    with pytest.raises(VerificationError):
        declare_ineligible(verifier, innovation, "Tidak sesuai.")


def test_it_refuses_to_publish_while_objections_are_open(world):
    answer = world.answers()[0]
    decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.UNREADABLE)
    open_objection_window(world.period)
    raise_objection(world.personas.admin_a, world.region_a, [answer], "Terbaca.")
    with pytest.raises(LifecycleError, match="1 sanggahan"):
        publish(world.personas.national_admin, world.period)
    assert not Publication.objects.exists()


@pytest.mark.parametrize("persona", ["verifier", "admin_a", "operator_a", "admin_b"])
def test_it_publishes_only_for_the_national_admin(world, persona):
    ready_to_publish(world)
    with pytest.raises(LifecycleError, match="admin nasional"):
        publish(getattr(world.personas, persona), world.period)
    assert not Publication.objects.exists()


def test_it_publishes_from_the_period_page(client, world):
    innovation = _verified(world, "Satu")
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    confirm = client.get("/periode-admin/2026/terbitkan/")
    assert confirm.status_code == 200
    response = client.post("/periode-admin/2026/terbitkan/", {"note": "Final", "seen": 0})
    assert response.status_code == 302
    assert Publication.objects.get().note == "Final"
    innovation.refresh_from_db()
    assert innovation.status == Status.LOCKED
    page = client.get("/periode-admin/2026/").content.decode()
    assert "Publikasi 1" in page
