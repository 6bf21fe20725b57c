"""A member of the public walks the portal: dashboard → ranking → region → innovation, then
searches the catalogue."""

import re

import pytest
from playwright.sync_api import expect

from inovda.innovations.models import Innovation
from tests.fixtures import published_period, republish

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_walks_from_the_dashboard_to_an_innovation(page):
    published_period(2026)
    page.goto("/")
    assert re.search(r"/periode/2026/$", page.url)
    assert "546" in page.locator("main").inner_text()  # autonomous pemda in the recap

    page.get_by_role("link", name="Peringkat", exact=True).first.click()
    page.wait_for_url(re.compile(r"/periode/2026/peringkat/"))
    page.select_option("#id_klaster", "kabupaten")
    page.fill("#id_q", "Serang")
    page.locator("form.filters").evaluate("f => f.requestSubmit()")
    # htmx swaps the table in place: wait until the search has filtered Tangerang out.
    expect(page.locator('[id="pemda-36.03"]')).to_have_count(0)
    row = page.locator('[id="pemda-36.04"]')
    expect(row).to_have_count(1)

    row.get_by_role("link", name="Kabupaten Serang").click()
    page.wait_for_url(re.compile(r"/periode/2026/pemda/36.04/"))
    assert page.locator("h1").inner_text() == "Kabupaten Serang"
    assert re.search(r"47[.,]62", page.locator(".kpi-main").inner_text())

    page.get_by_role("link", name="Inovasi 36.04 nomor 1", exact=True).click()
    page.wait_for_url(re.compile(r"/inovasi/\d+/"))
    assert "Inovasi 36.04 nomor 1" in page.locator("h1").inner_text()


def test_it_searches_the_catalogue(page):
    data = published_period(2026)
    Innovation.objects.filter(region=data.region("36.04"), name__endswith="nomor 1").update(
        name="Sistem Aplikasi Informasi Publik (Sialip)", tujuan="Keterbukaan informasi publik"
    )
    republish(data)  # the catalogue shows what a publication froze
    page.goto("/katalog/")
    page.fill("#id_q", "Sialip")
    page.locator("form.filters").evaluate("f => f.requestSubmit()")
    link = page.get_by_role("link", name="Sistem Aplikasi Informasi Publik (Sialip)")
    link.wait_for()
    expect(page.get_by_role("link", name="Inovasi 36.04 nomor 2", exact=True)).to_have_count(0)
    link.click()
    page.wait_for_url(re.compile(r"/inovasi/\d+/"))
    assert "Keterbukaan informasi publik" in page.locator("main").inner_text()
