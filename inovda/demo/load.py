"""Synthetic national demo data, calibrated to the published 2020 figures.

Deterministic (seeded). It writes only raw data — periods, innovations and verified answers —
and then runs the real pipeline (engine → results → publication), so every published figure
the demo shows is computed, never written in. What it reproduces for 2020 (methodology §10):
542 autonomous pemda, 484 taking part (34 / 360 / 90), 14,897 innovations against 8,014 in
2019, and predicates 195 / 44 / 245 / 58 split by tingkat as published; Lampung's 319
innovations and 35,336 points; the five provinces published as lowest are the lowest. That
calibration plans each region's predicate and total and nudges its levels until the engine lands
there. The data itself obeys the product's rules: every innovation passes the eligibility
checklist before it is stored as verified (see ``writer``), and every period is marked
synthetic.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from django.db import transaction

from inovda.awards.demo import load_award_demo
from inovda.demo.accounts import ensure_demo_accounts
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
from inovda.demo.generate import draw_levels, fit_2020, plan_2020
from inovda.demo.profiles import deal_urusan, innovation_name, make_profile, split_total
from inovda.demo.writer import Writer
from inovda.innovations.eligibility import normalise_name
from inovda.regions.models import Period
from inovda.regions.services import create_period
from inovda.results.services import publish_period, recompute_period
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import Rulebook

Say = Callable[[str], None]
Progress = Callable[[int, int], None]
# A reporter per stage of the load (``TerminalBar.stage`` in ``inovda demo load``).
Stage = Callable[[str], Progress]


def _silent(done: int, total: int) -> None:
    return None


def _no_stage(label: str) -> Progress:
    return _silent


def synthetic_period(year: int, rulebook_year: int | None = None) -> Period:
    """A new period marked synthetic in the data itself: every page, API answer and download
    built on it says so, whatever the settings."""
    period = create_period(year, rulebook_year=rulebook_year)
    period.synthetic = True
    period.save(update_fields=["synthetic"])
    return period


def _innovations(writer, rng, rulebook: Rulebook, region, urusan: list[str], levels) -> None:
    """One region's innovations; Kabupaten Serang's first ones are those named in the seed."""
    named = SERANG_INNOVATIONS if region.code == SERANG else []
    seen: set[str] = set()
    for n, (code, grid) in enumerate(zip(urusan, levels, strict=True)):
        if n < len(named):
            name, code, jenis = named[n]
            seen.add(normalise_name(name))
            profile = make_profile(rng, rulebook, region, name, code, jenis)
        else:
            name = innovation_name(rng, code, seen)
            profile = make_profile(rng, rulebook, region, name, code)
        writer.innovation(profile, grid, rng)


@transaction.atomic
def load_2020(say: Say, progress: Progress = _silent) -> Period:
    rng = random.Random(2020)
    rulebook = load_rulebook(2020)
    period = synthetic_period(2020)
    plans = [p for p in plan_2020(list(period.regions.all()), rng) if p.innovations]
    hands = deal_urusan(rng, [p.innovations for p in plans])
    writer = Writer(rulebook)
    for n, (plan, urusan) in enumerate(zip(plans, hands, strict=True), start=1):
        progress(n, len(plans))
        fitted = fit_2020(rulebook, plan, rng)
        writer.spd_answers(plan.region, {k: a.level for k, a in fitted.spd.items()}, rng)
        levels = [{k: a.level for k, a in i.levels.items()} for i in fitted.innovations]
        _innovations(writer, rng, rulebook, plan.region, urusan, levels)
    writer.flush(period)
    say(f"2020: {len(writer.innovations)} inovasi dari {len(plans)} pemda")
    return period


@transaction.atomic
def load_2019(say: Say, progress: Progress = _silent) -> Period:
    """Only what 2019 needs for the 2020 growth figure: who reported and how many."""
    rng = random.Random(2019)
    period = synthetic_period(2019, rulebook_year=2020)
    rulebook = load_rulebook(period.rulebook_year)
    regions = list(period.regions.all())
    chosen = []
    for t, tingkat in enumerate(TINGKAT):
        pool = sorted((r for r in regions if r.tingkat == tingkat), key=lambda r: r.code)
        chosen += rng.sample(pool, PARTICIPATION_2019[t])
    counts = split_total(rng, INNOVATIONS_2019 - len(chosen), [rng.random() + 0.2 for _ in chosen])
    counts = [n + 1 for n in counts]
    writer = Writer(rulebook)
    for done, (region, n, urusan) in enumerate(
        zip(chosen, counts, deal_urusan(rng, counts), strict=True), start=1
    ):
        progress(done, len(chosen))
        _innovations(writer, rng, rulebook, region, urusan, [{}] * n)
    writer.flush(period)
    say(f"2019: {len(writer.innovations)} inovasi dari {len(chosen)} pemda (tanpa penilaian)")
    return period


@transaction.atomic
def load_now(
    say: Say,
    year: int = YEAR_NOW,
    innovations: int = INNOVATIONS_NOW,
    progress: Progress = _silent,
) -> Period:
    """A period under current rules with a plausible spread; the bench uses it at full size."""
    rng = random.Random(year)
    rulebook = load_rulebook(year)
    spd_ids = [i.id for i in rulebook.spd_indicators]
    sid_ids = [i.id for i in rulebook.sid_indicators]
    period = synthetic_period(year)
    regions = sorted(period.regions.all(), key=lambda r: r.code)
    taking_part = [r for r in regions if r.code == SERANG or rng.random() < PARTICIPATION_NOW]
    counts = split_total(rng, innovations, [rng.lognormvariate(0, 0.7) for _ in taking_part])
    least = {SERANG: len(SERANG_INNOVATIONS)}
    counts = [max(n, least.get(r.code, 1)) for r, n in zip(taking_part, counts, strict=True)]
    writer = Writer(rulebook)
    for done, (region, n, urusan) in enumerate(
        zip(taking_part, counts, deal_urusan(rng, counts), strict=True), start=1
    ):
        progress(done, len(taking_part))
        quality = rng.uniform(0.9, 2.6)
        writer.spd_answers(region, draw_levels(rng, spd_ids, quality), rng)
        levels = [writer.floor(draw_levels(rng, sid_ids, quality)) for _ in range(n)]
        _innovations(writer, rng, rulebook, region, urusan, levels)
    writer.flush(period)
    say(f"{year}: {len(writer.innovations)} inovasi dari {len(taking_part)} pemda")
    return period


class DemoAlreadyLoaded(Exception):
    pass


def load_demo(say: Say = print, stage: Stage = _no_stage) -> None:
    """Load, recompute and publish the demo periods; refuses if any of them exists. ``stage``
    gives a progress reporter for each step (a terminal bar; silent by default)."""
    years = [2019, 2020, YEAR_NOW]
    if Period.objects.filter(year__in=years).exists():
        raise DemoAlreadyLoaded("Data demo sudah ada (periode 2019/2020/2026).")
    with transaction.atomic():  # all or nothing: a failure leaves no half-loaded demo
        load_2019(say, stage("2019: memuat inovasi"))
        loaded = [
            load_2020(say, stage("2020: memuat dan menyetel inovasi")),
            load_now(say, progress=stage(f"{YEAR_NOW}: memuat inovasi")),
        ]
        for period in loaded:
            recompute_period(period, progress=stage(f"{period.year}: menghitung"))
            published = stage(f"{period.year}: memublikasikan")
            published(0, 1)
            publish_period(period, note="Data sintetis untuk demo Inovda.")
            published(1, 1)
            say(f"{period}: dihitung dan dipublikasikan")
        # The award needs its national admin and jurors: the demo accounts come first.
        ensure_demo_accounts()
        load_award_demo(say, stage("IGA 2020: membuat piagam"))
