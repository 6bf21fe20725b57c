from decimal import Decimal

from inovda.rulebooks.loader import load_rulebook
from inovda.scoring.engine import Answer, InnovationInput, RegionInput
from inovda.scoring.whatif import what_if

from .builders import region


def test_it_measures_the_gap_to_the_next_predicate():
    result = what_if(load_rulebook(2026), region(40, 8, 80))
    assert result.score.iid == Decimal("38.55")
    assert result.next_predicate == "inovatif"
    assert result.gap == Decimal("1.46")  # 40.01 − 38.55


def test_it_ranks_rejected_evidence_by_what_it_would_gain():
    rulebook = load_rulebook(2026)
    claimed = region(40, 8, 80)
    # The verifier rejected SPD 12 (weight 2) and lowered SID 35 (weight 4) of one innovation.
    first = claimed.innovations[0]
    verified = RegionInput(
        claimed.code,
        {**claimed.spd, "12": Answer(0)},
        (
            InnovationInput(first.name, {**first.levels, "35": Answer(1)}, first.urusan, first.key),
            *claimed.innovations[1:],
        ),
    )
    result = what_if(rulebook, verified, claimed)
    top = result.gains[0]
    # SPD 12: 2 points × 1 level on 250 → 0.80 IID; SID 35: 4 × 1 / 12 on 250 → 0.1333 IID.
    assert (top.reason, top.indicator_id, top.level, top.target_level) == ("ditolak", "12", 0, 1)
    assert top.index_gain == Decimal("0.8")
    second = result.gains[1]
    assert (second.reason, second.indicator_id, second.innovation) == (
        "diturunkan",
        "35",
        "Inovasi 0",
    )
    assert second.index_gain.quantize(Decimal("0.0001")) == Decimal("0.1333")
    assert len(result.gains) == 2


def test_it_suggests_covering_the_yandas_when_the_count_score_is_gated():
    result = what_if(load_rulebook(2026), region(40, 20, 70, yandas=4))
    assert result.score.count_score == 0
    yandas = next(g for g in result.gains if g.reason == "yandas")
    assert yandas.index_gain == Decimal("3.04")  # 0.38 × 20 on 250


def test_it_finds_the_fewest_gains_that_close_the_gap():
    full = region(40, 8, 80)
    emptied = {k: a for k, a in full.spd.items() if k not in {"13a", "13b", "14", "15"}}
    result = what_if(load_rulebook(2026), RegionInput(full.code, emptied, full.innovations))
    assert result.score.iid == Decimal("35.35")  # (32 + 640/12 + 3.04) / 250
    assert result.gap == Decimal("4.66")
    # Each empty SPD row of weight 1 would give 3 points = 1.20 IID: four close the gap.
    assert [g.indicator_id for g in result.path] == ["13a", "13b", "14", "15"]
    assert all(g.reason == "kosong" and g.index_gain == Decimal("1.2") for g in result.path)


def test_a_top_region_has_no_next_predicate():
    result = what_if(load_rulebook(2026), region(63, 200, 111))
    assert (result.next_predicate, result.gap, result.path) == (None, None, ())
