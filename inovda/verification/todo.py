"""What the home of a verifier and of the national admin lists from verification: items
waiting for a decision, SPD profiles, QC reviews and open objections; and for a pemda, the
"why points were lost" page and its objections."""

from django.db.models import Exists, OuterRef
from django.urls import reverse

from inovda.accounts.models import PEMDA_ROLES, Assignment, Role
from inovda.accounts.todo import Link, Task, register
from inovda.innovations import feedback
from inovda.regions.models import Region
from inovda.verification.models import Decision, Objection, Outcome, QCReview, RevisionRequest
from inovda.verification.queue import default_period, queue, spd_queue


def _open_objections(user):
    objections = Objection.objects.filter(status=Objection.State.OPEN)
    if user.is_verifier:
        return objections.filter(
            Exists(
                Assignment.objects.filter(
                    verifier=user,
                    period_id=OuterRef("region__period_id"),
                    region_code=OuterRef("region__current_code"),
                )
            )
        )
    return objections


def reviewer_items(user):
    period = default_period(user)
    queue_url = reverse("verifikasi:queue")
    if period is not None:
        items = queue(user, period)
        yield Task(
            f"inovasi menunggu keputusan ({period.year})",
            items.count(),
            f"{queue_url}?periode={period.year}",
            "Diurutkan dari yang paling lama menunggu.",
            urgent=user.is_verifier,
        )
        yield Task(
            "profil SPD menunggu keputusan",
            spd_queue(user, period).count(),
            f"{queue_url}?periode={period.year}",
        )
    if user.is_verifier:
        yield Task(
            "tinjauan QC menunggu",
            QCReview.objects.filter(reviewer=user, level__isnull=True).count(),
            reverse("verifikasi:qc"),
        )
    yield Task(
        "sanggahan menunggu keputusan",
        _open_objections(user).count(),
        reverse("verifikasi:objections"),
        urgent=user.is_verifier,
    )
    yield Link("Antrean verifikasi", queue_url)
    yield Link("Kontrol mutu (QC)", reverse("verifikasi:qc"))
    yield Link("Sanggahan", reverse("verifikasi:objections"))
    if user.is_national_admin and period is not None:
        yield Link(
            f"Penugasan verifikator {period.year}",
            reverse("verifikasi:assignments", args=[period.year]),
        )


def pemda_items(user):
    region = (
        Region.objects.select_related("period")
        .filter(current_code=user.region_code)
        .order_by("-period__year")
        .first()
    )
    if region is None:
        return
    yield Link(
        "Mengapa poin berkurang",
        reverse("verifikasi:why", args=[region.period.year, region.code]),
    )
    yield Link("Sanggahan", reverse("verifikasi:objections"))


def register_home() -> None:
    register((Role.VERIFIER, Role.NATIONAL_ADMIN), reviewer_items, order=20)
    register(PEMDA_ROLES, pemda_items, order=20)
    feedback.register(innovation_feedback)


def innovation_feedback(innovation):
    """The latest return's notes and, per indicator, the latest decision that was not a plain
    accept (two queries)."""
    revision = RevisionRequest.objects.filter(innovation=innovation).first()
    reasons: dict[str, str] = {}
    decisions = (
        Decision.objects.filter(answer__innovation=innovation)
        .select_related("answer")
        .order_by("answer_id", "-decided_at", "-id")
    )
    seen: set[int] = set()
    for decision in decisions:
        if decision.answer_id in seen:
            continue
        seen.add(decision.answer_id)
        if decision.outcome == Outcome.ACCEPT:
            continue
        words = [decision.get_outcome_display()]
        if decision.reason:
            words.append(decision.get_reason_display())
        if decision.text:
            words.append(decision.text)
        reasons[decision.answer.indicator_id] = " — ".join(words)
    return feedback.Feedback(
        notes=revision.notes if revision else "",
        returned_at=revision.created_at if revision else None,
        reasons=reasons,
    )
