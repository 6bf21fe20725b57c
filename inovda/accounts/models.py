"""Users and their role. A pemda account belongs to one pemda by its current Kemendagri code,
so it keeps its access across periods (a period's Region rows carry ``current_code``)."""

from django.contrib.auth.models import AbstractUser
from django.db import models


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
