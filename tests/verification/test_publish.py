"""Publishing a period: recompute, freeze a publication, lock the verified innovations."""

import pytest

from inovda.core.models import AuditEntry
from inovda.innovations.models import Status, Verification
from inovda.results.models import Publication
from inovda.verification import services
from inovda.verification.models import Outcome, Reason
from tests.verification.helpers import audit_count, make_innovation, open_objection_window


def _verified(world, name):
    innovation = make_innovation(world.region_a, name=name)
    innovation.answers.update(verification=Verification.ACCEPTED, verified_level=3)
    services.finish(world.personas.verifier, innovation)
    return innovation


def test_it_publishes_and_locks_the_verified_innovations(world):
    first, second = _verified(world, "Satu"), _verified(world, "Dua")
    before = audit_count()
    publication = services.publish(world.personas.national_admin, world.period, "Hasil 2026")
    assert Publication.objects.filter(pk=publication.pk, note="Hasil 2026").exists()
    for innovation in (first, second):
        innovation.refresh_from_db()
        assert innovation.status == Status.LOCKED
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.SUBMITTED  # not verified: not locked
    actions = sorted(e.action for e in AuditEntry.objects.order_by("id")[before:])
    assert actions == ["innovation.locked", "innovation.locked", "period.published"]


def test_it_refuses_changes_to_a_locked_innovation(world):
    innovation = _verified(world, "Satu")
    services.publish(world.personas.national_admin, world.period)
    verifier = world.personas.verifier
    with pytest.raises(services.VerificationError, match="Dikunci"):
        services.decide(verifier, innovation.answers.first(), Outcome.ACCEPT)
    with pytest.raises(services.Refused):
        services.return_to_region(verifier, innovation, "Perbaiki.")
    with pytest.raises(services.VerificationError):
        services.declare_ineligible(verifier, innovation, "Tidak sesuai.")


def test_it_refuses_to_publish_while_objections_are_open(world):
    answer = world.answers()[0]
    services.decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.UNREADABLE)
    open_objection_window(world.period)
    services.raise_objection(world.personas.admin_a, world.region_a, [answer], "Terbaca.")
    with pytest.raises(services.VerificationError, match="1 sanggahan"):
        services.publish(world.personas.national_admin, world.period)
    assert not Publication.objects.exists()


@pytest.mark.parametrize("persona", ["verifier", "admin_a", "operator_a", "admin_b"])
def test_it_publishes_only_for_the_national_admin(world, persona):
    with pytest.raises(services.VerificationError, match="admin nasional"):
        services.publish(getattr(world.personas, persona), world.period)
    assert not Publication.objects.exists()


def test_it_publishes_from_the_period_page(client, world):
    innovation = _verified(world, "Satu")
    client.force_login(world.personas.national_admin)
    response = client.post("/verifikasi/periode/2026/terbitkan/", {"note": "Final"})
    assert response.status_code == 302
    assert Publication.objects.get().note == "Final"
    innovation.refresh_from_db()
    assert innovation.status == Status.LOCKED
    page = client.get("/verifikasi/periode/2026/").content.decode()
    assert "Publikasi 1" in page
