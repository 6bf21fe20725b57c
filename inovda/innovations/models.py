"""Innovations (inovasi daerah) and the per-indicator answers of a region.

An ``Answer`` is one indicator of one region: an SPD row (``innovation`` is empty) or a SID
indicator of one innovation. It keeps what the region claimed and what the verifier accepted;
only ``verified_level`` reaches the scoring engine.
"""

from django.conf import settings
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


class Status(models.TextChoices):
    """Explicit workflow states; the transitions live in services and are enforced there."""

    DRAFT = "draft", "Draf"
    SUBMITTED = "submitted", "Dikirim"
    IN_REVIEW = "in_review", "Diperiksa"
    RETURNED = "returned", "Dikembalikan"
    VERIFIED = "verified", "Terverifikasi"
    LOCKED = "locked", "Dikunci"


class Verification(models.TextChoices):
    """The state of one indicator's answer."""

    PENDING = "pending", "Menunggu verifikasi"
    ACCEPTED = "accepted", "Diterima"
    LOWERED = "lowered", "Diterima di level lebih rendah"
    REJECTED = "rejected", "Ditolak"


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
    # The 2026 "developed" path: implemented before the window but developed inside it.
    developed_on = models.DateField("tanggal pengembangan", null=True, blank=True)
    rancang_bangun = models.TextField("rancang bangun", blank=True)
    tujuan = models.TextField(blank=True)
    manfaat = models.TextField(blank=True)
    hasil = models.TextField(blank=True)
    anggaran = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    video_url = models.URLField("tautan video", blank=True)
    opd = models.CharField("OPD penanggung jawab", max_length=255, blank=True)
    # A verifier may declare an innovation ineligible: it then leaves the count.
    eligible = models.BooleanField("memenuhi syarat", default=True)
    ineligible_reason = models.TextField("alasan tidak memenuhi syarat", blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # Σ weight × level of its claimed and verified SID answers, in the integer units of the
    # rulebook's scale; kept by ``innovations.subtotals`` with every change of a level.
    claimed_units = models.PositiveIntegerField(default=0, editable=False)
    verified_units = models.PositiveIntegerField(default=0, editable=False)
    # Optimistic concurrency: a save must name the version it was edited from.
    version = models.PositiveIntegerField(default=1)
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
    verification = models.CharField(
        max_length=10, choices=Verification.choices, default=Verification.PENDING
    )
    # Indicator 33 offers several measurement bases (a–f); empty elsewhere.
    basis = models.CharField("basis pengukuran", max_length=4, blank=True)
    # The supporting statistic where the indicator is one (e.g. IPM 72.5).
    value = models.CharField("nilai pendukung", max_length=64, blank=True)
    note = models.TextField("catatan", blank=True)
    version = models.PositiveIntegerField(default=1)
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


class Evidence(models.Model):
    """A data dukung file. Private: a random name under MEDIA_ROOT/evidence, served only by a
    view behind the access gate. Replacing a file keeps the old row (``replaced_at``)."""

    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="evidence/%Y/", max_length=255)
    original_name = models.CharField("nama file", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    replaced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["answer", "-uploaded_at"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.original_name


class Submission(models.Model):
    """A receipt: what was submitted, when, by whom, and the hash of its content."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="submissions")
    # Empty for the region profile (SPD); else the innovation submitted.
    innovation = models.ForeignKey(
        Innovation, null=True, blank=True, on_delete=models.CASCADE, related_name="submissions"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField()
    content_hash = models.CharField(max_length=64)
    snapshot = models.JSONField(default=dict)

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"Tanda terima {self.pk} ({self.content_hash[:12]})"
