"""An edit after verification puts the indicator back to pending and the innovation back in the
queue; never a silent swap of a verified level."""

from inovda.core.models import AuditEntry
from inovda.innovations.models import Status, Verification
from inovda.innovations.services import reset_to_pending
from inovda.verification.duties import VerificationError
from inovda.verification.models import Outcome
from inovda.verification.queue import queue
from inovda.verification.review import decide, finish
from tests.verification.helpers import audit_count


def _verify_all(world):
    for answer in world.answers():
        decide(world.personas.verifier, answer, Outcome.ACCEPT)
    finish(world.personas.verifier, world.innovation)


def test_it_puts_an_edited_answer_back_to_pending_and_requeues(world):
    _verify_all(world)
    assert not queue(world.personas.verifier, world.period).filter(pk=world.innovation.pk)
    answer = world.innovation.answers.select_related("innovation").first()
    before = audit_count()
    reset_to_pending(answer, world.personas.operator_a, "data dukung diganti")
    assert audit_count() == before + 1
    entry = AuditEntry.objects.first()
    assert entry.action == "answer.reset_to_pending"
    assert entry.data["before"] == {"verification": "accepted", "verified_level": 3}
    answer.refresh_from_db()
    world.innovation.refresh_from_db()
    assert (answer.verification, answer.verified_level) == (Verification.PENDING, 0)
    assert world.innovation.status == Status.SUBMITTED
    assert queue(world.personas.verifier, world.period).filter(pk=world.innovation.pk).exists()


def test_it_lets_the_verifier_decide_again_after_the_reset(world):
    _verify_all(world)
    answer = world.innovation.answers.select_related("innovation").first()
    reset_to_pending(answer, world.personas.operator_a, "level diubah")
    with_pending = VerificationError
    try:
        finish(world.personas.verifier, world.innovation)
    except with_pending as exc:
        assert "1 indikator" in str(exc)
    decide(world.personas.verifier, answer, Outcome.ACCEPT)
    finish(world.personas.verifier, world.innovation)
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.VERIFIED


def test_it_writes_nothing_when_the_answer_is_still_pending(world):
    answer = world.answers()[0]
    before = audit_count()
    reset_to_pending(answer, world.personas.operator_a, "belum diverifikasi")
    assert audit_count() == before
