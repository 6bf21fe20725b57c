"""A region's claimed against verified result, scored live by the engine (nothing stored).

Both readings come from ``innovations.inputs``, the same adapter as the pemda's self-score and
the recompute, so the "why" page shows the numbers of the workspace panel.
"""

from dataclasses import dataclass

from inovda.innovations.inputs import claimed_and_verified
from inovda.regions.models import Region
from inovda.rulebooks.model import Rulebook
from inovda.scoring.engine import RegionScore, score_region


@dataclass(frozen=True)
class Comparison:
    claimed: RegionScore
    verified: RegionScore

    @property
    def lost(self):
        return self.claimed.iid - self.verified.iid


def compare(rulebook: Rulebook, region: Region) -> Comparison:
    """Two queries whatever the region's size."""
    claimed, verified = claimed_and_verified(region)
    return Comparison(
        claimed=score_region(rulebook, claimed), verified=score_region(rulebook, verified)
    )
