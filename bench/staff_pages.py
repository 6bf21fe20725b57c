"""Every page of the national admin's and a pemda admin's roles, timed against a running
server (gunicorn in production settings, started by ``bench/run.py``) on the demo database.

    python bench/staff_pages.py BASE_URL

Logs in as the demo's ``admin.nasional`` and ``admin.serang``, walks the links of each role's
home two levels deep (same site, GET pages only: no downloads of files, no logout, no Django
admin), keeps at most two pages of each shape (``/pemda/inovasi/<n>/`` …), then requests each
page ``STAFF_REPEATS`` times (default 10) one after another and prints ``STAFF {json}``:
p50/p95/p99 and the status per page. One client: this is the time a request takes, not a
queue.
"""

import http.cookiejar
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from urllib.parse import urlencode, urljoin, urlsplit

ACCOUNTS = (("admin nasional", "admin.nasional"), ("admin pemda", "admin.serang"))
PASSWORD = "demo-inovda-2026"  # the demo's printed password, demo database only
REPEATS = int(os.environ.get("STAFF_REPEATS", "10"))
HREF = re.compile(r'href="([^"#]+)')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SKIP = re.compile(r"^/(static|media|admin|unduh)/|/unduh/|/keluar/|\.(csv|xlsx|pdf|zip)(\?|$)")
PER_SHAPE = 2
DEPTH = 2


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener() -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def fetch(browser, url: str, data: bytes | None = None) -> tuple[int, str, float]:
    start = time.perf_counter()
    try:
        with browser.open(urllib.request.Request(url, data=data), timeout=60) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as exc:
        body, status = exc.read(), exc.code
    return status, body.decode("utf-8", "replace"), (time.perf_counter() - start) * 1000


def login(base: str, username: str):
    browser = opener()
    _, page, _ = fetch(browser, base + "/akun/masuk/")
    token = CSRF.search(page).group(1)
    form = urlencode({"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token})
    status, _, _ = fetch(browser, base + "/akun/masuk/", form.encode())
    if status != 302:
        raise SystemExit(f"login {username}: HTTP {status}")
    return browser


def shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def walk(base: str, browser) -> list[str]:
    """The role home and the pages its links lead to, two levels deep."""
    seen, frontier = ["/akun/"], ["/akun/"]
    shapes: Counter[str] = Counter()
    for _ in range(DEPTH):
        found = []
        for path in frontier:
            status, page, _ = fetch(browser, base + path)
            if status != 200:
                continue
            for href in HREF.findall(page):
                url = urlsplit(urljoin(base + path, href.replace("&amp;", "&")))
                if url.netloc != urlsplit(base).netloc:
                    continue
                link = url.path + (f"?{url.query}" if url.query else "")
                if link in seen or SKIP.search(link) or shapes[shape(link)] >= PER_SHAPE:
                    continue
                shapes[shape(link)] += 1
                seen.append(link)
                found.append(link)
        frontier = found
    return seen


def main(base: str) -> None:
    results = {}
    for label, username in ACCOUNTS:
        browser = login(base, username)
        pages = {}
        for path in walk(base, browser):
            samples, statuses = [], set()
            for _ in range(REPEATS):
                status, _, ms = fetch(browser, base + path)
                samples.append(ms)
                statuses.add(status)
            q = statistics.quantiles(samples, n=100, method="inclusive")
            pages[path] = {"p50": q[49], "p95": q[94], "p99": q[98], "status": sorted(statuses)}
        results[label] = pages
    print("STAFF " + json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"))
