"""E-mails a pemda receives about verification: an innovation returned for revision, and an
objection decided. Queued when the decision commits (never blocking the verifier's request)."""

from inovda.accounts.models import PEMDA_ROLES, User
from inovda.innovations.models import Innovation
from inovda.jobs.mail import notify
from inovda.regions.models import Region
from inovda.verification.models import Objection


def _pemda_addresses(region: Region) -> list[str]:
    users = User.objects.filter(
        role__in=PEMDA_ROLES, region_code=region.current_code, is_active=True
    ).exclude(email="")
    return list(users.values_list("email", flat=True))


def innovation_returned(innovation: Innovation, notes: str) -> bool:
    region = innovation.region
    body = (
        f"Yth. pengelola Inovda {region.name},\n\n"
        f'Inovasi "{innovation.name}" dikembalikan oleh verifikator untuk diperbaiki.\n\n'
        f"Catatan verifikator:\n{notes}\n\n"
        "Perbaiki lalu kirim kembali sebelum masa pelaporan ditutup.\n"
    )
    subject = f"Inovasi dikembalikan: {innovation.name}"
    return notify(_pemda_addresses(region), subject, body, "innovation.returned")


def objection_decided(objection: Objection) -> bool:
    region = objection.region
    outcome = objection.get_outcome_display().lower()
    body = (
        f"Yth. pengelola Inovda {region.name},\n\n"
        f"Sanggahan pemda Anda ({region.period}) telah diputuskan: {outcome}.\n\n"
        f"Alasan keputusan:\n{objection.resolution}\n"
    )
    to = _pemda_addresses(region)
    if objection.raised_by is not None and objection.raised_by.email:
        to.append(objection.raised_by.email)
    return notify(to, f"Sanggahan {outcome}: {region.name}", body, "objection.decided")
