"""The award demo: a signed 2020 award with certificates and a 2026 award in progress."""

from inovda.awards.demo import load_award_demo
from inovda.awards.models import Award, Certificate, JuryScore
from tests.awards.conftest import DATA
from tests.fixtures import published_period


def test_it_loads_a_signed_2020_award_and_a_2026_award_in_progress(personas):
    published_period(2020, {"36.04": (20, 3, 3), "36": (20, 3, 3)})
    published_period(2026, DATA)
    load_award_demo(say=lambda _: None)
    done = Award.objects.get(period__year=2020)
    assert done.signed
    si = done.publication.results.filter(predicate="sangat_inovatif").count()
    assert Certificate.objects.filter(award=done, kind="sangat_inovatif").count() == si
    now = Award.objects.get(period__year=2026)
    assert now.stage == Award.Stage.CONFIRMED
    assert JuryScore.objects.filter(nominee__award=now).exists()
