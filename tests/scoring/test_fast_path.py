"""The fast path (integers over compiled tables, lazy lines) equals the explained path (one
Decimal line per indicator, summed) on random regions, for every shipped rulebook."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inovda.rulebooks.loader import available_years, load_rulebook
from inovda.rulebooks.urusan import URUSAN
from inovda.scoring.engine import (
    Answer,
    InnovationInput,
    RegionInput,
    score_region,
    score_region_explained,
)
from inovda.scoring.tables import tables_for

RULEBOOKS = {year: load_rulebook(year) for year in available_years()}
CODES = sorted(URUSAN)
HEADLINE = [
    "reported",
    "spd",
    "sid_sum",
    "divisor",
    "sid_indicators",
    "count_score",
    "innovations_counted",
    "yandas_covered",
    "yandas_missing",
    "count_gate_met",
    "total",
    "iid",
    "predicate",
    "gate_reading",
]


def levels(ids):
    return st.dictionaries(
        st.sampled_from(ids), st.integers(0, 3).map(lambda v: Answer(v, ref=f"d{v}"))
    )


@st.composite
def regions(draw):
    year = draw(st.sampled_from(sorted(RULEBOOKS)))
    rb = RULEBOOKS[year]
    sid_ids = [i.id for i in rb.sid_indicators]
    innovations = draw(
        st.lists(
            st.builds(
                InnovationInput,
                name=st.text(min_size=1, max_size=5),
                levels=levels(sid_ids),
                urusan=st.lists(st.sampled_from(CODES), max_size=4, unique=True).map(tuple),
                eligible=st.booleans(),
            ),
            max_size=30,
        )
    )
    region = RegionInput(
        code="36.04",
        spd=draw(levels([i.id for i in rb.spd_indicators])),
        innovations=tuple(innovations),
        reported=draw(st.sampled_from([None, None, True, False])),
    )
    return rb, region


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regions())
def test_the_fast_path_equals_the_explained_path(case):
    rb, region = case
    fast, explained = score_region(rb, region), score_region_explained(rb, region)
    for name in HEADLINE:
        assert getattr(fast, name) == getattr(explained, name), name
    # The lazily built explanation is the explained path's, line for line.
    assert fast.spd_lines == explained.spd_lines
    assert fast.innovation_scores == explained.innovation_scores
    assert sum(line.points for line in fast.spd_lines) == fast.spd
    assert sum(s.total for s in fast.innovation_scores) == fast.sid_sum


def test_the_fast_path_builds_no_line_until_asked():
    rb = RULEBOOKS[2026]
    region = RegionInput("36.04", {"1": Answer(3)}, (InnovationInput("A", {"16": Answer(2)}),))
    score = score_region(rb, region)
    assert "spd_lines" not in score.__dict__ and "innovation_scores" not in score.__dict__
    assert score.spd == 3 and score.sid_sum == 6
    assert score.innovation_scores[0].lines[0].points == 6


def test_each_rulebook_is_compiled_once_into_integer_weights():
    rb = RULEBOOKS[2026]
    tables = tables_for(rb)
    assert tables_for(rb) is tables
    assert tables.scale == 100 and tables.spd_weight["5a"] == 75
    assert tables_for(RULEBOOKS[2020]).scale == 1
