"""Synthetic national demo data, calibrated to the published 2020 figures.

Deterministic (seeded). It writes only raw data — periods, innovations and verified answers —
and then runs the real pipeline (engine → results → publication), so every published figure
the demo shows is computed, never written in. What it reproduces for 2020 (methodology §10):
542 autonomous pemda, 484 taking part (34 / 360 / 90), 14,897 innovations against 8,014 in
2019, and predicates 195 / 44 / 245 / 58 split by tingkat as published.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from django.db import transaction

from inovda.demo.figures import (
    INNOVATIONS_2019,
    INNOVATIONS_NOW,
    PARTICIPATION_2019,
    PARTICIPATION_NOW,
    SERANG,
    SERANG_INNOVATIONS,
    TINGKAT,
    YEAR_NOW,
)
from inovda.demo.generate import (
    Writer,
    draw_levels,
    fit_2020,
    innovation_name,
    make_profile,
    plan_2020,
    split_total,
    urusan_for,
)
from inovda.regions.models import Period
from inovda.regions.services import create_period
from inovda.results.services import publish_period, recompute_period
from inovda.rulebooks.loader import load_rulebook

Say = Callable[[str], None]


def load_2020(say: Say) -> Period:
    rng = random.Random(2020)
    rulebook = load_rulebook(2020)
    period = create_period(2020)
    plans = plan_2020(list(period.regions.all()), rng)
    writer = Writer()
    for plan in plans:
        if plan.predicate == "tidak_dapat_dinilai":
            continue  # entered no data: the 2020 disclaimer rule
        fitted = fit_2020(rulebook, plan, rng)
        writer.spd_answers(plan.region, {k: a.level for k, a in fitted.spd.items()}, rng)
        named = SERANG_INNOVATIONS if plan.region.code == SERANG else []
        urusan = urusan_for(rng, plan.innovations)
        seen: set[str] = set()
        for n, innovation in enumerate(fitted.innovations):
            if n < len(named):
                name, code, jenis = named[n]
                seen.add(name)
                profile = make_profile(rng, plan.region, 2020, name, code, jenis)
            else:
                profile = make_profile(
                    rng, plan.region, 2020, innovation_name(rng, urusan[n], seen), urusan[n]
                )
            writer.innovation(profile, {k: a.level for k, a in innovation.levels.items()}, rng)
    writer.flush()
    say(
        f"2020: {len(writer.innovations)} inovasi dari "
        f"{sum(1 for p in plans if p.innovations)} pemda"
    )
    return period


def load_2019(say: Say) -> Period:
    """Only what 2019 needs for the 2020 growth figure: who reported and how many."""
    rng = random.Random(2019)
    period = create_period(2019, rulebook_year=2020)
    regions = list(period.regions.all())
    chosen = []
    for t, tingkat in enumerate(TINGKAT):
        pool = sorted((r for r in regions if r.tingkat == tingkat), key=lambda r: r.code)
        chosen += rng.sample(pool, PARTICIPATION_2019[t])
    counts = split_total(rng, INNOVATIONS_2019 - len(chosen), [rng.random() + 0.2 for _ in chosen])
    writer = Writer()
    for region, extra in zip(chosen, counts, strict=True):
        seen: set[str] = set()
        for code in urusan_for(rng, extra + 1):
            writer.innovations.append(
                make_profile(rng, region, 2019, innovation_name(rng, code, seen), code)
            )
            writer.levels.append({})
            writer.claims.append({})
    writer.flush()
    say(f"2019: {len(writer.innovations)} inovasi dari {len(chosen)} pemda (tanpa penilaian)")
    return period


def load_now(say: Say, year: int = YEAR_NOW, innovations: int = INNOVATIONS_NOW) -> Period:
    """A period under current rules with a plausible spread; the bench uses it at full size."""
    rng = random.Random(year)
    rulebook = load_rulebook(year)
    spd_ids = [i.id for i in rulebook.spd_indicators]
    sid_ids = [i.id for i in rulebook.sid_indicators]
    period = create_period(year)
    regions = sorted(period.regions.all(), key=lambda r: r.code)
    taking_part = [r for r in regions if r.code == SERANG or rng.random() < PARTICIPATION_NOW]
    counts = split_total(rng, innovations, [rng.lognormvariate(0, 0.7) for _ in taking_part])
    writer = Writer()
    for region, n in zip(taking_part, counts, strict=True):
        n = max(n, 1)
        quality = rng.uniform(0.9, 2.6)
        writer.spd_answers(region, draw_levels(rng, spd_ids, quality), rng)
        named = SERANG_INNOVATIONS if region.code == SERANG else []
        seen: set[str] = set()
        for i, code in enumerate(urusan_for(rng, max(n, len(named)))):
            if i < len(named):
                name, code, jenis = named[i]
                seen.add(name)
                profile = make_profile(rng, region, year, name, code, jenis)
            else:
                profile = make_profile(rng, region, year, innovation_name(rng, code, seen), code)
            writer.innovation(profile, draw_levels(rng, sid_ids, quality), rng)
    writer.flush()
    say(f"{year}: {len(writer.innovations)} inovasi dari {len(taking_part)} pemda")
    return period


class DemoAlreadyLoaded(Exception):
    pass


def load_demo(say: Say = print) -> None:
    """Load, recompute and publish the demo periods; refuses if any of them exists."""
    years = [2019, 2020, YEAR_NOW]
    if Period.objects.filter(year__in=years).exists():
        raise DemoAlreadyLoaded("Data demo sudah ada (periode 2019/2020/2026).")
    with transaction.atomic():
        load_2019(say)
        periods = [load_2020(say), load_now(say)]
    for period in periods:
        recompute_period(period)
        publish_period(period, note="Data sintetis untuk demo Inovda.")
        say(f"{period}: dihitung dan dipublikasikan")
