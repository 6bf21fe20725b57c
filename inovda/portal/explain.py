"""A published result explained again from its frozen breakdown.

The breakdown keeps every verified level, so the engine can re-score the region from it and
show each indicator's points, and ``what_if`` can tell what would raise the index. Only the
yandas urusan covered are kept, not each innovation's urusan; giving those codes to every
counted innovation, each starting its list at a different one, reproduces the same coverage
under either gate reading (each covered code is some counted innovation's primary under the
"primary" reading, so there are at least as many counted innovations as covered codes).
"""

from dataclasses import dataclass
from decimal import Decimal

from inovda.results.models import PublishedResult
from inovda.rulebooks.model import Indicator, Rulebook
from inovda.scoring.engine import Answer, InnovationInput, RegionInput, ScoringInputError
from inovda.scoring.whatif import WhatIf, what_if

REASONS = {
    "kosong": "belum ada level terverifikasi",
    "ditolak": "data dukung ditolak",
    "diturunkan": "level diturunkan saat verifikasi",
    "yandas": "inovasi belum mencakup cukup urusan wajib pelayanan dasar",
}


def region_input(result: PublishedResult, rulebook: Rulebook) -> RegionInput:
    breakdown = result.breakdown
    covered = tuple(breakdown.get("count", {}).get("yandas_covered", ()))
    sid_ids = [indicator.id for indicator in rulebook.sid_indicators]

    rows = breakdown.get("innovations", [])
    # The k-th counted innovation starts its urusan at covered[k mod len(covered)].
    turn = 0
    innovations = []
    for key, name, eligible, _total, levels in rows:
        k = turn % (len(covered) or 1)
        turn += 1 if eligible else 0
        innovations.append(
            InnovationInput(
                name=name,
                key=str(key),
                eligible=eligible,
                urusan=covered[k:] + covered[:k] if eligible else (),
                levels={i: Answer(int(level)) for i, level in zip(sid_ids, levels, strict=True)},
            )
        )
    spd = {i: Answer(level) for i, level in breakdown.get("spd", {}).items()}
    return RegionInput(result.code, spd, tuple(innovations), reported=result.reported)


@dataclass(frozen=True)
class LevelRow:
    """One indicator at its verified level: points = weight × level (the engine's rule)."""

    indicator: Indicator
    level: int

    @property
    def points(self) -> Decimal:
        return self.indicator.weight * self.level

    @property
    def level_text(self) -> str:
        return self.indicator.levels[self.level - 1] if self.level else ""


def level_rows(indicators: tuple[Indicator, ...], levels: dict[str, int]) -> list[LevelRow]:
    return [LevelRow(i, int(levels.get(i.id, 0))) for i in indicators]


@dataclass(frozen=True)
class Explained:
    whatif: WhatIf | None
    problem: str  # why the breakdown could not be re-scored ("" when it could)


def explain(result: PublishedResult, rulebook: Rulebook, rulebook_hash: str) -> Explained:
    """Re-score the published levels; refuse when the rulebook or the numbers differ."""
    if rulebook.content_hash != rulebook_hash:
        return Explained(None, "Rulebook telah berubah sejak publikasi ini dibuat.")
    try:
        found = what_if(rulebook, region_input(result, rulebook))
    except (ScoringInputError, ValueError, TypeError):
        return Explained(None, "Rincian publikasi ini tidak cocok dengan rulebook-nya.")
    if found.score.iid != result.iid:
        return Explained(None, "Rincian publikasi ini tidak menghasilkan IID yang sama.")
    return Explained(found, "")


@dataclass(frozen=True)
class GainRow:
    indicator: Indicator | None
    innovation: str
    level: int
    target_level: int
    index_gain: Decimal
    reason: str


def gain_rows(
    rulebook: Rulebook, found: WhatIf, limit: int = 10, source: str = "gains"
) -> list[GainRow]:
    """The top single gains, or (``source="cheapest"``) the cheapest path to the next
    predicate, as table rows."""
    return [
        GainRow(
            rulebook.indicator(g.indicator_id),
            g.innovation,
            g.level,
            g.target_level,
            g.index_gain,
            REASONS.get(g.reason, g.reason),
        )
        for g in getattr(found, source)[:limit]
    ]
