"""The national recompute's input: one region's levels packed as digits, scored in bulk.

A recompute reads every verified level of a period (800,000 at national scale) once; building
an ``Answer`` and a mapping per level costs more than the scoring itself. Packed, an
innovation's levels are one ASCII digit per SID indicator in the rulebook's order — exactly
the level string the stored breakdown keeps — and its points are a sum over a per-position
table. ``score_packed`` returns the same ``RegionScore`` headline as ``engine.score_region``
(property tests prove it on random regions for every rulebook), plus each innovation's points
and level string for the compact breakdown; it builds no ``Line``. ``score_totals`` gives the
same headline from sums already made (the pemda pages' stored subtotals).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from inovda.rulebooks.model import MAX_LEVEL, Rulebook
from inovda.scoring.engine import ZERO, RegionScore, finish
from inovda.scoring.tables import Tables, tables_for

DIGIT_0 = ord("0")


@dataclass(slots=True)
class PackedInnovation:
    key: str
    name: str
    urusan: tuple[str, ...]
    eligible: bool
    # One ASCII digit per SID indicator, in rulebook order; b"0" where nothing was answered.
    levels: bytearray


@dataclass(slots=True)
class PackedRegion:
    code: str
    # SPD indicator id → level, as answered (zeros included: they count as reporting nothing).
    spd: dict[str, int] = field(default_factory=dict)
    innovations: list[PackedInnovation] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PackedScore:
    score: RegionScore
    # Per innovation, in input order: points (0 when not counted) and the level string.
    points: tuple[Decimal, ...]
    levels: tuple[str, ...]


def sid_positions(rulebook: Rulebook) -> dict[str, int]:
    """SID indicator id → its digit in a packed level string."""
    return {i.id: n for n, i in enumerate(tables_for(rulebook).sid)}


def blank_levels(rulebook: Rulebook) -> bytearray:
    return bytearray(b"0" * len(tables_for(rulebook).sid))


def _position_tables(tables: Tables) -> list[list[int]]:
    # points_at[position][byte] = scaled weight × level, for the digit bytes "0".."3".
    rows = []
    for indicator in tables.sid:
        weight = tables.sid_weight[indicator.id]
        row = [0] * (DIGIT_0 + MAX_LEVEL + 1)
        for level in range(MAX_LEVEL + 1):
            row[DIGIT_0 + level] = weight * level
        rows.append(row)
    return rows


_POSITIONS: dict[int, tuple[Tables, list[list[int]]]] = {}


def _points_at(tables: Tables) -> list[list[int]]:
    found = _POSITIONS.get(id(tables))
    if found is None or found[0] is not tables:
        found = _POSITIONS[id(tables)] = (tables, _position_tables(tables))
    return found[1]


def score_packed(rulebook: Rulebook, region: PackedRegion) -> PackedScore:
    """The caller guarantees every SPD id is the rulebook's and every digit is 0–3 (the adapter
    falls back to ``engine.score_region`` otherwise, which names the problem)."""
    tables = tables_for(rulebook)
    points_at = _points_at(tables)
    spd_weight = tables.spd_weight
    spd_units = sum(spd_weight[k] * level for k, level in region.spd.items())
    reported = bool(region.innovations) or any(level > 0 for level in region.spd.values())
    units = [sum(map(list.__getitem__, points_at, i.levels)) for i in region.innovations]
    counted = [i for i in region.innovations if i.eligible] if reported else []
    sid_units = (
        sum(u for u, i in zip(units, region.innovations, strict=True) if i.eligible)
        if reported
        else 0
    )
    if not reported:
        spd_units = 0
    score = finish(
        tables,
        region.code,
        None,
        reported,
        tables.points(spd_units),
        tables.points(sid_units),
        len(counted),
        (i.urusan for i in counted),
    )
    cache: dict[int, Decimal] = {}
    points = []
    for u, innovation in zip(units, region.innovations, strict=True):
        if not (reported and innovation.eligible):
            points.append(ZERO)
            continue
        found = cache.get(u)
        if found is None:
            found = cache[u] = tables.points(u)
        points.append(found)
    return PackedScore(
        score, tuple(points), tuple(i.levels.decode("ascii") for i in region.innovations)
    )


def score_totals(
    rulebook: Rulebook,
    code: str,
    reported: bool,
    spd_units: int,
    sid_units: int,
    n: int,
    urusan: Iterable[tuple[str, ...]],
) -> RegionScore:
    """The headline from stored sums: integer units at the rulebook's scale (``tables``), the
    number of innovations counted and their urusan. No explanation (no lines) is attached."""
    tables = tables_for(rulebook)
    if not reported:
        spd_units, sid_units, n, urusan = 0, 0, 0, ()
    return finish(
        tables, code, None, reported, tables.points(spd_units), tables.points(sid_units), n, urusan
    )
