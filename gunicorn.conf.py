"""gunicorn settings, read from the environment (see .env.example and docs/deploy.md).

`make serve` starts gunicorn with this file; a systemd unit does the same with
`gunicorn -c gunicorn.conf.py`. A bad value stops the start with the variable's name.
"""

import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SystemExit(f"{name}={raw!r}: expected a whole number.") from None
    if value < 0:
        raise SystemExit(f"{name}={raw!r}: expected zero or more.")
    return value


wsgi_app = "inovda.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Processes × threads = requests served at once. Two processes per core is the usual start.
workers = _int("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1))
threads = _int("GUNICORN_THREADS", 4)
# Publishing and large downloads run as jobs, so no request needs long.
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# A worker restarts after this many requests (plus jitter), bounding slow memory growth. Not
# much lower: without preload a restart imports Django again (about 2 s of CPU), and at a few
# hundred requests a second 2,000 meant a restart per worker every few seconds.
max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 2000)
# "true": the application is imported once, in the master, and the workers are forked from
# it, so a worker restarted after max_requests serves at once instead of importing Django
# again (about a second of CPU each time). But a reload (HUP, `systemctl reload`) then keeps
# the old code: upgrade with a restart. Off by default, so a reload upgrades.
preload_app = os.environ.get("GUNICORN_PRELOAD", "false").lower() in ("true", "1", "yes")
# "-" = standard output; empty = no access log (the load balancer keeps one).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Behind nginx or a load balancer on the same host; the list of proxies trusted for
# X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def _import_urls() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 — the import is the point


def when_ready(server) -> None:
    """With preload_app, every URLconf and view is imported in the master, before the fork."""
    if preload_app:
        _import_urls()


def post_worker_init(worker) -> None:
    """Without it, each worker imports them before it takes its first request, so that no
    user waits the two seconds this takes."""
    if not preload_app:
        _import_urls()
