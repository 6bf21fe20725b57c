"""`make bench`: the figures of docs/performance.md in one table, in production settings.

- recompute of a national period at 10k/20k/40k innovations (``national_period.py`` in a
  subprocess per size, each on its own database, built once and reused by later runs);
- page and API latency p50/p95/p99 at 1 and 50 concurrent clients against gunicorn
  (gunicorn.conf.py: 2 processes per core × 4 threads, DEBUG off) on 127.0.0.1, driven by
  locust (``load.py``, FastHttpUser) in its own process, with the CPU the load generator used;
- the deadline storm (``storm.py`` + ``load.py storm``) and every page of the national
  admin's and a pemda admin's roles (``staff_pages.py``), against gunicorn on the demo
  database (``inovda demo load``, built once);
- peak memory (resident set) of each recompute and of the server's processes;
- command start-up of ``inovda score`` / ``rulebook`` / ``regions`` on a small input.

Databases: BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/bench) gets a suffix
per size (bench_10000 …, created with ``createdb`` when missing); without it, SQLite files in
var/. BENCH_SIZES overrides the sizes (comma-separated); BENCH_SECONDS bounds each 50-client
run (default 10 s), STORM_SECONDS the storm (default 60 s), STORM_OPERATORS its size (100),
STORM_THINK the operators' pause between actions (default 5 s; 0 for a closed loop).
Run: make bench
"""

import http.client
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,20000,40000").split(",")]
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
STORM_SECONDS = float(os.environ.get("STORM_SECONDS", "60"))
STORM_OPERATORS = int(os.environ.get("STORM_OPERATORS", "100"))
# A person's pause between two actions, on average (seconds); 0: a closed loop.
STORM_THINK = os.environ.get("STORM_THINK", "5")
# A Redis database of the bench's own: emptied each time a server starts.
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
YEAR = 2026
URLS = {
    "dashboard": f"/periode/{YEAR}/",
    "ranking page": f"/periode/{YEAR}/peringkat/?klaster=kabupaten",
    "region page": f"/periode/{YEAR}/pemda/36.04/",
    "rankings API": f"/api/v1/periods/{YEAR}/rankings?cluster=kabupaten",
}
TARGETS = {"recompute_40000": "< 5 s", "latency_50": "p95 < 100 ms", "command": "< 0.5 s"}


def database_url(size: int | str) -> str:
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
        "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        # Plain HTTP on 127.0.0.1: cookies marked Secure would never come back (behind TLS
        # in production they stay secure).
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        # No access log line per request (nginx or the load balancer keeps one).
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        # Browsers keep a connection open across a person's pauses (nginx: 75 s); gunicorn's
        # 5 s would close it under the storm's operators between two clicks.
        "GUNICORN_KEEPALIVE": "75",
        # More than one worker: the cache is shared, on Redis (.env.example says required).
        "CACHE_URL": REDIS,
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


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles(samples, n=100)
    return q[49], q[94], q[98]


def serve(url: str) -> subprocess.Popen:
    import redis

    redis.Redis.from_url(REDIS).flushdb()  # no page cached for another database
    env = production_env(url)
    subprocess.run([str(BIN / "inovda"), "collectstatic", "--noinput", "-v0"], env=env, check=True)
    gunicorn = BIN / "gunicorn"
    args = [str(gunicorn), "-c", str(ROOT / "gunicorn.conf.py"), "--log-level", "warning"]
    server = subprocess.Popen(args, env=env, cwd=ROOT)
    for _ in range(150):
        try:
            http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/")
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def peak_mb(pid: int) -> float:
    """The peak resident set (VmHWM) of a process, in MB."""
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+)", text).group(1)) / 1024


def server_memory(server: subprocess.Popen) -> str:
    """The master's and the largest worker's peak resident set, and the sum of all."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    workers = [peak_mb(int(pid)) for pid in children]
    master = peak_mb(server.pid)
    return (
        f"master {master:.0f} MB, {len(workers)} workers up to {max(workers):.0f} MB each, "
        f"{master + sum(workers):.0f} MB together"
    )


def server_cpu(server: subprocess.Popen) -> float:
    """CPU seconds used so far by the server: the master, its live workers, and the workers
    that already exited (max_requests restarts: the master's reaped children)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:  # exited meanwhile: counted in the master's children
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    server.wait(timeout=60)


def load(kind: str, *args) -> dict:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), kind, *map(str, args)],
        env=os.environ | {"BENCH_PORT": str(PORT), "STORM_THINK": STORM_THINK},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(next(x for x in out.splitlines() if x.startswith("LOAD "))[5:])


def latency_text(found: dict) -> str:
    return f"p50 {found['p50']:.0f} / p95 {found['p95']:.0f} / p99 {found['p99']:.0f} ms"


def public_rows(rows: list) -> None:
    server = serve(database_url(SIZES[-1]))
    try:
        for label, path in URLS.items():
            load("public", path, 5, 2)  # warm the cache
            for clients in (1, 50):
                cpu = server_cpu(server)
                found = load("public", path, clients, SECONDS)
                per_request = (server_cpu(server) - cpu) / max(found["requests"], 1) * 1e6
                text = latency_text(found["actions"]["GET"])
                text += f", {found['rate']:.0f} req/s" if clients > 1 else ""
                text += f"; CPU/req: server {per_request:.0f} µs"
                text += f", load generator {found['client_cpu_us_per_request']:.0f} µs"
                text += f", {len(found['errors'])} errors" if found["errors"] else ""
                rows.append((f"{label}, {clients} client(s)", text, "p95 < 100 ms at 50"))
        # The former load generator (50 Python threads) on the same page, for comparison.
        found = load("threads", URLS["dashboard"], 50, SECONDS)
        text = latency_text(found["actions"]["GET"]) + f", {found['rate']:.0f} req/s"
        text += f"; CPU/req: load generator {found['client_cpu_us_per_request']:.0f} µs"
        rows.append(("dashboard, 50 thread clients (former tool)", text, ""))
        rows.append(("server memory, public runs", server_memory(server), ""))
    finally:
        stop(server)


def demo_database() -> str:
    """The demo on its own database (``inovda demo load``), built once."""
    url = database_url("demo")
    env = production_env(url) | {"INOVDA_DEMO": "true"}
    subprocess.run([str(BIN / "inovda"), "migrate", "--noinput", "-v0"], env=env, check=True)
    loaded = subprocess.run([str(BIN / "inovda"), "demo", "load"], env=env, capture_output=True)
    if loaded.returncode != 0 and b"sudah ada" not in loaded.stderr + loaded.stdout:
        raise SystemExit("demo load failed: " + loaded.stderr.decode()[-500:])
    subprocess.run(
        [str(BIN / "inovda"), "demo", "accounts"], env=env, check=True, capture_output=True
    )
    return url


def storm_rows(rows: list, url: str) -> None:
    env = production_env(url)
    with tempfile.TemporaryDirectory() as tmp:
        plan, writes = Path(tmp) / "plan.json", Path(tmp) / "writes.json"
        script = [sys.executable, str(ROOT / "bench" / "storm.py")]
        subprocess.run([*script, "prepare", plan, str(STORM_OPERATORS)], env=env, check=True)
        found = load("storm", plan, STORM_SECONDS, writes)
        out = subprocess.run(
            [*script, "check", plan, writes], env=env, capture_output=True, text=True, check=True
        ).stdout
        checked = json.loads(next(x for x in out.splitlines() if x.startswith("STORM "))[6:])
    for action in ("open form", "save answers", "upload PDF"):
        a = found["actions"].get(action, {"n": 0})
        text = f"{latency_text(a)}, {a['n']} done" if a["n"] > 1 else "none"
        label = f"storm ({STORM_OPERATORS} operators, {STORM_THINK} s pauses): {action}"
        rows.append((label, text, "p95 < 1 s"))
    text = (
        f"{found['error_count']} errors; {checked['saves']} saves and {checked['uploads']} "
        f"uploads answered, {checked['files_checked']} files on storage checked, "
        f"{checked['problem_count']} mismatches; {found['stopped']} operators stopped cleanly; "
        f"logging all in took {found['login_s']:.0f} s (before the window)"
    )
    rows.append(("storm: errors and lost writes", text, "0 errors, 0 lost"))
    for title, items in (("errors", found["errors"]), ("mismatches", checked["problems"])):
        if items:
            print(f"storm {title} (first 20):", *items, sep="\n  ")


def staff_rows(rows: list) -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "staff_pages.py"), f"http://127.0.0.1:{PORT}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = json.loads(next(x for x in out.splitlines() if x.startswith("STAFF "))[6:])
    for role, pages in found.items():
        path, worst = max(pages.items(), key=lambda kv: kv[1]["p99"])
        bad = [p for p, f in pages.items() if max(f["status"]) >= 400]
        text = f"{len(pages)} pages, worst p99 {worst['p99']:.0f} ms ({path})"
        text += f", errors: {', '.join(bad)}" if bad else ", no error"
        rows.append((f"{role}'s pages, 1 client", text, "p99 < 1 s"))
        STAFF_DETAIL.extend((role, p, f) for p, f in pages.items())


STAFF_DETAIL: list = []


def demo_rows(rows: list) -> None:
    url = demo_database()
    server = serve(url)
    try:
        if STORM_OPERATORS:
            storm_rows(rows, url)
        staff_rows(rows)
        rows.append(("server memory, storm and staff pages", server_memory(server), ""))
    finally:
        stop(server)


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
    began = time.perf_counter()
    print(f"# make bench, {date.today()}, {platform.node()}: {os.cpu_count()} cores, ", end="")
    print(f"Python {platform.python_version()}, database {database_url(SIZES[-1]).split(':')[0]}")
    print(f"load average at the start {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    rows = []
    for size in SIZES:
        f = recompute(size)
        rows.append(
            (
                f"recompute {size:,} innovations",
                f"{f['recompute_s']:.2f} s, {f['queries']} queries, peak {f['peak_mb']:.0f} MB RSS",
                "< 5 s at 40,000" if size == SIZES[-1] else "",
            )
        )
    public_rows(rows)
    demo_rows(rows)
    for label, seconds in command_startup().items():
        rows.append((label, f"{seconds:.2f} s", "< 0.5 s"))
    width = max(len(r[0]) for r in rows)
    print(f"| {'what':{width}} | measured | target |")
    print(f"|{'-' * (width + 2)}|---|---|")
    for label, value, target in rows:
        print(f"| {label:{width}} | {value} | {target} |")
    if STAFF_DETAIL:
        print("\n| role | page | p50 / p95 / p99 ms | status |\n|---|---|---|---|")
        for role, path, f in STAFF_DETAIL:
            ms = f"{f['p50']:.0f} / {f['p95']:.0f} / {f['p99']:.0f}"
            print(f"| {role} | {path} | {ms} | {f['status']} |")
    print(f"\nload average at the end {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"make bench took {time.perf_counter() - began:.0f} s")
    shutil.rmtree(ROOT / "var" / "bench-static", ignore_errors=True)


if __name__ == "__main__":
    main()
