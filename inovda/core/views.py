"""Audit history pages: the entries about one object (and its parts), and a pemda's complete
history as CSV. Each goes through a gate: 404 for anyone who may not see the object's pemda."""

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from inovda.accounts.access import can_see_region, get_region_for_user
from inovda.accounts.models import Role
from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer, Evidence, Innovation, Submission
from inovda.regions.models import Region
from inovda.verification.models import Decision, Objection

PAGE_SIZE = 100
ACTION_LABELS = {
    "answer.accepted": "Indikator diterima sesuai klaim",
    "answer.lowered": "Indikator diterima di level lebih rendah",
    "answer.rejected": "Indikator ditolak",
    "answer.returned": "Indikator perlu perbaikan",
    "answer.reset_to_pending": "Indikator kembali menunggu verifikasi",
    "innovation.created": "Inovasi dibuat",
    "innovation.updated": "Inovasi diubah",
    "innovation.submitted": "Inovasi dikirim",
    "innovation.review_started": "Pemeriksaan dimulai",
    "innovation.returned": "Dikembalikan ke pemda",
    "innovation.verified": "Inovasi terverifikasi",
    "innovation.locked": "Inovasi dikunci (publikasi)",
    "innovation.declared_ineligible": "Dinyatakan tidak memenuhi syarat",
    "innovation.eligibility_restored": "Dinyatakan memenuhi syarat kembali",
    "objection.raised": "Sanggahan diajukan",
    "objection.resolved": "Sanggahan diputuskan",
    "profile.updated": "Profil SPD diubah",
    "profile.submitted": "Profil SPD dikirim",
    "assignment.created": "Verifikator ditugaskan",
    "assignment.removed": "Penugasan dihapus",
    "qc.sample_drawn": "Sampel QC diambil",
    "qc.reviewed": "Tinjauan QC",
    "period.published": "Periode dipublikasikan",
}
# Objects whose history only the national admin reads (QC stays blind to everyone else).
NATIONAL_ONLY = {
    "accounts.assignment",
    "verification.assignment",
    "verification.qcreview",
    "verification.objectionwindow",
    "regions.period",
    "results.publication",
}


def _one(label: str, pk) -> Q:
    return Q(object_type=label, object_id=str(pk))


def _about(label: str, rows) -> Q:
    """Entries about any of ``rows`` (a queryset, read as a subquery: no id list in memory)."""
    ids = rows.order_by().annotate(audit_id=Cast("pk", CharField())).values("audit_id")
    return Q(object_type=label, object_id__in=ids)


def _innovation(pk: int):
    innovation = Innovation.objects.select_related("region__period").filter(pk=pk).first()
    if innovation is None:
        return None
    return innovation.region, (
        _one("innovations.innovation", pk)
        | _about("innovations.answer", Answer.objects.filter(innovation=innovation))
        | _about("innovations.evidence", Evidence.objects.filter(answer__innovation=innovation))
        | _about("innovations.submission", Submission.objects.filter(innovation=innovation))
    )


def _answer(pk: int):
    answer = Answer.objects.select_related("region__period").filter(pk=pk).first()
    if answer is None:
        return None
    evidence = Evidence.objects.filter(answer=answer)
    return answer.region, _one("innovations.answer", pk) | _about("innovations.evidence", evidence)


def _region_of(model, path: str, label: str):
    def lookup(pk: int):
        obj = model.objects.select_related(f"{path}__period" if path else "period")
        obj = obj.filter(pk=pk).first()
        if obj is None:
            return None
        region = obj
        for attr in path.split("__") if path else ():
            region = getattr(region, attr)
        return region, _one(label, pk)

    return lookup


SCOPED = {
    "innovations.innovation": _innovation,
    "innovations.answer": _answer,
    "innovations.evidence": _region_of(Evidence, "answer__region", "innovations.evidence"),
    "innovations.submission": _region_of(Submission, "region", "innovations.submission"),
    "verification.decision": _region_of(Decision, "answer__region", "verification.decision"),
    "verification.objection": _region_of(Objection, "region", "verification.objection"),
    "regions.region": _region_of(Region, "", "regions.region"),
}


def entries_for_user(user, object_type: str, object_id: str):
    """The gate of an object's history: its entries, or 404."""
    if not object_id.isdigit():
        raise Http404("Objek tidak ditemukan.")
    lookup = SCOPED.get(object_type)
    if lookup is not None:
        found = lookup(int(object_id))
        if found is not None and can_see_region(user, found[0]):
            query = found[1]
        elif found is None and user.is_national_admin:  # a deleted object keeps its history
            query = _one(object_type, object_id)
        else:
            raise Http404("Objek tidak ditemukan.")
    elif object_type in NATIONAL_ONLY and user.is_national_admin:
        query = _one(object_type, object_id)
        if object_type.endswith(".assignment"):  # logged under verification before it moved
            query = _one("accounts.assignment", object_id) | _one(
                "verification.assignment", object_id
            )
    else:
        raise Http404("Objek tidak ditemukan.")
    return AuditEntry.objects.filter(query).select_related("actor")


def _text(value) -> str:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return "" if value is None else str(value)


def describe(entry: AuditEntry) -> dict:
    """One entry for display: its before → after pairs and the other details."""
    data = entry.data if isinstance(entry.data, dict) else {"data": entry.data}
    before, after = data.get("before") or {}, data.get("after") or {}
    fields = list(dict.fromkeys([*before, *after]))
    return {
        "entry": entry,
        "actor": entry.actor.username if entry.actor else "sistem",
        "label": ACTION_LABELS.get(entry.action, entry.action),
        "changes": [(f, _text(before.get(f)), _text(after.get(f))) for f in fields],
        "details": [(k, _text(v)) for k, v in data.items() if k not in ("before", "after")],
    }


@login_required
@require_GET
def history(request, object_type: str, object_id: str):
    entries = entries_for_user(request.user, object_type, object_id)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "object_type": object_type,
        "object_id": object_id,
        "page": page,
        "rows": [describe(e) for e in page],
    }
    template = "core/_audit.html" if request.htmx else "core/history.html"
    return render(request, template, context)


def region_entries(region: Region):
    """Every entry about a pemda in a period: its profile, innovations, answers, evidence,
    receipts, decisions and objections."""
    query = (
        _one("regions.region", region.pk)
        | _about("innovations.innovation", Innovation.objects.filter(region=region))
        | _about("innovations.answer", Answer.objects.filter(region=region))
        | _about("innovations.evidence", Evidence.objects.filter(answer__region=region))
        | _about("innovations.submission", Submission.objects.filter(region=region))
        | _about("verification.decision", Decision.objects.filter(answer__region=region))
        | _about("verification.objection", Objection.objects.filter(region=region))
    )
    return AuditEntry.objects.filter(query).select_related("actor").order_by("at", "id")


def _cell(value: str) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas; make them plain text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


@login_required
@require_GET
def region_history_csv(request, year: int, code: str):
    user = request.user
    region = get_region_for_user(user, year, code)
    own_admin = user.role == Role.PEMDA_ADMIN and user.region_code == region.current_code
    if not (user.is_national_admin or own_admin):
        raise Http404("Pemda tidak ditemukan.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="riwayat-{region.code}-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(["waktu", "pelaku", "aksi", "keterangan", "jenis_objek", "id_objek", "data"])
    for entry in region_entries(region).iterator(chunk_size=2000):
        writer.writerow(
            [
                entry.at.isoformat(),
                _cell(entry.actor.username if entry.actor else "sistem"),
                entry.action,
                ACTION_LABELS.get(entry.action, ""),
                entry.object_type,
                entry.object_id,
                _cell(_text(entry.data)),
            ]
        )
    return response
