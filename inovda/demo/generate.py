"""Building blocks of the synthetic demo: a plan per pemda, levels fitted to a predicate band,
plausible innovation profiles, and a bulk writer for the answers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection
from django.utils import timezone

from inovda.demo.figures import (
    BANDS_2020,
    FIXED_COUNTS_2020,
    INNOVATIONS_2020,
    LOWEST_PROVINCES_2020,
    OPD,
    PREDICATES_2020,
    SERANG,
    TINGKAT,
    TOPICS,
    WORDS_A,
    WORDS_B,
)
from inovda.innovations.models import (
    Answer,
    Bentuk,
    Inisiator,
    Innovation,
    Jenis,
    Status,
    Tahapan,
    Verification,
)
from inovda.innovations.subtotals import refresh_subtotals
from inovda.innovations.urusan import URUSAN, YANDAS
from inovda.regions.models import Region
from inovda.rulebooks.model import Rulebook
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput, score_region


@dataclass
class Plan:
    region: Region
    predicate: str
    innovations: int


def split_total(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Integers proportional to weights that add up to exactly total."""
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in rng.sample(range(len(counts)), total - sum(counts)):
        counts[i] += 1
    return counts


def plan_2020(regions: list[Region], rng: random.Random) -> list[Plan]:
    """Give every pemda its published-mix predicate and an innovation count."""
    plans: list[Plan] = []
    for t, tingkat in enumerate(TINGKAT):
        pool = sorted((r for r in regions if r.tingkat == tingkat), key=lambda r: r.code)
        rng.shuffle(pool)
        # Pin the regions whose 2020 predicate is a matter of record.
        pinned = {SERANG: "sangat_inovatif", "18": "sangat_inovatif"}
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
    return plans


def draw_levels(rng: random.Random, ids: list[str], mean: float) -> dict[str, int]:
    """Levels 0–3 averaging about ``mean``."""
    out = {}
    for indicator in ids:
        value = rng.gauss(mean, 0.8)
        out[indicator] = max(0, min(3, round(value)))
    return out


def fit_2020(rulebook: Rulebook, plan: Plan, rng: random.Random) -> RegionInput:
    """Draw levels for a region and nudge them until the engine puts it in its band."""
    spd_ids = [i.id for i in rulebook.spd_indicators]
    sid_ids = [i.id for i in rulebook.sid_indicators]
    low, high = BANDS_2020[plan.predicate]
    n = plan.innovations
    target = rng.uniform(low + 40, (high or 1100 + 40 * n) - 20)
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


def innovation_name(rng: random.Random, code: str, seen: set[str]) -> str:
    topic = TOPICS.get(code, URUSAN[code].split()[0])
    for _ in range(20):
        first = rng.choice(WORDS_A)
        name = f"{first}{topic}" if first in ("Si", "E-") else f"{first} {topic}"
        name = f"{name} {rng.choice(WORDS_B)}"
        if name not in seen:
            break
    else:
        name = f"{name} {len(seen) + 1}"
    seen.add(name)
    return name


def make_profile(rng: random.Random, region: Region, year: int, name: str, urusan: str, jenis=None):
    start = date(year - 2, 1, 1) + timedelta(days=rng.randrange(0, 500))
    theme = URUSAN[urusan].lower()
    return Innovation(
        region=region,
        name=name,
        tahapan=rng.choice([Tahapan.PENERAPAN] * 4 + [Tahapan.UJI_COBA, Tahapan.INISIATIF]),
        inisiator=rng.choice(list(Inisiator)),
        nama_inisiator=OPD.get(urusan, "Bappeda"),
        jenis=jenis or rng.choice([Jenis.DIGITAL, Jenis.DIGITAL, Jenis.NON_DIGITAL]),
        bentuk=rng.choice(list(Bentuk)),
        urusan_utama=urusan,
        urusan_terkait=rng.sample([c for c in URUSAN if c != urusan], rng.randint(0, 2)),
        tanggal_uji_coba=start,
        tanggal_penerapan=start + timedelta(days=rng.randrange(30, 240)),
        rancang_bangun=(
            f"{name} dirancang oleh {region.name} untuk memperbaiki layanan {theme}. "
            "Data sintetis untuk demo Inovda."
        ),
        tujuan=f"Mempercepat dan mempermudah layanan {theme} bagi warga {region.name}.",
        manfaat=f"Warga memperoleh layanan {theme} lebih cepat, murah dan transparan.",
        hasil="Waktu layanan turun dan kepuasan masyarakat naik (angka sintetis).",
        anggaran=rng.randrange(10, 2000) * 1_000_000,
        opd=OPD.get(urusan, "Bappeda"),
        status=Status.VERIFIED,
    )


def urusan_for(rng: random.Random, n: int) -> list[str]:
    """Primary urusan for n innovations; most regions cover the six yandas."""
    codes = list(URUSAN)
    chosen = list(YANDAS) if n >= 8 and rng.random() < 0.85 else []
    chosen += [rng.choice(codes) for _ in range(n - len(chosen))]
    rng.shuffle(chosen)
    return chosen[:n]


class Writer:
    """Collects rows and writes them in bulk, innovations first (answers need their ids)."""

    def __init__(self) -> None:
        self.innovations: list[Innovation] = []
        self.levels: list[dict[str, int]] = []
        self.claims: list[dict[str, int]] = []
        self.spd: list[Answer] = []

    def innovation(self, innovation: Innovation, levels: dict[str, int], rng: random.Random):
        self.innovations.append(innovation)
        self.levels.append(levels)
        self.claims.append(_claims(rng, levels))

    def spd_answers(self, region: Region, levels: dict[str, int], rng: random.Random):
        claims = _claims(rng, levels)
        self.spd += [
            Answer(region=region, indicator_id=k, verified_level=v, claimed_level=claims[k])
            for k, v in levels.items()
        ]

    def flush(self) -> None:
        Innovation.objects.bulk_create(self.innovations, batch_size=2000)
        now = timezone.now()
        rows = [
            (a.region_id, None, a.indicator_id, a.claimed_level, a.verified_level, now)
            for a in self.spd
        ]
        for innovation, levels, claims in zip(
            self.innovations, self.levels, self.claims, strict=True
        ):
            rows += [
                (innovation.region_id, innovation.pk, k, claims[k], v, now)
                for k, v in levels.items()
            ]
        insert_answers(rows)
        regions = {i.region_id for i in self.innovations}
        refresh_subtotals(Innovation.objects.filter(region_id__in=regions))


def _verification(claimed: int, verified: int) -> str:
    if verified >= claimed:
        return Verification.ACCEPTED
    return Verification.LOWERED if verified else Verification.REJECTED


def insert_answers(rows: list[tuple]) -> None:
    """Bulk insert of verified answers given as (region, innovation, indicator, claimed,
    verified, updated_at). Model instances cost ~40 µs each; the demo and the bench write
    10⁵–10⁶ rows."""
    rows = [(*r[:5], _verification(r[3], r[4]), "", "", "", 1, r[5]) for r in rows]
    table = Answer._meta.db_table
    columns = (
        "region_id, innovation_id, indicator_id, claimed_level, verified_level, verification, "
        "basis, value, note, version, updated_at"
    )
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 11)})"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # COPY: an order of magnitude faster
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        for start in range(0, len(rows), 20_000):
            cursor.executemany(sql, rows[start : start + 20_000])


def _claims(rng: random.Random, levels: dict[str, int]) -> dict[str, int]:
    """What the region claimed: mostly what was verified, sometimes more (evidence rejected)."""
    return {k: min(3, v + 1) if rng.random() < 0.15 else v for k, v in levels.items()}
