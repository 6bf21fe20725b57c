"""Demo accounts, one per role. Development only: the demo command refuses to run outside
DEBUG/INOVDA_DEMO, and these accounts are never created by migrations or in production."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from inovda.accounts.models import Assignment, Role
from inovda.regions.models import Period

DEMO_PASSWORD = "demo-inovda-2026"  # noqa: S105 — printed to the developer on purpose
WIB = ZoneInfo("Asia/Jakarta")
# username, label, role, region (current code), OPD
ACCOUNTS = [
    ("admin.nasional", "Admin nasional (BSKDN)", Role.NATIONAL_ADMIN, "", ""),
    ("verifikator", "Verifikator (Serang, Kota Serang)", Role.VERIFIER, "", ""),
    ("admin.serang", "Admin pemda Kabupaten Serang", Role.PEMDA_ADMIN, "36.04", "Bappeda"),
    ("opd.serang", "Operator OPD Kabupaten Serang", Role.OPD_OPERATOR, "36.04", "Diskominfo"),
    ("admin.kotaserang", "Admin pemda Kota Serang", Role.PEMDA_ADMIN, "36.73", "Bappeda"),
]


@transaction.atomic
def ensure_demo_accounts() -> list[str]:
    User = get_user_model()
    lines = [f"Akun demo (HANYA untuk demo; kata sandi semua akun: {DEMO_PASSWORD}):"]
    for username, label, role, region_code, opd in ACCOUNTS:
        user, _ = User.objects.get_or_create(username=username)
        user.role, user.region_code, user.opd = role, region_code, opd
        user.is_staff = user.is_superuser = role == Role.NATIONAL_ADMIN
        user.must_change_password = False
        user.set_password(DEMO_PASSWORD)
        user.save()
        lines.append(f"  {label:40} {username}")
    period = Period.objects.filter(year=2026).first()
    if period is not None:
        if period.opens_at is None:
            period.opens_at = datetime(2026, 5, 1, tzinfo=WIB)
            period.closes_at = datetime(2026, 12, 31, 23, 59, tzinfo=WIB)
            period.save(update_fields=["opens_at", "closes_at"])
        verifier = User.objects.get(username="verifikator")
        for code in ("36.04", "36.73"):
            Assignment.objects.get_or_create(period=period, verifier=verifier, region_code=code)
    return lines
