"""Decisions per indicator: accept, lower, reject, return; the mandatory reason."""

import pytest

from inovda.innovations.models import Status, Verification
from inovda.verification.duties import VerificationError
from inovda.verification.models import Decision, Outcome, Reason
from inovda.verification.review import decide, finish
from tests.verification.helpers import submit_profile


@pytest.fixture
def answer(world):
    return world.answers()[0]


def test_it_accepts_the_claimed_level(world, answer):
    decision = decide(world.personas.verifier, answer, Outcome.ACCEPT)
    answer.refresh_from_db()
    assert (answer.verified_level, answer.verification) == (3, Verification.ACCEPTED)
    assert (decision.level, decision.claimed_level, decision.reason) == (3, 3, "")


@pytest.mark.parametrize("outcome", [Outcome.LOWER, Outcome.REJECT, Outcome.RETURN])
def test_it_requires_a_reason_for_anything_but_a_plain_accept(world, answer, outcome):
    with pytest.raises(VerificationError, match="Alasan wajib"):
        decide(world.personas.verifier, answer, outcome, level=2, text="tanpa kode")
    answer.refresh_from_db()
    assert answer.verification == Verification.PENDING
    assert not Decision.objects.exists()


def test_it_requires_an_explanation_for_the_other_reason(world, answer):
    with pytest.raises(VerificationError, match="Lainnya"):
        decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.OTHER)
    decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.OTHER, text="Duplikat.")
    answer.refresh_from_db()
    assert answer.verification == Verification.REJECTED


def test_it_refuses_an_unknown_reason_or_outcome(world, answer):
    with pytest.raises(VerificationError, match="Alasan tidak dikenal"):
        decide(world.personas.verifier, answer, Outcome.REJECT, reason="bosan")
    with pytest.raises(VerificationError, match="Alasan tidak dikenal"):
        decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.OBJECTION)
    with pytest.raises(VerificationError, match="Keputusan tidak dikenal"):
        decide(world.personas.verifier, answer, "approve")


@pytest.mark.parametrize(
    ("level", "ok"), [(None, False), (0, False), (1, True), (2, True), (3, False)]
)
def test_it_accepts_a_lower_level_only_when_it_is_lower(world, answer, level, ok):
    call = lambda: decide(  # noqa: E731
        world.personas.verifier, answer, Outcome.LOWER, level=level, reason=Reason.LEVEL_MISMATCH
    )
    if ok:
        call()
        answer.refresh_from_db()
        assert (answer.verified_level, answer.verification) == (level, Verification.LOWERED)
    else:
        with pytest.raises(VerificationError, match="level"):
            call()
        answer.refresh_from_db()
        assert answer.verification == Verification.PENDING


def test_it_rejects_to_zero_with_the_reason_kept(world, answer):
    decision = decide(
        world.personas.verifier,
        answer,
        Outcome.REJECT,
        reason=Reason.EVIDENCE_MISSING,
        text="SK tidak diunggah.",
    )
    answer.refresh_from_db()
    assert (answer.verified_level, answer.verification) == (0, Verification.REJECTED)
    assert decision.get_reason_display() == "Data dukung tidak ada"
    assert decision.text == "SK tidak diunggah."


def test_it_marks_a_returned_indicator_pending_with_its_reason(world, answer):
    decide(world.personas.verifier, answer, Outcome.ACCEPT)
    decide(world.personas.verifier, answer, Outcome.RETURN, reason=Reason.UNREADABLE)
    answer.refresh_from_db()
    assert (answer.verified_level, answer.verification) == (0, Verification.PENDING)
    assert answer.decisions.count() == 2


def test_it_refuses_a_decision_on_a_stale_answer(world, answer):
    with pytest.raises(VerificationError, match="telah diubah pemda"):
        decide(world.personas.verifier, answer, Outcome.ACCEPT, seen_version=answer.version - 1)
    decide(world.personas.verifier, answer, Outcome.ACCEPT, seen_version=answer.version)


def test_it_verifies_spd_rows_only_once_the_profile_is_sent(world):
    from inovda.innovations.models import Answer

    row = Answer.objects.create(region=world.region_a, indicator_id="1", claimed_level=2)
    with pytest.raises(VerificationError, match="belum dikirim"):
        decide(world.personas.verifier, row, Outcome.ACCEPT)
    row.delete()
    rows = submit_profile(world.region_a)
    decide(world.personas.verifier, rows[0], Outcome.ACCEPT)
    rows[0].refresh_from_db()
    assert rows[0].verified_level == 2


def test_it_verifies_a_whole_innovation_and_updates_the_score_at_once(world):
    verifier = world.personas.verifier
    answers = world.answers()
    decide(verifier, answers[0], Outcome.LOWER, level=1, reason=Reason.LEVEL_MISMATCH)
    for answer in answers[1:]:
        decide(verifier, answer, Outcome.ACCEPT)
    finish(verifier, world.innovation)
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.VERIFIED
    levels = sorted(world.innovation.answers.values_list("verified_level", flat=True))
    assert levels[0] == 1 and set(levels[1:]) == {3}
