"""The IID scoring engine: verified levels in, an explained score out.

Pure: no Django, no I/O. Every point in a result traces to one indicator, one level and the
reference (``Answer.ref``) of the verification decision that set that level.

Two paths, proved equal by property tests: ``score_region`` sums integer points over the
rulebook's compiled tables (``scoring.tables``) and builds the per-line explanation only when
``spd_lines`` or ``innovation_scores`` is read; ``score_region_explained`` builds every line
first and sums their Decimal points, as the rules read.

Arithmetic and rounding (documented in docs/scoring.md):
- every sum, product and quotient is a ``Decimal`` in the default context (28 significant
  digits); nothing is rounded on the way;
- the final index is rounded once, half-up, to 2 decimals: the IID on normalised rulebooks,
  the raw total on the 2020 scale;
- the predicate is read from that rounded value, which closes gaps such as 34.99/35.00 in the
  2023 bands;
- SPD, SID and total are reported rounded half-up to 2 decimals for display only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from typing import NamedTuple, Protocol

from inovda.rulebooks.model import MAX_LEVEL, PREDICATE_LABELS, Predicate, Rulebook
from inovda.scoring.tables import Row, Tables, tables_for

CENT = Decimal("0.01")
ZERO = Decimal(0)
HUNDRED = Decimal(100)


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Answer:
    """A verified parameter level (0 = nothing accepted) and the decision that set it."""

    level: int
    ref: str | None = None


Levels = Mapping[str, Answer]
NO_ANSWER = Answer(0)


@dataclass(frozen=True)
class InnovationInput:
    name: str
    levels: Levels
    urusan: tuple[str, ...] = ()
    key: str = ""
    # An innovation declared ineligible by a verifier leaves the count and the sums.
    eligible: bool = True
    ineligible_reason: str = ""
    # Not scored: carried for the eligibility checklist and the interchange round trip.
    developed_on: date | None = None


@dataclass(frozen=True)
class RegionInput:
    code: str
    spd: Levels
    innovations: tuple[InnovationInput, ...] = ()
    # None: the region counts as having reported when it sent any innovation or SPD answer.
    reported: bool | None = None

    @property
    def has_reported(self) -> bool:
        if self.reported is not None:
            return self.reported
        return bool(self.innovations) or any(a.level > 0 for a in self.spd.values())


class Line(NamedTuple):
    """One indicator's contribution: points = weight × level, or 0 when not counted (an
    ineligible innovation, a region that did not report). A named tuple: a breakdown builds
    one per answer, and a tuple is several times cheaper to make than a frozen dataclass."""

    indicator_id: str
    level: int
    weight: Decimal
    points: Decimal
    max_points: Decimal
    ref: str | None
    counted: bool = True


@dataclass(frozen=True)
class InnovationScore:
    key: str
    name: str
    eligible: bool
    total: Decimal
    lines: tuple[Line, ...]
    # Why the innovation adds nothing ("" when it counts).
    reason: str = ""


NOT_REPORTED = "daerah tidak melaporkan data (reported: false)"
INELIGIBLE = "dinyatakan tidak memenuhi syarat oleh verifikator"


@dataclass(frozen=True)
class RegionScore:
    code: str
    rulebook_year: int
    reported: bool
    spd: Decimal
    sid_sum: Decimal
    divisor: int | None
    sid_indicators: Decimal
    count_score: Decimal
    innovations_counted: int
    yandas_covered: tuple[str, ...]
    count_gate_met: bool
    total: Decimal
    iid: Decimal
    predicate: Predicate
    yandas_missing: tuple[str, ...] = ()
    # "primary" or "primary_and_related"; None when the rulebook has no count term.
    gate_reading: str | None = None
    rulebook: Rulebook | None = field(default=None, repr=False, compare=False)
    region: RegionInput | None = field(default=None, repr=False, compare=False)

    @property
    def sid(self) -> Decimal:
        return self.sid_indicators + self.count_score

    @property
    def predicate_label(self) -> str:
        return PREDICATE_LABELS[self.predicate]

    @cached_property
    def spd_lines(self) -> tuple[Line, ...]:
        assert self.rulebook is not None and self.region is not None
        tables = tables_for(self.rulebook)
        return _lines(tables.spd_rows, self.region.spd, counted=self.reported)

    @cached_property
    def innovation_scores(self) -> tuple[InnovationScore, ...]:
        assert self.rulebook is not None and self.region is not None
        return _innovation_scores(tables_for(self.rulebook), self.region, self.reported)


class ScoringInputError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def level_problem(level: object) -> str | None:
    """Why a level is not one the rules know, or None when it is 0–3."""
    if type(level) is int and 0 <= level <= MAX_LEVEL:
        return None
    if isinstance(level, float) and level.is_integer():
        return f"level {level!r} harus bilangan bulat tanpa desimal (tulis {int(level)})"
    if isinstance(level, bool) or not isinstance(level, int):
        return f"level {level!r} bukan bilangan bulat 0–{MAX_LEVEL}"
    return f"level {level!r} di luar 0–{MAX_LEVEL}"


def check_levels(rulebook: Rulebook, aspect: str, levels: Levels, where: str) -> list[str]:
    """Problems with one set of levels, each naming where it is."""
    problems = []
    for indicator_id, answer in levels.items():
        indicator = rulebook.indicator(indicator_id)
        if indicator is None or indicator.aspect != aspect:
            problems.append(
                f"{where}.{indicator_id}: indikator {indicator_id!r} bukan indikator "
                f"{aspect.upper()} pada rulebook {rulebook.year}"
            )
        problem = level_problem(answer.level)
        if problem:
            problems.append(f"{where}.{indicator_id}: {problem}")
    return problems


def check_region(rulebook: Rulebook, region: RegionInput, where: str = "region") -> list[str]:
    problems = check_levels(rulebook, "spd", region.spd, f"{where}.spd")
    for n, innovation in enumerate(region.innovations):
        problems += check_levels(
            rulebook, "sid", innovation.levels, f"{where}.innovations[{n}].levels"
        )
    return problems


def predicate_for(rulebook: Rulebook, rounded_index: Decimal, reported: bool) -> Predicate:
    if reported:
        for band in rulebook.bands:
            if rounded_index >= band.min:
                return band.predicate
    return "tidak_dapat_dinilai"


def index_per_point(rulebook: Rulebook) -> Decimal:
    """How much the index moves for one point of total score."""
    return tables_for(rulebook).per_point


class HasUrusan(Protocol):
    @property
    def urusan(self) -> tuple[str, ...]: ...


def gate_codes(reading: str | None, innovations: Sequence[HasUrusan]) -> set[str]:
    """The urusan that count towards the yandas gate under the rulebook's reading."""
    return codes_of(reading, (i.urusan for i in innovations))


def codes_of(reading: str | None, urusan: Iterable[tuple[str, ...]]) -> set[str]:
    if reading == "primary":
        return {u[0] for u in urusan if u}
    return {code for u in urusan for code in u}


# --- the fast path: integers over the compiled tables -----------------------------------------


def _units(weights: dict[str, int], levels: Levels) -> int | None:
    """Σ scaled weight × level, or None when a level or an indicator is not valid."""
    total = 0
    for indicator_id, answer in levels.items():
        level = answer.level
        weight = weights.get(indicator_id)
        if weight is None or type(level) is not int or not 0 <= level <= MAX_LEVEL:
            return None
        total += weight * level
    return total


def score_region(rulebook: Rulebook, region: RegionInput) -> RegionScore:
    tables = tables_for(rulebook)
    spd_units = _units(tables.spd_weight, region.spd)
    sid_units, counted, bad = 0, [], spd_units is None
    sid_weight = tables.sid_weight
    for innovation in region.innovations:
        units = _units(sid_weight, innovation.levels)
        if units is None:
            bad = True
        elif innovation.eligible:
            sid_units += units
            counted.append(innovation)
    if bad:
        raise ScoringInputError(check_region(rulebook, region))
    reported = region.has_reported
    if not reported:
        spd_units, sid_units, counted = 0, 0, []
    assert spd_units is not None
    return finish(
        tables,
        region.code,
        region,
        reported,
        tables.points(spd_units),
        tables.points(sid_units),
        len(counted),
        (i.urusan for i in counted),
    )


def finish(
    tables: Tables,
    code: str,
    region: RegionInput | None,
    reported: bool,
    spd: Decimal,
    sid_sum: Decimal,
    n: int,
    urusan: Iterable[tuple[str, ...]],
) -> RegionScore:
    """The headline from the sums: divisor, count term, total, index and predicate. Without
    ``region`` the score carries no lazy explanation (the packed recompute needs none)."""
    divisor: int | None = None
    sid_indicators = sid_sum
    if tables.min_divisor is not None:
        divisor = max(tables.min_divisor, n)
        sid_indicators = sid_sum / divisor
    covered: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    count_score, gate_met = ZERO, True
    if tables.gate_reading is not None:
        codes = codes_of(tables.gate_reading, urusan)
        covered = tuple(c for c in tables.yandas if c in codes)
        missing = tuple(c for c in tables.yandas if c not in codes)
        gate_met = len(covered) >= tables.yandas_required
        if gate_met:
            count_score = tables.per_innovation * min(n, tables.cap)
    total = spd + sid_indicators + count_score
    if tables.max_total is not None:
        iid = round2(total / tables.max_total * HUNDRED)
    else:
        iid = round2(total)
    return RegionScore(
        code=code,
        rulebook_year=tables.rulebook.year,
        reported=reported,
        spd=spd,
        sid_sum=sid_sum,
        divisor=divisor,
        sid_indicators=sid_indicators,
        count_score=count_score,
        innovations_counted=n,
        yandas_covered=covered,
        count_gate_met=gate_met,
        total=total,
        iid=iid,
        predicate=predicate_for(tables.rulebook, iid, reported),
        yandas_missing=missing,
        gate_reading=tables.gate_reading,
        rulebook=tables.rulebook,
        region=region,
    )


# --- the explained path: one Line per indicator, as the rules read ----------------------------


def _lines(rows: tuple[Row, ...], levels: Levels, counted: bool) -> tuple[Line, ...]:
    get = levels.get
    lines = []
    for indicator_id, weight, max_points, points in rows:
        answer = get(indicator_id, NO_ANSWER)
        level = answer.level
        lines.append(
            Line(
                indicator_id,
                level,
                weight,
                points[level] if counted else ZERO,
                max_points,
                answer.ref,
                counted,
            )
        )
    return tuple(lines)


def _innovation_scores(
    tables: Tables, region: RegionInput, reported: bool
) -> tuple[InnovationScore, ...]:
    scores = []
    for innovation in region.innovations:
        counted = reported and innovation.eligible
        lines = _lines(tables.sid_rows, innovation.levels, counted)
        if not reported:
            reason = NOT_REPORTED
        elif not innovation.eligible:
            reason = innovation.ineligible_reason or INELIGIBLE
        else:
            reason = ""
        scores.append(
            InnovationScore(
                key=innovation.key,
                name=innovation.name,
                eligible=innovation.eligible,
                total=sum((line.points for line in lines), ZERO),
                lines=lines,
                reason=reason,
            )
        )
    return tuple(scores)


def score_region_explained(rulebook: Rulebook, region: RegionInput) -> RegionScore:
    """Every line first, then the sums of their Decimal points: the reference the fast path
    is proved against (tests/scoring), with the lines already built."""
    problems = check_region(rulebook, region)
    if problems:
        raise ScoringInputError(problems)
    tables = tables_for(rulebook)
    reported = region.has_reported
    spd_lines = _lines(tables.spd_rows, region.spd, counted=reported)
    innovation_scores = _innovation_scores(tables, region, reported)
    counted = [i for i in region.innovations if i.eligible and reported]
    score = finish(
        tables,
        region.code,
        region,
        reported,
        sum((line.points for line in spd_lines), ZERO),
        sum((s.total for s in innovation_scores), ZERO),
        len(counted),
        (i.urusan for i in counted),
    )
    score.__dict__.update(spd_lines=spd_lines, innovation_scores=innovation_scores)
    return score
