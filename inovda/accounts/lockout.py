"""Login lock-out: who is signing in (the client address behind trusted reverse proxies) and
when attempts stop.

Two limits, both within ``AXES_COOLOFF_TIME``:

- ``AXES_FAILURE_LIMIT`` failures for one username *from one address* lock that pair (django-
  axes' own rule, ``AXES_LOCKOUT_PARAMETERS``). Someone elsewhere cannot lock a user out: their
  failures count against their own address.
- ``AXES_IP_FAILURE_LIMIT`` failures from one address, over all usernames, lock that address
  (guessing many accounts from one place). 0 turns it off.

The address is ``REMOTE_ADDR`` unless that is one of ``TRUSTED_PROXIES`` (addresses or
networks, from the environment); then ``X-Forwarded-For`` is read from the right, skipping
trusted proxies, and the first other address is the client. Addresses a client writes into
the header itself sit to the left of that and are never reached, so they cannot be spoofed.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _address(text: str | None) -> Address | None:
    try:
        return ipaddress.ip_address((text or "").strip())
    except ValueError:
        return None


def _trusted_networks() -> list[Network]:
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.TRUSTED_PROXIES]


def _is_trusted(address: Address, networks: list[Network]) -> bool:
    return any(address in network for network in networks)


def client_ip(request) -> str | None:
    """The client's address as far as trusted proxies vouch for it (``AXES_CLIENT_IP_CALLABLE``)."""
    remote = request.META.get("REMOTE_ADDR")
    networks = _trusted_networks()
    remote_address = _address(remote)
    if not networks or remote_address is None or not _is_trusted(remote_address, networks):
        return remote
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            break  # a proxy we trust wrote nothing usable here: do not guess further left
        if not _is_trusted(address, networks):
            return str(address)
    return remote


def ip_failures(ip_address: str | None) -> int:
    if not ip_address:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def _ip_locked(request) -> bool:
    limit = settings.AXES_IP_FAILURE_LIMIT
    return bool(limit) and ip_failures(getattr(request, "axes_ip_address", None)) >= limit


class LockoutHandler(AxesDatabaseHandler):
    """django-axes' database handler plus the per-address limit."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            return True
        if _ip_locked(request):
            request.ip_locked_out = True
            return True
        return False

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and not request.axes_locked_out and _ip_locked(request):
            request.axes_locked_out = True
            request.ip_locked_out = True
