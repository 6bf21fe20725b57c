"""Users and their role. A pemda account belongs to one pemda by its current Kemendagri code,
so it keeps its access across periods (a period's Region rows carry ``current_code``).

A verifier sees the pemda assigned to them (``Assignment``): that row lives here, beside the
roles, because "may this user see this region" needs nothing else."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from inovda.regions.models import Period


class Role(models.TextChoices):
    NATIONAL_ADMIN = "admin_nasional", "Admin nasional"
    VERIFIER = "verifikator", "Verifikator"
    PEMDA_ADMIN = "admin_pemda", "Admin pemda"
    OPD_OPERATOR = "operator_opd", "Operator OPD"
    # Scores award nominees; institution and home province live in awards.Juror.
    JUROR = "juri", "Juri"


PEMDA_ROLES = (Role.PEMDA_ADMIN, Role.OPD_OPERATOR)


class User(AbstractUser):
    role = models.CharField("peran", max_length=16, choices=Role.choices, blank=True)
    region_code = models.CharField("kode pemda", max_length=5, blank=True)
    opd = models.CharField("perangkat daerah", max_length=255, blank=True)
    must_change_password = models.BooleanField("wajib ganti kata sandi", default=True)
    created_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="created_users"
    )

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=["admin_pemda", "operator_opd"])
                | ~models.Q(region_code=""),
                name="pemda_account_has_region",
            )
        ]

    @property
    def is_pemda(self) -> bool:
        return self.role in PEMDA_ROLES

    @property
    def is_national_admin(self) -> bool:
        return self.role == Role.NATIONAL_ADMIN or self.is_superuser

    @property
    def is_juror(self) -> bool:
        return self.role == Role.JUROR

    @property
    def is_verifier(self) -> bool:
        return self.role == Role.VERIFIER


class Assignment(models.Model):
    """A verifier assigned to one pemda (by current code) in one period."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="assignments")
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    region_code = models.CharField("kode pemda", max_length=5)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table kept its name when the model moved here from verification (no data moved).
        db_table = "verification_assignment"
        constraints = [
            models.UniqueConstraint(
                fields=["period", "verifier", "region_code"], name="assignment_once"
            )
        ]

    def __str__(self):
        return f"{self.verifier} → {self.region_code} ({self.period})"
