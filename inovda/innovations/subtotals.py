"""Each innovation's claimed and verified subtotal, stored with it so that a pemda page reads
its region's totals instead of scoring every answer.

A subtotal is Σ weight × level over the innovation's SID answers, in integer units of its
rulebook's scale (``scoring.tables``: 0.75 → 75 at scale 100), so sums in SQL stay exact on
every database. Whatever changes a level (a save, a verifier's decision, an objection, a reset
to pending, a bulk load) calls ``refresh_subtotals`` inside its own transaction; the sums are
recomputed from the answers, never adjusted, so they cannot drift. Which innovations count
(reported, eligible) is decided when summing, from the innovation's own columns.
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import QuerySet

from inovda.innovations.models import Answer, Innovation
from inovda.rulebooks.loader import load_rulebook
from inovda.scoring.tables import tables_for

BATCH = 2000


def units(year: int, levels: dict[str, int]) -> int:
    """Σ scaled weight × level under the rulebook of ``year``; unknown ids count nothing
    (the engine names them when the period is scored)."""
    weights = tables_for(load_rulebook(year)).sid_weight
    return sum(weights.get(k, 0) * level for k, level in levels.items())


def refresh_subtotals(innovations: QuerySet[Innovation]) -> int:
    """Recompute the stored subtotals of these innovations from their answers (two queries
    for one innovation; batched updates for a bulk load). Returns how many were written."""
    claimed: dict[int, int] = defaultdict(int)
    verified: dict[int, int] = defaultdict(int)
    rows = Answer.objects.filter(innovation__in=innovations.values("pk")).values_list(
        "innovation_id",
        "indicator_id",
        "claimed_level",
        "verified_level",
        "region__period__rulebook_year",
    )
    weights_of: dict[int, dict[str, int]] = {}
    for pk, indicator_id, claim, level, year in rows.iterator(chunk_size=20000):
        weights = weights_of.get(year)
        if weights is None:
            weights = weights_of[year] = tables_for(load_rulebook(year)).sid_weight
        weight = weights.get(indicator_id, 0)
        claimed[pk] += weight * claim
        verified[pk] += weight * level
    changed = [
        Innovation(pk=pk, claimed_units=claimed[pk], verified_units=verified[pk])
        for pk in innovations.values_list("pk", flat=True)
    ]
    Innovation.objects.bulk_update(changed, ["claimed_units", "verified_units"], batch_size=BATCH)
    return len(changed)


def refresh_innovation(pk: int | None) -> None:
    if pk is not None:
        refresh_subtotals(Innovation.objects.filter(pk=pk))
