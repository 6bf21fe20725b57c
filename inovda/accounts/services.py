"""Account verbs: create, deactivate, change password. Each checks scope, runs in one
transaction and writes one audit entry. Scope rules live in ``access`` (one place)."""

import functools

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.crypto import get_random_string

from inovda.accounts.access import can_change_account, creatable_roles
from inovda.accounts.invitations import send_invitation
from inovda.accounts.models import Role, User
from inovda.core.audit import log_action
from inovda.regions.roster import roster_for_year

# Every year from 2023 on uses today's Kemendagri list, so this is the current roster.
ROSTER_YEAR = 2026
# No 0/O, 1/l/I: the temporary password is read out or copied by hand.
READABLE_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


class AccountError(Exception):
    """An account action that is out of scope or impossible now; the message says why."""


@functools.cache
def current_regions() -> dict[str, str]:
    """Current Kemendagri code → pemda name, for every pemda of the current roster."""
    return {e.current_code: e.name for e in roster_for_year(ROSTER_YEAR)}


def temporary_password() -> str:
    return get_random_string(16, READABLE_CHARS)


def create_account(
    actor: User,
    *,
    username: str,
    role: str,
    region_code: str = "",
    opd: str = "",
    first_name: str = "",
    email: str = "",
) -> tuple[User, str]:
    """A new account. With an e-mail address it gets an invitation to set its own password
    (the returned password is empty); without one, a temporary password, returned once and
    never stored in clear."""
    if role not in creatable_roles(actor):
        raise AccountError("Anda tidak berwenang membuat akun dengan peran ini.")
    if actor.role == Role.PEMDA_ADMIN:
        region_code = actor.region_code  # a pemda admin creates for its own region only
    elif role in (Role.NATIONAL_ADMIN, Role.VERIFIER):
        region_code = ""
    elif region_code not in current_regions():
        raise AccountError(f"Kode pemda {region_code!r} tidak ada dalam daftar pemda saat ini.")
    taken = AccountError(f"Nama pengguna {username!r} sudah dipakai.")
    if User.objects.filter(username__iexact=username).exists():
        raise taken
    password = "" if email else temporary_password()
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                username=username,
                password=password or None,  # None: unusable until the invitation is used
                role=role,
                region_code=region_code,
                opd=opd,
                first_name=first_name,
                email=email,
                must_change_password=not email,
                created_by=actor,
            )
            log_action(
                actor,
                "account.created",
                user,
                {"username": username, "role": role, "region_code": region_code, "opd": opd},
            )
            if email:
                send_invitation(user)  # queued when the account is committed
                log_action(actor, "account.invited", user, {"email": email})
    except IntegrityError as exc:  # the same username, created concurrently
        raise taken from exc
    return user, password


def deactivate_account(actor: User, user: User) -> User:
    """Deactivated accounts cannot log in; their sessions end at their next request."""
    if not can_change_account(actor, user):
        raise AccountError("Anda tidak berwenang menonaktifkan akun ini.")
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if not user.is_active:
            raise AccountError(f"Akun {user.username} sudah nonaktif.")
        user.is_active = False
        user.save(update_fields=["is_active"])
        log_action(actor, "account.deactivated", user, {"username": user.username})
    return user


def change_password(user: User, new_password: str) -> User:
    """Set the user's own password. Every session of the user made with the old password ends;
    the view keeps the current one with ``update_session_auth_hash``."""
    if not (user.is_authenticated and user.is_active):
        raise AccountError("Akun ini tidak dapat mengganti kata sandi.")
    try:
        validate_password(new_password, user)
    except ValidationError as exc:
        raise AccountError(" ".join(exc.messages)) from exc
    with transaction.atomic():
        user.set_password(new_password)
        user.must_change_password = False
        user.save(update_fields=["password", "must_change_password"])
        log_action(user, "account.password_changed", user)
    return user
