import sys
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inovda.innovations.models import Answer
from inovda.results.models import Result
from inovda.results.ranking import competition_ranks
from inovda.results.services import recompute_period
from tests.fixtures import add_innovations, published_period

pytestmark = pytest.mark.django_db


def test_it_scores_every_region_of_the_period():
    data = published_period(2026)
    results = Result.objects.filter(period=data.period)
    assert results.count() == 546
    serang = results.get(region__code="36.04")
    # SPD all level 2 = 42; 8 innovations all level 3 = 111 each → 888 / 12 = 74; count 3.04.
    assert serang.spd == Decimal("42.00")
    assert serang.sid == Decimal("77.04")
    assert serang.iid == Decimal("47.62")
    assert serang.predicate == "inovatif"
    assert serang.innovations_reported == 8
    silent = results.get(region__code="11")
    assert (silent.predicate, silent.iid, silent.rank_tingkat) == ("tidak_dapat_dinilai", 0, None)


def test_it_ranks_per_cluster_and_leaves_tidak_dapat_dinilai_unranked():
    data = published_period(2026)
    results = {
        r.region.code: r for r in Result.objects.filter(period=data.period).select_related("region")
    }
    assert results["36.04"].rank_tingkat == 1  # best kabupaten
    assert results["36.03"].rank_tingkat == 2  # 10.87, ahead of Merauke's 9.63
    assert results["36.73"].rank_tingkat == 1  # the only kota with data
    assert results["36"].rank_tingkat == 1
    merauke = results["93.01"]
    assert (merauke.iid, merauke.rank_tingkat) == (Decimal("9.63"), 3)
    assert merauke.rank_papua == 1  # the only Papua pemda with data
    assert merauke.rank_perbatasan == 1


def test_equal_iids_share_a_rank():
    class R:
        def __init__(self, iid):
            self.iid = Decimal(iid)

    items = [R("50"), R("60"), R("50"), R("40")]
    ranks = competition_ranks(items, lambda r: r.iid)
    assert [ranks[id(i)] for i in items] == [2, 1, 2, 4]


def test_a_verified_level_change_shows_after_recompute():
    data = published_period(2026)
    serang = data.region("36.04")
    Answer.objects.filter(region=serang, innovation__isnull=True).update(verified_level=3)
    recompute_period(data.period)
    assert Result.objects.get(region=serang).spd == Decimal("63.00")


def test_recompute_runs_the_same_queries_whatever_the_number_of_innovations():
    data = published_period(2026)
    with CaptureQueriesContext(connection) as before:
        recompute_period(data.period)
    add_innovations(data.region("36.71"), 30, 1, 1)  # Kota Cilegon: 30 more innovations
    with CaptureQueriesContext(connection) as after:
        recompute_period(data.period)
    assert len(after) == len(before) <= 20


def test_the_command_prints_progress_and_a_summary(capsys, monkeypatch):
    data = published_period(2026)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # a person at a terminal
    call_command("recompute", period=data.period.year)
    out, err = capsys.readouterr()
    assert "546 pemda dihitung" in out
    assert "546/546 pemda" in err


def test_the_command_stays_quiet_when_not_at_a_terminal(capsys):
    data = published_period(2026)
    call_command("recompute", period=data.period.year)
    out, err = capsys.readouterr()
    assert "546 pemda dihitung" in out
    assert err == ""


def test_an_answer_the_rulebook_does_not_know_stops_the_recompute_naming_it():
    from inovda.scoring.engine import ScoringInputError

    data = published_period(2026)
    innovation = data.region("36.04").innovations.first()
    Answer.objects.filter(innovation=innovation, indicator_id="16").update(indicator_id="99")
    with pytest.raises(ScoringInputError, match="99"):
        recompute_period(data.period)
    assert Result.objects.filter(period=data.period).count() == 546  # the old results stay
