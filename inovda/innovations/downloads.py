"""The one way an evidence file leaves the server, for every view that hands one out (the
pemda and verifier download, the QC reviewer's download).

Evidence is private and uploaded by users, so the answer is built to never render it: always
an attachment under the checked display name, the stored content type with ``nosniff``, a
sandbox CSP (no scripts, no same-origin access) should a browser render it anyway, and
``private, no-store`` so no shared or local cache keeps a copy. See docs/evidence.md.
"""

from urllib.parse import quote

from django.http import FileResponse, Http404

from inovda.innovations.models import Evidence


def evidence_response(evidence: Evidence) -> FileResponse:
    """Raises Http404 when the file is missing from storage."""
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas tidak ditemukan di penyimpanan.") from exc
    response = FileResponse(handle, content_type=evidence.content_type)
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{quote(evidence.original_name, safe='')}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
