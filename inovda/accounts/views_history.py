"""Audit history pages: the entries about one object (and its parts), and a pemda's complete
history as CSV. Each goes through a gate: 404 for anyone who may not see the object's pemda.

These pages live in ``accounts`` because all they need is the audit registry below
(``inovda.core.history``, filled by each app with its labels and objects) and the one rule
"may this user see this region", which is this floor's. A higher app would work too, but it
would sit above apps whose histories it shows only through the registry anyway.
"""

import csv
import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from inovda.accounts.access import can_see_region, get_region_for_user
from inovda.accounts.models import Role
from inovda.core import history as registry
from inovda.core.models import AuditEntry
from inovda.regions.models import Region

PAGE_SIZE = 100


def entries_for_user(user, object_type: str, object_id: str):
    """The gate of an object's history: its entries, or 404."""
    if not object_id.isdigit():
        raise Http404("Objek tidak ditemukan.")
    find = registry.finder(object_type)
    national = registry.national(object_type)
    if find is not None:
        found = find(int(object_id))
        if found is not None and can_see_region(user, found[0]):
            query = found[1]
        elif found is None and user.is_national_admin:  # a deleted object keeps its history
            query = registry.one(object_type, object_id)
        else:
            raise Http404("Objek tidak ditemukan.")
    elif national is not None and user.is_national_admin:
        query = national & Q(object_id=object_id)
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
        "label": registry.label(entry.action) or entry.action,
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
    """Every entry about a pemda in a period: its profile and every part an app registered
    (innovations, answers, evidence, receipts, decisions, objections)."""
    query = registry.region_query(region)
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
                registry.label(entry.action) or "",
                entry.object_type,
                entry.object_id,
                _cell(_text(entry.data)),
            ]
        )
    return response
