"""Verifier assignments: which verifier judges which pemda in a period (national admin only).

The other verification verbs live by noun: ``review``, ``qc``, ``objections``; what they share
is in ``duties``.
"""

from django.db import transaction

from inovda.core.audit import log_action
from inovda.regions.models import Period, Region
from inovda.verification.duties import VerificationError, require_national_admin
from inovda.verification.models import Assignment

# --- assignment -------------------------------------------------------------------------------


def assign(actor, period: Period, verifier, region_code: str) -> Assignment:
    require_national_admin(actor)
    if not verifier.is_verifier:
        raise VerificationError("Pengguna yang ditugaskan harus berperan verifikator.")
    region = Region.objects.filter(period=period, current_code=region_code).first()
    if region is None:
        raise VerificationError(f"Pemda {region_code} tidak ada pada {period}.")
    if verifier.region_code == region_code:
        raise VerificationError("Verifikator tidak boleh ditugaskan ke pemda asalnya sendiri.")
    with transaction.atomic():
        Period.objects.select_for_update().get(pk=period.pk)
        if Assignment.objects.filter(
            period=period, verifier=verifier, region_code=region_code
        ).exists():
            raise VerificationError(f"{verifier} sudah ditugaskan ke {region.name}.")
        assignment = Assignment.objects.create(
            period=period, verifier=verifier, region_code=region_code
        )
        log_action(
            actor,
            "assignment.created",
            assignment,
            {"after": {"verifier": verifier.username, "region_code": region_code}},
        )
    return assignment


def unassign(actor, assignment: Assignment) -> None:
    require_national_admin(actor)
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update().select_related("verifier").get(pk=assignment.pk)
        )
        log_action(
            actor,
            "assignment.removed",
            assignment,
            {
                "before": {
                    "verifier": assignment.verifier.username,
                    "region_code": assignment.region_code,
                }
            },
        )
        assignment.delete()
