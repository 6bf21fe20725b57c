"""Evidence (data dukung) pages: upload, replace, remove, download and history.

Each view passes the access gate first: 404 for a region the user may not see, 403 for a
read-only role or a closed window. Under htmx (``request.htmx``) upload, replace and remove
answer with the ``_evidence.html`` partial (status 200 also for a refusal, so htmx swaps it
in); otherwise they redirect, or show the form again with the refusal (400, or 413).

Upload and replace are CSRF-exempt at the door and CSRF-protected inside: reading the token
reads the body, and an oversized body is refused from its Content-Length before Django reads
(and spools to disk) a byte of it.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from inovda.core.models import AuditEntry
from inovda.innovations.access import answer_access, evidence_access, get_evidence_for_user
from inovda.innovations.downloads import INLINE_TYPES, evidence_response
from inovda.innovations.evidence import (
    TOO_LARGE,
    EvidenceRefused,
    limit_text,
    remove_evidence,
    replace_evidence,
    upload_evidence,
)
from inovda.innovations.models import Evidence
from inovda.innovations.views import friendly_closed

FIELD = "berkas"
MULTIPART_SLACK = 64 * 1024  # form boundaries, headers and the CSRF token around the file


def _too_large(request) -> bool:
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > settings.EVIDENCE_MAX_BYTES + MULTIPART_SLACK


def _next_url(request, answer) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("evidence:upload", kwargs={"answer_pk": answer.pk})


def _context(answer, **extra) -> dict:
    return {"answer": answer, "can_upload": True, "evidence_max": limit_text(), **extra}


def _done(request, answer, message: str):
    if request.htmx:
        context = _context(answer, evidence_message=message)
        return render(request, "innovations/_evidence.html", context)
    messages.success(request, message)
    return redirect(_next_url(request, answer))


def _refused(request, answer, error: str, template: str, status: int = 400, **extra):
    if request.htmx:
        return render(request, "innovations/_evidence.html", _context(answer, evidence_error=error))
    return render(request, template, _context(answer, error=error, **extra), status=status)


def file_form(view):
    """A page that takes a file: CSRF-exempt at the door (the view refuses an oversized body
    first, then checks CSRF inside), for a signed-in user, GET or POST."""
    return csrf_exempt(login_required(friendly_closed(require_http_methods(["GET", "POST"])(view))))


def _oversized(request, answer, template: str, **extra):
    """The refusal (413) of a POST whose body is larger than any evidence file, else None."""
    if request.method == "POST" and _too_large(request):
        error = TOO_LARGE.format(limit=limit_text())
        return _refused(request, answer, error, template, 413, **extra)
    return None


@file_form
def upload(request, answer_pk: int):
    answer = answer_access(request.user, answer_pk).require_write()
    oversized = _oversized(request, answer, "innovations/evidence_upload.html")
    return oversized or _upload(request, answer)


@csrf_protect
def _upload(request, answer):
    if request.method == "GET":
        return render(request, "innovations/evidence_upload.html", _context(answer))
    try:
        evidence = upload_evidence(request.user, answer, request.FILES.get(FIELD))
    except EvidenceRefused as exc:
        return _refused(request, answer, str(exc), "innovations/evidence_upload.html")
    return _done(request, answer, f"Berkas {evidence.original_name} tersimpan.")


@file_form
def replace(request, pk: int):
    evidence = evidence_access(request.user, pk).require_write()
    template = "innovations/evidence_replace.html"
    oversized = _oversized(request, evidence.answer, template, evidence=evidence)
    return oversized or _replace(request, evidence.answer, evidence)


@csrf_protect
def _replace(request, answer, evidence):
    template = "innovations/evidence_replace.html"
    if request.method == "GET":
        return render(request, template, _context(answer, evidence=evidence))
    try:
        new = replace_evidence(request.user, evidence, request.FILES.get(FIELD))
    except EvidenceRefused as exc:
        return _refused(request, answer, str(exc), template, evidence=evidence)
    message = f"Berkas {evidence.original_name} diganti dengan {new.original_name}."
    return _done(request, answer, message)


@login_required
@friendly_closed
@require_POST
def remove(request, pk: int):
    evidence = evidence_access(request.user, pk).require_write()
    answer = evidence.answer
    try:
        remove_evidence(request.user, evidence)
    except EvidenceRefused as exc:
        if request.htmx:
            context = _context(answer, evidence_error=str(exc))
            return render(request, "innovations/_evidence.html", context)
        messages.error(request, str(exc))
        return redirect(_next_url(request, answer))
    message = f"Berkas {evidence.original_name} dihapus dari daftar (tetap ada di riwayat)."
    return _done(request, answer, message)


@login_required
@require_safe
def download(request, pk: int):
    """The file, behind the gate (404 for a region the user may not see). ``?tampil=1`` shows
    a PDF or image inline for the verifier's preview frame: framed by our own pages only, the
    sandbox policy on either way; any other answer is an attachment no page may frame."""
    evidence = get_evidence_for_user(request.user, pk)
    inline = request.GET.get("tampil") == "1" and evidence.content_type in INLINE_TYPES
    return evidence_response(evidence, inline=inline)


@login_required
@require_safe
def history(request, answer_pk: int):
    access = answer_access(request.user, answer_pk)
    answer = access.obj
    files = list(answer.evidence.select_related("uploaded_by").order_by("-uploaded_at", "-pk"))
    ended = AuditEntry.objects.filter(
        object_type=Evidence._meta.label_lower,
        object_id__in=[str(e.pk) for e in files],
        action__in=("evidence.replaced", "evidence.removed"),
    ).select_related("actor")
    by_pk = {entry.object_id: entry for entry in ended}
    rows = [(e, by_pk.get(str(e.pk))) for e in files]
    context = {
        "answer": answer,
        "rows": rows,
        "can_upload": access.can_write,
    }
    return render(request, "innovations/evidence_history.html", context)
