"""The item page and its forms: claimed beside verified, decide and next, refusals shown."""

import pytest

from inovda.innovations.models import Status, Verification
from inovda.rulebooks.loader import load_rulebook
from inovda.verification.models import Decision, RevisionRequest
from tests.verification.helpers import make_innovation, submit_profile


@pytest.fixture
def verifier_client(client, world):
    client.force_login(world.personas.verifier)
    return client


def test_it_shows_claimed_and_verified_with_level_texts(verifier_client, world):
    page = verifier_client.get(f"/verifikasi/inovasi/{world.innovation.pk}/").content.decode()
    first = load_rulebook(2026).sid_indicators[0]
    assert first.name in page
    assert first.levels[2] in page
    assert "Skor klaim" in page and "Skor terverifikasi" in page
    assert "Simpan &amp; berikutnya" in page
    assert "Data dukung tidak sesuai dengan level yang dipilih" in page


def test_it_decides_and_jumps_to_the_next_indicator(verifier_client, world):
    first, second = world.answers()[:2]
    response = verifier_client.post(
        f"/verifikasi/jawaban/{first.pk}/putuskan/",
        {"outcome": "accept", "version": first.version, "lanjut": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/verifikasi/inovasi/{world.innovation.pk}/#jawaban-{second.pk}"
    first.refresh_from_db()
    assert first.verification == Verification.ACCEPTED


def test_it_jumps_to_the_finish_button_after_the_last_indicator(verifier_client, world):
    innovation = make_innovation(world.region_a, name="Satu indikator", indicators=["9"])
    answer = innovation.answers.get()
    response = verifier_client.post(
        f"/verifikasi/jawaban/{answer.pk}/putuskan/", {"outcome": "accept", "lanjut": "1"}
    )
    assert response["Location"].endswith("#selesai")


def test_it_shows_the_refusal_when_the_reason_is_missing(verifier_client, world):
    answer = world.answers()[0]
    response = verifier_client.post(
        f"/verifikasi/jawaban/{answer.pk}/putuskan/", {"outcome": "lower", "level": "1"}
    )
    assert response.status_code == 400
    assert "Alasan wajib dipilih" in response.content.decode()
    assert not Decision.objects.exists()


def test_it_finishes_and_opens_the_next_item(verifier_client, world):
    done = make_innovation(world.region_a, name="Siap", indicators=["9"])
    done.answers.update(verification=Verification.ACCEPTED, verified_level=3)
    response = verifier_client.post(f"/verifikasi/inovasi/{done.pk}/selesai/")
    assert response.status_code == 302
    assert response["Location"] == f"/verifikasi/inovasi/{world.innovation.pk}/"
    done.refresh_from_db()
    assert done.status == Status.VERIFIED


def test_it_refuses_to_finish_an_undecided_item_on_the_page(verifier_client, world):
    response = verifier_client.post(f"/verifikasi/inovasi/{world.innovation.pk}/selesai/")
    assert response.status_code == 400
    assert "belum diputuskan" in response.content.decode()


def test_it_returns_an_item_with_notes(verifier_client, world):
    response = verifier_client.post(
        f"/verifikasi/inovasi/{world.innovation.pk}/kembalikan/", {"notes": "Unggah SK."}
    )
    assert response.status_code == 302
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.RETURNED
    assert RevisionRequest.objects.get().notes == "Unggah SK."
    empty = verifier_client.post(f"/verifikasi/inovasi/{world.innovation.pk}/kembalikan/", {})
    assert empty.status_code == 400


def test_it_declares_ineligible_from_the_page(verifier_client, world):
    url = f"/verifikasi/inovasi/{world.innovation.pk}/tidak-memenuhi-syarat/"
    assert verifier_client.post(url, {"reason": "Replikasi tanpa modifikasi."}).status_code == 302
    world.innovation.refresh_from_db()
    assert not world.innovation.eligible
    page = verifier_client.get(f"/verifikasi/inovasi/{world.innovation.pk}/").content.decode()
    assert "Replikasi tanpa modifikasi." in page


def test_it_starts_a_review_from_the_page(verifier_client, world):
    response = verifier_client.post(f"/verifikasi/inovasi/{world.innovation.pk}/mulai/")
    assert response.status_code == 302
    world.innovation.refresh_from_db()
    assert world.innovation.status == Status.IN_REVIEW


def test_it_verifies_spd_rows_on_the_profile_page(verifier_client, world):
    rows = submit_profile(world.region_a)
    page = verifier_client.get("/verifikasi/spd/2026/36.04/")
    assert page.status_code == 200
    response = verifier_client.post(
        f"/verifikasi/jawaban/{rows[0].pk}/putuskan/",
        {"outcome": "reject", "reason": "out_of_period"},
    )
    assert response["Location"] == f"/verifikasi/spd/2026/36.04/#jawaban-{rows[0].pk}"
    rows[0].refresh_from_db()
    assert rows[0].verification == Verification.REJECTED


def test_it_tells_the_region_why_it_lost_points(client, world):
    from inovda.verification.models import Outcome, Reason
    from inovda.verification.review import decide

    answer = world.answers()[0]
    decide(
        world.personas.verifier,
        answer,
        Outcome.LOWER,
        level=1,
        reason=Reason.LEVEL_MISMATCH,
        text="Baru satu OPD yang menerapkan.",
    )
    client.force_login(world.personas.admin_a)
    page = client.get("/verifikasi/alasan/2026/36.04/").content.decode()
    assert "Data dukung tidak sesuai dengan level yang dipilih" in page
    assert "Baru satu OPD yang menerapkan." in page
    assert "IID menurut klaim" in page and "IID terverifikasi" in page
    weight = load_rulebook(2026).indicator(answer.indicator_id).weight
    assert str(weight * 2) in page  # points lost: weight × (3 − 1)
    assert "Unduh riwayat lengkap (CSV)" in page
