"""Public pages and API answers cached per publication.

A publication is frozen, so what the dashboard, the ranking page, a region page and the
rankings/region/recap API show for one set of publications never changes: each is rendered
once into Django's configured cache (``caches["default"]``: Redis when configured, local
memory otherwise) under a key naming the publications and the full path, and served with an
``ETag``, ``Last-Modified`` and ``Cache-Control: public`` so browsers and any proxy in front can
keep it too; a conditional GET that matches answers 304. A new publication changes the key
(the newest publication id and the count of publications are in it), which is the only
invalidation. Signed-in users get the live view with its private headers
(``middleware.PrivateCacheMiddleware``): their pages carry their name and menu.

Two middlewares share the work:

- ``PublicCacheMiddleware`` (last, once the URL and the user are known) renders a miss and
  answers the visitors who carry a session cookie;
- ``PublicFastPathMiddleware`` (third, before sessions, CSRF, auth and the rest) answers a
  visitor without a session cookie straight from the cache: the body and the headers the whole
  stack gave the first answer (CSP, Vary, X-Frame-Options…), stored beside it, so the answer is
  the same byte for byte, without a database query.

The name of the current set of publications lives in the cache too (``VERSION_KEY``), so a hit
needs no query: it is set again from the database when a publication is saved or deleted (on
commit, by a signal: the publish job included), and read from the database again at the latest
``PUBLIC_CACHE_VERSION_TTL`` seconds after it was set (a few seconds with local memory, where
another process's publication is not seen; longer with Redis, where it is).
"""

import hashlib
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Max
from django.http import HttpResponse, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.http import http_date

from inovda.results.models import Publication

CACHED_VIEWS = frozenset(
    {
        "portal:dashboard",
        "portal:ranking",
        "portal:region",
        "api-v1:get_recap",
        "api-v1:list_rankings",
        "api-v1:get_region_result",
    }
)
MAX_AGE = 300
TIMEOUT = 24 * 3600  # keys of superseded publications are never read again: let them expire
VERSION_KEY = "public:version"
# Answers whose headers were stored by the fast path's first pass: 200 and 304.
STORED = {200: "", 304: ":304"}


def publications_version() -> tuple[str, float | None]:
    """What names the current set of publications (one query), and when the newest was made."""
    found = Publication.objects.aggregate(n=Count("pk"), last=Max("pk"), at=Max("published_at"))
    at = found["at"].timestamp() if found["at"] else None
    return f"{found['last'] or 0}.{found['n']}", at


def current_version() -> tuple[str, float | None]:
    """``publications_version()`` from the cache; from the database when it is not there.
    ``add``, not ``set``: a reader that raced a publication never overwrites its bump."""
    found = cache.get(VERSION_KEY)
    if found is None:
        found = publications_version()
        cache.add(VERSION_KEY, found, settings.PUBLIC_CACHE_VERSION_TTL)
    return found


def publications_changed(**_: Any) -> None:
    """A publication was saved or deleted: forget the version now (this process reads the
    database again) and set it from the database once the change is committed."""
    cache.delete(VERSION_KEY)
    transaction.on_commit(
        lambda: cache.set(VERSION_KEY, publications_version(), settings.PUBLIC_CACHE_VERSION_TTL)
    )


def _key(request, version: str) -> str:
    variant = "hx" if request.headers.get("HX-Request") else "full"
    if settings.DEMO:  # the demo banner is part of every page
        variant += "-demo"
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"public:{version}:{variant}:{path}"


def _public(response: HttpResponse, etag: str, at: float | None) -> HttpResponse:
    response["ETag"] = etag
    if at is not None:
        response["Last-Modified"] = http_date(at)
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response


class PublicCacheMiddleware:
    """Last in MIDDLEWARE: it needs the resolved URL name and ``request.user``."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method not in ("GET", "HEAD") or match is None:
            return None
        if match.view_name not in CACHED_VIEWS or request.user.is_authenticated:
            return None
        version, at = current_version()
        key = _key(request, version)
        etag = _etag(key)
        if etag in request.headers.get("If-None-Match", ""):
            request.public_cache_key = key + STORED[304]  # the fast path stores its headers
            return _public(HttpResponseNotModified(), etag, at)
        found = cache.get(key)
        if found is None:
            response = view_func(request, *view_args, **view_kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or response.streaming:
                return response
            view_headers = list(response.items())
            cache.set(key, {"content": response.content, "view_headers": view_headers}, TIMEOUT)
        else:
            view_headers = found["view_headers"]
            response = _replay(found["content"], 200, view_headers)
        if found is None or "headers" not in found:  # for the fast path to store, on its way out
            request.public_cache_key, request.public_cache_view_headers = key, view_headers
        return _public(response, etag, at)


def _replay(content: bytes, status: int, headers: list[tuple[str, str]]) -> HttpResponse:
    """A response with exactly these headers (no default Content-Type of its own)."""
    response = HttpResponse(content, status=status)
    for name in list(response.headers):
        del response[name]
    for name, value in headers:
        response[name] = value
    return response


def _etag(key: str) -> str:
    return f'"{key.split(":", 1)[1].replace(":", "-")}"'


def _candidate_key(request) -> str | None:
    """The cache key of an anonymous public answer, or None when the fast path cannot tell
    (a session cookie: maybe signed in; any other method; any other page)."""
    if request.method not in ("GET", "HEAD") or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.view_name not in CACHED_VIEWS:
        return None
    return _key(request, current_version()[0])


class PublicFastPathMiddleware:
    """Third in MIDDLEWARE, after the security headers and the invalid-character guard and
    before everything that costs: serves the answers ``PublicCacheMiddleware`` cached, with
    the headers the whole stack gave them the first time (stored here on the way out)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        key = _candidate_key(request)
        if key is not None:
            status = 304 if _etag(key) in request.headers.get("If-None-Match", "") else 200
            found = cache.get(key + STORED[status])
            if found is not None and "headers" in found:
                return _replay(found.get("content", b""), status, found["headers"])
        response = self.get_response(request)
        stored = getattr(request, "public_cache_key", None)
        if stored is not None and response.status_code in STORED:
            entry: dict[str, Any] = {"headers": list(response.items())}
            if response.status_code == 200:
                entry["content"] = response.content
                entry["view_headers"] = request.public_cache_view_headers
            cache.set(stored, entry, TIMEOUT)
        return response
