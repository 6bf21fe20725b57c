"""Certificates (piagam): a PDF per winner and per Sangat Inovatif region of a signed award,
each with a number and a link to its public verification page.

``generate_certificates`` may take minutes for a period (hundreds of PDFs), so it never runs
inside a web request: the admin page queues it as a background job (``awards.jobs``) and the
``award_certificates`` command runs it at a terminal. It is all or nothing: the PDFs are
written first (with progress), then every certificate row in one transaction; a failure
removes the new files and leaves the certificates as they were. It is idempotent: an existing
certificate keeps its number and gets its PDF rewritten (its old file removed afterwards).
"""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from fpdf import FPDF

from inovda.awards.errors import AwardError
from inovda.awards.models import Award, Certificate
from inovda.awards.plenary import signed_revision, winners
from inovda.core.audit import log_action
from inovda.results.models import Predicate

logger = logging.getLogger("inovda.awards")
KIND_CODE = {Certificate.Kind.WINNER: "P", Certificate.Kind.SANGAT_INOVATIF: "SI"}
CLUSTER_TITLES = {
    "provinsi": "Provinsi Terinovatif",
    "kabupaten": "Kabupaten Terinovatif",
    "kota": "Kota Terinovatif",
    "tertinggal": "Daerah Tertinggal Terinovatif",
    "perbatasan": "Daerah Perbatasan Terinovatif",
    "papua": "Daerah Wilayah Papua Terinovatif",
}


def verify_url(number: str) -> str:
    # SITE_URL (optional) makes the printed link absolute; without it the path alone is printed.
    return getattr(settings, "SITE_URL", "").rstrip("/") + reverse("awards:verify", args=[number])


def render_pdf(cert: Certificate) -> bytes:
    pdf = FPDF(orientation="L", format="A4")
    pdf.set_title(f"Piagam {cert.number}")
    pdf.add_page()
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, 277, 190)
    pdf.set_font("Helvetica", "B", 26)
    pdf.ln(18)
    pdf.cell(0, 14, "PIAGAM PENGHARGAAN", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    year = cert.award.period.year
    pdf.cell(0, 10, f"Innovative Government Award {year}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.cell(0, 10, "diberikan kepada", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 22)
    pdf.cell(0, 14, cert.region.name, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 14)
    pdf.multi_cell(0, 9, f"sebagai {cert.title}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 9, f"Periode penilaian {year}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, f"Nomor piagam: {cert.number}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, f"Periksa keaslian: {verify_url(cert.number)}", align="C")
    return bytes(pdf.output())


def _number(award: Award, kind: str, n: int) -> str:
    return f"IGA-{award.period.year}-{KIND_CODE[kind]}-{n:04d}"


def _plan(award: Award, revision) -> list[tuple[str, object, str]]:
    """(kind, region, title) for every certificate the signed award gives."""
    plan = []
    regions = {n.region.code: n.region for n in award.nominees.select_related("region")}
    for w in winners(revision):
        title = f"{CLUSTER_TITLES[w['cluster']]} peringkat {w['rank']}"
        plan.append((Certificate.Kind.WINNER, regions[w["code"]], title))
    si = award.publication.results.filter(predicate=Predicate.SANGAT_INOVATIF)
    for row in si.select_related("region").order_by("code"):
        plan.append(
            (Certificate.Kind.SANGAT_INOVATIF, row.region, "Pemerintah Daerah Sangat Inovatif")
        )
    return plan


def generate_certificates(
    actor, award: Award, progress: Callable[[int, int], None] | None = None
) -> int:
    award = Award.objects.select_related("period", "publication").get(pk=award.pk)
    revision = signed_revision(award.period.year)
    if revision is None or not award.signed:
        raise AwardError("Piagam hanya dibuat setelah pleno menetapkan pemenang.")
    plan = _plan(award, revision)
    existing = {(c.region_id, c.kind): c for c in award.certificates.select_related("region")}
    counters = dict.fromkeys(Certificate.Kind.values, 0)
    for cert in existing.values():
        counters[cert.kind] += 1
    written: list[str] = []  # new files, removed again if anything fails
    certs: list[tuple[Certificate, str]] = []  # each certificate with the file it replaces
    try:
        for done, (kind, region, title) in enumerate(plan, start=1):
            cert = existing.get((region.pk, kind))
            if cert is None:
                counters[kind] += 1
                cert = Certificate(
                    award=award,
                    region=region,
                    kind=kind,
                    number=_number(award, kind, counters[kind]),
                    issued_at=timezone.now(),
                )
            cert.award = award
            cert.title = title
            replaced = cert.file.name or ""
            cert.file.save(f"{cert.number}.pdf", ContentFile(render_pdf(cert)), save=False)
            written.append(cert.file.name)
            certs.append((cert, replaced))
            if progress:
                progress(done, len(plan))
        with transaction.atomic():
            for cert, _ in certs:
                cert.save()
            log_action(actor, "award.certificates_generated", award, {"count": len(plan)})
    except BaseException:
        _remove(written)
        raise
    _remove([old for cert, old in certs if old and old != cert.file.name])
    return len(plan)


def _remove(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # a leftover file is harmless; no row points to it
            logger.warning("certificate file %s not removed", name, exc_info=True)


@transaction.atomic
def revoke_certificate(actor, cert: Certificate, reason: str) -> Certificate:
    if not reason.strip():
        raise AwardError("Alasan pencabutan wajib diisi.")
    cert = Certificate.objects.select_for_update().get(pk=cert.pk)
    if cert.revoked_at:
        raise AwardError(f"Piagam {cert.number} sudah dicabut.")
    cert.revoked_at = timezone.now()
    cert.revoke_reason = reason.strip()
    cert.save(update_fields=["revoked_at", "revoke_reason"])
    log_action(actor, "award.certificate_revoked", cert, {"reason": cert.revoke_reason})
    return cert
