"""Blind QC: a sample of decided answers for another verifier, and kappa on the QC page."""

import random

import pytest

from inovda.accounts.models import Role
from inovda.verification.duties import VerificationError
from inovda.verification.models import Outcome, QCReview, Reason
from inovda.verification.qc import draw_qc_sample, qc_review
from inovda.verification.review import decide
from tests.personas import make_user


@pytest.fixture
def reviewer(db):
    return make_user("peninjau.qc", Role.VERIFIER)


@pytest.fixture
def decided(world):
    answers = world.answers()[:4]
    decide(world.personas.verifier, answers[0], Outcome.ACCEPT)
    decide(world.personas.verifier, answers[1], Outcome.ACCEPT)
    decide(
        world.personas.verifier, answers[2], Outcome.LOWER, level=1, reason=Reason.LEVEL_MISMATCH
    )
    decide(world.personas.verifier, answers[3], Outcome.RETURN, reason=Reason.UNREADABLE)
    return answers


def test_it_samples_a_share_of_the_decided_answers(world, decided, reviewer):
    reviews = draw_qc_sample(
        world.personas.national_admin, world.period, reviewer, 0.5, rng=random.Random(1)
    )
    assert len(reviews) == 2  # half of the three judged answers, rounded; returns never
    assert {r.answer_id for r in reviews} <= {a.pk for a in decided[:3]}
    again = draw_qc_sample(world.personas.national_admin, world.period, reviewer, 1)
    assert len(again) == 1  # never the same answer twice for one reviewer


def test_it_refuses_bad_shares_and_non_verifiers(world, decided, reviewer):
    admin = world.personas.national_admin
    with pytest.raises(VerificationError, match="Porsi"):
        draw_qc_sample(admin, world.period, reviewer, 0)
    with pytest.raises(VerificationError, match="verifikator"):
        draw_qc_sample(admin, world.period, world.personas.admin_b, 1)
    with pytest.raises(VerificationError, match="admin nasional"):
        draw_qc_sample(world.personas.verifier, world.period, reviewer, 1)


def test_it_keeps_the_review_blind(client, world, decided, reviewer):
    draw_qc_sample(world.personas.national_admin, world.period, reviewer, 1)
    review = QCReview.objects.get(answer=decided[2])
    client.force_login(reviewer)
    listing = client.get("/verifikasi/qc/").content.decode()
    assert f"/verifikasi/qc/tinjau/{review.pk}/" in listing
    page = client.get(f"/verifikasi/qc/tinjau/{review.pk}/").content.decode()
    assert "Klaim pemda" in page
    for leak in ("Diterima di level lebih rendah", "Data dukung tidak sesuai", "Terverifikasi"):
        assert leak not in page
    # The first decision's pages stay closed to the reviewer, who is not assigned there.
    assert client.get(f"/verifikasi/inovasi/{world.innovation.pk}/").status_code == 404
    assert client.get("/verifikasi/alasan/2026/36.04/").status_code == 404
    history = f"/riwayat/innovations.answer/{decided[2].pk}/"
    assert client.get(history).status_code == 404
    response = client.post(f"/verifikasi/qc/tinjau/{review.pk}/", {"level": "1", "note": ""})
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.level == 1
    assert client.get(f"/verifikasi/qc/tinjau/{review.pk}/").status_code == 403


def test_it_hides_a_review_from_everyone_but_its_reviewer(client, world, decided, reviewer):
    draw_qc_sample(world.personas.national_admin, world.period, reviewer, 1)
    review = QCReview.objects.first()
    client.force_login(make_user("verifikator.lain", Role.VERIFIER))
    assert client.get(f"/verifikasi/qc/tinjau/{review.pk}/").status_code == 404


def test_it_shows_kappa_per_verifier_and_indicator(client, world, decided, reviewer):
    draw_qc_sample(world.personas.national_admin, world.period, reviewer, 1)
    levels = {decided[0].pk: 3, decided[1].pk: 2, decided[2].pk: 1}
    for pk, level in levels.items():
        qc_review(reviewer, type(decided[0]).objects.get(pk=pk), level)
    client.force_login(world.personas.national_admin)
    response = client.get("/verifikasi/qc/?periode=2026")
    assert response.status_code == 200
    agreement = response.context["agreement"]
    # pairs (3,3), (3,2), (1,1): p_o 2/3, p_e (2·1 + 1·1)/9 = 1/3, kappa 0.5
    assert agreement["overall"].kappa == pytest.approx(0.5)
    assert agreement["verifiers"][0][0] == "verifikator"
    assert len(agreement["indicators"]) == 3
    assert "0,50" in response.content.decode() or "0.50" in response.content.decode()


def test_it_draws_a_sample_from_the_qc_page(client, world, decided, reviewer):
    client.force_login(world.personas.national_admin)
    response = client.post(
        "/verifikasi/qc/2026/sampel/", {"reviewer": reviewer.pk, "percent": "100"}
    )
    assert response.status_code == 302
    assert QCReview.objects.filter(reviewer=reviewer).count() == 3
