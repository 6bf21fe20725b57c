"""The pemda workspace: region home, receipts, and what every page of a region shares.

Each view reads top to bottom: access gate → form → service → render/redirect. Innovation
pages are in ``views_innovation.py``, the SPD profile in ``views_profile.py``.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from inovda.accounts.access import WindowClosed, region_access
from inovda.core.models import AuditEntry
from inovda.innovations import receipt
from inovda.innovations.access import get_submission_for_user
from inovda.innovations.deadline import deadline_for
from inovda.innovations.models import Status
from inovda.innovations.selfscore import region_selfscore
from inovda.regions.models import Region

# The workspace's filters (from the home's to-do links): a state, or the two that wait.
FILTERS = {s.value: (s.value,) for s in Status} | {
    Status.SUBMITTED.value: (Status.SUBMITTED.value, Status.IN_REVIEW.value)
}
FILTER_LABELS = {s.value: s.label for s in Status} | {
    Status.SUBMITTED.value: "Menunggu keputusan verifikator"
}


def friendly_closed(view):
    """A write after the window closed: a 403 page that says so in plain words."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except WindowClosed as exc:
            return render(request, "innovations/ditutup.html", {"message": str(exc)}, status=403)

    return wrapper


def region_context(region: Region, **extra) -> dict:
    """What every page of a region shows: the region, its period and the self-score panel."""
    return {
        "region": region,
        "period": region.period,
        "selfscore": region_selfscore(region),
        "deadline": deadline_for(region),
        **extra,
    }


def history(obj, limit: int = 20) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk))
        .select_related("actor")
        .order_by("-at", "-id")[:limit]
    )


@login_required
@require_GET
def index(request):
    """A pemda account lands on its workspace of the latest period."""
    if not request.user.is_pemda:
        raise PermissionDenied("Ruang kerja pemda hanya untuk akun pemda.")
    region = (
        Region.objects.select_related("period")
        .filter(current_code=request.user.region_code)
        .order_by("-period__year")
        .first()
    )
    if region is None:
        raise PermissionDenied("Pemda Anda belum terdaftar pada periode mana pun.")
    return redirect("pemda:home", year=region.period.year, code=region.code)


@login_required
@require_GET
def home(request, year: int, code: str):
    access = region_access(request.user, year, code)
    region = access.obj
    everything = list(region.innovations.select_related("created_by").order_by("name"))
    status = request.GET.get("status", "")
    shown = FILTERS.get(status)
    innovations = [i for i in everything if shown is None or i.status in shown]
    returned = sum(1 for i in everything if i.status == Status.RETURNED)
    context = region_context(
        region,
        innovations=innovations,
        status_filter=FILTER_LABELS.get(status, ""),
        returned_count=returned,
        receipts=region.submissions.select_related("innovation", "submitted_by")[:10],
        create_refusal=access.reason,
    )
    return render(request, "innovations/region.html", context)


@login_required
@require_GET
def receipt_page(request, pk: int):
    submission = get_submission_for_user(request.user, pk)
    context = {
        "submission": submission,
        "region": submission.region,
        "number": receipt.receipt_number(submission),
        "profile_rows": receipt.profile_rows(submission.snapshot),
        "answer_rows": receipt.answer_rows(submission),
    }
    return render(request, "innovations/receipt.html", context)
