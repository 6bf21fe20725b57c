"""Workflow verbs of verification.

Each verb checks who acts and the current state, refuses with a ``VerificationError`` (or the
workflow's ``TransitionRefused``) carrying an Indonesian message, runs in one transaction with
the changed rows locked, and writes exactly one audit entry per state change.

Separation of duties: a verifier decides only for pemda assigned to them in that period, never
for the pemda they belong to (``User.region_code``) and never on entries they made themselves.
"""

import random
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from inovda.accounts.models import Assignment, Role
from inovda.core.audit import log_action
from inovda.innovations.models import (
    Answer,
    Evidence,
    Innovation,
    Status,
    Submission,
    Verification,
)
from inovda.innovations.workflow import TransitionRefused, require_transition
from inovda.regions.models import Period, Region
from inovda.results.models import Publication
from inovda.results.services import publish_period, recompute_period
from inovda.verification.models import (
    Decision,
    Objection,
    ObjectionWindow,
    Outcome,
    QCReview,
    Reason,
    RevisionRequest,
)


class VerificationError(Exception):
    """A refused verification step, with a message for the user (Bahasa Indonesia)."""


# What views catch to show a refusal instead of a server error.
Refused = (VerificationError, TransitionRefused)

ACTIONS = {
    Outcome.ACCEPT: "answer.accepted",
    Outcome.LOWER: "answer.lowered",
    Outcome.REJECT: "answer.rejected",
    Outcome.RETURN: "answer.returned",
}
# Reasons a verifier picks; "objection" is set only by resolve_objection.
VERIFIER_REASONS = [(value, label) for value, label in Reason.choices if value != Reason.OBJECTION]


# --- who may act ------------------------------------------------------------------------------


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


def _check_own_evidence(verifier, answer: Answer) -> None:
    if Evidence.objects.filter(answer=answer, uploaded_by=verifier).exists():
        raise VerificationError(
            "Verifikator tidak boleh memverifikasi isian yang dibuatnya sendiri."
        )


# --- locking and status -----------------------------------------------------------------------


def _lock_innovation(pk: int) -> Innovation:
    return (
        Innovation.objects.select_for_update(of=("self",))
        .select_related("region__period")
        .get(pk=pk)
    )


def _lock_answer(pk: int) -> Answer:
    return (
        Answer.objects.select_for_update(of=("self",))
        .select_related("region__period", "innovation")
        .get(pk=pk)
    )


def _set_status(actor, innovation: Innovation, target: str, action: str, **extra) -> None:
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


# --- review of one innovation -----------------------------------------------------------------


def start_review(verifier, innovation: Innovation) -> None:
    """submitted → in_review."""
    with transaction.atomic():
        innovation = _lock_innovation(innovation.pk)
        check_duties(verifier, innovation.region, innovation)
        _set_status(verifier, innovation, Status.IN_REVIEW, "innovation.review_started")


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


def _record(actor, answer: Answer, outcome: str, level: int, state: str, reason, text, **extra):
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
        innovation = _lock_innovation(answer.innovation_id) if answer.innovation_id else None
        answer = _lock_answer(answer.pk)
        region = answer.region
        check_duties(verifier, region, innovation)
        _check_own_evidence(verifier, answer)
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
            _set_status(verifier, innovation, Status.IN_REVIEW, "innovation.review_started")
        return _record(verifier, answer, outcome, new_level, state, reason, text)


def return_to_region(verifier, innovation: Innovation, notes: str) -> RevisionRequest:
    """in_review/submitted → returned, with notes; only while the reporting window is open."""
    notes = (notes or "").strip()
    if not notes:
        raise VerificationError("Catatan perbaikan wajib diisi.")
    with transaction.atomic():
        innovation = _lock_innovation(innovation.pk)
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
        _set_status(
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
        innovation = _lock_innovation(innovation.pk)
        check_duties(verifier, innovation.region, innovation)
        pending = innovation.answers.filter(verification=Verification.PENDING).count()
        if pending:
            raise VerificationError(f"Masih ada {pending} indikator yang belum diputuskan.")
        _set_status(verifier, innovation, Status.VERIFIED, "innovation.verified")


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
        innovation = _lock_innovation(innovation.pk)
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


# --- quality control --------------------------------------------------------------------------


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


# --- objections (sanggahan) -------------------------------------------------------------------


def set_objection_window(actor, period: Period, opens_at, closes_at) -> ObjectionWindow:
    require_national_admin(actor)
    if closes_at <= opens_at:
        raise VerificationError("Waktu penutupan harus sesudah waktu pembukaan.")
    with transaction.atomic():
        Period.objects.select_for_update().get(pk=period.pk)
        window = ObjectionWindow.objects.filter(period=period).first()
        before = (
            {"opens_at": window.opens_at.isoformat(), "closes_at": window.closes_at.isoformat()}
            if window
            else None
        )
        window = window or ObjectionWindow(period=period)
        window.opens_at, window.closes_at = opens_at, closes_at
        window.save()
        log_action(
            actor,
            "objection_window.set",
            window,
            {
                "before": before,
                "after": {"opens_at": opens_at.isoformat(), "closes_at": closes_at.isoformat()},
            },
        )
    return window


def raise_objection(actor, region: Region, answers: Iterable[Answer], argument: str) -> Objection:
    """A pemda admin objects to the verified level of some of its indicators."""
    if (
        not _authenticated(actor)
        or actor.role != Role.PEMDA_ADMIN
        or actor.region_code != region.current_code
    ):
        raise VerificationError("Hanya admin pemda ini yang dapat mengajukan sanggahan.")
    argument = (argument or "").strip()
    if not argument:
        raise VerificationError("Argumen sanggahan wajib diisi.")
    ids = sorted({a.pk for a in answers})
    if not ids:
        raise VerificationError("Pilih minimal satu indikator yang disanggah.")
    with transaction.atomic():
        window = ObjectionWindow.objects.filter(period_id=region.period_id).first()
        if window is None or not window.is_open(timezone.now()):
            raise VerificationError("Masa sanggah belum dibuka atau sudah ditutup.")
        rows = list(
            Answer.objects.select_for_update(of=("self",))
            .select_related("innovation")
            .filter(pk__in=ids, region=region)
        )
        if len(rows) != len(ids):
            raise VerificationError("Indikator yang disanggah bukan milik pemda ini.")
        for row in rows:
            if row.verification == Verification.PENDING:
                raise VerificationError(f"Indikator {row.indicator_id} belum diverifikasi.")
            if row.innovation is not None and row.innovation.status == Status.LOCKED:
                raise VerificationError(f"Indikator {row.indicator_id} sudah dikunci.")
        taken = Answer.objects.filter(
            pk__in=ids, objections__status=Objection.State.OPEN
        ).values_list("indicator_id", flat=True)
        if taken:
            raise VerificationError(
                f"Indikator {', '.join(sorted(set(taken)))} sudah disanggah dan menunggu keputusan."
            )
        objection = Objection.objects.create(region=region, raised_by=actor, argument=argument)
        objection.answers.set(rows)
        log_action(
            actor,
            "objection.raised",
            objection,
            {"after": {"status": "open"}, "answers": ids, "argument": argument},
        )
    return objection


def resolve_objection(
    verifier,
    objection: Objection,
    accepted: bool,
    reason: str,
    new_levels: Mapping[int, int] | None = None,
) -> Objection:
    """Decide an objection. Accepting it sets new levels (each a decision of its own, logged
    once) and recomputes the period's results in the same transaction."""
    reason = (reason or "").strip()
    if not reason:
        raise VerificationError("Alasan keputusan sanggahan wajib diisi.")
    with transaction.atomic():
        objection = (
            Objection.objects.select_for_update(of=("self",))
            .select_related("region__period")
            .get(pk=objection.pk)
        )
        if objection.status != Objection.State.OPEN:
            raise VerificationError("Sanggahan ini sudah diputuskan.")
        check_duties(verifier, objection.region)
        changed = (
            _apply_objection_levels(verifier, objection, new_levels, reason) if accepted else []
        )
        objection.status = Objection.State.RESOLVED
        objection.outcome = Objection.Result.ACCEPTED if accepted else Objection.Result.REJECTED
        objection.resolution = reason
        objection.resolved_by = verifier
        objection.resolved_at = timezone.now()
        objection.save(
            update_fields=["status", "outcome", "resolution", "resolved_by", "resolved_at"]
        )
        log_action(
            verifier,
            "objection.resolved",
            objection,
            {
                "before": {"status": "open"},
                "after": {"status": "resolved", "outcome": objection.outcome},
                "resolution": reason,
                "changed": changed,
            },
        )
        if changed:
            recompute_period(objection.region.period)
    return objection


def _apply_objection_levels(verifier, objection: Objection, new_levels, reason) -> list[int]:
    levels = {int(k): int(v) for k, v in (new_levels or {}).items()}
    answers = {
        a.pk: a
        for a in Answer.objects.select_for_update(of=("self",))
        .select_related("innovation")
        .filter(objections=objection)
    }
    if not levels or not set(levels) <= set(answers):
        raise VerificationError("Tentukan level baru untuk indikator yang disanggah.")
    changed = []
    for pk, level in sorted(levels.items()):
        answer = answers[pk]
        if answer.innovation is not None and answer.innovation.status == Status.LOCKED:
            raise VerificationError(f"Indikator {answer.indicator_id} sudah dikunci.")
        if not 0 <= level <= answer.claimed_level:
            raise VerificationError(
                f"Level baru indikator {answer.indicator_id} harus antara 0 dan klaim "
                f"({answer.claimed_level})."
            )
        if level == answer.verified_level:
            continue
        if level == answer.claimed_level:
            outcome, state = Outcome.ACCEPT, Verification.ACCEPTED
        elif level > 0:
            outcome, state = Outcome.LOWER, Verification.LOWERED
        else:
            outcome, state = Outcome.REJECT, Verification.REJECTED
        _record(
            verifier,
            answer,
            outcome,
            level,
            state,
            Reason.OBJECTION,
            reason,
            objection=objection.pk,
        )
        changed.append(pk)
    if not changed:
        raise VerificationError("Sanggahan diterima tetapi tidak ada level yang berubah.")
    return changed


# --- publication ------------------------------------------------------------------------------


def publish(actor, period: Period, note: str = "") -> Publication:
    """Recompute and freeze the period's results; lock its verified innovations."""
    require_national_admin(actor)
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        still_open = Objection.objects.filter(
            region__period=period, status=Objection.State.OPEN
        ).count()
        if still_open:
            raise VerificationError(f"Masih ada {still_open} sanggahan yang belum diputuskan.")
        recompute_period(period)
        publication = publish_period(period, actor=actor, note=note)
        verified = Innovation.objects.select_for_update(of=("self",)).filter(
            region__period=period, status=Status.VERIFIED
        )
        for innovation in verified:
            _set_status(
                actor, innovation, Status.LOCKED, "innovation.locked", publication=publication.pk
            )
    return publication
