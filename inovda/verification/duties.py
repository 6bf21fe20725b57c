"""What every verification verb shares: the refusal it raises, who may act (separation of
duties), and the locked read and audited status change of an innovation.

Separation of duties: a verifier decides only for pemda assigned to them in that period, never
for the pemda they belong to (``User.region_code``) and never on entries they made themselves.
"""

from inovda.accounts.models import Assignment
from inovda.core.audit import log_action
from inovda.innovations.models import Answer, Evidence, Innovation
from inovda.innovations.workflow import TransitionRefused, require_transition
from inovda.regions.models import Region


class VerificationError(Exception):
    """A refused verification step, with a message for the user (Bahasa Indonesia)."""


# What views catch to show a refusal instead of a server error.
Refused = (VerificationError, TransitionRefused)


def _authenticated(user) -> bool:
    return getattr(user, "is_authenticated", False)


def require_national_admin(actor) -> None:
    if not _authenticated(actor) or not actor.is_national_admin:
        raise VerificationError("Hanya admin nasional yang dapat melakukan ini.")


def require_verifier(actor) -> None:
    if not _authenticated(actor) or not actor.is_verifier:
        raise VerificationError("Hanya verifikator yang dapat melakukan ini.")


def check_duties(verifier, region: Region, innovation: Innovation | None = None) -> None:
    """Refuse a verifier who may not judge this pemda (or this innovation)."""
    require_verifier(verifier)
    if verifier.region_code and verifier.region_code == region.current_code:
        raise VerificationError("Verifikator tidak boleh memverifikasi pemda asalnya sendiri.")
    if innovation is not None and innovation.created_by_id == verifier.pk:
        raise VerificationError(
            "Verifikator tidak boleh memverifikasi isian yang dibuatnya sendiri."
        )
    assigned = Assignment.objects.filter(
        period_id=region.period_id, verifier=verifier, region_code=region.current_code
    ).exists()
    if not assigned:
        raise VerificationError(f"Anda tidak ditugaskan memverifikasi {region.name}.")


def check_own_evidence(verifier, answer: Answer) -> None:
    if Evidence.objects.filter(answer=answer, uploaded_by=verifier).exists():
        raise VerificationError(
            "Verifikator tidak boleh memverifikasi isian yang dibuatnya sendiri."
        )


def lock_innovation(pk: int) -> Innovation:
    return (
        Innovation.objects.select_for_update(of=("self",))
        .select_related("region__period")
        .get(pk=pk)
    )


def lock_answer(pk: int) -> Answer:
    return (
        Answer.objects.select_for_update(of=("self",))
        .select_related("region__period", "innovation")
        .get(pk=pk)
    )


def set_status(actor, innovation: Innovation, target: str, action: str, **extra) -> None:
    """One status change: checked against the workflow, saved, and logged once."""
    before = innovation.status
    require_transition(before, target)
    innovation.status = target
    innovation.save(update_fields=["status", "updated_at"])
    log_action(
        actor,
        action,
        innovation,
        {"before": {"status": before}, "after": {"status": str(target)}, **extra},
    )
