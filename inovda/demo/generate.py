"""Calibration of the 2020 demo: a plan per pemda (its published-mix predicate, an innovation
count and the total it must reach) and levels nudged until the engine lands it there."""

from __future__ import annotations

import random
from dataclasses import dataclass

from inovda.demo.figures import (
    BANDS_2020,
    FIXED_COUNTS_2020,
    INNOVATIONS_2020,
    LAMPUNG,
    LAMPUNG_2020,
    LOWEST_BAND_2020,
    LOWEST_PROVINCES_2020,
    OTHER_KI_PROVINCES_2020,
    PREDICATES_2020,
    SERANG,
    TINGKAT,
)
from inovda.demo.profiles import split_total
from inovda.regions.models import Region
from inovda.rulebooks.model import Rulebook
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput, score_region


@dataclass
class Plan:
    region: Region
    predicate: str
    innovations: int
    # The total the engine must give, inclusive; high None: no ceiling.
    low: int = 0
    high: int | None = None


def plan_2020(regions: list[Region], rng: random.Random) -> list[Plan]:
    """Give every pemda its published-mix predicate and an innovation count."""
    plans: list[Plan] = []
    for t, tingkat in enumerate(TINGKAT):
        pool = sorted((r for r in regions if r.tingkat == tingkat), key=lambda r: r.code)
        rng.shuffle(pool)
        # Pin the regions whose 2020 predicate is a matter of record.
        pinned = {SERANG: "sangat_inovatif", LAMPUNG: "sangat_inovatif"}
        pinned |= dict.fromkeys(LOWEST_PROVINCES_2020, "kurang_inovatif")
        slots = [p for p, counts in PREDICATES_2020.items() for _ in range(counts[t])]
        for region in [r for r in pool if r.code in pinned]:
            slots.remove(pinned[region.code])
            plans.append(Plan(region, pinned[region.code], 0))
        for region, predicate in zip([r for r in pool if r.code not in pinned], slots, strict=True):
            plans.append(Plan(region, predicate, 0))

    ranges = {"sangat_inovatif": (15, 90), "inovatif": (6, 12), "kurang_inovatif": (1, 20)}
    free = []
    for plan in plans:
        if plan.region.code in FIXED_COUNTS_2020:
            plan.innovations = FIXED_COUNTS_2020[plan.region.code]
        elif plan.predicate in ranges:
            low, high = ranges[plan.predicate]
            plan.innovations = rng.randint(low, high)
            free.append(plan)
    # Bring the national total to the published figure through the Sangat Inovatif regions.
    si = [p for p in free if p.predicate == "sangat_inovatif"]
    missing = INNOVATIONS_2020 - sum(p.innovations for p in plans)
    extra = split_total(rng, missing, [p.innovations for p in si]) if missing > 0 else [0] * len(si)
    for plan, more in zip(si, extra, strict=True):
        plan.innovations += more
    assert sum(p.innovations for p in plans) == INNOVATIONS_2020, "2020 calibration"
    for plan in plans:
        plan.low, plan.high = _band(plan)
    return plans


def _band(plan: Plan) -> tuple[int, int | None]:
    if plan.predicate == "tidak_dapat_dinilai":
        return 0, 0
    if plan.region.code == LAMPUNG:
        return LAMPUNG_2020[1], LAMPUNG_2020[1]
    if plan.region.code in LOWEST_PROVINCES_2020:
        return LOWEST_BAND_2020
    if plan.region.tingkat == "provinsi" and plan.predicate == "kurang_inovatif":
        return OTHER_KI_PROVINCES_2020
    return BANDS_2020[plan.predicate]


def draw_levels(rng: random.Random, ids: list[str], mean: float) -> dict[str, int]:
    """Levels 0–3 averaging about ``mean``."""
    out = {}
    for indicator in ids:
        value = rng.gauss(mean, 0.8)
        out[indicator] = max(0, min(3, round(value)))
    return out


def fit_2020(rulebook: Rulebook, plan: Plan, rng: random.Random) -> RegionInput:
    """Draw levels for a region and nudge them until the engine's total is in the plan's range
    (an exact figure when low == high, as Lampung's 35,336)."""
    spd_ids = [i.id for i in rulebook.spd_indicators]
    sid_ids = [i.id for i in rulebook.sid_indicators]
    low, high = plan.low, plan.high
    n = plan.innovations
    if low == high:
        target: float = low
    else:
        ceiling = high if high is not None else 1100 + 40 * n
        margin = min(40, (ceiling - low) // 5)
        target = rng.uniform(low + margin, ceiling - margin)
    spd = draw_levels(rng, spd_ids, 1.6 if plan.predicate == "sangat_inovatif" else 1.0)
    mean = max(0.05, min(2.8, (target - sum(spd.values())) / max(n, 1) / 50))
    innovations = [draw_levels(rng, sid_ids, mean) for _ in range(n)]

    def total() -> float:
        region = _region_input(plan.region.code, spd, innovations, [()] * n)
        return float(score_region(rulebook, region).total)

    weights = {i.id: int(i.weight) for i in rulebook.sid_indicators}
    current = total()
    while current < low or (high is not None and current > high):
        grid = rng.choice(innovations) if innovations else spd
        key = rng.choice(list(grid))
        step = 1 if current < low else -1
        if 0 <= grid[key] + step <= 3:
            grid[key] += step
            current += step * weights.get(key, 1)
    return _region_input(plan.region.code, spd, innovations, [()] * n)


def _region_input(code, spd, innovations, urusan) -> RegionInput:
    return RegionInput(
        code=code,
        spd={k: EngineAnswer(v) for k, v in spd.items()},
        innovations=tuple(
            InnovationInput(f"I{n}", {k: EngineAnswer(v) for k, v in levels.items()}, u)
            for n, (levels, u) in enumerate(zip(innovations, urusan, strict=True))
        ),
    )
