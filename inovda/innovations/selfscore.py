"""The live self-score of one region: claimed versus verified IID, and what would gain most.

- verified: what the scoring engine would give today (verified levels of reported
  innovations, exactly like ``results.services.load_inputs``);
- claimed: the region's own levels, for all its innovations including drafts (what it would
  get if everything were sent and accepted as claimed);
- gains: ``scoring.whatif`` on the verified score with the claims, kept to what the region
  can act on (rejected or lowered answers, answers without evidence, empty indicators).

Three queries whatever the region's size; the caller has already passed the access gate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from inovda.innovations.models import Answer, Innovation, Verification
from inovda.innovations.workflow import REPORTED
from inovda.regions.models import Region
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import PREDICATE_LABELS, Rulebook
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput, RegionScore, score_region
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
    answers = (
        Answer.objects.filter(region=region)
        .annotate(n_evidence=Count("evidence", filter=Q(evidence__replaced_at__isnull=True)))
        .values_list(
            "pk",
            "innovation_id",
            "indicator_id",
            "claimed_level",
            "verified_level",
            "verification",
            "n_evidence",
        )
    )
    verified: dict[int | None, dict[str, EngineAnswer]] = defaultdict(dict)
    claimed: dict[int | None, dict[str, EngineAnswer]] = defaultdict(dict)
    states: dict[tuple[str, str], AnswerState] = {}
    for pk, innovation_id, indicator_id, claim, level, verification, n_evidence in answers:
        verified[innovation_id][indicator_id] = EngineAnswer(level, ref=f"answer:{pk}")
        if claim > 0:  # a claim of 0 is no claim: whatif lists it as "kosong"
            claimed[innovation_id][indicator_id] = EngineAnswer(claim)
        states[(str(innovation_id or ""), indicator_id)] = AnswerState(verification, n_evidence)
    innovations = list(
        Innovation.objects.filter(region=region).values_list(
            "pk", "name", "urusan_utama", "urusan_terkait", "eligible", "status"
        )
    )
    names = {pk: name for pk, name, *_ in innovations}

    def inputs(levels: dict, statuses: tuple | None) -> RegionInput:
        return RegionInput(
            code=region.code,
            spd=levels.get(None, {}),
            innovations=tuple(
                # Named by pk: names may repeat, and gains name their innovation.
                InnovationInput(
                    name=str(pk),
                    key=str(pk),
                    urusan=(utama, *terkait),
                    eligible=eligible,
                    levels=levels.get(pk, {}),
                )
                for pk, name, utama, terkait, eligible, status in innovations
                if statuses is None or status in statuses
            ),
        )

    claimed_input = inputs(claimed, None)
    analysis = what_if(rulebook, inputs(verified, REPORTED), claimed_input)
    rows = []
    for gain in analysis.gains:
        key = gain.innovation
        reason = _reason(gain, states.get((key, gain.indicator_id)))
        if reason is None:
            continue
        indicator = rulebook.indicator(gain.indicator_id)
        rows.append(
            GainRow(
                gain=gain,
                indicator_name=indicator.name if indicator else "Jumlah inovasi",
                innovation_pk=int(key) if key else None,
                innovation_name=names.get(int(key), "") if key else "",
                reason=reason,
            )
        )
        if len(rows) == TOP_GAINS:
            break
    return SelfScore(rulebook, score_region(rulebook, claimed_input), analysis, tuple(rows))


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
