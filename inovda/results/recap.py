"""The national recap of a period: the table a Kemendagri press release carries."""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol

from inovda.regions.clusters import TIERS

TINGKAT = tuple(c.value for c in TIERS)
PREDICATES = ("sangat_inovatif", "inovatif", "kurang_inovatif", "tidak_dapat_dinilai")


class RecapRow(Protocol):
    tingkat: str
    innovations_reported: int
    predicate: str


def _pct(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _by_tingkat() -> dict[str, int]:
    return {**dict.fromkeys(TINGKAT, 0), "total": 0}


def build_recap(
    period: int, rows: Iterable[RecapRow], innovations_previous: int | None
) -> dict[str, Any]:
    """Participation = at least one innovation reported. Percentages are rounded half-up to one
    decimal; growth is null when the previous period is unknown."""
    regions, participating = _by_tingkat(), _by_tingkat()
    predicates = {p: _by_tingkat() for p in PREDICATES}
    innovations = 0
    for row in rows:
        for counter in (regions, predicates[row.predicate]):
            counter[row.tingkat] += 1
            counter["total"] += 1
        if row.innovations_reported:
            participating[row.tingkat] += 1
            participating["total"] += 1
            innovations += row.innovations_reported
    growth = None
    if innovations_previous:
        growth = _pct(innovations - innovations_previous, innovations_previous)
    return {
        "period": period,
        "regions": regions,
        "participating": participating,
        "participation_pct": _pct(participating["total"], regions["total"]),
        "innovations": innovations,
        "innovations_previous": innovations_previous,
        "growth_pct": growth,
        "predicates": predicates,
    }
