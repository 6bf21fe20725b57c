"""Assigning verifiers to pemda: the rows ``can_see_region`` reads for a verifier.

Both verbs belong to the national admin, run in one transaction and write one audit entry.
"""

from django.db import transaction

from inovda.accounts.models import Assignment
from inovda.core.audit import log_action
from inovda.regions.models import Period, Region


class AssignmentError(Exception):
    """A refused assignment, with a message for the user (Bahasa Indonesia)."""


def _require_national_admin(actor) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_national_admin:
        raise AssignmentError("Hanya admin nasional yang dapat melakukan ini.")


def assign(actor, period: Period, verifier, region_code: str) -> Assignment:
    _require_national_admin(actor)
    if not verifier.is_verifier:
        raise AssignmentError("Pengguna yang ditugaskan harus berperan verifikator.")
    region = Region.objects.filter(period=period, current_code=region_code).first()
    if region is None:
        raise AssignmentError(f"Pemda {region_code} tidak ada pada {period}.")
    if verifier.region_code == region_code:
        raise AssignmentError("Verifikator tidak boleh ditugaskan ke pemda asalnya sendiri.")
    with transaction.atomic():
        Period.objects.select_for_update().get(pk=period.pk)
        if Assignment.objects.filter(
            period=period, verifier=verifier, region_code=region_code
        ).exists():
            raise AssignmentError(f"{verifier} sudah ditugaskan ke {region.name}.")
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
    _require_national_admin(actor)
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
