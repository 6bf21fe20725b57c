"""Verification: what the verifiers decided per indicator, second (QC) reviews,
revision requests, and objections (sanggahan) against the verified result.

The verbs that create and change these rows live in ``review``, ``qc``, ``objections`` and
``services`` (assignments); every one of them writes one audit entry per state change.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from inovda.innovations.models import Answer, Innovation
from inovda.regions.models import Period, Region


class Outcome(models.TextChoices):
    ACCEPT = "accept", "Diterima sesuai klaim"
    LOWER = "lower", "Diterima di level lebih rendah"
    REJECT = "reject", "Ditolak"
    RETURN = "return", "Perlu perbaikan pemda"


class Reason(models.TextChoices):
    """The common reasons a verifier gives for anything but a plain accept."""

    EVIDENCE_MISSING = "evidence_missing", "Data dukung tidak ada"
    LEVEL_MISMATCH = "level_mismatch", "Data dukung tidak sesuai dengan level yang dipilih"
    OUT_OF_PERIOD = "out_of_period", "Dokumen di luar periode penilaian"
    UNREADABLE = "unreadable", "Dokumen tidak terbaca"
    NOT_AUTHORITY = "not_authority", "Bukan kewenangan pemda"
    NOT_VALIDATED = "not_validated", "Dokumen tidak ditandatangani/disahkan"
    OBJECTION = "objection", "Hasil sanggahan"
    OTHER = "other", "Lainnya (jelaskan)"


class Decision(models.Model):
    """One verifier's decision on one indicator answer. Never edited: a new decision supersedes
    it, so the answer's history reads as a list of decisions."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="decisions")
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    # The verified level this decision set (0 for reject and return).
    level = models.PositiveSmallIntegerField("level terverifikasi")
    claimed_level = models.PositiveSmallIntegerField("level klaim saat diputuskan")
    reason = models.CharField("alasan", max_length=20, choices=Reason.choices, blank=True)
    text = models.TextField("keterangan", blank=True)

    class Meta:
        ordering = ["answer", "-decided_at", "-id"]
        indexes = [models.Index(fields=["answer", "decided_at"])]

    def __str__(self):
        return f"{self.answer_id}: {self.get_outcome_display()} ({self.level})"


class QCReview(models.Model):
    """A blind second review of a decided answer by another verifier. Drawn as a sample by the
    national admin; ``level`` stays empty until the reviewer has answered."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="qc_reviews")
    # The first decision this review is compared with (kappa pairs decision.level, level).
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="qc_reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qc_reviews"
    )
    sampled_at = models.DateTimeField(default=timezone.now)
    level = models.PositiveSmallIntegerField("level QC", null=True, blank=True)
    note = models.TextField("catatan", blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["sampled_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "reviewer"], name="qc_review_once")
        ]

    def __str__(self):
        return f"QC {self.answer_id} oleh {self.reviewer_id}"


class RevisionRequest(models.Model):
    """An innovation returned to the pemda with notes (one per revision round)."""

    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, related_name="revision_requests"
    )
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    notes = models.TextField("catatan perbaikan")

    class Meta:
        ordering = ["innovation", "-created_at", "-id"]

    def __str__(self):
        return f"Perbaikan {self.innovation_id} ({self.created_at:%Y-%m-%d})"


class ObjectionWindow(models.Model):
    """When the pemda of a period may object to their verified result."""

    period = models.OneToOneField(Period, on_delete=models.CASCADE, related_name="objection_window")
    opens_at = models.DateTimeField("dibuka")
    closes_at = models.DateTimeField("ditutup")

    class Meta:
        verbose_name = "masa sanggah"
        verbose_name_plural = "masa sanggah"

    def __str__(self):
        return f"Sanggahan {self.period}: {self.opens_at:%Y-%m-%d} s.d. {self.closes_at:%Y-%m-%d}"

    def is_open(self, now) -> bool:
        return self.opens_at <= now <= self.closes_at


class Objection(models.Model):
    """A pemda's objection (sanggahan) against the verified level of some indicators."""

    class State(models.TextChoices):
        OPEN = "open", "Menunggu"
        RESOLVED = "resolved", "Selesai"

    class Result(models.TextChoices):
        ACCEPTED = "accepted", "Diterima"
        REJECTED = "rejected", "Ditolak"

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="objections")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    raised_at = models.DateTimeField(default=timezone.now)
    answers = models.ManyToManyField(Answer, related_name="objections")
    argument = models.TextField("argumen")
    status = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField("alasan keputusan", blank=True)
    outcome = models.CharField(max_length=10, choices=Result.choices, blank=True)

    class Meta:
        ordering = ["status", "raised_at", "id"]
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self):
        return f"Sanggahan {self.pk} ({self.region})"
