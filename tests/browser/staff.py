"""What every staff journey checks on every page it visits: no horizontal scroll on a phone,
no serious accessibility violation (axe-core, shipped by axe-playwright-python), and the
screenshots of each role's home."""

import re

from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import SAVED, SCREENSHOTS
from tests.personas import PASSWORD

AXE = Axe()
SERIOUS = ("serious", "critical")
# The elements sticking out on the right, to say what makes a page scroll sideways.
WIDEST = """() => Array.from(document.querySelectorAll("body *"))
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 8)
  .map(e => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""


def check_page(page) -> None:
    page.wait_for_load_state()
    if page.viewport_name == "phone":
        fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        if not fits:
            wide = page.evaluate(WIDEST)
            raise AssertionError(f"{page.url} scrolls sideways at 390 px: {wide}")
    results = AXE.run(page)
    serious = [
        (v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v.get("impact") in SERIOUS
    ]
    assert not serious, f"{page.url}: {serious}"


def screenshot(page, role: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{role}-{page.viewport_name}.png"
    page.screenshot(path=str(path), full_page=True)
    SAVED.append(path)


def login(page, username: str, password: str = PASSWORD) -> None:
    page.goto("/")
    check_page(page)
    click_through(page, page.get_by_role("link", name="Masuk", exact=True), r"/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main").get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def logout(page) -> None:
    page.locator(".account-menu").get_by_role("button", name="Keluar").click()
    page.wait_for_url(re.compile(r"/akun/masuk/"))


def click_through(page, locator, url_pattern: str) -> None:
    """Click a link and wait for its page (on a phone the link may sit below the fold)."""
    locator.scroll_into_view_if_needed()
    locator.click()
    page.wait_for_url(re.compile(url_pattern))
    check_page(page)
