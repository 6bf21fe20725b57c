"""Workflow verbs of the pemda side. Each runs in a transaction and writes one audit entry."""

from inovda.core.audit import log_action
from inovda.innovations.models import Answer, Status, Verification
from inovda.innovations.workflow import require_transition


def reset_to_pending(answer: Answer, actor, reason: str) -> None:
    """An answer or its evidence changed after verification: the indicator goes back to
    pending (verified level 0 until re-verified), and a verified innovation back to the
    queue. Never a silent swap. Call inside the caller's transaction."""
    if answer.verification == Verification.PENDING:
        return
    before = {"verification": answer.verification, "verified_level": answer.verified_level}
    answer.verification = Verification.PENDING
    answer.verified_level = 0
    answer.save(update_fields=["verification", "verified_level", "updated_at"])
    innovation = answer.innovation
    if innovation is not None and innovation.status in (Status.VERIFIED, Status.IN_REVIEW):
        require_transition(innovation.status, Status.SUBMITTED)
        innovation.status = Status.SUBMITTED
        innovation.save(update_fields=["status", "updated_at"])
    log_action(
        actor,
        "answer.reset_to_pending",
        answer,
        {"before": before, "after": {"verification": "pending", "verified_level": 0},
         "reason": reason},
    )

