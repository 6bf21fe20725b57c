"""Nothing typed is lost: uploading inside an indicator block saves the form first, "Kirim"
saves first, and the page comes back to the block; a failed save keeps the values, names each
error at the top and says the chosen file was not uploaded."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inovda.innovations.models import Answer, Evidence, Status, Submission
from inovda.regions.models import PeriodExtension
from inovda.verification.models import Decision, Outcome, Reason, RevisionRequest
from tests.innovations.test_evidence_support import pdf
from tests.innovations.workspace import (
    RULEBOOK,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    make_innovation,
    open_period,
    profile_post,
    ready_innovation,
    region_a,
)

FIRST = RULEBOOK.sid_indicators[0].id
SPD_FIRST = RULEBOOK.spd_indicators[0].id


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _file(name="bukti.pdf"):
    return SimpleUploadedFile(name, pdf(), content_type="application/pdf")


def test_it_keeps_a_changed_level_when_a_file_is_uploaded_in_its_block(personas, media):
    region = region_a(open_period())
    innovation = make_innovation(region, personas.admin_a)
    post = innovation_post(version=innovation.version, **{f"level_{FIRST}": "3"})
    post |= {"unggah": FIRST, f"berkas_{FIRST}": _file()}

    client = client_for(personas.admin_a)
    response = client.post(reverse("pemda:innovation", args=[innovation.pk]), post)

    assert response.status_code == 302
    assert response["Location"].endswith(f"/pemda/inovasi/{innovation.pk}/#indikator-{FIRST}")
    answer = Answer.objects.get(innovation=innovation, indicator_id=FIRST)
    assert answer.claimed_level == 3
    assert Evidence.objects.filter(answer=answer, original_name="bukti.pdf").exists()
    page = client.get(response["Location"])
    assert "Isian tersimpan dan berkas bukti.pdf terunggah." in page.text


def test_it_answers_htmx_with_the_same_redirect_to_the_block(personas, media):
    region = region_a(open_period())
    innovation = make_innovation(region, personas.admin_a)
    post = innovation_post(version=innovation.version, **{f"note_{FIRST}": "catatan baru"})
    post |= {"unggah": FIRST, f"berkas_{FIRST}": _file()}

    response = client_for(personas.admin_a).post(
        reverse("pemda:innovation", args=[innovation.pk]), post, headers={"HX-Request": "true"}
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"#indikator-{FIRST}")
    assert Answer.objects.get(innovation=innovation, indicator_id=FIRST).note == "catatan baru"


def test_it_keeps_the_values_and_summarises_the_errors_when_the_save_fails(personas, media):
    region = region_a(open_period())
    innovation = make_innovation(region, personas.admin_a)
    post = innovation_post(version=innovation.version, name="", tujuan="tujuan yang diketik")
    post |= {"unggah": FIRST, f"berkas_{FIRST}": _file()}

    response = client_for(personas.admin_a).post(
        reverse("pemda:innovation", args=[innovation.pk]), post
    )

    assert response.status_code == 200
    assert 'class="error-summary"' in response.text
    assert 'href="#id_name"' in response.text
    assert "tujuan yang diketik" in response.text
    assert "Berkas yang Anda pilih belum diunggah" in response.text
    assert not Evidence.objects.filter(answer__innovation=innovation).exists()


def test_it_saves_before_sending_an_innovation(personas, media):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    post = innovation_post(version=innovation.version, tujuan="Tujuan yang baru diketik")
    post["kirim"] = "1"

    response = client_for(personas.admin_a).post(
        reverse("pemda:innovation", args=[innovation.pk]), post
    )

    submission = Submission.objects.get(innovation=innovation)
    assert response.status_code == 302
    assert response["Location"] == reverse("pemda:receipt", args=[submission.pk])
    assert submission.snapshot["profil"]["tujuan"] == "Tujuan yang baru diketik"
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED


def test_it_saves_the_spd_profile_before_sending_it(personas, media):
    region = region_a(open_period())
    client = client_for(personas.admin_a)
    url = reverse("pemda:profile", args=[2026, region.code])
    client.post(url, profile_post(region, level=1))
    post = profile_post(region, level=1, **{f"level_{SPD_FIRST}": "3"})
    post["kirim"] = "1"

    response = client.post(url, post)

    submission = Submission.objects.get(region=region, innovation=None)
    assert response["Location"] == reverse("pemda:receipt", args=[submission.pk])
    first = next(r for r in submission.snapshot["profil_spd"] if r["indikator"] == SPD_FIRST)
    assert first["level"] == 3
    assert (
        Answer.objects.get(region=region, innovation=None, indicator_id=SPD_FIRST).claimed_level
        == 3
    )


def test_it_uploads_into_an_spd_row_and_returns_to_it(personas, media):
    region = region_a(open_period())
    post = profile_post(region, level=2) | {"unggah": SPD_FIRST, f"berkas_{SPD_FIRST}": _file()}

    response = client_for(personas.admin_a).post(
        reverse("pemda:profile", args=[2026, region.code]), post
    )

    assert response["Location"].endswith(f"#indikator-{SPD_FIRST}")
    answer = Answer.objects.get(region=region, innovation=None, indicator_id=SPD_FIRST)
    assert answer.claimed_level == 2
    assert answer.evidence.count() == 1


def test_it_shows_the_full_level_texts_as_radio_cards_and_a_leave_guard(personas):
    region = region_a(open_period())
    innovation = make_innovation(region, personas.admin_a)
    page = client_for(personas.admin_a).get(reverse("pemda:innovation", args=[innovation.pk]))
    indicator = RULEBOOK.sid_indicators[0]
    assert f'type="radio" name="level_{indicator.id}"' in page.text
    assert f"3 — {indicator.levels[2]}" in page.text
    assert "data-guard" in page.text
    assert 'name="kirim"' in page.text


def test_it_shows_the_returned_notes_and_each_reason_where_they_are_fixed(personas):
    region = region_a(open_period())
    innovation = make_innovation(region, personas.admin_a)
    innovation.status = Status.RETURNED
    innovation.save()
    RevisionRequest.objects.create(
        innovation=innovation, verifier=personas.verifier, notes="Lengkapi SK penetapan."
    )
    answer = innovation.answers.get(indicator_id=FIRST)
    Decision.objects.create(
        answer=answer,
        verifier=personas.verifier,
        outcome=Outcome.RETURN,
        level=0,
        claimed_level=answer.claimed_level,
        reason=Reason.EVIDENCE_MISSING,
        text="SK belum diunggah",
    )
    client = client_for(personas.admin_a)

    page = client.get(reverse("pemda:innovation", args=[innovation.pk]))
    assert "Dikembalikan verifikator untuk diperbaiki (1 indikator)" in page.text
    assert "Lengkapi SK penetapan." in page.text
    block = page.text.split(f'id="indikator-{FIRST}"')[1].split("</section>")[0]
    assert "Data dukung tidak ada — SK belum diunggah" in block

    workspace = client.get(reverse("pemda:home", args=[2026, region.code]))
    assert "Perlu perbaikan (1)" in workspace.text


def test_it_shows_the_deadline_with_the_regions_extension(personas):
    period = open_period()
    region = region_a(period)
    PeriodExtension.objects.create(
        period=period,
        region_code=region.current_code,
        closes_at=period.closes_at + timedelta(days=5),
        reason="Bencana",
    )
    page = client_for(personas.admin_a).get(reverse("pemda:home", args=[2026, region.code]))
    assert "Batas pelaporan:" in page.text
    assert "WIB (perpanjangan untuk pemda Anda) (sisa 6 hari)" in page.text


def test_it_says_the_window_closed_instead_of_failing(personas):
    period = open_period(is_open=False)
    region = region_a(period)
    page = client_for(personas.admin_a).get(reverse("pemda:profile", args=[2026, region.code]))
    assert page.status_code == 200
    assert "Masa pelaporan telah ditutup pada" in page.text
    assert timezone.now() > period.closes_at
