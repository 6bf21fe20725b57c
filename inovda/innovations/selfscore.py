"""The live self-score of one region: claimed versus verified IID, and what would gain most.

Both readings come from ``innovations.inputs`` (the one adapter to the engine), so they are
the same numbers as the "why" page and, for the verified one, the recompute:

- verified: what the scoring engine gives today (verified levels of reported innovations);
- claimed: the region's own levels on all its innovations, drafts included (what it would get
  if everything were sent and accepted as claimed);
- gains: ``scoring.whatif`` on the verified score with the claims, kept to what the region
  can act on (rejected or lowered answers, answers without evidence, empty indicators).

Every pemda page shows the headline (``region_totals``): both IIDs and the gap to the next
predicate, from the subtotals stored on each innovation (``innovations.subtotals``) — two
queries and no answer read, whatever the region's size. The gains and the full analysis
(``region_selfscore``: two queries, every answer) load on demand. The caller has already
passed the access gate.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.db.models import Count, Sum

from inovda.innovations.inputs import claimed_and_verified
from inovda.innovations.models import Answer, Status, Verification
from inovda.innovations.workflow import REPORTED
from inovda.regions.models import Region
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import PREDICATE_LABELS, Predicate, Rulebook
from inovda.scoring.engine import RegionInput, RegionScore, score_region
from inovda.scoring.packed import score_totals
from inovda.scoring.tables import tables_for
from inovda.scoring.whatif import Gain, WhatIf, next_band, what_if

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


# --- the headline every page shows, from the stored subtotals ---------------------------------


@dataclass(frozen=True)
class Verified:
    """The verified side of the headline: the fields of ``WhatIf`` the panel reads."""

    score: RegionScore
    next_predicate: Predicate | None
    gap: Decimal | None


@dataclass(frozen=True)
class Totals:
    rulebook: Rulebook
    claimed: RegionScore
    verified: Verified
    # How many innovations the region has entered, and how many wait for its corrections.
    innovations: int
    returned: int
    # Not computed here: the panel offers them on demand.
    gains: tuple[GainRow, ...] = ()
    on_demand: bool = True

    next_label = SelfScore.next_label


@dataclass
class _Reading:
    """One reading's sums (claimed or verified), as ``score_totals`` takes them."""

    spd_units: int = 0
    answered: bool = False  # an SPD answer above level 0
    reported: int = 0  # innovations that make the region a reporting one
    innovations: int = 0  # innovations the count and SID terms count
    units: int = 0
    urusan: set[str] = field(default_factory=set)

    def add(self, n: int, units: int | None, urusan: set[str]) -> None:
        self.innovations += n
        self.units += units or 0
        self.urusan |= urusan

    def score(self, rulebook: Rulebook, code: str, yandas: tuple[str, ...]) -> RegionScore:
        covered = [(c,) for c in yandas if c in self.urusan]
        reported = self.reported > 0 or self.answered
        return score_totals(
            rulebook, code, reported, self.spd_units, self.units, self.innovations, covered
        )


def region_totals(region: Region) -> Totals:
    """Claimed and verified IID of the region in two queries whatever its size: the SPD
    answers, and the stored subtotals summed per distinct status, eligibility and urusan (a few
    rows, added up here, so the query stays cheap to build for any rulebook)."""
    rulebook = load_rulebook(region.period.rulebook_year)
    claimed, verified = _Reading(), _Reading()
    spd = Answer.objects.filter(region=region, innovation__isnull=True).values_list(
        "indicator_id", "claimed_level", "verified_level"
    )
    weights = tables_for(rulebook).spd_weight
    for indicator_id, claim, level in spd:
        weight = weights.get(indicator_id, 0)
        claimed.spd_units += weight * claim
        verified.spd_units += weight * level
        claimed.answered = claimed.answered or claim > 0
        verified.answered = verified.answered or level > 0
    cs = rulebook.count_score
    primary_only = cs is not None and cs.gate_reading.value == "primary"
    groups = (
        region.innovations.order_by()
        .values_list("status", "eligible", "urusan_utama", "urusan_terkait")
        .annotate(n=Count("pk"), claimed=Sum("claimed_units"), verified=Sum("verified_units"))
    )
    returned = 0
    for status, eligible, utama, terkait, n, claimed_units, verified_units in groups:
        # The urusan the count term's gate reads: the primary one, or every one.
        urusan = {utama} if primary_only else {utama, *(terkait or ())}
        claimed.add(n, claimed_units, urusan)
        claimed.reported += n
        if status in REPORTED:
            verified.reported += n
            if eligible:
                verified.add(n, verified_units, urusan)
        if status == Status.RETURNED:
            returned += n
    yandas = cs.yandas if cs is not None else ()
    verified_score = verified.score(rulebook, region.code, yandas)
    return Totals(
        rulebook,
        claimed.score(rulebook, region.code, yandas),
        Verified(verified_score, *next_band(rulebook, verified_score)),
        claimed.innovations,
        returned,
    )
