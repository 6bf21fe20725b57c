"""The national admin's pages: verifier assignments, and per period the objection window and
publication."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inovda.accounts.assignments import AssignmentError, assign, unassign
from inovda.accounts.models import Assignment
from inovda.innovations.models import Innovation, Status
from inovda.regions.models import Period
from inovda.results.services import ResultsError
from inovda.verification import services
from inovda.verification.access import get_period, require_national_admin
from inovda.verification.forms import AssignmentForm, PublishForm, WindowForm
from inovda.verification.models import Objection, ObjectionWindow


@login_required
@require_http_methods(["GET", "POST"])
def assignments(request, year: int):
    require_national_admin(request.user)
    period = get_period(year)
    regions = list(period.regions.only("code", "current_code", "name"))
    form = AssignmentForm(request.POST or None, regions=regions)
    error, status = "", 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                assign(request.user, period, data["verifier"], data["region_code"])
            except AssignmentError as exc:
                error, status = str(exc), 400
            else:
                messages.success(request, "Penugasan disimpan.")
                return redirect("verifikasi:assignments", year)
        else:
            error, status = "Pilih verifikator dan pemda.", 400
    names = {r.current_code: r.name for r in regions}
    rows = [
        (a, names.get(a.region_code, "?"))
        for a in period.assignments.select_related("verifier").order_by(
            "verifier__username", "region_code"
        )
    ]
    context = {
        "period": period,
        "periods": Period.objects.order_by("-year"),
        "form": form,
        "rows": rows,
        "error": error,
    }
    return render(request, "verification/assignments.html", context, status=status)


@login_required
@require_POST
def assignment_remove(request, pk: int):
    require_national_admin(request.user)
    assignment = Assignment.objects.select_related("period").filter(pk=pk).first()
    if assignment is None:
        raise Http404("Penugasan tidak ditemukan.")
    unassign(request.user, assignment)
    messages.success(request, "Penugasan dihapus.")
    return redirect("verifikasi:assignments", assignment.period.year)


def _period_page(request, period, *, window_form=None, publish_form=None, error="", status=200):
    window = ObjectionWindow.objects.filter(period=period).first()
    counts = dict(
        Innovation.objects.filter(region__period=period)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    context = {
        "period": period,
        "window": window,
        "window_form": window_form
        or WindowForm(
            initial={"opens_at": window.opens_at, "closes_at": window.closes_at} if window else None
        ),
        "publish_form": publish_form or PublishForm(),
        "statuses": [(s.label, counts.get(s.value, 0)) for s in Status],
        "open_objections": Objection.objects.filter(
            region__period=period, status=Objection.State.OPEN
        ).count(),
        "publications": period.publications.order_by("-number")[:10],
        "error": error,
    }
    return render(request, "verification/period.html", context, status=status)


@login_required
@require_GET
def period_page(request, year: int):
    require_national_admin(request.user)
    return _period_page(request, get_period(year))


@login_required
@require_POST
def objection_window(request, year: int):
    require_national_admin(request.user)
    period = get_period(year)
    form = WindowForm(request.POST)
    if not form.is_valid():
        return _period_page(request, period, window_form=form, error="Isi kedua waktu.", status=400)
    try:
        services.set_objection_window(
            request.user, period, form.cleaned_data["opens_at"], form.cleaned_data["closes_at"]
        )
    except services.Refused as exc:
        return _period_page(request, period, window_form=form, error=str(exc), status=400)
    messages.success(request, "Masa sanggah disimpan.")
    return redirect("verifikasi:period", year)


@login_required
@require_POST
def publish(request, year: int):
    require_national_admin(request.user)
    period = get_period(year)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        publication = services.publish(request.user, period, form.cleaned_data.get("note", ""))
    except (*services.Refused, ResultsError) as exc:
        return _period_page(request, period, publish_form=form, error=str(exc), status=400)
    messages.success(request, f"{period} dipublikasikan (publikasi {publication.number}).")
    return redirect("verifikasi:period", year)
