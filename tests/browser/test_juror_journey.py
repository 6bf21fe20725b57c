"""A juror logs in, finds on the home what is due (the nominees awaiting their score), scores
one in two clicks from the home; the panel chair finds the open round on the home, closes it and
sees the spread (the award's jury). The juror's home is checked and photographed at 1366×768 and
at 390×844; every visited page is checked for sideways scroll and serious accessibility
violations."""

import re

import pytest
from playwright.sync_api import expect

from inovda.awards.models import JuryScore, Panel
from tests.awards.conftest import award, full_scores, nominee_of  # noqa: F401 (fixture)
from tests.browser.conftest import VIEWPORTS
from tests.browser.staff import check_page, click_through, login, logout, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def at_size(page, name: str) -> None:
    page.set_viewport_size(VIEWPORTS[name])
    page.viewport_name = name


def test_a_juror_scores_a_nominee_and_the_chair_closes_the_round(page, request):
    world = request.getfixturevalue("award")  # the award world of tests/awards
    serang = nominee_of(world, "36.04")
    panel = Panel.objects.get(award=world)
    waiting = world.nominees.filter(cluster="kabupaten", state="ditetapkan").count()

    page.viewport_name = "desktop"
    login(page, "juri")
    assert page.url.endswith("/akun/")
    task = page.locator(".todo-item", has_text="nominasi menunggu nilai Anda · Panel Kabupaten")
    expect(task.locator("[data-count]")).to_have_text(str(waiting))
    for size in ("desktop", "phone"):
        at_size(page, size)
        check_page(page)
        screenshot(page, "juri")
    at_size(page, "desktop")

    click_through(page, task.get_by_role("link"), r"/penghargaan/juri/")
    expect(page.get_by_role("heading", name="Penilaian juri")).to_be_visible()
    click_through(
        page, page.get_by_role("link", name=f"Beri nilai {serang.region.name}"), r"/nilai/"
    )
    expect(page.get_by_text("tidak terlihat oleh juri lain")).to_be_visible()
    for aspect, value in full_scores(85).items():
        page.fill(f"#id_{aspect}", str(value))
    page.fill("#id_comment", "Ekosistem inovasi kuat, replikasi jelas.")
    page.get_by_role("button", name="Simpan nilai").click()
    page.wait_for_url(re.compile(rf"/penghargaan/nominasi/{serang.pk}/$"))
    check_page(page)

    score = JuryScore.objects.get(nominee=serang)
    assert score.juror.username == "juri"
    assert score.comment == "Ekosistem inovasi kuat, replikasi jelas."
    page.goto("/akun/")
    expect(task.locator("[data-count]")).to_have_text(str(waiting - 1))
    logout(page)

    login(page, "ketua.juri")
    chair_task = page.locator(".todo-item", has_text="putaran yang Anda pimpin belum ditutup")
    click_through(page, chair_task.get_by_role("link"), rf"/penghargaan/panel/{panel.pk}/")
    expect(page.get_by_text("nilai juri lain tersembunyi")).to_be_visible()
    page.get_by_role("button", name="Tutup putaran").click()
    page.wait_for_load_state()
    check_page(page)

    expect(page.get_by_text("Putaran ditutup")).to_be_visible()
    expect(page.get_by_role("heading", name="Sebaran nilai")).to_be_visible()
    expect(page.get_by_text("juri: 85")).to_be_visible()
    panel.refresh_from_db()
    assert panel.closed_at is not None
