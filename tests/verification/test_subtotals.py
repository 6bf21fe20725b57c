"""The subtotals stored on each innovation stay equal to a fresh computation from its answers
through any sequence of edits and decisions (seeded random walks over the real services), and
the workspace headline read from them equals the full self-score."""

import contextlib
import random

import pytest

from inovda.innovations.models import Answer, Innovation, Status
from inovda.innovations.selfscore import region_selfscore, region_totals
from inovda.innovations.services import save_innovation
from inovda.innovations.subtotals import units
from inovda.verification.duties import VerificationError
from inovda.verification.models import Outcome, Reason
from inovda.verification.review import decide
from tests.verification.helpers import make_innovation, sid_ids


def fresh(innovation: Innovation) -> tuple[int, int]:
    rows = list(innovation.answers.values_list("indicator_id", "claimed_level", "verified_level"))
    year = innovation.region.period.rulebook_year
    return (
        units(year, {i: claimed for i, claimed, _ in rows}),
        units(year, {i: verified for i, _, verified in rows}),
    )


def stored(innovation: Innovation) -> tuple[int, int]:
    innovation.refresh_from_db(fields=["claimed_units", "verified_units"])
    return innovation.claimed_units, innovation.verified_units


def step(rng: random.Random, world, innovations: list[Innovation]) -> None:
    innovation = rng.choice(innovations)
    innovation.refresh_from_db()
    if rng.random() < 0.4:  # the pemda edits some claims
        chosen = rng.sample(sid_ids(), rng.randint(1, 4))
        answers = {i: {"level": rng.randint(0, 3)} for i in chosen}
        save_innovation(
            world.personas.operator_a, innovation, {"answers": answers}, innovation.version
        )
        return
    answer = rng.choice(list(innovation.answers.all()))
    outcome = rng.choice([Outcome.ACCEPT, Outcome.LOWER, Outcome.REJECT])
    level = rng.randint(0, max(answer.claimed_level - 1, 0))
    # A refused decision ("lower" with nothing lower to give, a draft) changes nothing.
    with contextlib.suppress(VerificationError):
        decide(world.personas.verifier, answer, outcome, level=level, reason=Reason.LEVEL_MISMATCH)


@pytest.mark.parametrize("seed", range(4))
def test_stored_subtotals_follow_every_edit_and_decision(world, seed):
    rng = random.Random(seed)
    innovations = [world.innovation] + [
        make_innovation(world.region_a, world.personas.operator_a, name=f"Inovasi {n}")
        for n in range(2)
    ]
    Innovation.objects.filter(pk=innovations[-1].pk).update(status=Status.DRAFT)
    for _ in range(25):
        step(rng, world, innovations)
        for innovation in innovations:
            assert stored(innovation) == fresh(innovation)
    assert Answer.objects.filter(verified_level__gt=0).exists()
    full, headline = region_selfscore(world.region_a), region_totals(world.region_a)
    assert headline.claimed.iid == full.claimed.iid
    assert headline.verified.score.iid == full.verified.score.iid
    assert headline.verified.gap == full.verified.gap
