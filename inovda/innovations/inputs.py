"""The one adapter from the database to the scoring engine: what counts for a region's score.

It lives in ``innovations``, the lowest floor that holds the answers, so the pemda pages (the
self-score) can use it without importing upward; the verifier's comparison (``verification``)
and the recompute (``results``) call the same functions from above. Whatever is decided here
about which innovations, answers and levels count is decided nowhere else, so the workspace
panel, the "why" page and the results cannot disagree on the same data.

What counts:

- ``verified`` (what the region is scored on): the SPD answers and the reported innovations
  (``workflow.REPORTED``) with the verifier's eligibility; every answer at its verified level,
  traced to its answer (``answer:<pk>``) so each point names the decision behind it;
- ``claimed`` (what the region says of itself): its own levels on every innovation it has
  entered, drafts included, each counted as eligible (a claim ignores the verifier's
  ineligibility declaration); a claimed level of 0 is no claim and is left out, so the what-if
  lists that indicator as empty.

Queries: one for the answers and one for the innovations, plus one for the regions when given
a period, whatever the number of innovations; rows stream as ``values_list`` tuples and the only
objects built are the engine's inputs.

``packed_inputs`` is the same ``verified`` reading for a whole period in the form the national
recompute scores in bulk (``scoring.packed``): one digit per level, no object per answer and no
reference, since a stored result keeps levels, not decisions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Literal

from django.db.models import Count, Q

from inovda.innovations.models import Answer, Innovation
from inovda.innovations.workflow import REPORTED
from inovda.regions.models import Period, Region
from inovda.rulebooks.model import MAX_LEVEL, Rulebook
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput
from inovda.scoring.packed import DIGIT_0, PackedInnovation, PackedRegion, sid_positions

Level = Literal["verified", "claimed"]
Scope = Period | Region | Iterable[Region]
CHUNK = 20000

_REPORTED = frozenset(REPORTED)


def region_inputs(scope: Scope, levels: Level = "verified") -> dict[int, RegionInput]:
    """Engine input per region id, for a period, one region or a list of regions."""
    return _inputs(scope, (levels,))[levels]


def claimed_and_verified(
    region: Region, states: dict[tuple[str, str], tuple[str, int]] | None = None
) -> tuple[RegionInput, RegionInput]:
    """Both readings of one region from the same two queries (the self-score needs both).

    ``states``, when given, is filled from the same answer query with (innovation pk or "",
    indicator) → (verification, number of current evidence files): what the self-score needs
    to say why a point is open."""
    both = _inputs(region, ("claimed", "verified"), states)
    return both["claimed"][region.pk], both["verified"][region.pk]


def _scoped(scope: Scope) -> tuple[dict, list[tuple[int, str]]]:
    """The filter on ``region`` and the (id, code) of every region in scope."""
    if isinstance(scope, Period):
        return {"region__period": scope}, list(scope.regions.values_list("pk", "code"))
    if isinstance(scope, Region):
        return {"region_id": scope.pk}, [(scope.pk, scope.code)]
    regions = [(r.pk, r.code) for r in scope]
    return {"region_id__in": [pk for pk, _ in regions]}, regions


def _inputs(
    scope: Scope, wanted: tuple[Level, ...], states: dict | None = None
) -> dict[Level, dict[int, RegionInput]]:
    where, regions = _scoped(scope)
    claimed = "claimed" in wanted
    verified = "verified" in wanted
    # (region id, innovation id or None for SPD) → indicator → answer
    claims: dict[tuple[int, int | None], dict[str, EngineAnswer]] = defaultdict(dict)
    checks: dict[tuple[int, int | None], dict[str, EngineAnswer]] = defaultdict(dict)
    answers = Answer.objects.filter(**where)
    fields = ["pk", "region_id", "innovation_id", "indicator_id", "claimed_level", "verified_level"]
    if states is not None:
        current = Q(evidence__replaced_at__isnull=True)
        answers = answers.annotate(n_evidence=Count("evidence", filter=current))
        fields += ["verification", "n_evidence"]
    for pk, region_id, innovation_id, indicator_id, claim, level, *state in answers.values_list(
        *fields
    ).iterator(chunk_size=CHUNK):
        if states is not None:
            states[(str(innovation_id or ""), indicator_id)] = tuple(state)
        key = (region_id, innovation_id)
        if verified:
            checks[key][indicator_id] = EngineAnswer(level, ref=f"answer:{pk}")
        if claimed and claim > 0:
            claims[key][indicator_id] = EngineAnswer(claim)

    innovations = Innovation.objects.filter(**where)
    if not claimed:
        innovations = innovations.filter(status__in=REPORTED)
    fields = (
        "id",
        "region_id",
        "name",
        "urusan_utama",
        "urusan_terkait",
        "eligible",
        "ineligible_reason",
        "status",
        "developed_on",
    )
    claimed_by_region: dict[int, list[InnovationInput]] = defaultdict(list)
    verified_by_region: dict[int, list[InnovationInput]] = defaultdict(list)
    rows_of_innovations = innovations.values_list(*fields).iterator(chunk_size=CHUNK)
    for (
        pk,
        region_id,
        name,
        utama,
        terkait,
        eligible,
        reason,
        status,
        developed,
    ) in rows_of_innovations:
        urusan = (utama, *terkait)
        key = (region_id, pk)
        if claimed:
            claimed_by_region[region_id].append(
                InnovationInput(name, claims.get(key, {}), urusan, str(pk), True)
            )
        if verified and status in _REPORTED:
            verified_by_region[region_id].append(
                InnovationInput(
                    name,
                    checks.get(key, {}),
                    urusan,
                    str(pk),
                    eligible,
                    ineligible_reason=reason,
                    developed_on=developed,
                )
            )

    def assemble(levels: dict, by_region: dict) -> dict[int, RegionInput]:
        return {
            pk: RegionInput(
                code=code, spd=levels.get((pk, None), {}), innovations=tuple(by_region[pk])
            )
            for pk, code in regions
        }

    found: dict[Level, dict[int, RegionInput]] = {}
    if claimed:
        found["claimed"] = assemble(claims, claimed_by_region)
    if verified:
        found["verified"] = assemble(checks, verified_by_region)
    return found


def packed_inputs(period: Period, rulebook: Rulebook) -> dict[int, PackedRegion] | None:
    """The verified reading of every region of the period, packed; None when an answer is not
    one the rulebook knows (the caller then scores ``region_inputs``, which names it)."""
    packed = {pk: PackedRegion(code) for pk, code in period.regions.values_list("pk", "code")}
    blank = b"0" * len(rulebook.sid_indicators)
    by_pk: dict[int, PackedInnovation] = {}
    rows = (
        Innovation.objects.filter(region__period=period, status__in=REPORTED)
        .values_list("id", "region_id", "name", "urusan_utama", "urusan_terkait", "eligible")
        .iterator(chunk_size=CHUNK)
    )
    for pk, region_id, name, utama, terkait, eligible in rows:
        innovation = PackedInnovation(str(pk), name, (utama, *terkait), eligible, bytearray(blank))
        by_pk[pk] = innovation
        packed[region_id].innovations.append(innovation)

    positions = sid_positions(rulebook)
    spd_ids = {i.id for i in rulebook.spd_indicators}
    answers = Answer.objects.filter(region__period=period).values_list(
        "region_id", "innovation_id", "indicator_id", "verified_level"
    )
    for region_id, innovation_id, indicator_id, level in answers.iterator(chunk_size=CHUNK):
        if not 0 <= level <= MAX_LEVEL:
            return None
        if innovation_id is None:
            if indicator_id not in spd_ids:
                return None
            packed[region_id].spd[indicator_id] = level
            continue
        innovation = by_pk.get(innovation_id)
        if innovation is None:
            continue  # not reported: not scored
        position = positions.get(indicator_id)
        if position is None:
            return None
        innovation.levels[position] = DIGIT_0 + level
    return packed
