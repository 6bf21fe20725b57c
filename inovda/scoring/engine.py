"""The IID scoring engine: verified levels in, an explained score out.

Pure: no Django, no I/O. Every point in a result traces to one indicator, one level and the
reference (``Answer.ref``) of the verification decision that set that level.

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

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from inovda.rulebooks.model import MAX_LEVEL, Indicator, Predicate, Rulebook

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


@dataclass(frozen=True)
class InnovationInput:
    name: str
    levels: Levels
    urusan: tuple[str, ...] = ()
    key: str = ""
    # An innovation declared ineligible by a verifier leaves the count and the sums.
    eligible: bool = True


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


@dataclass(frozen=True)
class Line:
    """One indicator's contribution: points = weight × level."""

    indicator_id: str
    level: int
    weight: Decimal
    points: Decimal
    max_points: Decimal
    ref: str | None


@dataclass(frozen=True)
class InnovationScore:
    key: str
    name: str
    eligible: bool
    total: Decimal
    lines: tuple[Line, ...]


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
    spd_lines: tuple[Line, ...]
    innovation_scores: tuple[InnovationScore, ...]

    @property
    def sid(self) -> Decimal:
        return self.sid_indicators + self.count_score


class ScoringInputError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


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
        level = answer.level
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= MAX_LEVEL:
            problems.append(f"{where}.{indicator_id}: level {level!r} di luar 0–{MAX_LEVEL}")
    return problems


def check_region(rulebook: Rulebook, region: RegionInput, where: str = "region") -> list[str]:
    problems = check_levels(rulebook, "spd", region.spd, f"{where}.spd")
    for n, innovation in enumerate(region.innovations):
        problems += check_levels(
            rulebook, "sid", innovation.levels, f"{where}.innovations[{n}].levels"
        )
    return problems


def _lines(indicators: tuple[Indicator, ...], levels: Levels) -> tuple[Line, ...]:
    lines = []
    for indicator in indicators:
        answer = levels.get(indicator.id, Answer(0))
        lines.append(
            Line(
                indicator_id=indicator.id,
                level=answer.level,
                weight=indicator.weight,
                points=indicator.weight * answer.level,
                max_points=indicator.max_points,
                ref=answer.ref,
            )
        )
    return tuple(lines)


def _total(lines: tuple[Line, ...]) -> Decimal:
    return sum((line.points for line in lines), ZERO)


def predicate_for(rulebook: Rulebook, rounded_index: Decimal, reported: bool) -> Predicate:
    if reported:
        for band in rulebook.bands:
            if rounded_index >= band.min:
                return band.predicate
    return "tidak_dapat_dinilai"


def score_region(rulebook: Rulebook, region: RegionInput) -> RegionScore:
    problems = check_region(rulebook, region)
    if problems:
        raise ScoringInputError(problems)

    spd_lines = _lines(rulebook.spd_indicators, region.spd)
    spd = _total(spd_lines)
    innovation_scores = []
    for innovation in region.innovations:
        lines = _lines(rulebook.sid_indicators, innovation.levels)
        innovation_scores.append(
            InnovationScore(
                key=innovation.key,
                name=innovation.name,
                eligible=innovation.eligible,
                total=_total(lines) if innovation.eligible else ZERO,
                lines=lines,
            )
        )
    counted = [i for i in region.innovations if i.eligible]
    n = len(counted)
    sid_sum = sum((s.total for s in innovation_scores), ZERO)

    divisor: int | None = None
    count_score = ZERO
    covered: tuple[str, ...] = ()
    gate_met = True
    if rulebook.normalised:
        assert rulebook.aggregation.min_divisor is not None
        divisor = max(rulebook.aggregation.min_divisor.value, n)
        sid_indicators = sid_sum / divisor
    else:
        sid_indicators = sid_sum
    if rulebook.count_score is not None:
        rule = rulebook.count_score
        urusan = {u for i in counted for u in i.urusan}
        covered = tuple(sorted(urusan.intersection(rule.yandas)))
        gate_met = len(covered) >= rule.yandas_required.value
        if gate_met:
            count_score = rule.per_innovation.value * min(n, rule.cap.value)

    total = spd + sid_indicators + count_score
    if rulebook.normalised:
        assert rulebook.aggregation.max_total is not None
        iid = round2(total / rulebook.aggregation.max_total.value * HUNDRED)
    else:
        iid = round2(total)
    reported = region.has_reported
    return RegionScore(
        code=region.code,
        rulebook_year=rulebook.year,
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
        predicate=predicate_for(rulebook, iid, reported),
        spd_lines=spd_lines,
        innovation_scores=tuple(innovation_scores),
    )


def index_per_point(rulebook: Rulebook) -> Decimal:
    """How much the index moves for one point of total score."""
    if rulebook.normalised:
        assert rulebook.aggregation.max_total is not None
        return HUNDRED / rulebook.aggregation.max_total.value
    return Decimal(1)
