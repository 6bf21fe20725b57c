"""The people every test talks about. Use ``personas`` (a fixture in tests/conftest.py)."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from inovda.accounts.models import Role, User

PASSWORD = "kata-sandi-uji-2026"
REGION_A = "36.04"  # Kabupaten Serang
REGION_B = "36.73"  # Kota Serang: the outsider


@dataclass
class Personas:
    national_admin: User
    verifier: User
    admin_a: User  # pemda admin of region A
    operator_a: User  # OPD operator of region A
    admin_b: User  # pemda admin of region B (the outsider)
    anonymous: AnonymousUser
    juror: User  # award juror from a university outside Banten

    def all(self) -> dict:
        return {
            "national_admin": self.national_admin,
            "verifier": self.verifier,
            "admin_a": self.admin_a,
            "operator_a": self.operator_a,
            "admin_b": self.admin_b,
            "anonymous": self.anonymous,
            "juror": self.juror,
        }


def make_user(username: str, role: str, region_code: str = "", opd: str = "") -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        role=role,
        region_code=region_code,
        opd=opd,
        must_change_password=False,
    )
    return user


def make_personas() -> Personas:
    return Personas(
        national_admin=make_user("admin.nasional", Role.NATIONAL_ADMIN),
        verifier=make_user("verifikator", Role.VERIFIER),
        admin_a=make_user("admin.a", Role.PEMDA_ADMIN, REGION_A, "Bappeda"),
        operator_a=make_user("operator.a", Role.OPD_OPERATOR, REGION_A, "Diskominfo"),
        admin_b=make_user("admin.b", Role.PEMDA_ADMIN, REGION_B, "Bappeda"),
        anonymous=AnonymousUser(),
        juror=make_user("juri", Role.JUROR),
    )
