"""What-if: how far is the next predicate, and which evidence would gain the most.

A gain is computed exactly, not by re-scoring: levels never change the number of innovations
counted, so the SID divisor and the yandas gate stay fixed and one indicator moving from
level a to b moves the total by weight × (b − a), divided by the SID divisor for SID
indicators on normalised rulebooks.

Two more answers: what adding innovations would do (exact, by the same formula, since it does
change n: below the divisor each new innovation adds its own points over a fixed divisor plus
the count score), and the cheapest path to the next predicate, counted in parameter levels to
raise rather than in rows, so partial raises of heavy indicators are weighed against the yandas
gate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Literal

from inovda.rulebooks.model import MAX_LEVEL, Predicate, Rulebook
from inovda.scoring.engine import (
    HUNDRED,
    ZERO,
    Levels,
    Line,
    RegionInput,
    RegionScore,
    index_per_point,
    round2,
    score_region,
)
from inovda.scoring.tables import Tables, tables_for

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
class Adding:
    """What eligible new innovations would add to the index (their urusan aside)."""

    innovations_counted: int
    # How many can be added before n reaches the divisor (0 when it already has).
    below_divisor: int
    # The count score each one adds while the gate is open and n is under the cap.
    count_gain: Decimal
    # One more innovation at the top level of every SID indicator, and at the region's mean.
    gain_at_top: Decimal
    gain_at_mean: Decimal
    # How many top-level innovations would reach the next predicate (None: none or too many).
    to_next_predicate: int | None


@dataclass(frozen=True)
class WhatIf:
    score: RegionScore
    next_predicate: Predicate | None
    gap: Decimal | None
    gains: tuple[Gain, ...]
    # The fewest gains, largest first, that together close the gap (empty if none can).
    path: tuple[Gain, ...]
    # The fewest parameter levels (a yandas gate costs one per urusan still missing) that
    # close the gap; a gain may stop below its target level. Empty if none can.
    cheapest: tuple[Gain, ...] = ()
    cheapest_cost: int = 0
    adding: Adding | None = None


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
    if not score.reported:
        return WhatIf(score, *next_band(rulebook, score), (), ())
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
    next_predicate, gap = next_band(rulebook, score)
    cheapest, cost = _cheapest(gains, gap, score, rulebook)
    return WhatIf(
        score,
        next_predicate,
        gap,
        tuple(gains),
        _path(gains, gap),
        cheapest,
        cost,
        _adding(tables_for(rulebook), score, gap),
    )


def next_band(rulebook: Rulebook, score: RegionScore) -> tuple[Predicate | None, Decimal | None]:
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


def _cheapest(
    gains: Sequence[Gain], gap: Decimal | None, score: RegionScore, rulebook: Rulebook
) -> tuple[tuple[Gain, ...], int]:
    """Fewest level steps: every step of a gain is worth the same, so taking the largest
    steps first is optimal; the yandas gate is one lump, so try the path with and without it.
    """
    if gap is None:
        return (), 0
    rule = rulebook.count_score
    missing = 0
    if rule is not None:
        missing = max(rule.yandas_required.value - len(score.yandas_covered), 0)
    steps = [g for g in gains if g.reason != "yandas"]
    steps.sort(key=lambda g: (-_per_step(g), g.innovation, g.indicator_id))
    options = [_steps(steps, gap)]
    for lump in (g for g in gains if g.reason == "yandas"):
        rest, cost = _steps(steps, gap - lump.index_gain)
        if cost is not None:
            options.append(((lump, *rest), cost + missing))
    found = [(path, cost) for path, cost in options if cost is not None]
    if not found:
        return (), 0
    path, cost = min(found, key=lambda o: o[1])
    return path, cost


def _per_step(gain: Gain) -> Decimal:
    return gain.index_gain / (gain.target_level - gain.level)


def _steps(steps: Sequence[Gain], gap: Decimal) -> tuple[tuple[Gain, ...], int | None]:
    taken: list[Gain] = []
    total, cost = ZERO, 0
    for gain in steps:
        if total >= gap:
            break
        each = _per_step(gain)
        need = gain.target_level - gain.level
        # Only as many levels as the gap still needs (rounded up).
        k = min(need, int(((gap - total) / each).to_integral_value(ROUND_CEILING)))
        part = (
            gain
            if k == need
            else Gain(
                gain.reason,
                gain.indicator_id,
                gain.innovation,
                gain.level,
                gain.level + k,
                each * k,
            )
        )
        taken.append(part)
        total += part.index_gain
        cost += k
    return (tuple(taken), cost) if total >= gap else ((), None)


MAX_ADDED = 1000


def _adding(tables: Tables, score: RegionScore, gap: Decimal | None) -> Adding | None:
    if not score.reported:
        return None
    n = score.innovations_counted
    top = tables.points(sum(w * MAX_LEVEL for w in tables.sid_weight.values()))
    mean = score.sid_sum / n if n else ZERO

    def total_with(k: int, each: Decimal) -> Decimal:
        """The exact total with k more counted innovations of ``each`` SID points."""
        sid = score.sid_sum + each * k
        m = n + k
        if tables.min_divisor is not None:
            sid = sid / max(tables.min_divisor, m)
        count = score.count_score
        if score.count_gate_met and tables.gate_reading is not None:
            count = tables.per_innovation * min(m, tables.cap)
        return score.spd + sid + count

    def gain(k: int, each: Decimal) -> Decimal:
        return (total_with(k, each) - score.total) * tables.per_point

    def iid_with(k: int) -> Decimal:
        total = total_with(k, top)
        return round2(total / tables.max_total * HUNDRED if tables.max_total else total)

    to_next = None
    if gap is not None and top > 0:
        target = score.iid + gap
        # Top-level innovations never lower the mean, so the index only grows with k.
        low, high = 1, MAX_ADDED
        if iid_with(high) >= target:
            while low < high:
                mid = (low + high) // 2
                low, high = (low, mid) if iid_with(mid) >= target else (mid + 1, high)
            to_next = low
    count_gain = ZERO
    if score.count_gate_met and tables.gate_reading is not None and n < tables.cap:
        count_gain = tables.per_innovation * tables.per_point
    return Adding(
        innovations_counted=n,
        below_divisor=max((tables.min_divisor or 0) - n, 0),
        count_gain=count_gain,
        gain_at_top=gain(1, top),
        gain_at_mean=gain(1, mean),
        to_next_predicate=to_next,
    )
