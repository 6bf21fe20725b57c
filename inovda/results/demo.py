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
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connection, transaction
from django.utils import timezone

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
from inovda.innovations.urusan import URUSAN, YANDAS
from inovda.regions.models import Period, Region
from inovda.regions.services import create_period
from inovda.results.services import publish_period, recompute_period
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import Rulebook
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput, score_region

Say = Callable[[str], None]

SERANG = "36.04"
# Named in the seed article (jejakbanten.com, IGA 2020), with the urusan they serve.
SERANG_INNOVATIONS = [
    ("Sistem Aplikasi Informasi Publik (Sialip)", "2.16", Jenis.DIGITAL),
    ("ebumdes", "2.13", Jenis.DIGITAL),
    ("Sistem Informasi Promosi dan Investasi (Sipromin)", "2.18", Jenis.DIGITAL),
    ("Sistem Manajemen Anti Suap (Simantap)", "6.01", Jenis.NON_DIGITAL),
    ("Sistem Pelayanan Kepegawaian Elektronik (Simpel)", "5.03", Jenis.DIGITAL),
    ("Sistem Informasi Pembinaan Peserta KB Aktif (Sippka)", "2.14", Jenis.DIGITAL),
    ("Rakyat Bersatu untuk Keluarga Berencana (Ratu Kencana)", "2.14", Jenis.NON_DIGITAL),
]
SERANG_2020_COUNT = 61
# Lampung: 319 innovations in 2020 (methodology §4.3, a confirmed data point).
FIXED_COUNTS_2020 = {SERANG: SERANG_2020_COUNT, "18": 319}
# The five lowest provinces of 2020, all Kurang Inovatif (methodology §10.2).
LOWEST_PROVINCES_2020 = ["52", "61", "81", "64", "75"]

# Published 2020 figures, per tingkat: provinsi, kabupaten, kota.
PREDICATES_2020 = {
    "sangat_inovatif": (21, 131, 43),
    "inovatif": (3, 30, 11),
    "kurang_inovatif": (10, 199, 36),
    "tidak_dapat_dinilai": (0, 55, 3),
}
INNOVATIONS_2020 = 14_897
PARTICIPATION_2019 = (27, 175, 58)
INNOVATIONS_2019 = 8_014
TINGKAT = ("provinsi", "kabupaten", "kota")

# The current period: participation and volume are plausible, not published figures.
YEAR_NOW = 2026
PARTICIPATION_NOW = 0.97
INNOVATIONS_NOW = 12_000

WORDS_A = ["Si", "E-", "Gerakan", "Layanan", "Sistem", "Aplikasi", "Program", "Pojok", "Rumah"]
WORDS_B = [
    "Cepat",
    "Terpadu",
    "Pintar",
    "Sehat",
    "Cerdas",
    "Mandiri",
    "Bersih",
    "Peduli",
    "Tangguh",
    "Ramah",
    "Digital",
    "Desa",
    "Warga",
    "Keliling",
    "Terbuka",
    "Satu Data",
    "Tanggap",
]
TOPICS = {
    "1.01": "Sekolah",
    "1.02": "Puskesmas",
    "1.03": "Jalan",
    "1.04": "Rumah Layak",
    "1.05": "Siaga Bencana",
    "1.06": "Bansos",
    "2.07": "Kerja",
    "2.08": "Anak",
    "2.09": "Pangan",
    "2.11": "Sampah",
    "2.12": "Adminduk",
    "2.13": "BUMDes",
    "2.14": "KB",
    "2.15": "Angkutan",
    "2.16": "Informasi",
    "2.17": "UMKM",
    "2.18": "Investasi",
    "3.26": "Wisata",
    "3.27": "Tani",
    "3.25": "Nelayan",
    "5.02": "Pajak",
    "5.03": "ASN",
    "6.01": "Pengawasan",
}
OPD = {
    "1.01": "Dinas Pendidikan",
    "1.02": "Dinas Kesehatan",
    "1.03": "Dinas PUPR",
    "1.04": "Dinas Perkim",
    "1.05": "Satpol PP",
    "1.06": "Dinas Sosial",
    "2.12": "Disdukcapil",
    "2.16": "Diskominfo",
    "2.18": "DPMPTSP",
    "5.02": "BPKAD",
    "5.03": "BKPSDM",
    "6.01": "Inspektorat",
}


@dataclass
class Plan:
    region: Region
    predicate: str
    innovations: int


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
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
    extra = _split(rng, missing, [p.innovations for p in si]) if missing > 0 else [0] * len(si)
    for plan, more in zip(si, extra, strict=True):
        plan.innovations += more
    assert sum(p.innovations for p in plans) == INNOVATIONS_2020, "2020 calibration"
    return plans


def _levels(rng: random.Random, ids: list[str], mean: float) -> dict[str, int]:
    """Levels 0–3 averaging about ``mean``."""
    out = {}
    for indicator in ids:
        value = rng.gauss(mean, 0.8)
        out[indicator] = max(0, min(3, round(value)))
    return out


BANDS_2020 = {
    "sangat_inovatif": (1000.01, None),
    "inovatif": (500.01, 1000),
    "kurang_inovatif": (0.01, 500),
}


def _fit_2020(rulebook: Rulebook, plan: Plan, rng: random.Random) -> RegionInput:
    """Draw levels for a region and nudge them until the engine puts it in its band."""
    spd_ids = [i.id for i in rulebook.spd_indicators]
    sid_ids = [i.id for i in rulebook.sid_indicators]
    low, high = BANDS_2020[plan.predicate]
    n = plan.innovations
    target = rng.uniform(low + 40, (high or 1100 + 40 * n) - 20)
    spd = _levels(rng, spd_ids, 1.6 if plan.predicate == "sangat_inovatif" else 1.0)
    mean = max(0.05, min(2.8, (target - sum(spd.values())) / max(n, 1) / 50))
    innovations = [_levels(rng, sid_ids, mean) for _ in range(n)]

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


def _name(rng: random.Random, code: str, seen: set[str]) -> str:
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


def _profile(rng: random.Random, region: Region, year: int, name: str, urusan: str, jenis=None):
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


def _urusan_for(rng: random.Random, n: int) -> list[str]:
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


def load_2020(say: Say) -> Period:
    rng = random.Random(2020)
    rulebook = load_rulebook(2020)
    period = create_period(2020)
    plans = plan_2020(list(period.regions.all()), rng)
    writer = Writer()
    for plan in plans:
        if plan.predicate == "tidak_dapat_dinilai":
            continue  # entered no data: the 2020 disclaimer rule
        fitted = _fit_2020(rulebook, plan, rng)
        writer.spd_answers(plan.region, {k: a.level for k, a in fitted.spd.items()}, rng)
        named = SERANG_INNOVATIONS if plan.region.code == SERANG else []
        urusan = _urusan_for(rng, plan.innovations)
        seen: set[str] = set()
        for n, innovation in enumerate(fitted.innovations):
            if n < len(named):
                name, code, jenis = named[n]
                seen.add(name)
                profile = _profile(rng, plan.region, 2020, name, code, jenis)
            else:
                profile = _profile(rng, plan.region, 2020, _name(rng, urusan[n], seen), urusan[n])
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
    counts = _split(rng, INNOVATIONS_2019 - len(chosen), [rng.random() + 0.2 for _ in chosen])
    writer = Writer()
    for region, extra in zip(chosen, counts, strict=True):
        seen: set[str] = set()
        for code in _urusan_for(rng, extra + 1):
            writer.innovations.append(_profile(rng, region, 2019, _name(rng, code, seen), code))
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
    counts = _split(rng, innovations, [rng.lognormvariate(0, 0.7) for _ in taking_part])
    writer = Writer()
    for region, n in zip(taking_part, counts, strict=True):
        n = max(n, 1)
        quality = rng.uniform(0.9, 2.6)
        writer.spd_answers(region, _levels(rng, spd_ids, quality), rng)
        named = SERANG_INNOVATIONS if region.code == SERANG else []
        seen: set[str] = set()
        for i, code in enumerate(_urusan_for(rng, max(n, len(named)))):
            if i < len(named):
                name, code, jenis = named[i]
                seen.add(name)
                profile = _profile(rng, region, year, name, code, jenis)
            else:
                profile = _profile(rng, region, year, _name(rng, code, seen), code)
            writer.innovation(profile, _levels(rng, sid_ids, quality), rng)
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
