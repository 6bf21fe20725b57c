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
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse, HttpResponseNotModified
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


def publications_version() -> tuple[str, float | None]:
    """What names the current set of publications (one query), and when the newest was made."""
    found = Publication.objects.aggregate(n=Count("pk"), last=Max("pk"), at=Max("published_at"))
    at = found["at"].timestamp() if found["at"] else None
    return f"{found['last'] or 0}.{found['n']}", at


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
        version, at = publications_version()
        key = _key(request, version)
        etag = f'"{key.split(":", 1)[1].replace(":", "-")}"'
        if etag in request.headers.get("If-None-Match", ""):
            return _public(HttpResponseNotModified(), etag, at)
        found = cache.get(key)
        if found is None:
            response = view_func(request, *view_args, **view_kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if response.status_code != 200 or response.streaming:
                return response
            cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
        else:
            content, content_type = found
            response = HttpResponse(content, content_type=content_type)
        return _public(response, etag, at)
