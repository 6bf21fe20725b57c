"""What the explanation shows beyond the lines: the count rule and its gate reading, the band
floors, why an innovation is not counted, and the what-if's cheapest path and added
innovations."""

from dataclasses import replace
from decimal import Decimal

from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import Sourced
from inovda.scoring.engine import Answer, InnovationInput, RegionInput, score_region
from inovda.scoring.explain import breakdown, what_if_dict
from inovda.scoring.whatif import what_if

from .builders import SID_TOTALS, answers, region

RB = load_rulebook(2026)
YANDAS = ("1.01", "1.02", "1.03", "1.04", "1.05", "1.06")


def with_reading(reading):
    cs = RB.count_score
    gate = Sourced(reading, cs.gate_reading.source)
    return replace(RB, count_score=replace(cs, gate_reading=gate))


def one_wide_innovation(n_more=0):
    """One innovation whose related urusan list all six yandas, plus plain ones."""
    wide = InnovationInput("Lebar", answers(SID_TOTALS[70]), urusan=("2.16", *YANDAS))
    plain = tuple(
        InnovationInput(f"P{k}", answers(SID_TOTALS[70]), urusan=("2.16",)) for k in range(n_more)
    )
    return RegionInput("36.04", {}, (wide, *plain))


def test_the_2026_gate_reads_primary_urusan_only():
    score = score_region(RB, one_wide_innovation(4))
    assert score.gate_reading == "primary"
    assert not score.count_gate_met and score.count_score == 0
    assert score.yandas_covered == () and score.yandas_missing == YANDAS


def test_the_primary_and_related_reading_lets_one_innovation_open_the_gate():
    score = score_region(with_reading("primary_and_related"), one_wide_innovation(4))
    assert score.gate_reading == "primary_and_related"
    assert score.count_gate_met and score.count_score == Decimal("0.38") * 5
    assert score.yandas_missing == ()


def test_the_breakdown_shows_the_count_rule_the_reading_and_what_is_missing():
    data = breakdown(score_region(RB, region(40, 8, 80, yandas=4)))
    count = data["count"]
    assert count["rule"] == (
        "0.38 × MIN(n, 200), bila inovasi mencakup ≥ 5 dari 6 urusan wajib pelayanan dasar "
        "(urusan utama setiap inovasi saja)"
    )
    assert (count["per_innovation"], count["cap"], count["counted_n"]) == (Decimal("0.38"), 200, 8)
    assert count["gate_reading"] == "primary" and count["yandas_required"] == 5
    assert count["yandas_covered"] == ["1.01", "1.02", "1.03", "1.04"]
    assert count["yandas_missing"] == ["1.05", "1.06"]
    assert not count["gate_met"] and count["score"] == 0
    assert data["bands"] == [
        {"predicate": "sangat_inovatif", "min": Decimal("65.01")},
        {"predicate": "inovatif", "min": Decimal("40.01")},
        {"predicate": "kurang_inovatif", "min": Decimal("0.01")},
    ]


def test_an_ineligible_innovation_shows_its_reason_and_zero_points_on_every_line():
    base = region(40, 8, 80)
    out = replace(base.innovations[0], eligible=False, ineligible_reason="Diterapkan 2019")
    score = score_region(RB, replace(base, innovations=(out, *base.innovations[1:])))
    row = breakdown(score)["innovations"][0]
    assert row["reason"] == "Diterapkan 2019" and row["total"] == 0
    assert all(
        line["points"] == 0 and line["counted"] is False for line in row["indicators"].values()
    )
    assert row["indicators"]["16"]["level"] == 3  # the verified level stays visible
    assert "reason" not in breakdown(score)["innovations"][1]
    plain = replace(out, ineligible_reason="")
    score = score_region(RB, replace(base, innovations=(plain,)))
    assert score.innovation_scores[0].reason == "dinyatakan tidak memenuhi syarat oleh verifikator"


def test_a_region_that_did_not_report_is_tidak_dapat_dinilai_with_iid_0():
    score = score_region(RB, replace(region(40, 8, 80), reported=False))
    assert (score.iid, score.total, score.predicate) == (0, 0, "tidak_dapat_dinilai")
    assert all(line.points == 0 for line in score.spd_lines)
    assert score.innovation_scores[0].reason.startswith("daerah tidak melaporkan")
    assert what_if(RB, replace(region(40, 8, 80), reported=False)).gains == ()


def test_the_cheapest_path_counts_levels_and_may_stop_part_way():
    full = region(40, 8, 80)
    # SPD 12 (weight 2) and 13a (weight 1) empty: 2 × 0.4 = 0.8 IID per level of 12.
    spd = {k: a for k, a in full.spd.items() if k not in {"12", "13a"}}
    found = what_if(RB, RegionInput(full.code, spd, full.innovations))
    assert found.score.iid == Decimal("36.95") and found.gap == Decimal("3.06")
    # Row 12 to level 3 gives 2.40; two levels of 13a (0.80) close the rest: 5 levels, where
    # the fewest rows (both to level 3) would take 6.
    assert [(g.indicator_id, g.level, g.target_level) for g in found.cheapest] == [
        ("12", 0, 3),
        ("13a", 0, 2),
    ]
    assert found.cheapest_cost == 5
    assert [g.target_level for g in found.path] == [3, 3]
    assert sum(g.index_gain for g in found.cheapest) >= found.gap


def test_the_cheapest_path_weighs_the_yandas_gate_against_levels():
    base = region(40, 8, 80, yandas=4)  # 4 of 6 yandas covered: the gate is shut
    spd = {**{k: a for k, a in base.spd.items() if k != "13a"}, "12": Answer(3)}
    found = what_if(RB, replace(base, spd=spd))
    assert found.score.count_score == 0 and found.gap == Decimal("1.88")
    # Levels alone cannot close it (13a gives at most 1.20); one more yandas urusan (1.216)
    # and two levels of 13a do.
    assert [(g.reason, g.indicator_id, g.target_level) for g in found.cheapest] == [
        ("yandas", "jumlah_inovasi", 0),
        ("kosong", "13a", 2),
    ]
    assert found.cheapest_cost == 3
    assert what_if_dict(found)["cheapest_path"]["levels"] == 3


def test_adding_innovations_below_the_divisor_adds_their_points_and_the_count():
    found = what_if(RB, region(40, 8, 80))
    adding = found.adding
    assert (adding.innovations_counted, adding.below_divisor) == (8, 4)
    # One top innovation: 111 / 12 + 0.38 points on 250 → 3.852 IID; at the mean 80 / 12.
    exact = (Decimal(111) / 12 + Decimal("0.38")) * Decimal("0.4")
    assert abs(adding.gain_at_top - exact) < Decimal("1e-20")
    assert adding.count_gain == Decimal("0.38") * Decimal("0.4")
    assert adding.to_next_predicate == 1
    printed = what_if_dict(found)["adding_innovations"]
    assert printed["iid_gain_one_at_top"] == Decimal("3.85")
    assert printed["below_divisor"] == 4


def test_no_next_predicate_means_no_path():
    found = what_if(RB, region(63, 200, 111))
    assert (found.cheapest, found.cheapest_cost, found.adding.to_next_predicate) == ((), 0, None)


def test_levels_3_0_are_refused_with_a_message_that_says_why():
    from inovda.scoring.engine import ScoringInputError, level_problem

    assert level_problem(3.0) == "level 3.0 harus bilangan bulat tanpa desimal (tulis 3)"
    assert level_problem(4) == "level 4 di luar 0–3"
    assert level_problem(True) == "level True bukan bilangan bulat 0–3"
    bad = RegionInput("36.04", {"1": Answer(3.0)})
    try:
        score_region(RB, bad)
    except ScoringInputError as exc:
        assert exc.problems == [
            "region.spd.1: level 3.0 harus bilangan bulat tanpa desimal (tulis 3)"
        ]
    else:
        raise AssertionError("3.0 was accepted")
