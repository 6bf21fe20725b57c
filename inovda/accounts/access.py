"""The access gate: the one place that decides who may see and change a protected object.

Views never query protected models directly; they call a ``get_*_for_user`` function, which
answers 404 for anything the user may not see (it does not even exist for them) and 403 for
what they may see but not change. Writes by a pemda also need the period's window open.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from inovda.accounts.models import PEMDA_ROLES, Assignment, Role, User
from inovda.innovations.models import Answer, Evidence, Innovation, Status, Submission
from inovda.regions.models import Period, Region

EDITABLE = (Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.IN_REVIEW, Status.VERIFIED)


class WindowClosed(PermissionDenied):
    def __init__(self, period) -> None:
        super().__init__(f"Masa pelaporan {period} sudah ditutup: data tidak dapat diubah.")


def can_see_region(user, region: Region) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_national_admin:
        return True
    if user.is_verifier:
        return Assignment.objects.filter(
            period_id=region.period_id, verifier=user, region_code=region.current_code
        ).exists()
    return user.is_pemda and user.region_code == region.current_code


def _require_open(region: Region) -> None:
    if not region.period.is_open_for(region.current_code, timezone.now()):
        raise WindowClosed(region.period)


def require_pemda_write(user, region: Region, admin_only: bool = False) -> None:
    """403 unless a pemda account of this region may change its data now."""
    allowed = (Role.PEMDA_ADMIN,) if admin_only else (Role.PEMDA_ADMIN, Role.OPD_OPERATOR)
    if user.role not in allowed:
        raise PermissionDenied("Peran Anda hanya dapat melihat data ini.")
    _require_open(region)


def get_region_for_user(user, year: int, code: str, write: bool = False) -> Region:
    region = Region.objects.select_related("period").filter(period__year=year, code=code).first()
    if region is None or not can_see_region(user, region):
        raise Http404("Pemda tidak ditemukan.")
    if write:
        require_pemda_write(user, region, admin_only=True)
    return region


def get_innovation_for_user(user, pk: int, write: bool = False) -> Innovation:
    innovation = Innovation.objects.select_related("region__period").filter(pk=pk).first()
    if innovation is None or not can_see_region(user, innovation.region):
        raise Http404("Inovasi tidak ditemukan.")
    if write:
        require_pemda_write(user, innovation.region)
        if user.role == Role.OPD_OPERATOR and (
            innovation.created_by_id != user.pk
            or innovation.status not in (Status.DRAFT, Status.RETURNED)
        ):
            raise PermissionDenied("Operator OPD hanya dapat mengubah draf inovasinya sendiri.")
        if innovation.status not in EDITABLE:
            raise PermissionDenied("Inovasi ini sudah dikunci.")
    return innovation


def get_answer_for_user(user, pk: int, write: bool = False) -> Answer:
    answer = Answer.objects.select_related("region__period", "innovation").filter(pk=pk).first()
    if answer is None or not can_see_region(user, answer.region):
        raise Http404("Jawaban tidak ditemukan.")
    if write:
        if answer.innovation is not None:
            get_innovation_for_user(user, answer.innovation.pk, write=True)
        else:
            require_pemda_write(user, answer.region, admin_only=True)
    return answer


def get_evidence_for_user(user, pk: int) -> Evidence:
    evidence = Evidence.objects.select_related("answer__region__period").filter(pk=pk).first()
    if evidence is None or not can_see_region(user, evidence.answer.region):
        raise Http404("Berkas tidak ditemukan.")
    return evidence


# Accounts: the level above manages the level below (national admin → pemda admins, verifiers,
# national admins; pemda admin → OPD operators of its own region).


def creatable_roles(user) -> tuple[Role, ...]:
    if not user.is_authenticated:
        return ()
    if user.is_national_admin:
        return (Role.NATIONAL_ADMIN, Role.VERIFIER, Role.PEMDA_ADMIN)
    if user.role == Role.PEMDA_ADMIN:
        return (Role.OPD_OPERATOR,)
    return ()


def require_account_manager(user) -> None:
    """403 for every role that manages no accounts (verifier, OPD operator)."""
    if not creatable_roles(user):
        raise PermissionDenied("Peran Anda tidak mengelola akun.")


def accounts_for_user(user):
    """The accounts a manager may see: all for a national admin, its own region for a pemda."""
    require_account_manager(user)
    accounts = User.objects.select_related("created_by").order_by("role", "username")
    if user.is_national_admin:
        return accounts
    return accounts.filter(role__in=PEMDA_ROLES, region_code=user.region_code)


def can_change_account(user, account: User) -> bool:
    """Deactivate and the like: a national admin any account, a pemda admin the OPD operators
    of its own region; never one's own account."""
    if account.pk == user.pk or not user.is_authenticated:
        return False
    if user.is_national_admin:
        return True
    return (
        user.role == Role.PEMDA_ADMIN
        and account.role == Role.OPD_OPERATOR
        and account.region_code == user.region_code
    )


def get_account_for_user(user, pk: int, write: bool = False) -> User:
    account = accounts_for_user(user).filter(pk=pk).first()
    if account is None:
        raise Http404("Akun tidak ditemukan.")
    if write and not can_change_account(user, account):
        raise PermissionDenied("Anda tidak berwenang mengubah akun ini.")
    return account


# Periods are managed by the national admin alone.


def require_national_admin(user) -> None:
    if not (user.is_authenticated and user.is_national_admin):
        raise PermissionDenied("Halaman ini hanya untuk admin nasional.")


def get_period_for_admin(user, year: int) -> Period:
    require_national_admin(user)
    period = Period.objects.filter(year=year).first()
    if period is None:
        raise Http404(f"Periode {year} tidak ditemukan.")
    return period


def get_submission_for_user(user, pk: int) -> Submission:
    """A receipt: readable by whoever may see its region."""
    submission = (
        Submission.objects.select_related("region__period", "innovation", "submitted_by")
        .filter(pk=pk)
        .first()
    )
    if submission is None or not can_see_region(user, submission.region):
        raise Http404("Tanda terima tidak ditemukan.")
    return submission
