"""A rulebook compiled once into the lookup tables the engine sums over.

Weights are turned into integers by one common scale (0.75 → 75 at scale 100), so a region's
points are a sum of ``int`` products; ``Decimal`` only enters where the rules divide (the SID
divisor, the normalisation) and round. The explanation is built from the same tables, so
every point it shows is one the fast path counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from inovda.rulebooks.model import MAX_LEVEL, GateReading, Indicator, Rulebook

HUNDRED = Decimal(100)

# One indicator as the explanation needs it: id, weight, max points, points at level 0–3.
Row = tuple[str, Decimal, Decimal, tuple[Decimal, ...]]


def _rows(indicators: tuple[Indicator, ...]) -> tuple[Row, ...]:
    return tuple(
        (i.id, i.weight, i.max_points, tuple(i.weight * level for level in range(MAX_LEVEL + 1)))
        for i in indicators
    )


@dataclass(frozen=True)
class Tables:
    rulebook: Rulebook
    # Integer points are weight × scale × level; divide by ``scale`` to get Decimal points.
    scale: int
    spd: tuple[Indicator, ...]
    sid: tuple[Indicator, ...]
    spd_weight: dict[str, int]
    sid_weight: dict[str, int]
    spd_rows: tuple[Row, ...]
    sid_rows: tuple[Row, ...]
    # How much the index moves for one point of total score.
    per_point: Decimal
    min_divisor: int | None
    max_total: Decimal | None
    per_innovation: Decimal
    cap: int
    yandas: tuple[str, ...]
    yandas_required: int
    gate_reading: GateReading | None

    def points(self, units: int) -> Decimal:
        """Integer units back to exact Decimal points."""
        return Decimal(units) / self.scale if self.scale != 1 else Decimal(units)


def _places(weight: Decimal) -> int:
    exponent = weight.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def compile_rulebook(rulebook: Rulebook) -> Tables:
    places = max((_places(i.weight) for i in rulebook.indicators), default=0)
    scale = 10**places

    def weights(indicators: tuple[Indicator, ...]) -> dict[str, int]:
        return {i.id: int(i.weight * scale) for i in indicators}

    agg, cs = rulebook.aggregation, rulebook.count_score
    max_total = agg.max_total.value if agg.max_total is not None else None
    return Tables(
        rulebook=rulebook,
        scale=scale,
        spd=rulebook.spd_indicators,
        sid=rulebook.sid_indicators,
        spd_weight=weights(rulebook.spd_indicators),
        sid_weight=weights(rulebook.sid_indicators),
        spd_rows=_rows(rulebook.spd_indicators),
        sid_rows=_rows(rulebook.sid_indicators),
        per_point=HUNDRED / max_total if max_total is not None else Decimal(1),
        min_divisor=agg.min_divisor.value if agg.min_divisor is not None else None,
        max_total=max_total,
        per_innovation=cs.per_innovation.value if cs is not None else Decimal(0),
        cap=cs.cap.value if cs is not None else 0,
        yandas=cs.yandas if cs is not None else (),
        yandas_required=cs.yandas_required.value if cs is not None else 0,
        gate_reading=cs.gate_reading.value if cs is not None else None,
    )


# Keyed by identity: rulebooks are few (the loader caches them) and a hash of one would cost
# as much as compiling it. The rulebook is kept in the value so its id is never reused.
_COMPILED: dict[int, Tables] = {}


def tables_for(rulebook: Rulebook) -> Tables:
    found = _COMPILED.get(id(rulebook))
    if found is None or found.rulebook is not rulebook:
        if len(_COMPILED) > 256:
            _COMPILED.clear()
        found = _COMPILED[id(rulebook)] = compile_rulebook(rulebook)
    return found
