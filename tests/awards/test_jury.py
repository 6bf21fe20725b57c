"""Blind scoring, conflicts of interest, closing the round, outliers, presenter flag."""

import pytest
from django.urls import reverse

from inovda.awards import jury, nominees
from inovda.awards.errors import AwardError
from inovda.awards.models import JuryScore
from tests.awards.conftest import full_scores, nominee_of


def test_it_nominates_confirmed_sangat_inovatif_regions(award):
    kab = award.nominees.filter(cluster="kabupaten", state="ditetapkan")
    assert {n.region.code for n in kab} >= {"36.04", "36.03"}


def test_a_juror_scores_through_the_page(client, personas, award):
    serang = nominee_of(award, "36.04")
    client.force_login(personas.juror)
    data = {**full_scores(80), "comment": "Ekosistem kuat"}
    response = client.post(reverse("awards:score", args=[serang.pk]), data)
    assert response.status_code == 302
    score = JuryScore.objects.get(nominee=serang, juror=personas.juror)
    assert str(score.total) == "80.00"


def test_a_score_out_of_range_is_refused_in_indonesian_and_nothing_is_stored(
    client, personas, award
):
    serang = nominee_of(award, "36.04")
    client.force_login(personas.juror)
    data = {**full_scores(80), "kebaharuan": 101, "comment": "x"}
    response = client.post(reverse("awards:score", args=[serang.pk]), data)
    assert response.status_code == 400
    assert "Nilai Kebaharuan harus antara 0 dan 100 (tertulis 101)." in response.text
    assert not JuryScore.objects.exists()


def test_scores_stay_blind_until_the_chair_closes(client, personas, award):
    serang = nominee_of(award, "36.04")
    jury.score_nominee(award.chair, serang, full_scores(91), "Komentar rahasia ketua")
    jury.score_nominee(personas.juror, serang, full_scores(60), "Komentar saya")
    client.force_login(personas.juror)
    page = client.get(reverse("awards:nominee", args=[serang.pk])).text
    assert "Komentar saya" in page
    assert "Komentar rahasia ketua" not in page
    panel = serang.award.panels.get()
    assert "Sebaran nilai" not in client.get(reverse("awards:panel", args=[panel.pk])).text
    assert client.get("/api/v1/periods/2026/awards").status_code == 404
    # Only the chair closes.
    assert client.post(reverse("awards:close", args=[panel.pk])).status_code == 403
    client.force_login(award.chair)
    assert client.post(reverse("awards:close", args=[panel.pk])).status_code == 302
    client.force_login(personas.juror)
    assert "Komentar rahasia ketua" in client.get(reverse("awards:nominee", args=[serang.pk])).text
    spread = client.get(reverse("awards:panel", args=[panel.pk])).text
    assert "Sebaran nilai" in spread
    with pytest.raises(AwardError, match="sudah ditutup"):
        jury.score_nominee(personas.juror, serang, full_scores(70), "terlambat")


def test_outliers_are_flagged_after_close(personas, award):
    serang = nominee_of(award, "36.04")
    jury.score_nominee(award.chair, serang, full_scores(90), "a")
    jury.score_nominee(personas.juror, serang, full_scores(50), "b")
    panel = serang.award.panels.get()
    panel.members.add(personas.national_admin)
    jury.score_nominee(personas.national_admin, serang, full_scores(88), "c")
    rows = next(s for s in jury.spread(panel) if s.nominee == serang).scores
    flagged = {s.juror.username for s in rows if s.outlier}
    assert flagged == {"juri"}


def test_a_juror_from_the_nominees_province_cannot_score(client, personas, award):
    personas.juror.juror.home_province_code = "36"
    personas.juror.juror.save()
    serang = nominee_of(award, "36.04")
    with pytest.raises(AwardError, match="Konflik kepentingan"):
        jury.score_nominee(personas.juror, serang, full_scores(), "x")
    client.force_login(personas.juror)
    response = client.post(
        reverse("awards:score", args=[serang.pk]), {**full_scores(), "comment": "x"}
    )
    assert response.status_code == 400
    assert not JuryScore.objects.exists()


def test_a_juror_whose_institution_is_the_region_cannot_score(personas, award):
    personas.juror.juror.institution_region_code = "36.03"
    personas.juror.juror.save()
    with pytest.raises(AwardError, match="Konflik kepentingan"):
        jury.score_nominee(personas.juror, nominee_of(award, "36.03"), full_scores(), "x")


def test_a_juror_sees_only_the_nominees_of_their_panels(client, personas, award):
    client.force_login(personas.juror)
    kota = award.nominees.filter(cluster="kota").first()
    assert client.get(reverse("awards:nominee", args=[kota.pk])).status_code == 404
    page = client.get(reverse("awards:mine")).text
    assert "Kabupaten Serang" in page


def test_a_presenter_the_book_does_not_allow_is_flagged(personas, award):
    serang = nominee_of(award, "36.04")
    nominees.record_presenter(personas.national_admin, serang, "Asisten", "lainnya")
    assert serang.presenter_not_allowed
    nominees.record_presenter(personas.national_admin, serang, "Sekda", "sekda")
    assert not serang.presenter_not_allowed  # 2026 follows the 2025 book: sekda allowed
