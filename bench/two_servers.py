"""Two app servers behind one address share everything a request needs.

Starts two gunicorn servers on different ports against the same PostgreSQL (DATABASE_URL),
Redis (CACHE_URL) and object store (S3_TEST_ENDPOINT), each with its own empty MEDIA_ROOT,
and shows that

1. a user logged in through one is logged in on the other (sessions in the database),
2. evidence uploaded through one is downloaded through the other (object storage),
3. the API's anonymous throttle counts the requests made to both (cache on Redis).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/inovda_two \\
    CACHE_URL=redis://127.0.0.1:6379/15 S3_TEST_ENDPOINT=http://127.0.0.1:5123 \\
    .venv/bin/python bench/two_servers.py

Prints one line per check and exits non-zero when one fails. Run by .ci/run.
"""

import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PORTS = (8741, 8742)
RATE = 6  # API requests per minute for one anonymous client, across both servers
PASSWORD = "Dua-Server-Satu-Sesi-2026"


def _pdf() -> bytes:
    """A small, well-formed one-page PDF (the evidence check parses it)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out, offsets = b"%PDF-1.7\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    return out + f"startxref\n{xref}\n%%EOF\n".encode()


PDF = _pdf()


def environment(media: Path, static: Path, bucket: str) -> dict[str, str]:
    for name in ("DATABASE_URL", "CACHE_URL", "S3_TEST_ENDPOINT"):
        if not os.environ.get(name):
            sys.exit(f"{name} is not set (see this script's docstring).")
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        sys.exit("DATABASE_URL must name a PostgreSQL database.")
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("TWO_SERVERS_SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "API_ANON_RATE": f"{RATE}/m",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(media),
        "STORAGE_BACKEND": "s3",
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": os.environ["S3_TEST_ENDPOINT"],
        "S3_REGION": "us-east-1",
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
        "TASKS_BACKEND": "immediate",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "2",
        "GUNICORN_ACCESS_LOG": "",
    }


def prepare(env: dict[str, str]) -> int:
    """Schema, static files, a bucket, and a pemda admin with one answer; the answer's pk."""
    subprocess.run([BIN / "inovda", "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([BIN / "inovda", "collectstatic", "--noinput", "-v0"], env=env, check=True)
    import boto3

    s3 = boto3.client(
        "s3",
        endpoint_url=env["S3_ENDPOINT_URL"],
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    s3.create_bucket(Bucket=env["S3_BUCKET"])
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "inovda.settings"
    import django

    django.setup()
    from datetime import timedelta

    from django.core.cache import cache
    from django.utils import timezone

    from inovda.accounts.models import Role, User
    from inovda.innovations.models import Answer
    from inovda.regions.models import Period
    from inovda.regions.services import create_period

    cache.clear()
    period = Period.objects.filter(year=2026).first() or create_period(2026)
    now = timezone.now()
    period.opens_at, period.closes_at = now - timedelta(days=1), now + timedelta(days=30)
    period.save(update_fields=["opens_at", "closes_at"])
    User.objects.filter(username="dua.server").delete()
    User.objects.create_user(
        "dua.server",
        password=PASSWORD,
        role=Role.PEMDA_ADMIN,
        region_code="36.04",
        must_change_password=False,
    )
    region = period.regions.get(code="36.04")
    answer, _ = Answer.objects.get_or_create(region=region, innovation=None, indicator_id="1")
    return answer.pk


def start(env: dict[str, str], port: int, media: Path) -> subprocess.Popen:
    media.mkdir(parents=True, exist_ok=True)
    server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "MEDIA_ROOT": str(media)}
    return subprocess.Popen(
        [BIN / "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")], env=server_env, cwd=ROOT
    )


def wait_until_up(port: int) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except urllib.error.HTTPError:
            return  # answering (a 503 for the worker is fine: jobs run in the request here)
        except OSError:
            time.sleep(0.2)
    sys.exit(f"server on port {port} did not start")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(port, path, *, cookies=None, data=None, headers=None):
    """(status, headers, body); cookies is a dict updated with what the server sets."""
    cookies = {} if cookies is None else cookies
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers=headers)
    try:
        response = OPENER.open(req, timeout=30)
    except urllib.error.HTTPError as exc:
        response = exc
    for header in response.headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name] = rest.split(";", 1)[0]
    return response.status, response.headers, response.read()


def csrf_token(body: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)[1].decode()


def multipart(fields: dict[str, str], name: str, filename: str, content: bytes):
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = environment(Path(tmp) / "media", Path(tmp) / "static", f"two-{uuid.uuid4().hex[:8]}")
        answer_pk = prepare(env)
        a_port, b_port = PORTS
        servers = [start(env, port, Path(tmp) / f"media-{port}") for port in PORTS]
        try:
            for port in PORTS:
                wait_until_up(port)
            return run_checks(a_port, b_port, answer_pk)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)


def run_checks(a_port: int, b_port: int, answer_pk: int) -> int:
    results = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        results.append(ok)
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)

    # 1. Log in through A; B knows the session.
    cookies: dict[str, str] = {}
    _, _, page = request(a_port, "/akun/masuk/", cookies=cookies)
    form = f"csrfmiddlewaretoken={csrf_token(page)}&username=dua.server&password={PASSWORD}"
    status, _, _ = request(a_port, "/akun/masuk/", cookies=cookies, data=form.encode())
    check("login through A", status == 302, f"HTTP {status}")
    status, _, body = request(b_port, "/akun/", cookies=cookies)
    check("the session holds on B", status == 200 and b"dua.server" in body, f"HTTP {status}")

    # 2. Upload through A (its own MEDIA_ROOT), download through B (another MEDIA_ROOT).
    path = f"/bukti/jawaban/{answer_pk}/unggah/"
    _, _, page = request(a_port, path, cookies=cookies)
    data, content_type = multipart(
        {"csrfmiddlewaretoken": csrf_token(page)}, "berkas", "sk.pdf", PDF
    )
    status, _, _ = request(
        a_port, path, cookies=cookies, data=data, headers={"Content-Type": content_type}
    )
    check("upload through A", status == 302, f"HTTP {status}")
    from inovda.innovations.models import Evidence

    evidence = Evidence.objects.filter(answer_id=answer_pk).order_by("-pk").first()
    evidence_pk = evidence.pk if evidence else 0
    status, _, body = request(b_port, f"/bukti/{evidence_pk}/unduh/", cookies=cookies)
    check("the upload is served by B", status == 200 and body == PDF, f"HTTP {status}")

    # 3. The anonymous API throttle counts requests to A and B together.
    statuses = [request(port, "/api/v1/periods")[0] for port in (a_port, b_port) * RATE]
    allowed = statuses.count(200)
    check(
        "the API throttle counts across both",
        allowed == RATE and statuses[RATE] == 429,
        f"{allowed} of {len(statuses)} answered before 429",
    )
    passed = sum(results)
    print(f"two_servers: {passed} passed, {len(results) - passed} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
