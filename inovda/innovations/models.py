"""Innovations (inovasi daerah) and the per-indicator answers of a region.

An ``Answer`` is one indicator of one region: an SPD row (``innovation`` is empty) or a SID
indicator of one innovation. It keeps what the region claimed and what the verifier accepted;
only ``verified_level`` reaches the scoring engine.
"""

from django.db import models
from django.db.models import Q

from inovda.regions.models import Region


class Tahapan(models.TextChoices):
    INISIATIF = "inisiatif", "Inisiatif"
    UJI_COBA = "uji_coba", "Uji coba"
    PENERAPAN = "penerapan", "Penerapan"


class Inisiator(models.TextChoices):
    KEPALA_DAERAH = "kepala_daerah", "Kepala Daerah"
    DPRD = "dprd", "Anggota DPRD"
    OPD = "opd", "OPD (perangkat daerah)"
    ASN = "asn", "ASN"
    MASYARAKAT = "masyarakat", "Masyarakat"


class Jenis(models.TextChoices):
    DIGITAL = "digital", "Digital"
    NON_DIGITAL = "non_digital", "Non-digital"


class Bentuk(models.TextChoices):
    TATA_KELOLA = "tata_kelola", "Inovasi tata kelola pemerintahan daerah"
    PELAYANAN_PUBLIK = "pelayanan_publik", "Inovasi pelayanan publik"
    LAINNYA = "lainnya", "Inovasi daerah lainnya"


class Innovation(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="innovations")
    name = models.CharField("nama inovasi", max_length=255)
    tahapan = models.CharField(max_length=16, choices=Tahapan.choices, default=Tahapan.PENERAPAN)
    inisiator = models.CharField(max_length=16, choices=Inisiator.choices, default=Inisiator.OPD)
    nama_inisiator = models.CharField("nama inisiator", max_length=255, blank=True)
    jenis = models.CharField(max_length=16, choices=Jenis.choices, default=Jenis.DIGITAL)
    bentuk = models.CharField(
        max_length=20, choices=Bentuk.choices, default=Bentuk.PELAYANAN_PUBLIK
    )
    # Permendagri 90/2019 codes: the primary one, then the related ones.
    urusan_utama = models.CharField("urusan utama", max_length=8)
    urusan_terkait = models.JSONField("urusan terkait", default=list, blank=True)
    tanggal_uji_coba = models.DateField("waktu uji coba", null=True, blank=True)
    tanggal_penerapan = models.DateField("waktu penerapan", null=True, blank=True)
    rancang_bangun = models.TextField("rancang bangun", blank=True)
    tujuan = models.TextField(blank=True)
    manfaat = models.TextField(blank=True)
    hasil = models.TextField(blank=True)
    anggaran = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    video_url = models.URLField("tautan video", blank=True)
    opd = models.CharField("OPD penanggung jawab", max_length=255, blank=True)
    # A verifier may declare an innovation ineligible: it then leaves the count.
    eligible = models.BooleanField("memenuhi syarat", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["region", "name"]
        indexes = [
            models.Index(fields=["region", "name"]),
            models.Index(fields=["urusan_utama"]),
        ]

    def __str__(self):
        return self.name

    @property
    def urusan(self) -> list[str]:
        return [self.urusan_utama, *self.urusan_terkait]


class Answer(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="answers")
    innovation = models.ForeignKey(
        Innovation, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    indicator_id = models.CharField("indikator", max_length=8)
    claimed_level = models.PositiveSmallIntegerField("level klaim", default=0)
    verified_level = models.PositiveSmallIntegerField("level terverifikasi", default=0)
    note = models.TextField("catatan", blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "indicator_id"],
                condition=Q(innovation__isnull=True),
                name="answer_one_spd_row_per_region",
            ),
            models.UniqueConstraint(
                fields=["innovation", "indicator_id"],
                condition=Q(innovation__isnull=False),
                name="answer_one_sid_row_per_innovation",
            ),
            models.CheckConstraint(
                condition=Q(claimed_level__lte=3) & Q(verified_level__lte=3),
                name="answer_levels_0_to_3",
            ),
        ]

    def __str__(self):
        return f"{self.indicator_id}: {self.verified_level}"
