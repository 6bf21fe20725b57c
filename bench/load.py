"""HTTP load for `make bench`, driven by locust (FastHttpUser, gevent) in its own process.

    python bench/load.py public PATH CLIENTS SECONDS      # anonymous GETs of one page
    python bench/load.py storm PLAN.json SECONDS OUT.json  # the deadline storm (bench/storm.py)
    python bench/load.py threads PATH CLIENTS SECONDS     # the former thread-pool client

Each prints one line ``LOAD {json}``: latency samples summarised per action (p50/p95/p99 in
ms), the request count, the errors, and the CPU seconds the load generator itself used (so a
run can tell how much of the two cores it took from the server). The storm also writes every
successful write to OUT.json, for the lost-write check. Only 127.0.0.1 is ever targeted.
"""

import hashlib
import json
import os
import random
import re
import sys
import time
from urllib.parse import urlencode

HOST = f"http://127.0.0.1:{int(os.environ.get('BENCH_PORT', '8765'))}"
WARMUP = 1.0  # seconds: samples before every client is up are dropped


def summary(samples: dict[str, list[float]]) -> dict:
    import statistics

    found = {}
    for action, times in samples.items():
        if len(times) < 2:
            found[action] = {"n": len(times)}
            continue
        q = statistics.quantiles(times, n=100)
        found[action] = {"n": len(times), "p50": q[49], "p95": q[94], "p99": q[98]}
    return found


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def run_locust(user_class, clients: int, seconds: float) -> tuple[dict, list, float]:
    import gevent
    from locust.env import Environment

    samples: dict[str, list[float]] = {}
    errors: list = []
    started = time.perf_counter()

    def on_request(request_type, name, response_time, exception=None, **_):
        if exception is not None:
            errors.append(f"{name}: {exception!r}"[:300])
        elif time.perf_counter() - started >= WARMUP:
            samples.setdefault(name, []).append(response_time)

    env = Environment(user_classes=[user_class], host=HOST)
    env.events.request.add_listener(on_request)
    runner = env.create_local_runner()
    cpu = cpu_seconds()
    runner.start(clients, spawn_rate=clients * 4)
    gevent.spawn_later(seconds + WARMUP, runner.quit)
    runner.greenlet.join()
    return samples, errors, cpu_seconds() - cpu


def public(path: str, clients: int, seconds: float) -> dict:
    from locust import FastHttpUser, constant, task

    class Visitor(FastHttpUser):
        wait_time = constant(0)

        @task
        def page(self):
            with self.client.get(path, name="GET", catch_response=True) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")

    samples, errors, cpu = run_locust(Visitor, clients, seconds)
    n = sum(len(v) for v in samples.values())
    return {
        "actions": summary(samples),
        "requests": n,
        "rate": n / seconds,
        "errors": errors,
        "client_cpu_s": cpu,
        "client_cpu_us_per_request": cpu / max(n, 1) * 1e6,
    }


def threads(path: str, clients: int, seconds: float) -> dict:
    """The thread pool of keep-alive clients that `make bench` used before, for comparison."""
    import http.client
    import threading

    samples: list[float] = []
    errors: list = []
    host, port = "127.0.0.1", int(HOST.rsplit(":", 1)[1])
    started = time.perf_counter()
    deadline = started + seconds + WARMUP

    def one() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while time.perf_counter() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Host": host})
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    errors.append(response.status)
            except (OSError, http.client.HTTPException) as exc:
                errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
            if start - started >= WARMUP:
                samples.append((time.perf_counter() - start) * 1000)
        conn.close()

    cpu = cpu_seconds()
    pool = [threading.Thread(target=one) for _ in range(clients)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    cpu = cpu_seconds() - cpu
    n = len(samples)
    return {
        "actions": summary({"GET": samples}),
        "requests": n,
        "rate": n / seconds,
        "errors": errors,
        "client_cpu_s": cpu,
        "client_cpu_us_per_request": cpu / max(n, 1) * 1e6,
    }


FORM = {"Content-Type": "application/x-www-form-urlencoded"}
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(rb'name="version" value="(\d+)"')


def storm(plan_path: str, seconds: float, out_path: str) -> dict:
    """Each operator, logged in with its own account on its own region: open the innovation
    form, save a changed note, upload a small PDF, again; STORM_THINK seconds (on average)
    between two actions, a person's pause (0: a closed loop, as fast as the server answers).

    Every operator logs in first; the measured window opens when the last one has, and at
    its end each operator finishes the action it is in and stops, so every write the server
    made has its answer recorded (a request cut off mid-way would look like a lost write)."""
    import gevent
    from locust import FastHttpUser, constant, task
    from locust.env import Environment
    from locust.exception import StopUser

    with open(plan_path, encoding="utf-8") as handle:
        plan = json.loads(handle.read())
    operators = iter(plan["operators"])
    total = len(plan["operators"])
    think = float(os.environ.get("STORM_THINK", "0"))
    pdf = plan["pdf"].encode("latin-1")
    writes: list[dict] = []
    samples: dict[str, list[float]] = {}
    errors: list[str] = []
    state = {"logged_in": 0, "stopped": 0, "start": 0.0, "end": float("inf")}
    ready = gevent.event.Event()

    def on_request(request_type, name, response_time, exception=None, **_):
        if exception is not None:
            errors.append(f"{name}: {exception!r}"[:300])
        elif ready.is_set() and name not in ("login form", "login"):
            samples.setdefault(name, []).append(response_time)

    class Operator(FastHttpUser):
        wait_time = constant(0)
        connection_timeout = 60.0
        network_timeout = 60.0

        def on_start(self):
            self.me = next(operators)
            self.n = 0
            page = self.client.get("/akun/masuk/", name="login form").content
            token = CSRF.search(page).group(1).decode()
            form = {
                "username": self.me["username"],
                "password": plan["password"],
                "csrfmiddlewaretoken": token,
            }
            with self.client.post(
                "/akun/masuk/",
                data=urlencode(form),
                headers=FORM,
                name="login",
                allow_redirects=False,
                catch_response=True,
            ) as r:
                if r.status_code != 302:
                    r.failure(f"login HTTP {r.status_code}")
            self.form_url = f"/pemda/inovasi/{self.me['innovation']}/"
            state["logged_in"] += 1
            if state["logged_in"] == total:
                state["start"] = time.perf_counter()
                state["end"] = state["start"] + seconds
                ready.set()
            ready.wait()
            gevent.sleep(random.uniform(0, think))  # operators do not all click at once

        def _next(self):
            """A person's pause, then stop if the window has closed."""
            if think:
                gevent.sleep(random.uniform(think * 0.5, think * 1.5))
            if time.perf_counter() >= state["end"]:
                state["stopped"] += 1
                raise StopUser()

        def _open(self):
            with self.client.get(self.form_url, name="open form", catch_response=True) as r:
                if r.status_code != 200 or not VERSION.search(r.content or b""):
                    r.failure(f"HTTP {r.status_code}")
                    return None
                return r.content

        @task
        def cycle(self):
            if time.perf_counter() >= state["end"]:
                state["stopped"] += 1
                raise StopUser()
            page = self._open()
            if page is None:
                self._next()
                return
            self.n += 1
            token = CSRF.search(page).group(1).decode()
            version = int(VERSION.search(page).group(1))
            note = f"storm {self.me['username']} {self.n}"
            changed = {"csrfmiddlewaretoken", "version", f"note_{self.me['indicator']}"}
            data = [(k, v) for k, v in self.me["fields"] if k not in changed]
            data += [
                ("csrfmiddlewaretoken", token),
                ("version", str(version)),
                (f"note_{self.me['indicator']}", note),
            ]
            self._next()
            with self.client.post(
                self.form_url,
                data=urlencode(data),
                headers=FORM,
                name="save answers",
                allow_redirects=False,
                catch_response=True,
            ) as r:
                if r.status_code == 302:
                    writes.append(
                        {
                            "kind": "save",
                            "innovation": self.me["innovation"],
                            "version": version + 1,
                            "note": note,
                        }
                    )
                else:
                    r.failure(f"HTTP {r.status_code}")
            self._next()
            token_text = f"{self.me['slot']:06d}{self.n:010d}".encode()
            body = pdf.replace(b"STORMTOKEN000000", token_text)
            boundary = "storm" + "0" * 20
            parts = (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"'
                    f"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; "
                    f'name="berkas"; filename="bukti.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
                ).encode()
                + body
                + f"\r\n--{boundary}--\r\n".encode()
            )
            headers = {
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": HOST + self.form_url,
            }
            url = f"/bukti/jawaban/{self.me['answer']}/unggah/"
            with self.client.post(
                url,
                data=parts,
                headers=headers,
                name="upload PDF",
                allow_redirects=False,
                catch_response=True,
            ) as r:
                if r.status_code == 302:
                    digest = hashlib.sha256(body).hexdigest()
                    writes.append({"kind": "upload", "answer": self.me["answer"], "sha256": digest})
                else:
                    r.failure(f"HTTP {r.status_code}")
            self._next()

    env = Environment(user_classes=[Operator], host=HOST)
    env.events.request.add_listener(on_request)
    runner = env.create_local_runner()
    cpu = cpu_seconds()
    began = time.perf_counter()
    runner.start(total, spawn_rate=total)
    while not ready.is_set() and time.perf_counter() - began < 600 and not errors[total:]:
        gevent.sleep(0.2)
    login_s = time.perf_counter() - began
    while state["stopped"] < total and time.perf_counter() < state["end"] + 120:
        gevent.sleep(0.2)
    runner.quit()
    with open(out_path, "w", encoding="utf-8") as handle:
        json.dump(writes, handle)
    return {
        "actions": summary(samples),
        "errors": errors[:20],
        "error_count": len(errors),
        "writes": len(writes),
        "client_cpu_s": cpu_seconds() - cpu,
        "login_s": login_s,
        "think_s": think,
        "stopped": state["stopped"],
    }


def main() -> None:
    kind, *args = sys.argv[1:]
    if kind == "public":
        found = public(args[0], int(args[1]), float(args[2]))
    elif kind == "threads":
        found = threads(args[0], int(args[1]), float(args[2]))
    elif kind == "storm":
        found = storm(args[0], float(args[1]), args[2])
    else:
        raise SystemExit(__doc__)
    print("LOAD " + json.dumps(found), flush=True)


if __name__ == "__main__":
    main()
