"""The packed recompute path (digits per innovation, no line) gives the engine's headline and
the stored breakdown of the explained path, on random regions for every shipped rulebook."""

from dataclasses import replace

from hypothesis import HealthCheck, given, settings

from inovda.results.services import compact_breakdown, packed_breakdown
from inovda.scoring.engine import score_region
from inovda.scoring.packed import (
    PackedInnovation,
    PackedRegion,
    blank_levels,
    score_packed,
    sid_positions,
)
from tests.scoring.test_fast_path import HEADLINE, regions


def pack(rb, region):
    positions = sid_positions(rb)
    innovations = []
    for innovation in region.innovations:
        levels = blank_levels(rb)
        for indicator_id, answer in innovation.levels.items():
            levels[positions[indicator_id]] = ord("0") + answer.level
        innovations.append(
            PackedInnovation(
                innovation.key, innovation.name, innovation.urusan, innovation.eligible, levels
            )
        )
    spd = {k: a.level for k, a in region.spd.items()}
    return PackedRegion(region.code, spd, innovations)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regions())
def test_the_packed_path_equals_the_engine_and_its_breakdown(case):
    rb, region = case
    # The database reading never overrides "reported": it follows from the data.
    region = replace(
        region,
        reported=None,
        innovations=tuple(replace(i, key=str(n)) for n, i in enumerate(region.innovations)),
    )
    expected = score_region(rb, region)
    packed = pack(rb, region)
    scored = score_packed(rb, packed)
    for name in HEADLINE:
        assert getattr(scored.score, name) == getattr(expected, name), name
    assert packed_breakdown(rb, packed, scored) == compact_breakdown(expected)


def test_a_packed_score_builds_no_line():
    from inovda.rulebooks.loader import load_rulebook

    rb = load_rulebook(2026)
    levels = blank_levels(rb)
    levels[sid_positions(rb)["16"]] = ord("2")
    scored = score_packed(
        rb, PackedRegion("36.04", {"1": 3}, [PackedInnovation("1", "A", (), True, levels)])
    )
    assert scored.score.spd == 3 and scored.score.sid_sum == 6
    assert scored.points == (6,) and scored.levels[0][sid_positions(rb)["16"]] == "2"
