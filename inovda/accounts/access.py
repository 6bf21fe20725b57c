"""The access gates of the lowest protected things: regions, accounts and periods.

Views never query protected models directly; they call a gate, which answers 404 for anything
the user may not see (it does not even exist for them) and 403 for what they may see but not
change. Writes by a pemda also need the period's window open. Every app keeps the gates of its
own objects in its ``access.py``, built on ``can_see_region``; a gate that a page needs for both
reading and writing returns an ``Access``, so the view asks once and knows why it may not write.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from inovda.accounts.models import PEMDA_ROLES, Assignment, Role, User
from inovda.regions.models import Period, Region, extension_close

T = TypeVar("T")
READ_ONLY = "Anda tidak dapat mengubah data ini."


class WindowClosed(PermissionDenied):
    def __init__(self, period) -> None:
        super().__init__(f"Masa pelaporan {period} sudah ditutup: data tidak dapat diubah.")


@dataclass(frozen=True)
class Access(Generic[T]):
    """An object the user may see, whether they may change it now, and if not why (the
    Indonesian sentence a read-only page shows)."""

    obj: T
    can_write: bool
    reason: str = ""
    # The refusal itself, kept so a write raises the same 403 (a closed window has its page).
    denied: PermissionDenied | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, obj: T, denied: PermissionDenied | None) -> "Access[T]":
        if denied is None:
            return cls(obj, True)
        return cls(obj, False, str(denied) or READ_ONLY, denied)

    def require_write(self) -> T:
        """The object when the user may change it, else 403."""
        if not self.can_write:
            raise self.denied or PermissionDenied(self.reason or READ_ONLY)
        return self.obj


def first_visible(rows, not_found: str, visible: Callable[[Any], bool] | None = None):
    """The first of ``rows`` when there is one and the user may see it (``visible``), else 404
    with ``not_found``: what a user may not see does not exist for them."""
    obj = rows.first()
    if obj is None or (visible is not None and not visible(obj)):
        raise Http404(not_found)
    return obj


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


def role_denied(user, admin_only: bool = False) -> PermissionDenied | None:
    """Why this role may not change pemda data (None when it may)."""
    allowed = (Role.PEMDA_ADMIN,) if admin_only else (Role.PEMDA_ADMIN, Role.OPD_OPERATOR)
    if user.role not in allowed:
        return PermissionDenied("Peran Anda hanya dapat melihat data ini.")
    return None


def pemda_write_denied(user, region: Region, admin_only: bool = False) -> PermissionDenied | None:
    """Why this user may not change this region's data now (None when they may)."""
    denied = role_denied(user, admin_only)
    if denied is None and not region.period.is_open_for(region.current_code, timezone.now()):
        denied = WindowClosed(region.period)
    return denied


def require_pemda_write(user, region: Region, admin_only: bool = False) -> None:
    """403 unless a pemda account of this region may change its data now."""
    denied = pemda_write_denied(user, region, admin_only)
    if denied is not None:
        raise denied


def _visible_region(user, year: int, code: str) -> Region:
    rows = (
        Region.objects.select_related("period")
        .annotate(extension_closes_at=extension_close("period", "current_code"))
        .filter(period__year=year, code=code)
    )
    return first_visible(rows, "Pemda tidak ditemukan.", lambda r: can_see_region(user, r))


def region_access(user, year: int, code: str, admin_only: bool = False) -> Access[Region]:
    """A pemda's region, and whether this user may change its data (``admin_only``: only its
    pemda admin may, e.g. the SPD profile)."""
    region = _visible_region(user, year, code)
    return Access.of(region, pemda_write_denied(user, region, admin_only))


def get_region_for_user(user, year: int, code: str, write: bool = False) -> Region:
    if write:
        return region_access(user, year, code, admin_only=True).require_write()
    return _visible_region(user, year, code)


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
    account = first_visible(accounts_for_user(user).filter(pk=pk), "Akun tidak ditemukan.")
    if write and not can_change_account(user, account):
        raise PermissionDenied("Anda tidak berwenang mengubah akun ini.")
    return account


# Periods are managed by the national admin alone.


def require_national_admin(user) -> None:
    if not (user.is_authenticated and user.is_national_admin):
        raise PermissionDenied("Halaman ini hanya untuk admin nasional.")


def get_period_for_admin(user, year: int) -> Period:
    require_national_admin(user)
    return first_visible(Period.objects.filter(year=year), f"Periode {year} tidak ditemukan.")


def get_assignment_for_admin(user, pk: int) -> Assignment:
    require_national_admin(user)
    rows = Assignment.objects.select_related("period").filter(pk=pk)
    return first_visible(rows, "Penugasan tidak ditemukan.")
