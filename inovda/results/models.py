"""Computed results of a period, and frozen publications of them."""

from django.conf import settings
from django.db import models

from inovda.innovations.models import Bentuk, Inisiator, Jenis, Tahapan
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


class PublishedInnovation(models.Model):
    """The public profile of one innovation a publication counts, frozen when it was published:
    later edits reach the public only with the next publication. Private fields (the
    initiator's name, evidence, answers, verifier notes, status) are never copied."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="innovations"
    )
    # The live innovation's id, which the public URLs carry. Not a foreign key: the frozen
    # record outlives a later deletion of the innovation.
    innovation_id = models.PositiveIntegerField()
    region_code = models.CharField(max_length=8)
    region_name = models.CharField(max_length=255)
    region_tingkat = models.CharField(max_length=16, choices=Region.Tingkat.choices)
    province_code = models.CharField(max_length=2)
    province_name = models.CharField(max_length=255)
    name = models.CharField(max_length=255)
    tahapan = models.CharField(max_length=16, choices=Tahapan.choices)
    inisiator = models.CharField(max_length=16, choices=Inisiator.choices)
    jenis = models.CharField(max_length=16, choices=Jenis.choices)
    bentuk = models.CharField(max_length=20, choices=Bentuk.choices)
    urusan_utama = models.CharField(max_length=8)
    urusan_terkait = models.JSONField(default=list, blank=True)
    tanggal_uji_coba = models.DateField(null=True, blank=True)
    tanggal_penerapan = models.DateField(null=True, blank=True)
    rancang_bangun = models.TextField(blank=True)
    tujuan = models.TextField(blank=True)
    manfaat = models.TextField(blank=True)
    hasil = models.TextField(blank=True)
    anggaran = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    video_url = models.URLField(blank=True)
    opd = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["region_code", "name", "innovation_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "innovation_id"], name="published_innovation_once"
            )
        ]
        indexes = [
            models.Index(fields=["publication", "region_code", "name", "innovation_id"]),
            models.Index(fields=["innovation_id"]),
        ]

    def __str__(self):
        return self.name
