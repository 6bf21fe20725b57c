import pytest
from django.utils import timezone

from inovda.accounts.models import Role
from inovda.awards import jury, nominees
from inovda.awards.models import Juror
from tests.fixtures import published_period
from tests.personas import make_user

# Banten regions, all reporting strongly so several are Sangat Inovatif.
DATA = {
    "36.04": (14, 3, 3),  # Kabupaten Serang
    "36.03": (14, 3, 3),  # Kabupaten Tangerang (ties with Serang)
    "36.73": (14, 3, 3),  # Kota Serang
    "36": (12, 3, 3),  # Provinsi Banten
    "93.01": (14, 3, 3),  # Kabupaten Merauke: Papua, perbatasan
}


@pytest.fixture
def award(personas):
    """A 2026 award with nominees confirmed, a kabupaten panel chaired by a second juror."""
    published = published_period(2026, DATA)
    Juror.objects.create(user=personas.juror, institution="Universitas Indonesia")
    award = nominees.start_award(personas.national_admin, published.period)
    nominees.confirm_nominees(
        personas.national_admin, award, timezone.now() + timezone.timedelta(days=7)
    )
    chair = make_user("ketua.juri", Role.JUROR)
    Juror.objects.create(user=chair, institution="BRIN")
    jury.create_panel(
        personas.national_admin, award, "kabupaten", "Panel Kabupaten", chair, [personas.juror]
    )
    award.chair = chair
    return award


def nominee_of(award, code, cluster="kabupaten"):
    return award.nominees.get(region__code=code, cluster=cluster)


def full_scores(value=80):
    return dict.fromkeys(
        ("kebaharuan", "kemanfaatan", "kewenangan_kolaborasi", "replikasi", "penguasaan_materi"),
        value,
    )
