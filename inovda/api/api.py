"""The versioned open-data API: one NinjaAPI at /api/v1/, one router per app.

Read-only, anonymous and throttled per client IP (settings.API_ANON_RATE).
"""

from django.conf import settings
from ninja import NinjaAPI
from ninja.throttling import AnonRateThrottle

from inovda.accounts.lockout import client_ip
from inovda.api import catalogue
from inovda.awards import api as awards
from inovda.results import api as results


class ClientThrottle(AnonRateThrottle):
    """Counts per client address as the trusted proxies vouch for it (``TRUSTED_PROXIES``), the
    same address the lock-out uses: a client cannot reset its count by writing its own
    X-Forwarded-For header."""

    def get_ident(self, request):
        return client_ip(request)


api = NinjaAPI(
    title="Inovda open data",
    version="1",
    description=(
        "Published results of the Indeks Inovasi Daerah: periods, national recap, rankings per "
        "cluster, one region's result with its breakdown, and the innovation catalogue. "
        "Only published snapshots are visible. See docs/api.md."
    ),
    urls_namespace="api-v1",
    throttle=ClientThrottle(settings.API_ANON_RATE),
)
api.add_router("", results.router)
api.add_router("", catalogue.router)
api.add_router("", awards.router)
