"""The staff bar on every page: who is signed in (name, role, pemda) and the pages of the role.

Answered without a database query (the roster is cached in memory), so that the query budgets
of the list pages stay what they were.
"""

from django.urls import reverse

from inovda.accounts import services
from inovda.accounts.models import Role
from inovda.accounts.todo import role_key

# The pages of each role's bar, as (label, URL name). The home links every other page.
NAV: dict[str, tuple[tuple[str, str], ...]] = {
    Role.PEMDA_ADMIN: (("Ruang kerja", "pemda:index"),),
    Role.OPD_OPERATOR: (("Ruang kerja", "pemda:index"),),
    Role.VERIFIER: (
        ("Antrean verifikasi", "verifikasi:queue"),
        ("Sanggahan", "verifikasi:objections"),
    ),
    Role.JUROR: (("Tugas juri", "awards:mine"),),
    Role.NATIONAL_ADMIN: (
        ("Periode & publikasi", "periods:list"),
        ("Antrean verifikasi", "verifikasi:queue"),
        ("Akun", "accounts:list"),
    ),
}


def staff(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    role = role_key(user)
    region_name = services.current_regions().get(user.region_code, "") if user.region_code else ""
    links = [(label, reverse(name)) for label, name in NAV.get(role, ())]
    return {
        "staff": {
            "name": user.get_full_name() or user.username,
            "role": Role(role).label if role in Role.values else (user.role or "Pengguna"),
            "region": region_name,
            "home": reverse("accounts:home"),
            "links": links,
        }
    }
