"""The gates of the award's objects, built on ``can_see_region``'s rule for pemda accounts:
a pemda sees only its own region's nominee; a juror only the nominees of their own panels
(and, for field validation, of their own teams); the national admin everything. 404 for what
the user may not see, 403 for what they may see but not change."""

from django.core.exceptions import PermissionDenied

from inovda.accounts.access import first_visible, require_national_admin
from inovda.accounts.models import Role
from inovda.awards.models import Award, Certificate, FieldEvidence, FieldTeam, Nominee, Panel


def get_award_for_admin(user, year: int) -> Award:
    require_national_admin(user)
    rows = Award.objects.select_related("period", "publication").filter(period__year=year)
    return first_visible(rows, f"Belum ada penghargaan untuk periode {year}.")


def _own_region(user, nominee: Nominee) -> bool:
    return user.is_pemda and user.region_code == nominee.region.current_code


def _on_panel(user, nominee: Nominee) -> bool:
    return Panel.objects.filter(
        award_id=nominee.award_id, cluster=nominee.cluster, members=user
    ).exists()


def _on_team(user, nominee: Nominee) -> bool:
    from inovda.awards.field import area_of

    return FieldTeam.objects.filter(
        award_id=nominee.award_id, area=area_of(nominee.region.province_code), members=user
    ).exists()


def _sees_nominee(user, nominee: Nominee) -> bool:
    return user.is_authenticated and (
        user.is_national_admin
        or _own_region(user, nominee)
        or (user.role == Role.JUROR and (_on_panel(user, nominee) or _on_team(user, nominee)))
    )


def _admin_or_member(user):
    """Visible to the national admin and to the group's own members."""
    return lambda group: (
        user.is_authenticated
        and (user.is_national_admin or group.members.filter(pk=user.pk).exists())
    )


def get_nominee_for_user(user, pk: int, write: bool = False) -> Nominee:
    rows = Nominee.objects.select_related("award__period", "region", "award__publication")
    nominee = first_visible(
        rows.filter(pk=pk), "Nominasi tidak ditemukan.", lambda n: _sees_nominee(user, n)
    )
    if write and user.role != Role.PEMDA_ADMIN:
        raise PermissionDenied("Materi presentasi hanya diisi oleh admin pemda nominasi.")
    return nominee


def get_panel_for_user(user, pk: int) -> Panel:
    rows = Panel.objects.select_related("award__period", "chair").filter(pk=pk)
    return first_visible(rows, "Panel tidak ditemukan.", _admin_or_member(user))


def get_team_for_user(user, pk: int) -> FieldTeam:
    rows = FieldTeam.objects.select_related("award__period", "lead").filter(pk=pk)
    return first_visible(rows, "Tim tidak ditemukan.", _admin_or_member(user))


def get_field_evidence_for_user(user, pk: int) -> FieldEvidence:
    rows = FieldEvidence.objects.select_related("nominee__region").filter(pk=pk)
    return first_visible(
        rows,
        "Berkas tidak ditemukan.",
        lambda e: user.is_authenticated and (user.is_national_admin or _on_team(user, e.nominee)),
    )


def get_certificate_for_user(user, number: str) -> Certificate:
    rows = Certificate.objects.select_related("region", "award__period").filter(number=number)
    return first_visible(rows, "Piagam tidak ditemukan.", lambda c: _sees_certificate(user, c))


def _sees_certificate(user, cert: Certificate) -> bool:
    if not (user.is_authenticated and cert.file):
        return False
    return user.is_national_admin or (
        user.is_pemda and user.region_code == cert.region.current_code
    )


def get_certificate_for_admin(user, number: str) -> Certificate:
    require_national_admin(user)
    rows = Certificate.objects.select_related("award__period").filter(number=number)
    return first_visible(rows, "Piagam tidak ditemukan.")
