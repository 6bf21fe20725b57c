from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inovda.rulebooks.loader import load_rulebook
from inovda.scoring.engine import (
    Answer,
    InnovationInput,
    RegionInput,
    ScoringInputError,
    predicate_for,
    round2,
    score_region,
)

from .builders import region

NORMALISED_YEARS = [2023, 2024, 2025, 2026]


@pytest.mark.parametrize(
    ("year", "spd", "innovations", "sid", "yandas", "iid", "predicate"),
    [
        (2026, 40, 8, 80, 6, "38.55", "kurang_inovatif"),
        (2026, 40, 20, 70, 6, "47.04", "inovatif"),
        (2026, 40, 20, 70, 4, "44.00", "inovatif"),
        (2026, 63, 200, 111, 6, "100.00", "sangat_inovatif"),
        (2026, 40, 8, 80, 5, "38.55", "kurang_inovatif"),
        (2026, 40, 8, 80, 4, "37.33", "kurang_inovatif"),
        (2023, 40, 8, 80, 6, "42.82", "inovatif"),
        (2023, 40, 12, 80, 6, "49.82", "inovatif"),
        (2023, 40, 12, 80, 0, "49.82", "inovatif"),
        (2023, 63, 200, 111, 6, "100.00", "sangat_inovatif"),
        (2024, 40, 8, 80, 6, "42.82", "inovatif"),
        (2025, 40, 8, 80, 6, "42.82", "inovatif"),
        (2025, 63, 30, 111, 6, "74.16", "sangat_inovatif"),
    ],
)
def test_it_matches_hand_computed_examples(year, spd, innovations, sid, yandas, iid, predicate):
    score = score_region(load_rulebook(year), region(spd, innovations, sid, yandas=yandas or 1))
    if yandas == 0:
        assert score.count_gate_met  # 2023 has no yandas gate
    assert score.iid == Decimal(iid)
    assert score.predicate == predicate


def test_it_explains_the_2026_example_step_by_step():
    score = score_region(load_rulebook(2026), region(40, 8, 80))
    assert score.spd == 40
    assert score.sid_sum == 640
    assert score.divisor == 12
    assert score.count_score == Decimal("3.04")
    assert score.yandas_covered == ("1.01", "1.02", "1.03", "1.04", "1.05", "1.06")
    line = next(x for x in score.spd_lines if x.indicator_id == "12")
    assert (line.level, line.weight, line.points, line.ref) == (1, 2, 2, "decision:12")


def test_it_scores_2020_on_the_raw_additive_scale():
    rulebook = load_rulebook(2020)
    sid = {str(i): 2 for i in range(16, 36)}  # 2 × 50 = 100 per innovation
    spd = {str(i): 2 for i in range(1, 16)}  # 2 × 15 = 30
    cases = [
        (0, "30.00", "kurang_inovatif"),
        (5, "530.00", "inovatif"),
        (10, "1030.00", "sangat_inovatif"),
    ]
    for n, total, predicate in cases:
        data = RegionInput(
            code="18",
            spd={k: Answer(v) for k, v in spd.items()},
            innovations=tuple(
                InnovationInput(f"I{i}", {k: Answer(v) for k, v in sid.items()}) for i in range(n)
            ),
        )
        score = score_region(rulebook, data)
        assert score.iid == Decimal(total), n
        assert score.predicate == predicate
        assert score.divisor is None and score.count_score == 0


@pytest.mark.parametrize("year", [2020, *NORMALISED_YEARS])
def test_it_gives_tidak_dapat_dinilai_when_nothing_was_reported(year):
    score = score_region(load_rulebook(year), RegionInput(code="36.04", spd={}))
    assert not score.reported
    assert score.iid == 0
    assert score.predicate == "tidak_dapat_dinilai"


def test_it_reads_the_predicate_from_the_rounded_iid():
    # 2023 bands: KI ends at 34.99 and I starts at 35.00; a raw 34.996 rounds to 35.00.
    rulebook = load_rulebook(2023)
    assert round2(Decimal("34.996")) == Decimal("35.00")
    assert predicate_for(rulebook, round2(Decimal("34.996")), True) == "inovatif"
    assert predicate_for(rulebook, round2(Decimal("34.994")), True) == "kurang_inovatif"
    assert predicate_for(rulebook, Decimal("60.00"), True) == "inovatif"
    assert predicate_for(rulebook, Decimal("60.01"), True) == "sangat_inovatif"
    assert predicate_for(rulebook, Decimal("0.00"), True) == "tidak_dapat_dinilai"
    assert round2(Decimal("0.005")) == Decimal("0.01")  # half-up, not banker's rounding


def test_it_leaves_ineligible_innovations_out_of_the_count():
    rulebook = load_rulebook(2026)
    data = region(40, 13, 80)
    ineligible = data.innovations[0].__class__(
        name="Ditolak", levels=data.innovations[0].levels, eligible=False
    )
    with_ineligible = RegionInput(data.code, data.spd, (*data.innovations[1:], ineligible))
    score = score_region(rulebook, with_ineligible)
    assert score.innovations_counted == 12
    assert score.divisor == 12
    assert score.sid_sum == 12 * 80


def test_it_refuses_unknown_indicators_and_levels_out_of_range():
    rulebook = load_rulebook(2026)
    data = RegionInput(
        code="36.04",
        spd={"16": Answer(1), "1": Answer(4)},
        innovations=(InnovationInput("X", {"99": Answer(1), "17": Answer(-1)}),),
    )
    with pytest.raises(ScoringInputError) as err:
        score_region(rulebook, data)
    assert err.value.problems == [
        "region.spd.16: indikator '16' bukan indikator SPD pada rulebook 2026",
        "region.spd.1: level 4 di luar 0–3",
        "region.innovations[0].levels.99: indikator '99' bukan indikator SID pada rulebook 2026",
        "region.innovations[0].levels.17: level -1 di luar 0–3",
    ]


# Property tests ---------------------------------------------------------------------------

levels = st.integers(min_value=0, max_value=3)
urusan = st.lists(st.sampled_from(["1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.07"]))


def regions_for(year):
    rulebook = load_rulebook(year)
    spd_ids = [i.id for i in rulebook.spd_indicators]
    sid_ids = [i.id for i in rulebook.sid_indicators]
    sid_levels = st.fixed_dictionaries({}, optional=dict.fromkeys(sid_ids, levels))
    innovation = st.builds(
        lambda lv, u: InnovationInput("I", {k: Answer(v) for k, v in lv.items()}, tuple(set(u))),
        sid_levels,
        urusan,
    )
    return st.builds(
        lambda spd, inns: (
            year,
            RegionInput("36.04", {k: Answer(v) for k, v in spd.items()}, tuple(inns)),
        ),
        st.fixed_dictionaries({}, optional=dict.fromkeys(spd_ids, levels)),
        st.lists(innovation, max_size=25),
    )


def any_region(years):
    return st.sampled_from(years).flatmap(regions_for)


@settings(max_examples=150, deadline=None)
@given(any_region(NORMALISED_YEARS))
def test_the_iid_stays_within_0_and_100(case):
    year, data = case
    score = score_region(load_rulebook(year), data)
    assert Decimal(0) <= score.iid <= Decimal(100)


ORDER = ["tidak_dapat_dinilai", "kurang_inovatif", "inovatif", "sangat_inovatif"]


@settings(max_examples=150, deadline=None)
@given(any_region([2020, *NORMALISED_YEARS]), st.data())
def test_raising_a_verified_level_never_lowers_a_score(case, draw):
    year, data = case
    rulebook = load_rulebook(year)
    before = score_region(rulebook, data)
    targets = [None, *range(len(data.innovations))]
    n = draw.draw(st.sampled_from(targets))
    if n is None:
        indicator = draw.draw(st.sampled_from([i.id for i in rulebook.spd_indicators]))
        old = data.spd.get(indicator, Answer(0)).level
        spd = {**data.spd, indicator: Answer(min(3, old + 1))}
        after_data = RegionInput(data.code, spd, data.innovations)
    else:
        indicator = draw.draw(st.sampled_from([i.id for i in rulebook.sid_indicators]))
        inn = data.innovations[n]
        old = inn.levels.get(indicator, Answer(0)).level
        levels = {**inn.levels, indicator: Answer(min(3, old + 1))}
        raised = InnovationInput(inn.name, levels, inn.urusan)
        innovations = (*data.innovations[:n], raised, *data.innovations[n + 1 :])
        after_data = RegionInput(data.code, data.spd, innovations)
    after = score_region(rulebook, after_data)
    assert after.total >= before.total
    assert after.iid >= before.iid
    assert ORDER.index(after.predicate) >= ORDER.index(before.predicate)


@settings(max_examples=100, deadline=None)
@given(any_region([2020, *NORMALISED_YEARS]))
def test_every_point_traces_to_an_indicator(case):
    year, data = case
    rulebook = load_rulebook(year)
    score = score_region(rulebook, data)
    spd = sum((line.points for line in score.spd_lines), Decimal(0))
    sid = sum((line.points for s in score.innovation_scores for line in s.lines), Decimal(0))
    assert spd == score.spd
    assert sid == score.sid_sum
    for line in score.spd_lines:
        assert line.points == rulebook.indicator(line.indicator_id).weight * line.level
