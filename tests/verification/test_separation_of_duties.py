"""A verifier never judges their own pemda, their own entries, or a pemda not assigned to them."""

import pytest

from inovda.accounts.assignments import AssignmentError, assign
from inovda.accounts.models import Assignment, Role
from inovda.innovations.models import Evidence, Verification
from inovda.verification.duties import VerificationError
from inovda.verification.models import Decision, Outcome
from inovda.verification.qc import draw_qc_sample, qc_review
from inovda.verification.review import decide, start_review
from tests.personas import REGION_A, REGION_B, make_user
from tests.verification.helpers import make_innovation, submit_profile


def _refused(verifier, answer, match):
    with pytest.raises(VerificationError, match=match):
        decide(verifier, answer, Outcome.ACCEPT)
    answer.refresh_from_db()
    assert answer.verification == Verification.PENDING
    assert not Decision.objects.filter(answer=answer).exists()


def test_it_refuses_a_verifier_of_the_same_region(world):
    verifier = world.personas.verifier
    verifier.region_code = REGION_A
    verifier.save(update_fields=["region_code"])
    _refused(verifier, world.answers()[0], "pemda asalnya sendiri")
    with pytest.raises(VerificationError, match="pemda asalnya sendiri"):
        start_review(verifier, world.innovation)


def test_it_refuses_a_verifier_on_their_own_entry(world):
    verifier = world.personas.verifier
    own = make_innovation(world.region_a, created_by=verifier, name="Buatan verifikator")
    _refused(verifier, own.answers.first(), "dibuatnya sendiri")


def test_it_refuses_a_verifier_on_evidence_they_uploaded(world):
    verifier = world.personas.verifier
    answer = world.answers()[0]
    Evidence.objects.create(
        answer=answer,
        file="evidence/2026/x.pdf",
        original_name="sk.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        uploaded_by=verifier,
    )
    _refused(verifier, answer, "dibuatnya sendiri")


def test_it_refuses_an_unassigned_region(world):
    innovation_b = make_innovation(world.region_b, created_by=world.personas.admin_b)
    _refused(world.personas.verifier, innovation_b.answers.first(), "tidak ditugaskan")
    spd_b = submit_profile(world.region_b)
    _refused(world.personas.verifier, spd_b[0], "tidak ditugaskan")


@pytest.mark.parametrize("persona", ["national_admin", "admin_a", "operator_a", "admin_b"])
def test_it_refuses_everyone_but_verifiers(world, persona):
    user = getattr(world.personas, persona)
    _refused(user, world.answers()[0], "Hanya verifikator")


def test_it_refuses_to_assign_a_verifier_to_their_own_region(world):
    local = make_user("verifikator.serang", Role.VERIFIER, REGION_B)
    with pytest.raises(AssignmentError, match="pemda asalnya sendiri"):
        assign(world.personas.national_admin, world.period, local, REGION_B)
    assert not Assignment.objects.filter(verifier=local).exists()
    assign(world.personas.national_admin, world.period, local, REGION_A)
    assert Assignment.objects.filter(verifier=local, region_code=REGION_A).exists()


def test_it_assigns_only_verifiers_and_only_by_the_national_admin(world):
    p = world.personas
    with pytest.raises(AssignmentError, match="admin nasional"):
        assign(p.verifier, world.period, p.verifier, REGION_B)
    with pytest.raises(AssignmentError, match="berperan verifikator"):
        assign(p.national_admin, world.period, p.admin_a, REGION_B)
    with pytest.raises(AssignmentError, match="sudah ditugaskan"):
        assign(p.national_admin, world.period, p.verifier, REGION_A)


def test_it_lets_the_qc_review_be_done_only_by_another_verifier(world):
    p = world.personas
    answer = world.answers()[0]
    decide(p.verifier, answer, Outcome.ACCEPT)
    other = make_user("verifikator.dua", Role.VERIFIER)
    # The first verifier is assigned to the region, so never sampled as its reviewer.
    with pytest.raises(VerificationError, match="Tidak ada keputusan"):
        draw_qc_sample(p.national_admin, world.period, p.verifier, 1)
    draw_qc_sample(p.national_admin, world.period, other, 1)
    with pytest.raises(VerificationError, match="tidak termasuk sampel"):
        qc_review(p.verifier, answer, 3)
    review = qc_review(other, answer, 2)
    assert review.level == 2
