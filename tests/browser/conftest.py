"""Playwright driving Debian's Chromium against the live test server.

In CI (CI=true) a missing Chromium is a failure, never a skip: .ci/run installs it.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
# and the live server are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs /usr/bin/chromium for the browser tests (.ci/run installs it)")
        pytest.skip("Debian's chromium is not installed on this machine")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "var/screenshots")).resolve()
VIEWPORTS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(request, browser, live_server):
    """A page at 1366×768 and again at 390×844 (``sized_page.viewport_name``)."""
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", viewport=VIEWPORTS[request.param]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.viewport_name = request.param
    yield page
    context.close()


SAVED: list[Path] = []  # screenshots taken in this run


def pytest_terminal_summary(terminalreporter):
    if SAVED:
        terminalreporter.write_line(
            f"Screenshots of each role's home ({len(SAVED)}): {SCREENSHOTS}"
        )
