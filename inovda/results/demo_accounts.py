"""Demo accounts. Development only: the demo command refuses to run outside DEBUG/INOVDA_DEMO."""

from django.contrib.auth import get_user_model

DEMO_PASSWORD = "demo-inovda-2026"  # noqa: S105 — printed to the developer on purpose
ACCOUNTS = [
    ("admin.nasional", "Admin nasional (Kemendagri/BSKDN)", True),
]


def ensure_demo_accounts() -> list[str]:
    User = get_user_model()
    lines = ["Akun demo (hanya untuk demo, kata sandi sama):"]
    for username, role, staff in ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = staff
        user.set_password(DEMO_PASSWORD)
        user.save()
        lines.append(f"  {role:40} {username} / {DEMO_PASSWORD}")
    return lines
