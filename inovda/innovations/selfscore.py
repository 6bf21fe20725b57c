"""The live self-score of one region: claimed versus verified IID, and what would gain most.

Both readings come from ``innovations.inputs`` (the one adapter to the engine), so they are
the same numbers as the "why" page and, for the verified one, the recompute:

- verified: what the scoring engine gives today (verified levels of reported innovations);
- claimed: the region's own levels on all its innovations, drafts included (what it would get
  if everything were sent and accepted as claimed);
- gains: ``scoring.whatif`` on the verified score with the claims, kept to what the region
  can act on (rejected or lowered answers, answers without evidence, empty indicators).

Three queries whatever the region's size (answers and innovations for the engine, the answer
states for the gains); the caller has already passed the access gate.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from inovda.innovations.inputs import claimed_and_verified
from inovda.innovations.models import Verification
from inovda.regions.models import Region
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import PREDICATE_LABELS, Rulebook
from inovda.scoring.engine import RegionInput, RegionScore, score_region
from inovda.scoring.whatif import Gain, WhatIf, what_if

TOP_GAINS = 8
REASONS = {
    Verification.REJECTED: "ditolak verifikator",
    Verification.LOWERED: "diturunkan verifikator",
    "no_evidence": "data dukung belum diunggah",
    "kosong": "belum diisi",
    "yandas": "urusan wajib pelayanan dasar belum cukup",
}


@dataclass(frozen=True)
class AnswerState:
    verification: str
    evidence: int


@dataclass(frozen=True)
class GainRow:
    gain: Gain
    indicator_name: str
    innovation_pk: int | None
    innovation_name: str
    reason: str


@dataclass(frozen=True)
class SelfScore:
    rulebook: Rulebook
    claimed: RegionScore
    verified: WhatIf
    gains: tuple[GainRow, ...]

    @property
    def claimed_label(self) -> str:
        return PREDICATE_LABELS[self.claimed.predicate]

    @property
    def verified_label(self) -> str:
        return PREDICATE_LABELS[self.verified.score.predicate]

    @property
    def next_label(self) -> str:
        nxt = self.verified.next_predicate
        return PREDICATE_LABELS[nxt] if nxt else ""


def region_selfscore(region: Region) -> SelfScore:
    rulebook = load_rulebook(region.period.rulebook_year)
    found_states: dict = {}
    claimed, verified = claimed_and_verified(region, found_states)
    names = {int(i.key): i.name for i in claimed.innovations}
    states = {key: AnswerState(*state) for key, state in found_states.items()}
    analysis = what_if(rulebook, _by_pk(verified), _by_pk(claimed))
    found = []
    for gain in analysis.gains:
        key = gain.innovation
        reason = _reason(gain, states.get((key, gain.indicator_id)))
        if reason is None:
            continue
        indicator = rulebook.indicator(gain.indicator_id)
        found.append(
            GainRow(
                gain=gain,
                indicator_name=indicator.name if indicator else "Jumlah inovasi",
                innovation_pk=int(key) if key else None,
                innovation_name=names.get(int(key), "") if key else "",
                reason=reason,
            )
        )
        if len(found) == TOP_GAINS:
            break
    return SelfScore(rulebook, score_region(rulebook, claimed), analysis, tuple(found))


def _by_pk(region: RegionInput) -> RegionInput:
    """The same input with each innovation named by its pk: names may repeat, and a gain
    names its innovation."""
    return replace(region, innovations=tuple(replace(i, name=i.key) for i in region.innovations))


def _reason(gain: Gain, state: AnswerState | None) -> str | None:
    """Why the gain is open, or None when there is nothing for the region to do (an answer
    with evidence that is still waiting for the verifier)."""
    if gain.reason in ("kosong", "yandas"):
        return REASONS[gain.reason]
    if state is None:
        return REASONS["kosong"]
    if state.verification in (Verification.REJECTED, Verification.LOWERED):
        return REASONS[state.verification]
    if state.evidence == 0:
        return REASONS["no_evidence"]
    return None
