"""Every status transition, allowed and refused: the workflow table itself, and each verb of
the verification service against every starting status."""

import itertools

import pytest

from inovda.innovations.models import Status, Verification
from inovda.innovations.workflow import ALLOWED, TransitionRefused, require_transition
from inovda.verification.duties import Refused, VerificationError
from inovda.verification.models import Outcome
from inovda.verification.review import (
    decide,
    declare_ineligible,
    finish,
    restore_eligibility,
    return_to_region,
    start_review,
)
from tests.verification.helpers import make_innovation

PAIRS = list(itertools.product(Status.values, Status.values))


@pytest.mark.parametrize(("current", "target"), PAIRS)
def test_it_allows_exactly_the_transitions_of_the_table(current, target):
    if target in ALLOWED[Status(current)]:
        require_transition(current, target)
    else:
        with pytest.raises(TransitionRefused):
            require_transition(current, target)


def test_it_never_moves_a_locked_innovation():
    assert ALLOWED[Status.LOCKED] == set()
    with pytest.raises(TransitionRefused, match="Dikunci"):
        require_transition(Status.LOCKED, Status.SUBMITTED)


# The service verb that moves an innovation to each target status.
VERBS = {
    Status.IN_REVIEW: lambda v, i: start_review(v, i),
    Status.RETURNED: lambda v, i: return_to_region(v, i, "Lengkapi data dukung."),
    Status.VERIFIED: lambda v, i: finish(v, i),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(Status.values, VERBS)))
def test_it_moves_by_service_exactly_as_the_table_allows(world, current, target):
    innovation = make_innovation(world.region_a, status=current, name=f"{current}→{target}")
    innovation.answers.update(verified_level=3, verification=Verification.ACCEPTED)
    verifier = world.personas.verifier
    if target in ALLOWED[Status(current)]:
        VERBS[target](verifier, innovation)
        innovation.refresh_from_db()
        assert innovation.status == target
    else:
        with pytest.raises(Refused):
            VERBS[target](verifier, innovation)
        innovation.refresh_from_db()
        assert innovation.status == current


@pytest.mark.parametrize("status", Status.values)
def test_it_decides_only_on_submitted_or_in_review_innovations(world, status):
    innovation = make_innovation(world.region_a, status=status, name=status)
    answer = innovation.answers.first()
    verifier = world.personas.verifier
    if status in (Status.SUBMITTED, Status.IN_REVIEW):
        decide(verifier, answer, Outcome.ACCEPT)
        answer.refresh_from_db()
        assert answer.verification == Verification.ACCEPTED
        innovation.refresh_from_db()
        assert innovation.status == Status.IN_REVIEW
    else:
        with pytest.raises(VerificationError):
            decide(verifier, answer, Outcome.ACCEPT)
        answer.refresh_from_db()
        assert answer.verification == Verification.PENDING


def test_it_refuses_to_accept_a_draft_with_a_clear_message(world):
    innovation = make_innovation(world.region_a, status=Status.DRAFT)
    with pytest.raises(VerificationError, match="masih draf"):
        decide(world.personas.verifier, innovation.answers.first(), Outcome.ACCEPT)


def test_it_refuses_to_finish_while_indicators_are_undecided(world):
    answer = world.answers()[0]
    decide(world.personas.verifier, answer, Outcome.ACCEPT)
    with pytest.raises(VerificationError, match="belum diputuskan"):
        finish(world.personas.verifier, world.innovation)
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.IN_REVIEW


def test_it_returns_only_inside_the_reporting_window(world):
    world.period.closes_at = world.period.opens_at
    world.period.save(update_fields=["closes_at"])
    with pytest.raises(VerificationError, match="Masa pelaporan sudah ditutup"):
        return_to_region(world.personas.verifier, world.innovation, "Perbaiki.")
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.SUBMITTED


def test_it_requires_notes_to_return(world):
    with pytest.raises(VerificationError, match="Catatan perbaikan wajib"):
        return_to_region(world.personas.verifier, world.innovation, "  ")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.LOCKED])
def test_it_refuses_ineligibility_of_drafts_and_locked_items(world, status):
    innovation = make_innovation(world.region_a, status=status)
    with pytest.raises(VerificationError):
        declare_ineligible(world.personas.verifier, innovation, "Di luar periode.")
    innovation.refresh_from_db()
    assert innovation.eligible


def test_it_declares_ineligible_with_a_reason_and_can_restore(world):
    verifier = world.personas.verifier
    with pytest.raises(VerificationError, match="Alasan wajib"):
        declare_ineligible(verifier, world.innovation, "")
    declare_ineligible(verifier, world.innovation, "Diterapkan lebih dari 2 tahun.")
    world.innovation.refresh_from_db()
    assert not world.innovation.eligible
    assert world.innovation.ineligible_reason == "Diterapkan lebih dari 2 tahun."
    with pytest.raises(VerificationError, match="sudah dinyatakan"):
        declare_ineligible(verifier, world.innovation, "Lagi.")
    restore_eligibility(verifier, world.innovation, "Bukti tanggal penerapan benar.")
    world.innovation.refresh_from_db()
    assert world.innovation.eligible
    assert world.innovation.ineligible_reason == ""
