"""The one adapter from the database to the engine: what counts as claimed and as verified, the
same numbers on the workspace panel, the "why" page and the results, and a query count that
does not grow with the number of innovations."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from inovda.innovations.inputs import claimed_and_verified, region_inputs
from inovda.innovations.models import Answer, Innovation, Status, Verification
from inovda.innovations.subtotals import refresh_subtotals
from inovda.results.models import Result
from inovda.results.services import recompute_period
from inovda.scoring.engine import Answer as EngineAnswer
from tests.innovations.workspace import (
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    open_period,
    region_a,
    region_b,
)
from tests.verification.helpers import make_innovation, sid_ids, submit_profile


def build(region):
    """A profile claimed 2 (verified 2, one row lowered to 1); a submitted innovation claimed 3
    with one answer rejected and one claimed 0; a verified innovation declared ineligible; a
    draft claimed 3."""
    spd = submit_profile(region, claimed=2)
    Answer.objects.filter(region=region, innovation=None).update(
        verified_level=2, verification=Verification.ACCEPTED
    )
    Answer.objects.filter(pk=spd[0].pk).update(verified_level=1, verification="lowered")
    sent = make_innovation(region, name="Terkirim", claimed=3)
    sent.answers.update(verified_level=3, verification=Verification.ACCEPTED)
    first, second = sid_ids()[:2]
    sent.answers.filter(indicator_id=first).update(verified_level=0, verification="rejected")
    sent.answers.filter(indicator_id=second).update(claimed_level=0, verified_level=0)
    ineligible = make_innovation(region, name="Tidak layak", status=Status.VERIFIED, claimed=2)
    ineligible.answers.update(verified_level=2, verification=Verification.ACCEPTED)
    ineligible.eligible = False
    ineligible.save(update_fields=["eligible"])
    draft = make_innovation(region, name="Draf", status=Status.DRAFT, claimed=3)
    # Levels written straight to the rows: the stored subtotals follow, as the services do.
    refresh_subtotals(Innovation.objects.filter(region=region))
    return sent, ineligible, draft


def test_it_decides_once_what_counts(personas):
    region = region_a(open_period())
    sent, ineligible, draft = build(region)

    claimed, verified = claimed_and_verified(region)

    by_key = {i.key: i for i in claimed.innovations}
    assert set(by_key) == {str(sent.pk), str(ineligible.pk), str(draft.pk)}
    assert all(i.eligible for i in claimed.innovations)  # a claim ignores the ineligibility
    first, second = sid_ids()[:2]
    assert by_key[str(sent.pk)].levels[first] == EngineAnswer(3)
    assert second not in by_key[str(sent.pk)].levels  # a claim of 0 is no claim
    assert {i.key: i.eligible for i in verified.innovations} == {
        str(sent.pk): True,
        str(ineligible.pk): False,
    }
    answer = sent.answers.get(indicator_id=first)
    assert verified.innovations[0].levels[first] == EngineAnswer(0, ref=f"answer:{answer.pk}")
    assert {a.level for a in verified.spd.values()} == {1, 2}
    assert {a.level for a in claimed.spd.values()} == {2}
    assert region_inputs(region, "verified") == {region.pk: verified}
    assert region_inputs([region], "claimed") == {region.pk: claimed}


def kpis(body: str, pattern: str) -> list[str]:
    return re.findall(pattern, body)


def test_the_workspace_the_why_page_and_the_results_agree(personas):
    period = open_period()
    region = region_a(period)
    build(region)
    client = client_for(personas.admin_a)

    workspace = client.get(reverse("pemda:home", args=[2026, region.code])).content.decode()
    why = client.get(reverse("verifikasi:why", args=[2026, region.code])).content.decode()
    recompute_period(period)

    [panel_claimed] = kpis(workspace, r"data-iid-klaim>([^<]+)</span>")
    [panel_verified] = kpis(workspace, r"data-iid-verifikasi>([^<]+)</span>")
    why_claimed, why_verified = kpis(why, r'<span class="kpi-value">([^<]+)</span>')
    result = Result.objects.get(region=region)
    assert panel_claimed == why_claimed
    assert panel_verified == why_verified == str(result.iid).replace(".", ",")
    assert panel_claimed != panel_verified


def test_it_reads_a_constant_number_of_queries(personas, django_assert_num_queries):
    period = open_period()
    region, other = region_a(period), region_b(period)
    make_innovation(region, name="Satu")
    with CaptureQueriesContext(connection) as small:
        region_inputs(period)
        claimed_and_verified(region)
    build(region)
    for n in range(4):
        make_innovation(other, name=f"Lain {n}")
        make_innovation(region, name=f"Lagi {n}", status=Status.DRAFT)

    with django_assert_num_queries(len(small)):
        inputs = region_inputs(period)
        claimed_and_verified(region)
    assert len(inputs[region.pk].innovations) == 3 and len(inputs[other.pk].innovations) == 4
