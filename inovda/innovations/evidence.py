"""Evidence (data dukung): checking an uploaded file, and the upload/replace/remove verbs.

A file is accepted only when its *content* is PDF, JPEG or PNG (magic bytes; the name and the
browser's content type are ignored), it is not empty and not over ``EVIDENCE_MAX_BYTES``, and
a PDF carries no active content (scripts, launch actions, embedded files, rich media) and is
not encrypted. Every refusal raises ``EvidenceRefused`` with a message in Bahasa Indonesia
before anything is written.

Accepted files are stored under a random name (``evidence/<year>/<32 hex>.<ext>``) with their
sha256; the name the user gave is kept as display text only. Replacing or removing a file
marks the old row ``replaced_at`` and keeps its file, so the history stays complete. A change
to the evidence of an answer a verifier already decided sends it back to pending.
See docs/evidence.md.
"""

import hashlib
import re
import secrets
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from inovda.core.audit import log_action
from inovda.innovations import pdfcheck
from inovda.innovations.models import Answer, Evidence, Verification
from inovda.innovations.services import reset_to_pending


@dataclass(frozen=True)
class Format:
    label: str
    extension: str  # the extension of the stored file and of the download name
    extensions: tuple[str, ...]  # extensions a user's file name may keep
    magic: bytes


ALLOWED = {
    "application/pdf": Format("PDF", ".pdf", (".pdf",), b"%PDF-"),
    "image/jpeg": Format("JPEG", ".jpg", (".jpg", ".jpeg"), b"\xff\xd8\xff"),
    "image/png": Format("PNG", ".png", (".png",), b"\x89PNG\r\n\x1a\n"),
}

MAX_NAME = 150  # characters of the display name

NO_FILE = "Pilih berkas yang akan diunggah."
EMPTY = "Berkas kosong (0 byte). Pilih berkas yang berisi data dukung."
TOO_LARGE = (
    "Berkas terlalu besar: ukuran maksimum {limit} per berkas. Perkecil atau pisahkan "
    "berkasnya, lalu unggah kembali."
)
NOT_ALLOWED = (
    "Jenis berkas tidak diizinkan. Yang diterima hanya PDF, JPEG, atau PNG; jenisnya "
    "diperiksa dari isi berkas, bukan dari nama atau ekstensinya."
)
BAD_NAME = (
    "Nama berkas tidak valid: nama tidak boleh memuat folder (/ atau \\) atau '..'. "
    "Ganti nama berkasnya, lalu unggah kembali."
)
BROKEN = "Berkas {label} rusak atau tidak utuh. Unggah kembali berkas aslinya."
ACTIVE_CONTENT = (
    "PDF ini memuat konten aktif (/{name}) yang tidak diizinkan: skrip, lampiran tersemat, "
    'atau perintah menjalankan program. Cetak ulang dokumennya ke PDF ("Print to PDF"), '
    "lalu unggah hasilnya."
)
UNCHECKABLE = (
    "PDF ini tidak dapat diperiksa (terenkripsi, berkata sandi, atau terlalu besar setelah "
    'didekompresi). Simpan ulang sebagai PDF biasa tanpa kata sandi ("Print to PDF"), '
    "lalu unggah kembali."
)
DUPLICATE = "Berkas yang isinya sama persis sudah ada pada indikator ini."
GONE = "Berkas ini sudah diganti atau dihapus; muat ulang halaman untuk melihat daftar terbaru."


class EvidenceRefused(Exception):
    """The file or the change is not accepted; the message says why. Nothing was stored."""


def size_text(n: int) -> str:
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= factor:
            number = f"{n / factor:.1f}".removesuffix(".0").replace(".", ",")
            return f"{number} {unit}"
    return f"{n} byte"


def limit_text() -> str:
    return size_text(settings.EVIDENCE_MAX_BYTES)


# --- checking a file --------------------------------------------------------------------------


@dataclass(frozen=True)
class Checked:
    data: bytes
    content_type: str
    name: str  # display text only, ends with an extension of the detected type
    sha256: str


def check_file(uploaded) -> Checked:
    """Read and check an uploaded file (any Django ``File``); raises ``EvidenceRefused``."""
    if uploaded is None:
        raise EvidenceRefused(NO_FILE)
    raw_name = uploaded.name or ""
    if "/" in raw_name or "\\" in raw_name or raw_name.strip() in (".", ".."):
        raise EvidenceRefused(BAD_NAME)
    limit = settings.EVIDENCE_MAX_BYTES
    if (uploaded.size or 0) > limit:
        raise EvidenceRefused(TOO_LARGE.format(limit=limit_text()))
    uploaded.seek(0)
    data = uploaded.read(limit + 1)  # never trust .size alone, never read more than needed
    if not data:
        raise EvidenceRefused(EMPTY)
    if len(data) > limit:
        raise EvidenceRefused(TOO_LARGE.format(limit=limit_text()))
    content_type = detect(data)
    if content_type is None:
        raise EvidenceRefused(NOT_ALLOWED)
    if content_type == "application/pdf":
        check_pdf(data)
    elif content_type == "image/png" and data[12:16] != b"IHDR":
        raise EvidenceRefused(BROKEN.format(label="PNG"))
    return Checked(
        data=data,
        content_type=content_type,
        name=clean_name(raw_name, ALLOWED[content_type]),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def detect(data: bytes) -> str | None:
    """The content type from the first bytes, or None for anything not allowed."""
    for content_type, fmt in ALLOWED.items():
        if data.startswith(fmt.magic):
            return content_type
    return None


def clean_name(raw: str, fmt: Format) -> str:
    """Display text: no control or format characters (e.g. right-to-left override), no
    characters that are special on Windows, no runs of dots, at most MAX_NAME characters,
    and an extension of the detected type ("laporan.html" holding a PDF → "laporan.html.pdf")."""
    name = unicodedata.normalize("NFC", raw)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'[<>:"|?*]', "_", name)
    name = re.sub(r"\.{2,}", ".", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if dot and f".{suffix.lower()}" in fmt.extensions:
        extension = f".{suffix}"
    else:
        stem, extension = name, fmt.extension
    stem = stem[: MAX_NAME - len(extension)].rstrip(" .") or "berkas"
    return stem + extension


INFLATE_BUDGET = pdfcheck.INFLATE_BUDGET  # bytes decoded per PDF, against decompression bombs


def check_pdf(data: bytes) -> None:
    """Refuse a truncated, encrypted or active PDF, or one that cannot be checked within the
    budgets of ``inovda.innovations.pdfcheck`` (decoded bytes, objects, time)."""
    if b"%%EOF" not in data[-1024:]:
        raise EvidenceRefused(BROKEN.format(label="PDF"))
    try:
        pdfcheck.check(data, inflate_budget=INFLATE_BUDGET)
    except pdfcheck.Refusal as refusal:
        if refusal.kind == "active":
            raise EvidenceRefused(ACTIVE_CONTENT.format(name=refusal.name)) from None
        if refusal.kind == "uncheckable":
            raise EvidenceRefused(UNCHECKABLE) from None
        raise EvidenceRefused(BROKEN.format(label="PDF")) from None


# --- the verbs --------------------------------------------------------------------------------


@contextmanager
def _delete_on_failure() -> Iterator[list]:
    """Files written inside the block are deleted again when the block fails, so a rolled
    back transaction leaves no orphan file. Wraps a durable (outermost) transaction, so a
    failure can only come through here."""
    written: list = []
    try:
        yield written
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise


def _lock_answer(pk: int) -> Answer:
    return Answer.objects.select_for_update().get(pk=pk)


def _refuse_duplicate(answer: Answer, checked: Checked) -> None:
    if answer.evidence.filter(replaced_at=None, sha256=checked.sha256).exists():
        raise EvidenceRefused(DUPLICATE)


def _store(actor, answer: Answer, checked: Checked, written: list) -> Evidence:
    evidence = Evidence(
        answer=answer,
        original_name=checked.name,
        content_type=checked.content_type,
        size=len(checked.data),
        sha256=checked.sha256,
        uploaded_by=actor if actor.is_authenticated else None,
    )
    random_name = secrets.token_hex(16) + ALLOWED[checked.content_type].extension
    evidence.file.save(random_name, ContentFile(checked.data), save=False)
    written.append(evidence.file)
    evidence.save()
    return evidence


def _facts(evidence: Evidence) -> dict:
    return {
        "answer": evidence.answer_id,
        "name": evidence.original_name,
        "content_type": evidence.content_type,
        "size": evidence.size,
        "sha256": evidence.sha256,
    }


def _after_change(answer: Answer, actor, reason: str) -> None:
    if answer.verification != Verification.PENDING:
        reset_to_pending(answer, actor, reason)


def upload_evidence(actor, answer: Answer, uploaded_file) -> Evidence:
    """Add one file to an answer (an answer may have several)."""
    checked = check_file(uploaded_file)
    with _delete_on_failure() as written, transaction.atomic(durable=True):
        answer = _lock_answer(answer.pk)
        _refuse_duplicate(answer, checked)
        evidence = _store(actor, answer, checked, written)
        _after_change(answer, actor, "data dukung ditambah setelah verifikasi")
        log_action(actor, "evidence.uploaded", evidence, _facts(evidence))
    return evidence


def replace_evidence(actor, evidence: Evidence, uploaded_file) -> Evidence:
    """A new file in place of ``evidence``; the old row and its file stay in the history."""
    checked = check_file(uploaded_file)
    with _delete_on_failure() as written, transaction.atomic(durable=True):
        answer = _lock_answer(evidence.answer_id)
        old = Evidence.objects.select_for_update().get(pk=evidence.pk)
        if old.replaced_at is not None:
            raise EvidenceRefused(GONE)
        _refuse_duplicate(answer, checked)
        old.replaced_at = timezone.now()
        old.save(update_fields=["replaced_at"])
        new = _store(actor, answer, checked, written)
        _after_change(answer, actor, "data dukung diganti setelah verifikasi")
        log_action(actor, "evidence.replaced", old, {**_facts(old), "replacement": _facts(new)})
    return new


def remove_evidence(actor, evidence: Evidence) -> Evidence:
    """Take a file off the answer's current list; the row and the file stay in the history."""
    with transaction.atomic(durable=True):
        answer = _lock_answer(evidence.answer_id)
        old = Evidence.objects.select_for_update().get(pk=evidence.pk)
        if old.replaced_at is not None:
            raise EvidenceRefused(GONE)
        old.replaced_at = timezone.now()
        old.save(update_fields=["replaced_at"])
        _after_change(answer, actor, "data dukung dihapus setelah verifikasi")
        log_action(actor, "evidence.removed", old, _facts(old))
    return old
