"""Account invitations: an e-mail with a link to set one's own password, made with Django's
password-reset tokens (they expire, and stop working once the password is set), instead of a
temporary password shown to the admin who made the account."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from inovda.accounts.models import User
from inovda.jobs.mail import notify


def link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:invitation", args=[uid, token])


def send_invitation(user: User) -> bool:
    days = settings.PASSWORD_RESET_TIMEOUT // (24 * 3600)
    body = (
        f"Yth. {user.get_full_name() or user.username},\n\n"
        f"Akun Inovda Anda telah dibuat dengan nama pengguna: {user.username}\n"
        f"Peran: {user.get_role_display()}\n\n"
        f"Tetapkan kata sandi Anda melalui tautan berikut (berlaku {days} hari, sekali pakai):\n"
        f"{link(user)}\n\n"
        "Jika Anda tidak merasa meminta akun ini, abaikan surel ini.\n"
    )
    return notify([user.email], "Undangan akun Inovda", body, "account.invitation")


def user_for(uidb64: str, token: str) -> User | None:
    """The invited user when the link is valid (not expired, not used), else None."""
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None
    return user if default_token_generator.check_token(user, token) else None
