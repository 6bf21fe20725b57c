"""Computed results of a period, and frozen publications of them."""

from django.conf import settings
from django.db import models

from inovda.regions.models import Period, Region


class Predicate(models.TextChoices):
    SANGAT_INOVATIF = "sangat_inovatif", "Sangat Inovatif"
    INOVATIF = "inovatif", "Inovatif"
    KURANG_INOVATIF = "kurang_inovatif", "Kurang Inovatif"
    TIDAK_DAPAT_DINILAI = "tidak_dapat_dinilai", "Tidak Dapat Dinilai"


def _score():
    return models.DecimalField(max_digits=12, decimal_places=2, default=0)


class ScoreFields(models.Model):
    """The numbers of one region's result; shared by live and published results."""

    reported = models.BooleanField(default=False)
    innovations_reported = models.PositiveIntegerField(default=0)
    innovations_counted = models.PositiveIntegerField(default=0)
    spd = _score()
    sid = _score()
    count_score = _score()
    total = _score()
    # 0–100 on normalised rulebooks; the raw total on the 2020 scale.
    iid = _score()
    predicate = models.CharField(max_length=24, choices=Predicate.choices)
    # Standard competition ranking (1, 2, 2, 4) by IID within each cluster; empty when the
    # region is not in the cluster or is Tidak Dapat Dinilai.
    rank_tingkat = models.PositiveIntegerField(null=True, blank=True)
    rank_tertinggal = models.PositiveIntegerField(null=True, blank=True)
    rank_perbatasan = models.PositiveIntegerField(null=True, blank=True)
    rank_papua = models.PositiveIntegerField(null=True, blank=True)
    # Levels per indicator, compact: {"spd": {id: level}, "innovations": [[id, name,
    # eligible, total, "level string in rulebook order"]], "divisor", "sid_sum", "count"}.
    breakdown = models.JSONField(default=dict)

    class Meta:
        abstract = True


class Result(ScoreFields):
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="results")
    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="result")
    computed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["period", "predicate"])]

    def __str__(self):
        return f"{self.region}: {self.iid}"


class Publication(models.Model):
    """A frozen snapshot of a period's results. Never edited: a correction is a new one."""

    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="publications")
    number = models.PositiveIntegerField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    rulebook_year = models.PositiveSmallIntegerField()
    rulebook_hash = models.CharField(max_length=64)
    note = models.TextField(blank=True)
    recap = models.JSONField(default=dict)
    # What changed since the previous publication: [{"code", "field", "before", "after"}].
    changes = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["period", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["period", "number"], name="publication_number")
        ]

    def __str__(self):
        return f"{self.period} — publikasi {self.number}"


class PublishedResult(ScoreFields):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="results")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="published")
    # Copied so a published row reads the same whatever happens to the roster later.
    code = models.CharField(max_length=8)
    name = models.CharField(max_length=255)
    tingkat = models.CharField(max_length=16)
    province_code = models.CharField(max_length=2)
    province_name = models.CharField(max_length=255)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "region"], name="published_once")
        ]
        indexes = [
            models.Index(fields=["publication", "tingkat", "rank_tingkat"]),
            models.Index(fields=["publication", "predicate"]),
        ]

    def __str__(self):
        return f"{self.name}: {self.iid}"
