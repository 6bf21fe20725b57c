"""What-if: how far is the next predicate, and which evidence would gain the most.

A gain is computed exactly, not by re-scoring: levels never change the number of innovations
counted, so the SID divisor and the yandas gate stay fixed and one indicator moving from
level a to b moves the total by weight × (b − a), divided by the SID divisor for SID
indicators on normalised rulebooks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from inovda.rulebooks.model import MAX_LEVEL, Predicate, Rulebook
from inovda.scoring.engine import (
    ZERO,
    Levels,
    Line,
    RegionInput,
    RegionScore,
    index_per_point,
    score_region,
)

Reason = Literal["ditolak", "diturunkan", "kosong", "yandas"]


@dataclass(frozen=True)
class Gain:
    """What one indicator (or the yandas gate) would add to the index."""

    reason: Reason
    indicator_id: str
    innovation: str  # "" for SPD rows and the yandas gate
    level: int
    target_level: int
    index_gain: Decimal


@dataclass(frozen=True)
class WhatIf:
    score: RegionScore
    next_predicate: Predicate | None
    gap: Decimal | None
    gains: tuple[Gain, ...]
    # The fewest gains, largest first, that together close the gap (empty if none can).
    path: tuple[Gain, ...]


def _gains(
    lines: Sequence[Line], claimed: Levels | None, innovation: str, per_point: Decimal
) -> list[Gain]:
    gains = []
    for line in lines:
        claim = claimed.get(line.indicator_id) if claimed is not None else None
        reason: Reason
        if claim is not None and claim.level > line.level:
            target, reason = claim.level, ("ditolak" if line.level == 0 else "diturunkan")
        elif claim is None and line.level == 0:
            target, reason = MAX_LEVEL, "kosong"
        else:
            continue
        gain = line.weight * (target - line.level) * per_point
        gains.append(Gain(reason, line.indicator_id, innovation, line.level, target, gain))
    return gains


def what_if(
    rulebook: Rulebook, verified: RegionInput, claimed: RegionInput | None = None
) -> WhatIf:
    """``claimed`` holds the region's own levels; without it every empty indicator is a
    candidate at the top level ("kosong")."""
    score = score_region(rulebook, verified)
    per_point = index_per_point(rulebook)
    gains = _gains(score.spd_lines, claimed.spd if claimed else None, "", per_point)

    sid_per_point = per_point / score.divisor if score.divisor else per_point
    claimed_by_key = {i.key or i.name: i for i in claimed.innovations} if claimed else {}
    for innovation in score.innovation_scores:
        if not innovation.eligible:
            continue
        key = innovation.key or innovation.name
        claim = claimed_by_key.get(key)
        claim_levels = claim.levels if claim is not None else ({} if claimed else None)
        gains += _gains(innovation.lines, claim_levels, innovation.name, sid_per_point)

    rule = rulebook.count_score
    if rule is not None and not score.count_gate_met and score.innovations_counted:
        possible = rule.per_innovation.value * min(score.innovations_counted, rule.cap.value)
        gains.append(Gain("yandas", "jumlah_inovasi", "", 0, 0, possible * per_point))

    gains.sort(key=lambda g: (-g.index_gain, g.innovation, g.indicator_id))
    next_predicate, gap = _next_band(rulebook, score)
    return WhatIf(score, next_predicate, gap, tuple(gains), _path(gains, gap))


def _next_band(rulebook: Rulebook, score: RegionScore) -> tuple[Predicate | None, Decimal | None]:
    above = [b for b in rulebook.bands if b.min > score.iid]
    if not above:
        return None, None
    band = above[-1]  # bands run from highest to lowest: the last one above is the next
    return band.predicate, band.min - score.iid


def _path(gains: Sequence[Gain], gap: Decimal | None) -> tuple[Gain, ...]:
    if gap is None:
        return ()
    taken, total = [], ZERO
    for gain in gains:
        if total >= gap:
            break
        taken.append(gain)
        total += gain.index_gain
    return tuple(taken) if total >= gap else ()
