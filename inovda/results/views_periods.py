"""Period administration (national admin only): the list, opening a period, and one page per
period that walks its life (open → extend → assign → objection window → recompute → publish →
lock) with the action of each step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from inovda.accounts.access import get_period_for_admin, require_national_admin
from inovda.core.models import AuditEntry
from inovda.innovations.models import Status
from inovda.jobs import progress
from inovda.jobs.views import job_status_view
from inovda.regions.forms import ExtendPeriodForm, OpenPeriodForm
from inovda.regions.models import Period
from inovda.results import jobs, lifecycle
from inovda.results.forms import PublishForm
from inovda.results.public import latest_publication
from inovda.verification.forms import WindowForm
from inovda.verification.models import ObjectionWindow


@login_required
def period_list(request):
    require_national_admin(request.user)
    periods = Period.objects.annotate(region_count=Count("regions")).prefetch_related("extensions")
    now = timezone.now()
    rows = [(p, p.closes_at_for(""), p.is_open_for("", now)) for p in periods]
    return render(request, "results/period_list.html", {"rows": rows})


@login_required
def period_open(request):
    require_national_admin(request.user)
    form = OpenPeriodForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = lifecycle.open_period(
                request.user,
                data["year"],
                data["rulebook_year"],
                data["opens_at"],
                data["closes_at"],
            )
        except lifecycle.Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{period} dibuka.")
            return redirect("periods:detail", period.year)
    return render(request, "results/period_open.html", {"form": form})


def _detail(request, period, *, window_form=None, error="", status=200):
    extensions = list(period.extensions.order_by("created_at"))
    names = dict(
        period.regions.filter(current_code__in={e.region_code for e in extensions}).values_list(
            "current_code", "name"
        )
    )
    window = ObjectionWindow.objects.filter(period=period).first()
    counts = lifecycle.status_counts(period)
    initial = {"opens_at": window.opens_at, "closes_at": window.closes_at} if window else None
    context = {
        "period": period,
        "steps": lifecycle.steps(period),
        "national_close": period.closes_at_for(""),
        "open_now": period.is_open_for("", timezone.now()),
        "extensions": [(e, names.get(e.region_code, "")) for e in extensions],
        "region_count": period.regions.count(),
        "statuses": [(s.label, counts.get(s.value, 0)) for s in Status],
        "window": window,
        "window_form": window_form or WindowForm(initial=initial),
        "publications": period.publications.order_by("-number")[:10],
        "error": error,
        "job": (job := jobs.latest(period)),
        "job_label": jobs.LABELS.get(job.kind, job.kind) if job else "",
        "queue": progress.queue(),
        "audit": AuditEntry.objects.filter(
            object_type=Period._meta.label_lower, object_id=str(period.pk)
        ).select_related("actor")[:50],
    }
    return render(request, "results/period_detail.html", context, status=status)


@login_required
def period_detail(request, year: int):
    return _detail(request, get_period_for_admin(request.user, year))


@login_required
def period_extend(request, year: int):
    period = get_period_for_admin(request.user, year)
    form = ExtendPeriodForm(period, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            lifecycle.extend_period(
                request.user, period, data["closes_at"], data["reason"], data["region_code"]
            )
        except lifecycle.Refused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{period} diperpanjang.")
            return redirect("periods:detail", period.year)
    return render(request, "results/period_extend.html", {"period": period, "form": form})


@login_required
@require_POST
def objection_window(request, year: int):
    period = get_period_for_admin(request.user, year)
    form = WindowForm(request.POST)
    if not form.is_valid():
        return _detail(request, period, window_form=form, error="Isi kedua waktu.", status=400)
    try:
        lifecycle.set_objection_window(
            request.user, period, form.cleaned_data["opens_at"], form.cleaned_data["closes_at"]
        )
    except lifecycle.Refused as exc:
        return _detail(request, period, window_form=form, error=str(exc), status=400)
    messages.success(request, "Masa sanggah disimpan.")
    return redirect("periods:detail", year)


@login_required
@require_POST
def recompute(request, year: int):
    period = get_period_for_admin(request.user, year)
    jobs.enqueue_recompute(request.user, period)
    return redirect("periods:detail", year)


# The progress partial the period page polls (htmx) while a job runs.
job_status = job_status_view(
    get_period_for_admin, jobs.subject, jobs.LABELS, "results/_job.html", name="period"
)


@login_required
@require_http_methods(["GET", "POST"])
def publish(request, year: int):
    """GET: the confirmation with blockers and warnings. POST: one publication per confirmation
    (the form carries the latest publication number seen, so a second POST publishes nothing)."""
    period = get_period_for_admin(request.user, year)
    latest = latest_publication(period)
    form = PublishForm(request.POST or None, initial={"seen": latest.number if latest else 0})
    error, status = "", 200
    if request.method == "POST":
        if not form.is_valid():
            # An old form without the token: confirm first, never publish unconfirmed.
            return redirect("periods:publish", year)
        data = form.cleaned_data
        try:
            made_since = lifecycle.check_publish(request.user, period, data["seen"])
        except lifecycle.Refused as exc:
            error, status = str(exc), 400
        else:
            if made_since is not None:
                messages.info(
                    request,
                    f"Publikasi {made_since.number} sudah dibuat; tidak ada publikasi baru.",
                )
            else:
                # The job checks again inside its transaction: the page may be old by then.
                jobs.enqueue_publish(request.user, period, data["note"], data["seen"])
            return redirect("periods:detail", year)
    counts = lifecycle.status_counts(period)
    context = {
        "period": period,
        "check": lifecycle.preflight(period),
        "latest": latest,
        "form": form,
        "error": error,
        "statuses": [(s.label, counts[s.value]) for s in Status if counts.get(s.value)],
    }
    return render(request, "results/publish_confirm.html", context, status=status)
