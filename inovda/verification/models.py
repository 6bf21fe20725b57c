from django.conf import settings
from django.db import models

from inovda.regions.models import Period


class Assignment(models.Model):
    """A verifier assigned to one pemda (by current code) in one period."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="assignments")
    verifier = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assignments"
    )
    region_code = models.CharField("kode pemda", max_length=5)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "verifier", "region_code"], name="assignment_once"
            )
        ]

    def __str__(self):
        return f"{self.verifier} → {self.region_code} ({self.period})"
