"""Benchmark: a full national period (546 pemda, 40,000 innovations, 20 SID indicators each).

Prints the time to load it, to recompute it, and the p50/p95 latency of the ranking page and
the rankings API (in-process Django client: view + database, no network). Uses its own
database: by default var/bench.sqlite3 (set BENCH_DATABASE_URL for PostgreSQL, e.g.
postgres://postgres@127.0.0.1:5432/bench). Run: .venv/bin/python bench/national_period.py
"""

import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
)
os.environ.setdefault("DEBUG", "false")  # production settings, as measured
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 40)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inovda.settings")
os.environ.setdefault("API_ANON_RATE", "100000/m")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from inovda.demo.load import load_now  # noqa: E402
from inovda.regions.models import Period  # noqa: E402
from inovda.results.services import publish_period, recompute_period  # noqa: E402

YEAR = 2026
INNOVATIONS = int(os.environ.get("BENCH_INNOVATIONS", "40000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "50"))


def timed(label, fn):
    start = time.perf_counter()
    value = fn()
    print(f"{label:38} {time.perf_counter() - start:8.2f} s")
    return value


def latency(client, url):
    client.get(url)  # warm caches
    samples = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    q = statistics.quantiles(samples, n=20)
    print(f"{url:60} p50 {statistics.median(samples):7.1f} ms  p95 {q[18]:7.1f} ms")


def load():
    # One transaction: outside one, SQLite commits (and syncs to disk) every inserted row.
    with transaction.atomic():
        return load_now(print, YEAR, INNOVATIONS)


def main():
    call_command("migrate", verbosity=0)
    period = Period.objects.filter(year=YEAR).first()
    if period is None:  # built once, reused by later runs
        period = timed(f"load {INNOVATIONS} innovations", load)
    print(f"database: {connection.vendor}, period {YEAR}")
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        recompute_period(period)
        seconds = time.perf_counter() - start
    print(f"{'recompute (546 pemda)':38} {seconds:8.2f} s, {len(queries)} queries")
    if os.environ.get("BENCH_JSON"):  # for make bench: one line it can read
        if not period.publications.exists():  # the HTTP runs read the published pages
            publish_period(period, note="bench")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures = {"recompute_s": seconds, "queries": len(queries), "peak_mb": peak}
        print("BENCH " + json.dumps(figures))
        return
    timed("publish", lambda: publish_period(period, note="bench"))
    client = Client(HTTP_HOST="127.0.0.1")
    for url in (
        f"/periode/{YEAR}/peringkat/?klaster=kabupaten",
        f"/periode/{YEAR}/peringkat/?klaster=kabupaten&page=5",
        f"/api/v1/periods/{YEAR}/rankings?cluster=kabupaten",
        f"/periode/{YEAR}/pemda/36.04/",
    ):
        latency(client, url)


if __name__ == "__main__":
    main()
