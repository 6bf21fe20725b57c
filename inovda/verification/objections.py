"""Objections (sanggahan): the national admin sets the window, a pemda admin objects to verified
levels, an assigned verifier decides. An accepted objection changes levels and sends
``levels_changed`` so that the results floor recomputes the period in the same transaction."""

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone

from inovda.accounts.models import Role
from inovda.core.audit import log_action
from inovda.innovations.models import Answer, Status, Verification
from inovda.regions.models import Period, Region
from inovda.verification import notices
from inovda.verification.duties import VerificationError, check_duties, require_national_admin
from inovda.verification.models import Objection, ObjectionWindow, Outcome, Reason
from inovda.verification.review import record_decision
from inovda.verification.signals import levels_changed


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
        not getattr(actor, "is_authenticated", False)
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
            levels_changed.send(sender=Objection, period=objection.region.period)
        notices.objection_decided(objection)
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
        record_decision(
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
