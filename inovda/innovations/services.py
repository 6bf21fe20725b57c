"""Workflow verbs of the pemda side. Each runs in a transaction and writes one audit entry.

The views have passed the access gate (``inovda.innovations.access``) before calling these; the
services check the state (version, status, eligibility) under a row lock and raise a domain
error with a message in Bahasa Indonesia.
"""

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from inovda.core.audit import log_action
from inovda.innovations import eligibility
from inovda.innovations.fields import INNOVATION_FIELDS
from inovda.innovations.models import Answer, Innovation, Status, Submission, Verification
from inovda.innovations.subtotals import refresh_innovation
from inovda.innovations.workflow import require_transition
from inovda.regions.models import Region
from inovda.rulebooks.loader import load_rulebook

SID_ANSWER_FIELDS = {"level": "claimed_level", "basis": "basis", "note": "note"}
SPD_ANSWER_FIELDS = {"level": "claimed_level", "value": "value", "note": "note"}


class StaleEdit(Exception):
    """Someone saved in between: nothing was written; ``current`` holds what is stored now."""

    def __init__(self, current, conflicts: list[str] | None = None) -> None:
        super().__init__(
            "Data ini sudah diubah oleh pengguna lain sejak Anda membukanya. Isian Anda belum "
            "disimpan: bandingkan dengan nilai tersimpan di bawah, lalu simpan lagi."
        )
        self.current = current
        self.conflicts = conflicts or []


class SubmissionRefused(Exception):
    def __init__(self, message: str, missing: list[str] | None = None) -> None:
        super().__init__(message)
        self.missing = missing or []


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


# --- innovations ------------------------------------------------------------------------------


def _apply_answer(answer: Answer, values: dict, fields: dict, actor, reason: str) -> dict:
    """Set the changed fields of one answer; returns {field: [before, after]}, empty if none.
    A changed answer that a verifier already decided goes back to pending."""
    diff = {}
    for key, attr in fields.items():
        if key in values and getattr(answer, attr) != values[key]:
            diff[attr] = [getattr(answer, attr), values[key]]
            setattr(answer, attr, values[key])
    if diff and answer.pk is not None:
        answer.version += 1
        answer.save(update_fields=[*diff, "version", "updated_at"])
        reset_to_pending(answer, actor, reason)
    return diff


def create_innovation(actor, region: Region, data: dict) -> Innovation:
    """A new draft with one answer row per SID indicator of the period's rulebook (so that
    evidence can be attached to each). ``actor`` None is the command line."""
    rulebook = load_rulebook(region.period.rulebook_year)
    answers = data.get("answers", {})
    with transaction.atomic():
        innovation = Innovation.objects.create(
            region=region,
            created_by=actor if getattr(actor, "is_authenticated", False) else None,
            status=Status.DRAFT,
            **{f: data[f] for f in INNOVATION_FIELDS if f in data},
        )
        Answer.objects.bulk_create(
            Answer(
                region=region,
                innovation=innovation,
                indicator_id=indicator.id,
                claimed_level=answers.get(indicator.id, {}).get("level", 0),
                basis=answers.get(indicator.id, {}).get("basis", ""),
                note=answers.get(indicator.id, {}).get("note", ""),
            )
            for indicator in rulebook.sid_indicators
        )
        refresh_innovation(innovation.pk)
        log_action(
            actor,
            "innovation.created",
            innovation,
            {
                "fields": {f: _jsonable(getattr(innovation, f)) for f in INNOVATION_FIELDS},
                "answers": {k: v for k, v in answers.items() if any(v.values())},
            },
        )
    return innovation


def save_innovation(actor, innovation: Innovation, data: dict, version: int) -> Innovation:
    """Save the profile and answers edited from ``version``; a stale version is refused."""
    with transaction.atomic():
        current = Innovation.objects.select_for_update().get(pk=innovation.pk)
        if current.version != version:
            raise StaleEdit(current)
        diff = {}
        for field in INNOVATION_FIELDS:
            if field in data and getattr(current, field) != data[field]:
                diff[field] = [_jsonable(getattr(current, field)), _jsonable(data[field])]
                setattr(current, field, data[field])
        answer_diff = {}
        rows = {a.indicator_id: a for a in current.answers.select_for_update()}
        for indicator_id, values in data.get("answers", {}).items():
            answer = rows.get(indicator_id)
            if answer is None:
                answer = Answer(
                    region=current.region, innovation=current, indicator_id=indicator_id
                )
            answer.innovation = current  # reset_to_pending moves this very object's status
            changed = _apply_answer(
                answer, values, SID_ANSWER_FIELDS, actor, "jawaban diubah setelah verifikasi"
            )
            if changed and answer.pk is None:
                answer.save()
            if changed:
                answer_diff[indicator_id] = changed
        if not diff and not answer_diff:
            return current  # nothing changed: no new version, no audit entry
        if answer_diff:
            refresh_innovation(current.pk)
        current.version += 1
        current.save(update_fields=[*diff, "version", "updated_at"])
        log_action(
            actor,
            "innovation.updated",
            current,
            {"version": current.version, "fields": diff, "answers": answer_diff},
        )
    return current


def innovation_content(innovation: Innovation) -> dict:
    """What a submission of the innovation is: its profile, answers and evidence hashes."""
    answers = innovation.answers.prefetch_related("evidence").order_by("indicator_id")
    return {
        "periode": innovation.region.period.year,
        "pemda": innovation.region.code,
        "inovasi": innovation.pk,
        "profil": {f: _jsonable(getattr(innovation, f)) for f in INNOVATION_FIELDS},
        "jawaban": [_answer_content(a, with_value=False) for a in answers],
    }


def _answer_content(answer: Answer, with_value: bool) -> dict:
    row = {
        "indikator": answer.indicator_id,
        "level": answer.claimed_level,
        "catatan": answer.note,
        "data_dukung": sorted(e.sha256 for e in answer.evidence.all() if e.replaced_at is None),
    }
    if with_value:
        row["nilai"] = answer.value
    else:
        row["basis"] = answer.basis
    return row


def content_hash(content: dict) -> str:
    """sha256 of the canonical JSON: sorted keys, no spaces, UTF-8."""
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def innovation_checklist(
    innovation: Innovation, answers: Iterable[Answer] | None = None
) -> list[eligibility.Item]:
    """``answers``: the innovation's answers with their evidence, when the caller has them."""
    rulebook = load_rulebook(innovation.region.period.rulebook_year)
    if answers is None:
        answers = innovation.answers.prefetch_related("evidence")
    answers = list(answers)
    others = innovation.region.innovations.exclude(pk=innovation.pk).values_list("name", flat=True)
    return eligibility.check(
        rulebook,
        name=innovation.name,
        tanggal_penerapan=innovation.tanggal_penerapan,
        developed_on=innovation.developed_on,
        rancang_bangun=innovation.rancang_bangun,
        levels={a.indicator_id: a.claimed_level for a in answers},
        bases={a.indicator_id: a.basis for a in answers},
        with_evidence=[
            a.indicator_id for a in answers if any(e.replaced_at is None for e in a.evidence.all())
        ],
        other_names=list(others),
    )


@dataclass(frozen=True)
class Receipt:
    submission: Submission
    created: bool  # False: nothing new since the last receipt (e.g. a double click)


def _receipt(actor, region: Region, content: dict, digest: str, innovation=None) -> Submission:
    """A new receipt of what was sent: the content as sent and its hash."""
    return Submission.objects.create(
        region=region,
        innovation=innovation,
        submitted_by=actor,
        submitted_at=timezone.now(),
        content_hash=digest,
        snapshot=content,
    )


def submit_innovation(actor, innovation: Innovation) -> Receipt:
    """Send the innovation to the verifiers and give a receipt.

    Draft and returned innovations move to submitted. Sending again what was already sent
    (a double click, a second tab) returns the existing receipt and writes nothing; content
    changed since the last receipt of a submitted, in-review or verified innovation is sent
    again with a new receipt (back to submitted)."""
    with transaction.atomic():
        current = (
            Innovation.objects.select_for_update()
            .select_related("region__period")
            .get(pk=innovation.pk)
        )
        content = innovation_content(current)
        digest = content_hash(content)
        latest = current.submissions.order_by("-submitted_at", "-pk").first()
        reopening = current.status in (Status.DRAFT, Status.RETURNED)
        if not reopening and latest is not None and latest.content_hash == digest:
            return Receipt(latest, created=False)
        missing = [i.message for i in innovation_checklist(current) if not i.ok]
        if missing:
            raise SubmissionRefused("Inovasi belum dapat dikirim:", missing)
        before = current.status
        if current.status != Status.SUBMITTED:
            require_transition(current.status, Status.SUBMITTED)
            current.status = Status.SUBMITTED
            current.save(update_fields=["status", "updated_at"])
        submission = _receipt(actor, current.region, content, digest, innovation=current)
        log_action(
            actor,
            "innovation.submitted",
            current,
            {"status": [before, current.status], "submission": submission.pk, "hash": digest},
        )
    return Receipt(submission, created=True)


# --- the region profile (SPD) -----------------------------------------------------------------


def save_profile(actor, region: Region, data: dict) -> list[str]:
    """Save the SPD rows: ``data`` maps indicator id → {level, value, note, version}, where
    version is the row's version the form was opened with (None for a row not yet saved).

    A row changed by someone else since then, whose stored values differ from the input,
    refuses the whole save (``StaleEdit``, nothing written). Returns the changed indicator ids.
    """
    rulebook = load_rulebook(region.period.rulebook_year)
    spd_ids = {i.id for i in rulebook.spd_indicators}
    with transaction.atomic():
        Region.objects.select_for_update().filter(pk=region.pk).first()  # one saver at a time
        rows = {
            a.indicator_id: a
            for a in Answer.objects.select_for_update().filter(region=region, innovation=None)
        }
        conflicts = []
        for indicator_id, values in data.items():
            row = rows.get(indicator_id)
            stored_version = row.version if row is not None else None
            if stored_version != values.get("version") and _differs(row, values):
                conflicts.append(indicator_id)
        if conflicts:
            raise StaleEdit(rows, conflicts)
        diff = {}
        for indicator_id, values in data.items():
            if indicator_id not in spd_ids:
                continue
            row = rows.get(indicator_id) or Answer(region=region, indicator_id=indicator_id)
            changed = _apply_answer(
                row, values, SPD_ANSWER_FIELDS, actor, "profil SPD diubah setelah verifikasi"
            )
            if row.pk is None:
                row.save()
            if changed:
                diff[indicator_id] = changed
        if diff:
            log_action(actor, "profile.updated", region, {"answers": diff})
    return sorted(diff)


def _differs(row: Answer | None, values: dict) -> bool:
    if row is None:
        return any(values.get(k) for k in SPD_ANSWER_FIELDS)
    return any(k in values and getattr(row, a) != values[k] for k, a in SPD_ANSWER_FIELDS.items())


def profile_content(region: Region) -> dict:
    answers = (
        Answer.objects.filter(region=region, innovation=None)
        .prefetch_related("evidence")
        .order_by("indicator_id")
    )
    return {
        "periode": region.period.year,
        "pemda": region.code,
        "profil_spd": [_answer_content(a, with_value=True) for a in answers],
    }


def submit_profile(actor, region: Region) -> Receipt:
    """A receipt for the SPD profile as it stands; the same content twice gives one receipt."""
    with transaction.atomic():
        Region.objects.select_for_update().filter(pk=region.pk).first()
        content = profile_content(region)
        if not content["profil_spd"]:
            raise SubmissionRefused("Profil SPD belum diisi: simpan profil terlebih dahulu.")
        digest = content_hash(content)
        latest = region.submissions.filter(innovation=None).order_by("-submitted_at", "-pk")
        latest = latest.first()
        if latest is not None and latest.content_hash == digest:
            return Receipt(latest, created=False)
        submission = _receipt(actor, region, content, digest)
        log_action(
            actor, "profile.submitted", region, {"submission": submission.pk, "hash": digest}
        )
    return Receipt(submission, created=True)


# --- after verification -----------------------------------------------------------------------


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
    refresh_innovation(answer.innovation_id)
    innovation = answer.innovation
    if innovation is not None and innovation.status in (Status.VERIFIED, Status.IN_REVIEW):
        require_transition(innovation.status, Status.SUBMITTED)
        innovation.status = Status.SUBMITTED
        innovation.save(update_fields=["status", "updated_at"])
    log_action(
        actor,
        "answer.reset_to_pending",
        answer,
        {
            "before": before,
            "after": {"verification": "pending", "verified_level": 0},
            "reason": reason,
        },
    )
