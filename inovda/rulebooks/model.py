"""Typed, immutable view of one assessment year's rules (a rulebook).

Rulebooks are data (``data/<year>.json``); ``loader.load_rulebook`` turns one file into these
objects after validating it. Nothing here imports Django, so the scoring engine can use it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar

Confidence = Literal["confirmed", "inferred", "approximate"]
Aspect = Literal["spd", "sid"]
Method = Literal["raw_sum", "normalised"]
GateReading = Literal["primary", "primary_and_related"]
Predicate = Literal["sangat_inovatif", "inovatif", "kurang_inovatif", "tidak_dapat_dinilai"]

PREDICATES: tuple[Predicate, ...] = (
    "sangat_inovatif",
    "inovatif",
    "kurang_inovatif",
    "tidak_dapat_dinilai",
)
PREDICATE_LABELS: dict[Predicate, str] = {
    "sangat_inovatif": "Sangat Inovatif",
    "inovatif": "Inovatif",
    "kurang_inovatif": "Kurang Inovatif",
    "tidak_dapat_dinilai": "Tidak Dapat Dinilai",
}
CONFIDENCE_LABELS: dict[Confidence, str] = {
    "confirmed": "terkonfirmasi",
    "inferred": "disimpulkan",
    "approximate": "perkiraan",
}
MAX_LEVEL = 3

T = TypeVar("T")


@dataclass(frozen=True)
class Source:
    """Where a number comes from and how sure we are of it.

    ``confidence`` is the three-way label the product shows; ``tag`` keeps the methodology's
    own label (C, C-2, S, I, ?) where the file has one: a rulebook always does, an award book
    never.
    """

    confidence: Confidence
    ref: str
    tag: str = ""

    @property
    def label(self) -> str:
        return CONFIDENCE_LABELS[self.confidence]


@dataclass(frozen=True)
class Sourced(Generic[T]):
    value: T
    source: Source


@dataclass(frozen=True)
class Basis:
    """One alternative measurement basis of an indicator (e.g. indicator 33, a–f)."""

    id: str
    name: str
    levels: tuple[str, str, str]


@dataclass(frozen=True)
class Indicator:
    id: str
    aspect: Aspect
    variable: str
    name: str
    weight: Decimal
    mandatory: bool
    levels: tuple[str, str, str]
    evidence: str
    source: Source
    bases: tuple[Basis, ...] = ()

    @property
    def max_points(self) -> Decimal:
        return self.weight * MAX_LEVEL


@dataclass(frozen=True)
class Band:
    """A predicate reached when the rounded score is at least ``min``."""

    predicate: Predicate
    min: Decimal
    source: Source


@dataclass(frozen=True)
class Aggregation:
    method: Method
    method_source: Source
    # Normalised rulebooks only: the SID indicator sum is divided by MAX(min_divisor, n).
    min_divisor: Sourced[int] | None
    # Normalised rulebooks only: IID = total / max_total × 100.
    max_total: Sourced[Decimal] | None


@dataclass(frozen=True)
class CountScore:
    """The Jumlah Inovasi term: per_innovation × MIN(n, cap), gated on yandas coverage."""

    per_innovation: Sourced[Decimal]
    cap: Sourced[int]
    yandas_required: Sourced[int]
    yandas: tuple[str, ...]
    yandas_source: Source
    # Which urusan of an innovation open the gate: its primary one only, or the related too.
    gate_reading: Sourced[GateReading]

    @property
    def max_points(self) -> Decimal:
        return self.per_innovation.value * self.cap.value


@dataclass(frozen=True)
class Maxima:
    """The maxima a rulebook declares; the loader checks them against weights × levels."""

    spd: Decimal
    sid_per_innovation: Decimal
    count: Decimal | None


@dataclass(frozen=True)
class DevelopedWindow:
    """Implemented before the window, but developed (dikembangkan) between start and end."""

    start: date
    end: date
    source: Source


@dataclass(frozen=True)
class Eligibility:
    window_start: date | None
    window_end: date | None
    min_design_words: int | None
    source: Source
    developed_window: DevelopedWindow | None = None


@dataclass(frozen=True)
class Rulebook:
    year: int
    title: str
    aggregation: Aggregation
    count_score: CountScore | None
    bands: tuple[Band, ...]
    eligibility: Eligibility
    indicators: tuple[Indicator, ...]
    maxima: Maxima | None = None
    notes: tuple[str, ...] = ()
    path: str = ""
    content_hash: str = ""
    _by_id: dict[str, Indicator] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({i.id: i for i in self.indicators})

    @cached_property
    def spd_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.aspect == "spd")

    @cached_property
    def sid_indicators(self) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.aspect == "sid")

    def indicator(self, indicator_id: str) -> Indicator | None:
        return self._by_id.get(indicator_id)

    @property
    def normalised(self) -> bool:
        return self.aggregation.method == "normalised"

    @cached_property
    def max_spd(self) -> Decimal:
        return sum((i.max_points for i in self.spd_indicators), Decimal(0))

    @cached_property
    def max_sid_per_innovation(self) -> Decimal:
        return sum((i.max_points for i in self.sid_indicators), Decimal(0))

    @property
    def approximate(self) -> bool:
        """True when any number in the rulebook is only an approximation."""
        sources = [i.source for i in self.indicators] + [b.source for b in self.bands]
        sources += [self.aggregation.method_source, self.eligibility.source]
        sourced: list[Sourced[Any] | None] = [
            self.aggregation.min_divisor,
            self.aggregation.max_total,
        ]
        if self.count_score is not None:
            cs = self.count_score
            sourced += [cs.per_innovation, cs.cap, cs.yandas_required, cs.gate_reading]
            sources.append(cs.yandas_source)
        if self.eligibility.developed_window is not None:
            sources.append(self.eligibility.developed_window.source)
        sources += [s.source for s in sourced if s is not None]
        return any(s.confidence == "approximate" for s in sources)
