"""Shared test data: a small published period built through the real pipeline."""

from dataclasses import dataclass

from inovda.innovations.models import Answer, Innovation, Status
from inovda.regions.models import Period, Region
from inovda.regions.services import create_period
from inovda.results.models import Publication
from inovda.results.services import publish_period, recompute_period
from inovda.rulebooks.loader import load_rulebook

# code → (innovations, SPD level, SID level): every other region reports nothing.
DEFAULT_DATA = {
    "36.04": (8, 2, 3),  # Kabupaten Serang
    "36.73": (3, 2, 2),  # Kota Serang
    "36.03": (2, 1, 1),  # Kabupaten Tangerang
    "36": (12, 3, 3),  # Provinsi Banten
    "93.01": (1, 1, 1),  # Kabupaten Merauke: Papua, perbatasan
}
URUSAN = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.16", "2.13"]


@dataclass
class PublishedPeriod:
    period: Period
    publication: Publication

    def region(self, code: str) -> Region:
        return self.period.regions.get(code=code)


def add_innovations(region: Region, count: int, spd_level: int, sid_level: int) -> list[Innovation]:
    rulebook = load_rulebook(region.period.rulebook_year)
    Answer.objects.bulk_create(
        Answer(region=region, indicator_id=i.id, claimed_level=3, verified_level=spd_level)
        for i in rulebook.spd_indicators
    )
    innovations = Innovation.objects.bulk_create(
        Innovation(
            region=region,
            name=f"Inovasi {region.code} nomor {n + 1}",
            urusan_utama=URUSAN[n % len(URUSAN)],
            tujuan="Mempercepat layanan publik",
            manfaat="Layanan lebih cepat",
            status=Status.VERIFIED,
        )
        for n in range(count)
    )
    Answer.objects.bulk_create(
        Answer(
            region=region,
            innovation=innovation,
            indicator_id=i.id,
            claimed_level=3,
            verified_level=sid_level,
        )
        for innovation in innovations
        for i in rulebook.sid_indicators
    )
    return innovations


def published_period(year: int = 2026, data: dict | None = None) -> PublishedPeriod:
    period = create_period(year)
    for code, (count, spd_level, sid_level) in (data or DEFAULT_DATA).items():
        add_innovations(period.regions.get(code=code), count, spd_level, sid_level)
    recompute_period(period)
    return PublishedPeriod(period, publish_period(period, note="uji"))


def republish(published: PublishedPeriod) -> Publication:
    """A new publication of the period: edits made after publishing reach the public only so."""
    recompute_period(published.period)
    return publish_period(published.period, note="koreksi")
