"""The Innovative Government Award of one period: nominees drawn from a publication, jury
panels and their blind scores, field validation teams, the plenary and the certificates.

The award reads published results and never changes them; what the plenary signs off is
frozen as a snapshot on ``AwardRevision`` (a correction is a new, audited revision).
"""

from django.conf import settings
from django.db import models

from inovda.innovations.models import Innovation
from inovda.regions.models import Period, Region
from inovda.results.models import Publication, PublishedResult

User = settings.AUTH_USER_MODEL


class Juror(models.Model):
    """What conflicts of interest need to know about a juror."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="juror")
    institution = models.CharField("instansi", max_length=200)
    # The pemda the institution is (current Kemendagri code), empty for a ministry or campus.
    institution_region_code = models.CharField("kode pemda instansi", max_length=5, blank=True)
    home_province_code = models.CharField("kode provinsi asal", max_length=2, blank=True)

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username} ({self.institution})"

    def conflicts_with(self, region: Region) -> bool:
        return region.current_code == self.institution_region_code or (
            bool(self.home_province_code) and region.province_code == self.home_province_code
        )


class Award(models.Model):
    class Stage(models.TextChoices):
        DRAFT = "draf", "Draf nominasi"
        CONFIRMED = "nominasi", "Nominasi ditetapkan"
        SIGNED = "ditetapkan", "Pemenang ditetapkan (pleno)"

    period = models.OneToOneField(Period, on_delete=models.PROTECT, related_name="award")
    book_year = models.PositiveSmallIntegerField("tahun buku")
    book_hash = models.CharField(max_length=64)
    publication = models.ForeignKey(Publication, on_delete=models.PROTECT, related_name="+")
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.DRAFT)
    # The pemda's presentation material is accepted until then (enforced by the services).
    materials_deadline = models.DateTimeField("batas unggah materi", null=True, blank=True)
    revision = models.PositiveIntegerField(default=0)  # the signed revision now in force
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"IGA {self.period.year}"

    @property
    def signed(self) -> bool:
        return self.stage == self.Stage.SIGNED


class Nominee(models.Model):
    class State(models.TextChoices):
        PROPOSED = "usulan", "Usulan"
        CONFIRMED = "ditetapkan", "Ditetapkan"
        EXCLUDED = "dikecualikan", "Dikecualikan"
        RESERVE = "cadangan", "Berikutnya (cadangan)"

    class Office(models.TextChoices):
        KEPALA = "kepala_daerah", "Kepala daerah"
        WAKIL = "wakil_kepala_daerah", "Wakil kepala daerah"
        SEKDA = "sekda", "Sekretaris daerah"
        OTHER = "lainnya", "Pejabat lain"

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="nominees")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    result = models.ForeignKey(PublishedResult, on_delete=models.PROTECT, related_name="+")
    cluster = models.CharField("klaster", max_length=12)
    rank = models.PositiveIntegerField("peringkat indeks")
    iid = models.DecimalField(max_digits=12, decimal_places=2)
    state = models.CharField(max_length=12, choices=State.choices, default=State.PROPOSED)
    why = models.CharField("alasan masuk", max_length=255)
    exclusion_reason = models.TextField(blank=True)
    presentation_at = models.DateTimeField("jadwal presentasi", null=True, blank=True)
    # Provided by the nominee's pemda admin before the deadline.
    presenter_name = models.CharField("nama penyaji", max_length=150, blank=True)
    presenter_office = models.CharField(max_length=20, choices=Office.choices, blank=True)
    strategy_file = models.FileField(upload_to="awards/%Y/", max_length=255, blank=True)
    strategy_name = models.CharField(max_length=150, blank=True)
    strategy_sha256 = models.CharField(max_length=64, blank=True)
    flagship_digital = models.ForeignKey(
        Innovation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    flagship_non_digital = models.ForeignKey(
        Innovation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Recorded on the day: who actually presented.
    actual_presenter_name = models.CharField(max_length=150, blank=True)
    actual_presenter_office = models.CharField(max_length=20, choices=Office.choices, blank=True)
    presenter_not_allowed = models.BooleanField(default=False)

    class Meta:
        ordering = ["award", "cluster", "rank", "region__code"]
        constraints = [
            models.UniqueConstraint(fields=["award", "cluster", "region"], name="nominee_once")
        ]

    def __str__(self):
        return f"{self.region.name} ({self.cluster})"

    @property
    def competing(self) -> bool:
        return self.state == self.State.CONFIRMED


class Panel(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="panels")
    cluster = models.CharField("klaster", max_length=12)
    name = models.CharField("nama panel", max_length=100)
    chair = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    members = models.ManyToManyField(User, related_name="award_panels")
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["award", "cluster", "name"]

    def __str__(self):
        return self.name


class JuryScore(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="scores")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="jury_scores")
    juror = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    aspects = models.JSONField(default=dict)  # {aspect id: 0–100}
    total = models.DecimalField(max_digits=6, decimal_places=2)  # weighted by the book
    comment = models.TextField("komentar")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["nominee", "juror"], name="jury_score_once")]

    def __str__(self):
        return f"{self.nominee} — {self.juror}: {self.total}"


class FieldTeam(models.Model):
    class Area(models.TextChoices):
        SUMATERA = "sumatera", "Sumatera"
        JAWA = "jawa", "Jawa"
        KALIMANTAN = "kalimantan", "Kalimantan"
        TIMUR = "timur", "Indonesia Timur"

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="field_teams")
    area = models.CharField("wilayah", max_length=12, choices=Area.choices)
    lead = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    members = models.ManyToManyField(User, related_name="field_teams")
    signed_at = models.DateTimeField(null=True, blank=True)  # berita acara signed by the lead

    class Meta:
        constraints = [models.UniqueConstraint(fields=["award", "area"], name="one_team_per_area")]

    def __str__(self):
        return f"Tim {self.get_area_display()}"


class FieldScore(models.Model):
    team = models.ForeignKey(FieldTeam, on_delete=models.CASCADE, related_name="scores")
    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="field_scores")
    member = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    aspects = models.JSONField(default=dict)
    total = models.DecimalField(max_digits=6, decimal_places=2)
    note = models.TextField("catatan", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nominee", "member"], name="field_score_once")
        ]

    def __str__(self):
        return f"{self.nominee} — {self.member}: {self.total}"


class FieldEvidence(models.Model):
    """Photos and documents of a field visit: private, served only through the gate."""

    nominee = models.ForeignKey(Nominee, on_delete=models.CASCADE, related_name="field_evidence")
    file = models.FileField(upload_to="awards/lapangan/%Y/", max_length=255)
    original_name = models.CharField(max_length=150)
    content_type = models.CharField(max_length=40)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.original_name


class AwardRevision(models.Model):
    """A plenary sign-off: the frozen final ranking. Never edited."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    signed_at = models.DateTimeField()
    signed_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)
    # {"clusters": [{"cluster", "rows": [{code, name, index, presentation, field, final,
    # rank, winner, tie_note}]}], "book": {...}}
    snapshot = models.JSONField()

    class Meta:
        ordering = ["award", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["award", "number"], name="award_revision_number")
        ]

    def __str__(self):
        return f"{self.award} revisi {self.number}"


class Certificate(models.Model):
    class Kind(models.TextChoices):
        WINNER = "pemenang", "Pemenang IGA"
        SANGAT_INOVATIF = "sangat_inovatif", "Pemerintah Daerah Sangat Inovatif"

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="certificates")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    number = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=255)
    file = models.FileField(upload_to="awards/piagam/%Y/", max_length=255, blank=True)
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["award", "kind", "number"]
        constraints = [
            models.UniqueConstraint(fields=["award", "region", "kind"], name="certificate_once")
        ]

    def __str__(self):
        return self.number
