"""Structured logs: one JSON object per line, each carrying the id of the request it belongs
to, and warnings for slow requests and slow queries (thresholds from the environment).

The request id comes from the load balancer's ``X-Request-ID`` when it sends a sane one (so
one id follows a request through nginx, gunicorn and Django), else a fresh one; the response
carries it back, so a user's report can be matched to the log lines.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from typing import Any

from django.conf import settings
from django.db import connection

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
logger = logging.getLogger("inovda.request")
query_logger = logging.getLogger("inovda.db")


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    EXTRA = ("method", "path", "status", "duration_ms", "sql", "user_id")

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update({k: getattr(record, k) for k in self.EXTRA if hasattr(record, k)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _slow_query(execute, sql, params, many, context):
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        elapsed = (time.perf_counter() - started) * 1000
        if elapsed >= settings.SLOW_QUERY_MS:
            query_logger.warning(
                "slow query: %.0f ms",
                elapsed,
                extra={"duration_ms": round(elapsed), "sql": sql[:2000]},
            )


class RequestLogMiddleware:
    """Sets the request id, times the request and its queries, and logs what is slow."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        token = request_id.set(given if SANE_ID.match(given) else uuid.uuid4().hex)
        started = time.perf_counter()
        try:
            with connection.execute_wrapper(_slow_query):
                response = self.get_response(request)
            elapsed = (time.perf_counter() - started) * 1000
            response["X-Request-ID"] = request_id.get()
            if elapsed >= settings.SLOW_REQUEST_MS:
                logger.warning(
                    "slow request: %s %s %.0f ms",
                    request.method,
                    request.path,
                    elapsed,
                    extra={
                        "method": request.method,
                        "path": request.path,
                        "status": response.status_code,
                        "duration_ms": round(elapsed),
                    },
                )
            return response
        finally:
            request_id.reset(token)
