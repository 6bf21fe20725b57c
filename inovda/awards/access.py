"""The gates of the award's objects, built on ``can_see_region``'s rule for pemda accounts:
a pemda sees only its own region's nominee; a juror only the nominees of their own panels
(and, for field validation, of their own teams); the national admin everything. 404 for what
the user may not see, 403 for what they may see but not change."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from inovda.accounts.access import require_national_admin
from inovda.accounts.models import Role
from inovda.awards.models import Award, Certificate, FieldEvidence, FieldTeam, Nominee, Panel


def get_award_for_admin(user, year: int) -> Award:
    require_national_admin(user)
    award = Award.objects.select_related("period", "publication").filter(period__year=year).first()
    if award is None:
        raise Http404(f"Belum ada penghargaan untuk periode {year}.")
    return award


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


def get_nominee_for_user(user, pk: int, write: bool = False) -> Nominee:
    nominee = (
        Nominee.objects.select_related("award__period", "region", "award__publication")
        .filter(pk=pk)
        .first()
    )
    if nominee is None or not user.is_authenticated:
        raise Http404("Nominasi tidak ditemukan.")
    visible = (
        user.is_national_admin
        or _own_region(user, nominee)
        or (user.role == Role.JUROR and (_on_panel(user, nominee) or _on_team(user, nominee)))
    )
    if not visible:
        raise Http404("Nominasi tidak ditemukan.")
    if write and user.role != Role.PEMDA_ADMIN:
        raise PermissionDenied("Materi presentasi hanya diisi oleh admin pemda nominasi.")
    return nominee


def get_panel_for_user(user, pk: int) -> Panel:
    panel = Panel.objects.select_related("award__period", "chair").filter(pk=pk).first()
    if panel is None or not user.is_authenticated:
        raise Http404("Panel tidak ditemukan.")
    if not (user.is_national_admin or panel.members.filter(pk=user.pk).exists()):
        raise Http404("Panel tidak ditemukan.")
    return panel


def get_team_for_user(user, pk: int) -> FieldTeam:
    team = FieldTeam.objects.select_related("award__period", "lead").filter(pk=pk).first()
    if team is None or not user.is_authenticated:
        raise Http404("Tim tidak ditemukan.")
    if not (user.is_national_admin or team.members.filter(pk=user.pk).exists()):
        raise Http404("Tim tidak ditemukan.")
    return team


def get_field_evidence_for_user(user, pk: int) -> FieldEvidence:
    row = FieldEvidence.objects.select_related("nominee__region").filter(pk=pk).first()
    if row is None or not user.is_authenticated:
        raise Http404("Berkas tidak ditemukan.")
    if not (user.is_national_admin or _on_team(user, row.nominee)):
        raise Http404("Berkas tidak ditemukan.")
    return row


def get_certificate_for_user(user, number: str) -> Certificate:
    cert = Certificate.objects.select_related("region", "award__period").filter(number=number)
    cert = cert.first()
    if cert is None or not user.is_authenticated:
        raise Http404("Piagam tidak ditemukan.")
    own = user.is_pemda and user.region_code == cert.region.current_code
    if not (user.is_national_admin or own) or not cert.file:
        raise Http404("Piagam tidak ditemukan.")
    return cert
