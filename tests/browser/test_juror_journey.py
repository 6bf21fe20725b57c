"""A juror logs in, scores a nominee of their panel; the panel chair closes the round and
sees the spread (issue: the award's jury)."""

import pytest
from playwright.sync_api import expect

from inovda.awards.models import JuryScore, Panel
from tests.awards.conftest import award, full_scores, nominee_of  # noqa: F401 (fixture)
from tests.personas import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def login(page, username):
    page.goto("/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def test_a_juror_scores_a_nominee_and_the_chair_closes_the_round(browser, live_server, request):
    world = request.getfixturevalue("award")  # the award world of tests/awards
    serang = nominee_of(world, "36.04")
    juror = browser.new_context(base_url=live_server.url, locale="id-ID").new_page()
    login(juror, "juri")

    juror.goto("/penghargaan/juri/")
    expect(juror.get_by_role("heading", name="Penilaian juri")).to_be_visible()
    juror.get_by_role("link", name="Panel Kabupaten").click()
    expect(juror.get_by_text("nilai juri lain tersembunyi")).to_be_visible()
    juror.goto(f"/penghargaan/nominasi/{serang.pk}/nilai/")
    expect(juror.get_by_text("tidak terlihat oleh juri lain")).to_be_visible()
    for aspect, value in full_scores(85).items():
        juror.fill(f"#id_{aspect}", str(value))
    juror.fill("#id_comment", "Ekosistem inovasi kuat, replikasi jelas.")
    juror.get_by_role("button", name="Simpan nilai").click()
    juror.wait_for_load_state()

    score = JuryScore.objects.get(nominee=serang)
    assert score.juror.username == "juri"
    assert score.comment == "Ekosistem inovasi kuat, replikasi jelas."

    chair = browser.new_context(base_url=live_server.url, locale="id-ID").new_page()
    login(chair, "ketua.juri")
    panel = Panel.objects.get(award=world)
    chair.goto(f"/penghargaan/panel/{panel.pk}/")
    chair.get_by_role("button", name="Tutup putaran").click()
    chair.wait_for_load_state()

    expect(chair.get_by_text("Putaran ditutup")).to_be_visible()
    expect(chair.get_by_role("heading", name="Sebaran nilai")).to_be_visible()
    expect(chair.get_by_text("juri: 85")).to_be_visible()
    panel.refresh_from_db()
    assert panel.closed_at is not None
