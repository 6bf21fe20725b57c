"""Site-wide request and response guards that belong to no single app.

``RefuseInvalidCharactersMiddleware`` turns away, before any view or query runs, a request
whose path, query string or cookies carry control characters: PostgreSQL rejects a NUL byte
in a text parameter with an exception, which would otherwise surface as a 500 on any page
that puts a path or query value into a query.

``PrivateCacheMiddleware`` marks every response to a signed-in user ``private, no-store``
unless the view made it explicitly public, so neither a shared proxy nor the browser's back
button after logout shows a private page or download.
"""

import unicodedata

from django.http import HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string

INVALID_INPUT = (
    "Permintaan ditolak: alamat atau parameternya memuat karakter yang tidak sah (misalnya "
    "byte NUL atau karakter kendali). Periksa kembali tautan atau isian pencarian Anda."
)
# Tab and line breaks are ordinary in a query value (a textarea in a GET form).
_ALLOWED_CONTROLS = frozenset("\t\n\r")


def has_invalid_characters(text: str, allow_line_breaks: bool = False) -> bool:
    for ch in text:
        if ch.isprintable() or ch == " ":
            continue
        if allow_line_breaks and ch in _ALLOWED_CONTROLS:
            continue
        if unicodedata.category(ch) in ("Cc", "Cs"):
            return True
    return False


def _request_is_invalid(request) -> bool:
    if has_invalid_characters(request.path_info):
        return True
    for key, values in request.GET.lists():
        if has_invalid_characters(key) or any(
            has_invalid_characters(value, allow_line_breaks=True) for value in values
        ):
            return True
    return any(has_invalid_characters(value) for value in request.COOKIES.values())


class RefuseInvalidCharactersMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if _request_is_invalid(request):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": INVALID_INPUT}, status=400)
            # Rendered without the request: nothing on this page may read the bad input.
            body = render_to_string("400.html", {"message": INVALID_INPUT})
            return HttpResponseBadRequest(body)
        return self.get_response(request)


def _already_decided(cache_control: str) -> bool:
    """True when the view chose: explicitly cacheable (public) or already never stored."""
    directives = {part.strip().split("=")[0].lower() for part in cache_control.split(",")}
    return "public" in directives or "no-store" in directives


class PrivateCacheMiddleware:
    """After AuthenticationMiddleware: it reads ``request.user``."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and not _already_decided(response.get("Cache-Control", "")):
            response["Cache-Control"] = "private, no-store"
        return response
