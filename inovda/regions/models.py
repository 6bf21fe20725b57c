"""Assessment periods and the region roster fixed for each one.

A period's Region rows are written once, by ``services.create_period``; later changes to the
region data never touch them, so results stay tied to the roster they were computed on.
"""

from datetime import datetime

from django.db import models


class Period(models.Model):
    year = models.PositiveSmallIntegerField("tahun", unique=True)
    rulebook_year = models.PositiveSmallIntegerField("tahun rulebook")
    rulebook_hash = models.CharField("hash rulebook", max_length=100)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    # The reporting window, enforced on the server; empty = closed (not yet opened).
    opens_at = models.DateTimeField("dibuka", null=True, blank=True)
    closes_at = models.DateTimeField("ditutup", null=True, blank=True)
    # Synthetic (demo) data: every page, API answer and download built on the period says so,
    # whatever the settings.
    synthetic = models.BooleanField("data sintetis", default=False)

    class Meta:
        ordering = ["year"]
        verbose_name = "periode"
        verbose_name_plural = "periode"

    def __str__(self) -> str:
        return f"Periode {self.year}"

    def closes_at_for(self, current_code: str) -> datetime | None:
        """The close for one pemda: the national close or a later extension of its own."""
        closes = self.closes_at
        for extension in self.extensions.all():
            if extension.region_code in ("", current_code) and (
                closes is None or extension.closes_at > closes
            ):
                closes = extension.closes_at
        return closes

    def is_open_for(self, current_code: str, now: datetime) -> bool:
        if self.opens_at and self.closes_at and self.opens_at <= now <= self.closes_at:
            return True  # an extension only moves the close later: no need to read them
        closes = self.closes_at_for(current_code)
        return self.opens_at is not None and closes is not None and self.opens_at <= now <= closes


class PeriodExtension(models.Model):
    """A later close, for the whole country (empty region_code) or for one pemda."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="extensions")
    region_code = models.CharField("kode pemda", max_length=5, blank=True)
    closes_at = models.DateTimeField("ditutup")
    reason = models.TextField("alasan")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "perpanjangan"
        verbose_name_plural = "perpanjangan"

    def __str__(self) -> str:
        return f"{self.period}: {self.region_code or 'nasional'} s.d. {self.closes_at}"


def extension_close(period_ref: str, code_ref: str) -> models.Subquery:
    """The latest extended close that applies to a pemda (a national one or its own), as a
    subquery to annotate the row a page loads anyway: its deadline then costs no query."""
    own_or_national = models.Q(region_code="") | models.Q(region_code=models.OuterRef(code_ref))
    return models.Subquery(
        PeriodExtension.objects.filter(own_or_national, period=models.OuterRef(period_ref))
        .order_by("-closes_at")
        .values("closes_at")[:1]
    )


class Region(models.Model):
    class Tingkat(models.TextChoices):
        PROVINSI = "provinsi", "Provinsi"
        KABUPATEN = "kabupaten", "Kabupaten"
        KOTA = "kota", "Kota"

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="regions")
    # Code valid in the period's list; current_code links the same pemda across periods.
    code = models.CharField("kode", max_length=5)
    current_code = models.CharField("kode sekarang", max_length=5)
    name = models.CharField("nama", max_length=100)
    tingkat = models.CharField(max_length=10, choices=Tingkat.choices)
    province_code = models.CharField("kode provinsi", max_length=2)
    province_name = models.CharField("provinsi", max_length=100)
    tertinggal = models.BooleanField("daerah tertinggal", default=False)
    perbatasan = models.BooleanField("daerah perbatasan", default=False)
    papua = models.BooleanField("klaster Papua", default=False)

    class Meta:
        ordering = ["period", "code"]
        verbose_name = "pemda"
        verbose_name_plural = "pemda"
        constraints = [
            models.UniqueConstraint(fields=["period", "code"], name="region_unique_period_code")
        ]
        indexes = [models.Index(fields=["period", "tingkat"], name="region_period_tingkat")]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
