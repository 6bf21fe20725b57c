"""Review of one innovation (or a pemda's SPD profile): start, decide per indicator, return to
the pemda, finish, and eligibility.

Each verb checks who acts and the current state, refuses with a ``VerificationError`` (or the
workflow's ``TransitionRefused``) carrying an Indonesian message, runs in one transaction with
the changed rows locked, and writes exactly one audit entry per state change.
"""

from django.db import transaction
from django.utils import timezone

from inovda.core.audit import log_action
from inovda.innovations.models import Answer, Innovation, Status, Submission, Verification
from inovda.innovations.workflow import require_transition
from inovda.verification.duties import (
    VerificationError,
    check_duties,
    check_own_evidence,
    lock_answer,
    lock_innovation,
    set_status,
)
from inovda.verification.models import Decision, Outcome, Reason, RevisionRequest

ACTIONS = {
    Outcome.ACCEPT: "answer.accepted",
    Outcome.LOWER: "answer.lowered",
    Outcome.REJECT: "answer.rejected",
    Outcome.RETURN: "answer.returned",
}
# Reasons a verifier picks; "objection" is set only by resolve_objection.
VERIFIER_REASONS = [(value, label) for value, label in Reason.choices if value != Reason.OBJECTION]


def start_review(verifier, innovation: Innovation) -> None:
    """submitted → in_review."""
    with transaction.atomic():
        innovation = lock_innovation(innovation.pk)
        check_duties(verifier, innovation.region, innovation)
        set_status(verifier, innovation, Status.IN_REVIEW, "innovation.review_started")


def _require_reason(reason: str, text: str) -> None:
    if not reason:
        raise VerificationError(
            "Alasan wajib dipilih untuk keputusan selain diterima sesuai klaim."
        )
    if reason not in dict(VERIFIER_REASONS):
        raise VerificationError("Alasan tidak dikenal.")
    if reason == Reason.OTHER and not text:
        raise VerificationError("Alasan 'Lainnya' wajib dijelaskan pada keterangan.")


def _outcome_level(answer: Answer, outcome: str, level, reason: str, text: str):
    """The verified level and state an outcome sets, after checking its rules."""
    claimed = answer.claimed_level
    if outcome == Outcome.ACCEPT:
        if reason and reason not in dict(VERIFIER_REASONS):
            raise VerificationError("Alasan tidak dikenal.")
        return claimed, Verification.ACCEPTED
    _require_reason(reason, text)
    if outcome == Outcome.LOWER:
        if level is None:
            raise VerificationError("Pilih level yang diterima.")
        if not 1 <= level < claimed:
            raise VerificationError(
                f"Level yang diterima harus lebih rendah dari klaim (level {claimed}) dan "
                "minimal 1; untuk level 0 pilih Ditolak."
            )
        return level, Verification.LOWERED
    if outcome == Outcome.REJECT:
        return 0, Verification.REJECTED
    return 0, Verification.PENDING  # return: the pemda must fix it before it is judged


def record_decision(
    actor, answer: Answer, outcome: str, level: int, state: str, reason, text, **extra
) -> Decision:
    """Set an answer's verified level, keep the decision, and log the change once."""
    before = {"verification": answer.verification, "verified_level": answer.verified_level}
    answer.verified_level = level
    answer.verification = state
    answer.save(update_fields=["verified_level", "verification", "updated_at"])
    decision = Decision.objects.create(
        answer=answer,
        verifier=actor,
        outcome=outcome,
        level=level,
        claimed_level=answer.claimed_level,
        reason=reason or "",
        text=text,
    )
    log_action(
        actor,
        ACTIONS[Outcome(outcome)],
        answer,
        {
            "before": before,
            "after": {"verification": str(state), "verified_level": level},
            "decision": decision.pk,
            "indicator": answer.indicator_id,
            "claimed_level": answer.claimed_level,
            "reason": reason or "",
            "text": text,
            **extra,
        },
    )
    return decision


def decide(
    verifier,
    answer: Answer,
    outcome: str,
    level: int | None = None,
    reason: str | None = None,
    text: str = "",
    seen_version: int | None = None,
) -> Decision:
    """Accept the claimed level, accept a lower one, reject (0), or ask the pemda to fix it.

    A submitted innovation enters review with its first decision (a state change of its own,
    logged as such).
    """
    try:
        outcome = Outcome(outcome)
    except ValueError:
        raise VerificationError("Keputusan tidak dikenal.") from None
    reason, text = reason or "", (text or "").strip()
    with transaction.atomic():
        innovation = lock_innovation(answer.innovation_id) if answer.innovation_id else None
        answer = lock_answer(answer.pk)
        region = answer.region
        check_duties(verifier, region, innovation)
        check_own_evidence(verifier, answer)
        if innovation is not None:
            if innovation.status == Status.DRAFT:
                raise VerificationError("Inovasi masih draf: belum dapat diverifikasi.")
            if innovation.status not in (Status.SUBMITTED, Status.IN_REVIEW):
                raise VerificationError(
                    f"Inovasi berstatus {innovation.get_status_display()}: "
                    "keputusan tidak dapat diubah."
                )
        elif not Submission.objects.filter(region=region, innovation__isnull=True).exists():
            raise VerificationError("Profil SPD pemda ini belum dikirim: belum dapat diverifikasi.")
        if seen_version is not None and seen_version != answer.version:
            raise VerificationError(
                "Isian ini telah diubah pemda sejak halaman dibuka; muat ulang dan periksa lagi."
            )
        new_level, state = _outcome_level(answer, outcome, level, reason, text)
        if innovation is not None and innovation.status == Status.SUBMITTED:
            set_status(verifier, innovation, Status.IN_REVIEW, "innovation.review_started")
        return record_decision(verifier, answer, outcome, new_level, state, reason, text)


def accept_unclaimed(verifier, innovation: Innovation) -> int:
    """Accept, in one action, every undecided indicator the pemda claimed at level 0 (nothing
    to check: the verified level is 0 either way). One decision and one audit entry each; the
    number accepted."""
    with transaction.atomic():
        innovation = lock_innovation(innovation.pk)
        check_duties(verifier, innovation.region, innovation)
        if innovation.status not in (Status.SUBMITTED, Status.IN_REVIEW):
            raise VerificationError(
                f"Inovasi berstatus {innovation.get_status_display()}: "
                "keputusan tidak dapat diubah."
            )
        answers = list(
            innovation.answers.select_for_update()
            .filter(verification=Verification.PENDING, claimed_level=0)
            .order_by("pk")
        )
        for answer in answers:
            check_own_evidence(verifier, answer)
        if answers and innovation.status == Status.SUBMITTED:
            set_status(verifier, innovation, Status.IN_REVIEW, "innovation.review_started")
        for answer in answers:
            record_decision(
                verifier, answer, Outcome.ACCEPT, 0, Verification.ACCEPTED, "", "", bulk=True
            )
    return len(answers)


def return_to_region(verifier, innovation: Innovation, notes: str) -> RevisionRequest:
    """in_review/submitted → returned, with notes; only while the reporting window is open."""
    notes = (notes or "").strip()
    if not notes:
        raise VerificationError("Catatan perbaikan wajib diisi.")
    with transaction.atomic():
        innovation = lock_innovation(innovation.pk)
        region = innovation.region
        check_duties(verifier, region, innovation)
        if not region.period.is_open_for(region.current_code, timezone.now()):
            raise VerificationError(
                "Masa pelaporan sudah ditutup: inovasi tidak dapat dikembalikan ke pemda."
            )
        require_transition(innovation.status, Status.RETURNED)
        request = RevisionRequest.objects.create(
            innovation=innovation, verifier=verifier, notes=notes
        )
        set_status(
            verifier,
            innovation,
            Status.RETURNED,
            "innovation.returned",
            notes=notes,
            revision_request=request.pk,
        )
    return request


def finish(verifier, innovation: Innovation) -> None:
    """→ verified, once every indicator of the innovation has a decision."""
    with transaction.atomic():
        innovation = lock_innovation(innovation.pk)
        check_duties(verifier, innovation.region, innovation)
        pending = innovation.answers.filter(verification=Verification.PENDING).count()
        if pending:
            raise VerificationError(f"Masih ada {pending} indikator yang belum diputuskan.")
        set_status(verifier, innovation, Status.VERIFIED, "innovation.verified")


def declare_ineligible(verifier, innovation: Innovation, reason: str) -> None:
    """The innovation leaves the count (and the sums) until eligibility is restored."""
    _set_eligibility(verifier, innovation, False, reason)


def restore_eligibility(verifier, innovation: Innovation, reason: str) -> None:
    """Undo a declaration of ineligibility, with a reason."""
    _set_eligibility(verifier, innovation, True, reason)


def _set_eligibility(verifier, innovation: Innovation, eligible: bool, reason: str) -> None:
    reason = (reason or "").strip()
    if not reason:
        raise VerificationError("Alasan wajib diisi.")
    with transaction.atomic():
        innovation = lock_innovation(innovation.pk)
        check_duties(verifier, innovation.region, innovation)
        if innovation.status in (Status.DRAFT, Status.LOCKED):
            raise VerificationError(
                f"Inovasi berstatus {innovation.get_status_display()}: "
                "kelayakannya tidak dapat diubah."
            )
        if innovation.eligible == eligible:
            state = "memenuhi syarat" if eligible else "tidak memenuhi syarat"
            raise VerificationError(f"Inovasi ini sudah dinyatakan {state}.")
        before = {
            "eligible": innovation.eligible,
            "ineligible_reason": innovation.ineligible_reason,
        }
        innovation.eligible = eligible
        innovation.ineligible_reason = "" if eligible else reason
        innovation.save(update_fields=["eligible", "ineligible_reason", "updated_at"])
        log_action(
            verifier,
            "innovation.eligibility_restored" if eligible else "innovation.declared_ineligible",
            innovation,
            {
                "before": before,
                "after": {"eligible": eligible, "ineligible_reason": innovation.ineligible_reason},
                "reason": reason,
            },
        )
