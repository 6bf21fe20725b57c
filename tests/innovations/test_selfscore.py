"""The live self-score: claimed and verified IID exactly as the scoring engine gives them,
the gap to the next predicate, and the gains the region can act on."""

from django.urls import reverse

from inovda.innovations.models import Answer, Innovation, Status, Verification
from inovda.innovations.selfscore import region_selfscore, region_totals
from inovda.innovations.subtotals import refresh_subtotals
from inovda.scoring.engine import Answer as EngineAnswer
from inovda.scoring.engine import InnovationInput, RegionInput, score_region
from inovda.scoring.whatif import what_if
from tests.innovations.workspace import (
    RULEBOOK,
    add_evidence,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_innovation,
    open_period,
    region_a,
)

SPD = [i.id for i in RULEBOOK.spd_indicators]
SID = [i.id for i in RULEBOOK.sid_indicators]


def build(personas):
    """SPD claimed 3 / verified 3 but a lowered row 8; a submitted innovation claimed 2 /
    verified 2 except a rejected 16, an empty 31 and a pending 17 with evidence; a draft
    claimed 3 everywhere."""
    region = region_a(open_period())
    Answer.objects.bulk_create(
        Answer(
            region=region,
            indicator_id=i,
            claimed_level=3,
            verified_level=2 if i == "8" else 3,
            verification=Verification.LOWERED if i == "8" else Verification.ACCEPTED,
        )
        for i in SPD
    )
    sent = make_innovation(region, personas.admin_a, "Terkirim", level=2)
    sent.status = Status.SUBMITTED
    sent.save()
    sent.answers.update(verified_level=2, verification=Verification.ACCEPTED)
    sent.answers.filter(indicator_id="16").update(
        verified_level=0, verification=Verification.REJECTED
    )
    sent.answers.filter(indicator_id="31").update(claimed_level=0, verified_level=0)
    pending = sent.answers.get(indicator_id="17")
    Answer.objects.filter(pk=pending.pk).update(verified_level=0, verification="pending")
    add_evidence(pending)
    draft = make_innovation(region, personas.admin_a, "Draf", level=3)
    # The levels above were written straight to the rows, past the services that keep the
    # stored subtotals: bring them up to date as those services would.
    refresh_subtotals(Innovation.objects.filter(region=region))
    return region, sent, draft


def expected(sent, draft):
    def levels(innovation, attr, skip_zero=False):
        rows = innovation.answers.values_list("indicator_id", attr)
        return {i: EngineAnswer(v) for i, v in rows if v or not skip_zero}

    verified = RegionInput(
        code="36.04",
        spd={i: EngineAnswer(2 if i == "8" else 3) for i in SPD},
        innovations=(
            InnovationInput(
                str(sent.pk), levels(sent, "verified_level"), ("1.02", "2.16"), str(sent.pk)
            ),
        ),
    )
    claimed = RegionInput(
        code="36.04",
        spd={i: EngineAnswer(3) for i in SPD},
        innovations=tuple(
            InnovationInput(
                str(i.pk), levels(i, "claimed_level", True), ("1.02", "2.16"), str(i.pk)
            )
            for i in (sent, draft)
        ),
    )
    return score_region(RULEBOOK, claimed), what_if(RULEBOOK, verified, claimed)


def test_it_scores_claimed_and_verified_like_the_engine(personas):
    region, sent, draft = build(personas)
    claimed, analysis = expected(sent, draft)

    score = region_selfscore(region)

    assert score.claimed.iid == claimed.iid
    assert score.claimed.predicate == claimed.predicate
    assert score.verified.score.iid == analysis.score.iid
    assert score.verified.score.predicate == analysis.score.predicate
    assert score.verified.gap == analysis.gap
    assert score.claimed.iid > score.verified.score.iid
    assert score.verified.score.innovations_counted == 1  # the draft is not scored
    assert score.claimed.innovations_counted == 2


def test_it_lists_the_gains_the_region_can_act_on(personas):
    region, sent, _ = build(personas)

    gains = {(g.gain.indicator_id, g.innovation_name): g for g in region_selfscore(region).gains}

    assert gains[("16", "Terkirim")].reason == "ditolak verifikator"
    assert gains[("16", "Terkirim")].innovation_pk == sent.pk
    assert gains[("31", "Terkirim")].reason == "belum diisi"
    assert ("17", "Terkirim") not in gains  # waiting for the verifier, evidence uploaded
    assert gains[("8", "")].reason == "diturunkan verifikator"
    assert gains[("jumlah_inovasi", "")].reason == "urusan wajib pelayanan dasar belum cukup"
    ordered = [g.gain.index_gain for g in region_selfscore(region).gains]
    assert ordered == sorted(ordered, reverse=True)


def test_it_shows_the_panel_on_every_page_of_the_region(personas):
    region, sent, _ = build(personas)
    score = region_selfscore(region)
    client = client_for(personas.admin_a)
    pages = [
        reverse("pemda:home", args=[2026, region.code]),
        reverse("pemda:profile", args=[2026, region.code]),
        reverse("pemda:new", args=[2026, region.code]),
        reverse("pemda:innovation", args=[sent.pk]),
    ]

    def shown(number) -> str:  # Indonesian decimal comma
        return str(number).replace(".", ",")

    detail = reverse("pemda:selfscore", args=[2026, region.code])
    for url in pages:
        body = client.get(url).content.decode()
        assert f"data-iid-klaim>{shown(score.claimed.iid)}</span>" in body
        assert f"data-iid-verifikasi>{shown(score.verified.score.iid)}</span>" in body
        assert f"+{shown(score.verified.gap)}" in body
        # The gains load on demand: a link without JavaScript, the panel alone with htmx.
        assert f'href="{detail}"' in body and f'hx-get="{detail}"' in body
    for headers in ({}, {"HTTP_HX_REQUEST": "true"}):
        body = client.get(detail, **headers).content.decode()
        assert "ditolak verifikator" in body
        assert f"data-iid-verifikasi>{shown(score.verified.score.iid)}</span>" in body
        assert ("<html" in body) is not bool(headers)


def test_the_stored_headline_equals_the_full_computation(personas):
    region, _, _ = build(personas)
    full, stored = region_selfscore(region), region_totals(region)
    assert stored.claimed.iid == full.claimed.iid
    assert stored.claimed.predicate == full.claimed.predicate
    assert stored.verified.score.iid == full.verified.score.iid
    assert stored.verified.gap == full.verified.gap
    assert stored.verified.next_predicate == full.verified.next_predicate


def test_it_scores_an_empty_region_as_not_assessable(personas):
    region = region_a(open_period())

    score = region_selfscore(region)

    assert score.claimed.predicate == score.verified.score.predicate == "tidak_dapat_dinilai"
    page = client_for(personas.admin_a).get(reverse("pemda:home", args=[2026, region.code]))
    assert "Tidak Dapat Dinilai" in page.content.decode()
    assert "Belum ada inovasi" in page.content.decode()
