"""A region's claimed against verified result, scored live by the engine (nothing stored)."""

from collections import defaultdict
from dataclasses import dataclass

from inovda.rulebooks.model import PREDICATE_LABELS, Rulebook
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput, RegionScore, score_region


@dataclass(frozen=True)
class Comparison:
    claimed: RegionScore
    verified: RegionScore

    @property
    def claimed_label(self) -> str:
        return PREDICATE_LABELS[self.claimed.predicate]

    @property
    def verified_label(self) -> str:
        return PREDICATE_LABELS[self.verified.predicate]

    @property
    def lost(self):
        return self.claimed.iid - self.verified.iid


def compare(rulebook: Rulebook, code: str, answers, innovations) -> Comparison:
    """``answers``: Answer rows of the region; ``innovations``: its reported innovations."""
    known = {i.id for i in rulebook.indicators}
    claimed, verified = defaultdict(dict), defaultdict(dict)
    for a in answers:
        if a.indicator_id in known:
            claimed[a.innovation_id][a.indicator_id] = EngineAnswer(a.claimed_level)
            verified[a.innovation_id][a.indicator_id] = EngineAnswer(a.verified_level)

    def region(levels, verifying: bool) -> RegionInput:
        return RegionInput(
            code=code,
            spd=levels.get(None, {}),
            innovations=tuple(
                InnovationInput(
                    name=i.name,
                    key=str(i.pk),
                    urusan=(i.urusan_utama, *i.urusan_terkait),
                    # The claim ignores a verifier's ineligibility declaration.
                    eligible=i.eligible or not verifying,
                    levels=levels.get(i.pk, {}),
                )
                for i in innovations
            ),
        )

    return Comparison(
        claimed=score_region(rulebook, region(claimed, verifying=False)),
        verified=score_region(rulebook, region(verified, verifying=True)),
    )
