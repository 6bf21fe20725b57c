"""Innovation profiles of the synthetic demo: names, urusan, dates and narratives that meet the
rulebook's eligibility rules (window, design words, unique names) and the real urusan shape."""

from __future__ import annotations

import random
from datetime import date, timedelta

from inovda.demo.figures import DEVELOPED_SHARE, OPD, TOPICS, URUSAN_SHARES, WORDS_A, WORDS_B
from inovda.demo.narrative import design_narrative
from inovda.innovations.eligibility import normalise_name
from inovda.innovations.models import Bentuk, Inisiator, Innovation, Jenis, Status, Tahapan
from inovda.regions.models import Region
from inovda.rulebooks.model import Rulebook
from inovda.rulebooks.urusan import URUSAN, YANDAS


def split_total(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    """Integers proportional to weights that add up to exactly total."""
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    for i in rng.sample(range(len(counts)), total - sum(counts)):
        counts[i] += 1
    return counts


def deal_urusan(rng: random.Random, counts: list[int]) -> list[list[str]]:
    """Primary urusan for every region's innovations. Most regions with 8 or more cover the six
    yandas (the 2026 count gate); the rest is dealt from one national deck cut to
    ``URUSAN_SHARES``, so the national distribution is the real one (kesehatan 21.8 %)."""
    covers = [n >= 8 and rng.random() < 0.85 for n in counts]
    codes = list(URUSAN_SHARES)
    wanted = dict(
        zip(codes, split_total(rng, sum(counts), list(URUSAN_SHARES.values())), strict=True)
    )
    for code in YANDAS:
        wanted[code] -= sum(covers)
        assert wanted[code] >= 0, f"urusan {code}: share too small for the yandas coverage"
    deck = [code for code, n in wanted.items() for _ in range(n)]
    rng.shuffle(deck)
    dealt, position = [], 0
    for n, cover in zip(counts, covers, strict=True):
        hand = list(YANDAS) if cover else []
        hand += deck[position : position + n - len(hand)]
        position += n - (len(YANDAS) if cover else 0)
        rng.shuffle(hand)
        dealt.append(hand)
    return dealt


def innovation_name(rng: random.Random, code: str, seen: set[str]) -> str:
    """A name not yet used in the region, compared as the checklist compares names."""
    topic = TOPICS.get(code, URUSAN[code].split()[0])
    name = ""
    for attempt in range(40):
        first = rng.choice(WORDS_A)
        name = f"{first}{topic}" if first in ("Si", "E-") else f"{first} {topic}"
        name = f"{name} {rng.choice(WORDS_B)}"
        if attempt >= 20:
            name = f"{name} {attempt - 18}"
        if normalise_name(name) not in seen:
            break
    seen.add(normalise_name(name))
    return name


def dates(rng: random.Random, rulebook: Rulebook) -> tuple[date, date, date | None]:
    """Trial, implementation and development dates inside the rulebook's window; a few
    implemented earlier and developed inside it, where the rulebook has that path."""
    rules = rulebook.eligibility
    assert rules.window_start and rules.window_end, "the demo needs a window"
    span = (rules.window_end - rules.window_start).days
    developed = None
    if rules.developed_window is not None and rng.random() < DEVELOPED_SHARE:
        path = rules.developed_window
        applied = rules.window_start - timedelta(days=rng.randrange(60, 1100))
        developed = path.start + timedelta(days=rng.randrange((path.end - path.start).days + 1))
    else:
        applied = rules.window_start + timedelta(days=rng.randrange(span + 1))
    return applied - timedelta(days=rng.randrange(30, 240)), applied, developed


def make_profile(
    rng: random.Random,
    rulebook: Rulebook,
    region: Region,
    name: str,
    urusan: str,
    jenis: str | None = None,
) -> Innovation:
    trial, applied, developed = dates(rng, rulebook)
    theme = URUSAN[urusan].lower()
    opd = OPD.get(urusan, "Bappeda")
    narrative = design_narrative(
        rng,
        name=name,
        region=region.name,
        theme=theme,
        opd=opd,
        min_words=rulebook.eligibility.min_design_words or 0,
    )
    return Innovation(
        region=region,
        name=name,
        tahapan=rng.choice([Tahapan.PENERAPAN] * 4 + [Tahapan.UJI_COBA, Tahapan.INISIATIF]),
        inisiator=rng.choice(list(Inisiator)),
        nama_inisiator=opd,
        jenis=jenis or rng.choice([Jenis.DIGITAL, Jenis.DIGITAL, Jenis.NON_DIGITAL]),
        bentuk=rng.choice(list(Bentuk)),
        urusan_utama=urusan,
        urusan_terkait=rng.sample([c for c in URUSAN if c != urusan], rng.randint(0, 2)),
        tanggal_uji_coba=trial,
        tanggal_penerapan=applied,
        developed_on=developed,
        rancang_bangun=narrative,
        tujuan=f"Mempercepat dan mempermudah layanan {theme} bagi warga {region.name}.",
        manfaat=f"Warga memperoleh layanan {theme} lebih cepat, murah dan transparan.",
        hasil="Waktu layanan turun dan kepuasan masyarakat naik (angka sintetis).",
        anggaran=rng.randrange(10, 2000) * 1_000_000,
        opd=opd,
        status=Status.VERIFIED,
    )
