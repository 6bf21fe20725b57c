"""Every state change writes exactly one audit entry, with who, what and before/after."""

from datetime import timedelta

import pytest
from django.utils import timezone

from inovda.accounts.assignments import assign, unassign
from inovda.accounts.models import Assignment, Role
from inovda.core.models import AuditEntry
from inovda.innovations.models import Status, Verification
from inovda.verification.duties import Refused
from inovda.verification.models import Outcome, Reason
from inovda.verification.objections import raise_objection, resolve_objection, set_objection_window
from inovda.verification.qc import draw_qc_sample, qc_review
from inovda.verification.review import (
    decide,
    declare_ineligible,
    finish,
    restore_eligibility,
    return_to_region,
    start_review,
)
from tests.personas import REGION_B, make_user
from tests.verification.helpers import audit_count, make_innovation, open_objection_window


def _entries(before: int) -> list[AuditEntry]:
    return list(AuditEntry.objects.order_by("id"))[before:]


def _one(before: int, action: str) -> AuditEntry:
    entries = _entries(before)
    assert [e.action for e in entries] == [action]
    return entries[0]


def test_it_logs_one_entry_to_start_a_review(world):
    before = audit_count()
    start_review(world.personas.verifier, world.innovation)
    entry = _one(before, "innovation.review_started")
    assert entry.actor == world.personas.verifier
    assert entry.data["before"] == {"status": "submitted"}
    assert entry.data["after"] == {"status": "in_review"}


def test_it_logs_the_review_start_and_the_decision_separately(world):
    before = audit_count()
    decide(world.personas.verifier, world.answers()[0], Outcome.ACCEPT)
    assert [e.action for e in _entries(before)] == ["innovation.review_started", "answer.accepted"]


@pytest.mark.parametrize(
    ("outcome", "level", "action", "state"),
    [
        (Outcome.ACCEPT, None, "answer.accepted", Verification.ACCEPTED),
        (Outcome.LOWER, 2, "answer.lowered", Verification.LOWERED),
        (Outcome.REJECT, None, "answer.rejected", Verification.REJECTED),
        (Outcome.RETURN, None, "answer.returned", Verification.PENDING),
    ],
)
def test_it_logs_one_entry_per_decision(world, outcome, level, action, state):
    start_review(world.personas.verifier, world.innovation)
    answer = world.answers()[0]
    before = audit_count()
    decision = decide(
        world.personas.verifier, answer, outcome, level=level, reason=Reason.LEVEL_MISMATCH
    )
    entry = _one(before, action)
    assert (entry.object_type, entry.object_id) == ("innovations.answer", str(answer.pk))
    assert entry.data["before"] == {"verification": "pending", "verified_level": 0}
    assert entry.data["after"]["verification"] == state
    assert entry.data["decision"] == decision.pk


def test_it_logs_one_entry_per_innovation_verb(world):
    verifier = world.personas.verifier
    cases = [
        (
            lambda: return_to_region(verifier, world.innovation, "Perbaiki."),
            "innovation.returned",
        ),
        (
            lambda: declare_ineligible(verifier, world.innovation, "Tidak sesuai."),
            "innovation.declared_ineligible",
        ),
        (
            lambda: restore_eligibility(verifier, world.innovation, "Sesuai."),
            "innovation.eligibility_restored",
        ),
    ]
    for call, action in cases:
        before = audit_count()
        call()
        _one(before, action)
    other = make_innovation(world.region_a, name="Lain")
    other.answers.update(verification=Verification.ACCEPTED, verified_level=3)
    before = audit_count()
    finish(verifier, other)
    _one(before, "innovation.verified")


def test_it_logs_nothing_when_refused(world):
    draft = make_innovation(world.region_a, status=Status.DRAFT)
    before = audit_count()
    for call in (
        lambda: start_review(world.personas.verifier, draft),
        lambda: decide(world.personas.verifier, draft.answers.first(), Outcome.ACCEPT),
        lambda: decide(world.personas.verifier, world.answers()[0], Outcome.REJECT),
        lambda: finish(world.personas.verifier, world.innovation),
    ):
        with pytest.raises(Refused):
            call()
    assert audit_count() == before


def test_it_logs_assignments_qc_and_the_objection_window(world):
    p = world.personas
    before = audit_count()
    assignment = assign(p.national_admin, world.period, p.verifier, REGION_B)
    _one(before, "assignment.created")
    before = audit_count()
    unassign(p.national_admin, assignment)
    entry = _one(before, "assignment.removed")
    assert entry.data["before"]["region_code"] == REGION_B
    assert not Assignment.objects.filter(pk=assignment.pk).exists()

    decide(p.verifier, world.answers()[0], Outcome.ACCEPT)
    reviewer = make_user("qc", Role.VERIFIER)
    before = audit_count()
    draw_qc_sample(p.national_admin, world.period, reviewer, 1)
    _one(before, "qc.sample_drawn")
    before = audit_count()
    qc_review(reviewer, world.answers()[0], 3)
    _one(before, "qc.reviewed")

    now = timezone.now()
    before = audit_count()
    set_objection_window(p.national_admin, world.period, now, now + timedelta(days=3))
    _one(before, "objection_window.set")


def test_it_logs_an_objection_and_each_changed_level_once(world):
    p = world.personas
    answers = world.answers()[:2]
    for answer in answers:
        decide(p.verifier, answer, Outcome.REJECT, reason=Reason.EVIDENCE_MISSING)
    open_objection_window(world.period)
    before = audit_count()
    objection = raise_objection(p.admin_a, world.region_a, answers, "SK ada di lampiran.")
    _one(before, "objection.raised")
    before = audit_count()
    resolve_objection(
        p.verifier, objection, True, "SK ditemukan.", {answers[0].pk: 3, answers[1].pk: 0}
    )
    # answers[1] stays at 0: no change, no entry.
    assert [e.action for e in _entries(before)] == ["answer.accepted", "objection.resolved"]
