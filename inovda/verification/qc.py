"""Quality control: a blind second judgement of a random share of the period's decisions."""

import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from inovda.accounts.models import Assignment
from inovda.core.audit import log_action
from inovda.innovations.models import Answer
from inovda.regions.models import Period
from inovda.verification.duties import VerificationError, require_national_admin, require_verifier
from inovda.verification.models import Decision, Outcome, QCReview


def qc_candidates(period: Period, reviewer):
    """Decisions a reviewer could review blind: the latest judgement of each answer, made by
    someone else, in a pemda the reviewer neither belongs to nor is assigned to."""
    latest = Decision.objects.filter(answer=OuterRef("answer")).order_by("-decided_at", "-id")
    assigned = Assignment.objects.filter(
        period=period, verifier=reviewer, region_code=OuterRef("answer__region__current_code")
    )
    decisions = (
        Decision.objects.filter(answer__region__period=period, pk=Subquery(latest.values("pk")[:1]))
        .exclude(outcome=Outcome.RETURN)
        .exclude(verifier=reviewer)
        .exclude(answer__innovation__created_by=reviewer)
        .exclude(Exists(assigned))
        .exclude(qc_reviews__reviewer=reviewer)
    )
    if reviewer.region_code:
        decisions = decisions.exclude(answer__region__current_code=reviewer.region_code)
    return decisions


def draw_qc_sample(
    actor, period: Period, reviewer, share: Decimal, rng: random.Random | None = None
) -> list[QCReview]:
    """Give a random share of the period's decided answers to another verifier, blind."""
    require_national_admin(actor)
    if not getattr(reviewer, "is_verifier", False):
        raise VerificationError("Peninjau QC harus berperan verifikator.")
    share = Decimal(share)
    if not Decimal(0) < share <= Decimal(1):
        raise VerificationError("Porsi sampel harus di atas 0% dan paling banyak 100%.")
    with transaction.atomic():
        Period.objects.select_for_update().get(pk=period.pk)
        candidates = list(qc_candidates(period, reviewer).values_list("pk", "answer_id"))
        if not candidates:
            raise VerificationError("Tidak ada keputusan yang dapat ditinjau oleh peninjau ini.")
        size = max(1, int((share * len(candidates)).to_integral_value()))
        picked = (rng or random.SystemRandom()).sample(candidates, size)
        reviews = QCReview.objects.bulk_create(
            QCReview(answer_id=answer_id, decision_id=pk, reviewer=reviewer)
            for pk, answer_id in picked
        )
        log_action(
            actor,
            "qc.sample_drawn",
            period,
            {
                "reviewer": reviewer.username,
                "share": str(share),
                "candidates": len(candidates),
                "answers": sorted(answer_id for _, answer_id in picked),
            },
        )
    return reviews


def qc_review(reviewer, answer: Answer, level: int, note: str = "") -> QCReview:
    """The blind second judgement of a sampled answer."""
    require_verifier(reviewer)
    with transaction.atomic():
        review = (
            QCReview.objects.select_for_update(of=("self",))
            .select_related("decision", "answer__region", "answer__innovation")
            .filter(answer_id=answer.pk, reviewer=reviewer, level__isnull=True)
            .first()
        )
        if review is None:
            raise VerificationError("Isian ini tidak termasuk sampel QC Anda atau sudah ditinjau.")
        answer = review.answer
        if review.decision.verifier_id == reviewer.pk:
            raise VerificationError("Tinjauan QC harus dilakukan verifikator lain.")
        if reviewer.region_code and reviewer.region_code == answer.region.current_code:
            raise VerificationError("Verifikator tidak boleh meninjau pemda asalnya sendiri.")
        if answer.innovation is not None and answer.innovation.created_by_id == reviewer.pk:
            raise VerificationError(
                "Verifikator tidak boleh meninjau isian yang dibuatnya sendiri."
            )
        if level is None or not 0 <= level <= answer.claimed_level:
            raise VerificationError(f"Level QC harus antara 0 dan klaim ({answer.claimed_level}).")
        review.level = level
        review.note = (note or "").strip()
        review.reviewed_at = timezone.now()
        review.save(update_fields=["level", "note", "reviewed_at"])
        log_action(
            reviewer,
            "qc.reviewed",
            review,
            {"after": {"level": level}, "answer": answer.pk, "note": review.note},
        )
    return review
