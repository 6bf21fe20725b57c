"""`make bench`: the figures of docs/performance.md in one table, in production settings.

- recompute of a national period at 10k/20k/40k innovations (``national_period.py`` in a
  subprocess per size, each on its own database, built once and reused by later runs);
- page and API latency p50/p95/p99 at 1 and 50 concurrent clients against gunicorn (4 sync
  workers, DEBUG off) on 127.0.0.1, driven by a small bounded thread pool of keep-alive
  HTTP clients (standard library only);
- command start-up of ``inovda score`` / ``rulebook`` / ``regions`` on a small input.

Databases: BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/bench) gets a suffix
per size (bench_10000 …, created with ``createdb`` when missing); without it, SQLite files in
var/. BENCH_SIZES overrides the sizes (comma-separated); BENCH_SECONDS bounds each 50-client
run (default 10 s). Run: make bench
"""

import http.client
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,20000,40000").split(",")]
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
YEAR = 2026
URLS = {
    "dashboard": f"/periode/{YEAR}/",
    "ranking page": f"/periode/{YEAR}/peringkat/?klaster=kabupaten",
    "region page": f"/periode/{YEAR}/pemda/36.04/",
    "rankings API": f"/api/v1/periods/{YEAR}/rankings?cluster=kabupaten",
}
TARGETS = {"recompute_40000": "< 5 s", "latency_50": "p95 < 100 ms", "command": "< 0.5 s"}


def database_url(size: int) -> str:
    base = os.environ.get("BENCH_DATABASE_URL")
    if not base:
        return f"sqlite:///{ROOT / 'var' / f'bench_{size}.sqlite3'}"
    parts = urlsplit(base)
    name = f"{parts.path.lstrip('/') or 'bench'}_{size}"
    host = parts.hostname or "127.0.0.1"
    user = parts.username or "postgres"
    listed = subprocess.run(
        ["psql", "-h", host, "-U", user, "-Atc", "select datname from pg_database"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if name not in listed:
        subprocess.run(["createdb", "-h", host, "-U", user, name], check=True)
    return urlunsplit(parts._replace(path=f"/{name}"))


def production_env(url: str) -> dict:
    return os.environ | {
        "DATABASE_URL": url,
        "BENCH_DATABASE_URL": url,
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "API_ANON_RATE": "1000000/m",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    }


def recompute(size: int) -> dict:
    env = production_env(database_url(size)) | {"BENCH_INNOVATIONS": str(size), "BENCH_JSON": "1"}
    script = [sys.executable, str(ROOT / "bench" / "national_period.py")]
    figures = {}
    for _ in range(2):  # the first run may build the data; the second measures alone
        out = subprocess.run(script, env=env, capture_output=True, text=True, check=True).stdout
        line = next(x for x in out.splitlines() if x.startswith("BENCH "))
        figures = json.loads(line[6:])
    return figures


def one_client(path: str, deadline: float, samples: list, errors: list, cap: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    done = 0
    while time.perf_counter() < deadline and done < cap:
        start = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
        except (OSError, http.client.HTTPException) as exc:
            errors.append(repr(exc))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        samples.append((time.perf_counter() - start) * 1000)
        done += 1
    conn.close()


def load(path: str, clients: int) -> tuple[list[float], list]:
    samples: list[float] = []
    errors: list = []
    deadline = time.perf_counter() + SECONDS
    cap = 200 if clients == 1 else 10_000
    threads = [
        threading.Thread(target=one_client, args=(path, deadline, samples, errors, cap))
        for _ in range(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return samples, errors


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(samples, n=100)
    return q[49], q[94], q[98]


def serve(url: str) -> subprocess.Popen:
    env = production_env(url)
    subprocess.run([str(BIN / "inovda"), "collectstatic", "--noinput", "-v0"], env=env, check=True)
    gunicorn = BIN / "gunicorn"
    if not gunicorn.exists():
        raise SystemExit("gunicorn is not installed: pip install -e '.[bench]'")
    config = ["-c", str(ROOT / "gunicorn.conf.py")] if (ROOT / "gunicorn.conf.py").exists() else []
    args = [str(gunicorn), *config, "--workers", "4", "--bind", f"127.0.0.1:{PORT}"]
    server = subprocess.Popen(
        [*args, "--log-level", "warning", "inovda.wsgi:application"], env=env, cwd=ROOT
    )
    for _ in range(100):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def command_startup() -> dict:
    found = {}
    with tempfile.TemporaryDirectory() as tmp:
        sys.path.insert(0, str(ROOT / "bench"))
        from score_command import document

        path = Path(tmp) / "small.json"
        path.write_text(json.dumps(document(20)), encoding="utf-8")
        env = os.environ | {"DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50)}
        for label, args in (
            ("inovda score (20 innovations)", ["score", "--rulebook", "2026", str(path)]),
            ("inovda rulebook", ["rulebook"]),
            ("inovda regions --period 2026", ["regions", "--period", "2026", "--count"]),
        ):
            runs = []
            for _ in range(3):
                start = time.perf_counter()
                subprocess.run([str(BIN / "inovda"), *args], env=env, capture_output=True)
                runs.append(time.perf_counter() - start)
            found[label] = min(runs)
    return found


def main() -> None:
    print(f"# make bench, {date.today()}, {platform.node()}: {os.cpu_count()} cores, ", end="")
    print(f"Python {platform.python_version()}, database {database_url(SIZES[-1]).split(':')[0]}")
    rows = []
    for size in SIZES:
        f = recompute(size)
        rows.append(
            (
                f"recompute {size:,} innovations",
                f"{f['recompute_s']:.2f} s, {f['queries']} queries, peak {f['peak_mb']:.0f} MB",
                "< 5 s at 40,000" if size == SIZES[-1] else "",
            )
        )
    server = serve(database_url(SIZES[-1]))
    try:
        for label, path in URLS.items():
            for clients in (1, 50):
                load(path, clients if clients == 1 else 5)  # warm every worker's cache
                samples, errors = load(path, clients)
                p50, p95, p99 = percentiles(samples)
                rate = len(samples) / SECONDS if clients > 1 else 0
                text = f"p50 {p50:.0f} / p95 {p95:.0f} / p99 {p99:.0f} ms"
                text += f", {rate:.0f} req/s" if rate else ""
                text += f", {len(errors)} errors" if errors else ""
                rows.append((f"{label}, {clients} client(s)", text, "p95 < 100 ms at 50"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    for label, seconds in command_startup().items():
        rows.append((label, f"{seconds:.2f} s", "< 0.5 s"))
    width = max(len(r[0]) for r in rows)
    print(f"| {'what':{width}} | measured | target |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for label, value, target in rows:
        print(f"| {label:{width}} | {value} | {target} |")
    shutil.rmtree(ROOT / "var" / "bench-static", ignore_errors=True)


if __name__ == "__main__":
    main()
