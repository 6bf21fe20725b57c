"""What a background job shows while it runs: its state, progress and, when it failed, why.

The task framework keeps the queue; these rows keep what a person watches (a page's progress
bar, ``inovda recompute``'s terminal bar) and stay readable whichever task backend runs them.
"""

import uuid

from django.conf import settings
from django.db import models


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Menunggu"
        RUNNING = "running", "Berjalan"
        DONE = "done", "Selesai"
        FAILED = "failed", "Gagal"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    # What kind of work ("period.recompute") and on what ("period:2026"): at most one job of a
    # kind runs on one subject at a time, so a double click joins the job already queued.
    kind = models.CharField(max_length=64)
    subject = models.CharField(max_length=64)
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=255, blank=True)
    error = models.TextField(blank=True)
    # What the page shows beside the message, e.g. an import's counts or its problem rows.
    result = models.JSONField(default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["kind", "subject", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject"],
                condition=models.Q(state__in=["queued", "running"]),
                name="one_unfinished_job",
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.subject}: {self.state}"

    @property
    def percent(self) -> int:
        if self.state == self.State.DONE:
            return 100
        return 100 * self.done // self.total if self.total else 0

    @property
    def error_lines(self) -> list[str]:
        return self.error.splitlines()

    @property
    def finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)


class WorkerBeat(models.Model):
    """A worker process says it is alive; the health check reads the latest beat."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=255, blank=True)
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.worker_id}@{self.host} {self.beat_at:%H:%M:%S}"


class Once(models.Model):
    """A key recorded the first time some one-off work is done (a reminder sent), so running
    the work again does nothing twice."""

    key = models.CharField(max_length=200, primary_key=True)
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.key
