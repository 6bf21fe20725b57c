"""The one way a private file leaves the server, for every view that hands one out (the
pemda and verifier download of evidence, the QC reviewer's download, the award's strategy
documents and field-validation evidence).

Evidence is private and uploaded by users, so the answer is built to never run it: an
attachment under the checked display name, the stored content type with ``nosniff``, a
sandbox CSP (no scripts, no same-origin access) should a browser render it anyway, and
``private, no-store`` so no shared or local cache keeps a copy. ``inline`` (the verifier's
preview of a PDF or an image) keeps all of that and only lets our own pages frame the file
(``frame-ancestors 'self'``, ``X-Frame-Options: SAMEORIGIN``); every other answer may be
framed by no page at all. Chromium's PDF viewer renders inside the sandbox, so the preview
needs no ``object-src`` or script allowance. See docs/evidence.md.
"""

from urllib.parse import quote

from django.http import FileResponse, Http404

from inovda.innovations.models import Evidence

# The types a browser shows inline: the verifier's preview (``?tampil=1``) offers only these.
INLINE_TYPES = ("application/pdf", "image/jpeg", "image/png")


def evidence_response(evidence: Evidence, inline: bool = False) -> FileResponse:
    """Raises Http404 when the file is missing from storage. ``inline``: shown in the page
    (a preview) rather than saved; the sandbox policy applies either way."""
    return private_file_response(
        evidence.file, evidence.original_name, evidence.content_type, inline=inline
    )


def private_file_response(
    file, name: str, content_type: str = "application/octet-stream", inline: bool = False
) -> FileResponse:
    """Any private stored file, that no browser runs or caches; raises Http404 when the file
    is missing from storage."""
    try:
        handle = file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from exc
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = (
        f"{'inline' if inline else 'attachment'}; filename*=UTF-8''{quote(name, safe='')}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    if inline:
        response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'; sandbox"
        response["X-Frame-Options"] = "SAMEORIGIN"
    else:
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
