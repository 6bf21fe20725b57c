"""The national admin's verifier assignments. The period's other steps (objection window,
recompute, publication) are on the period page in ``results``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from inovda.accounts.access import get_assignment_for_admin
from inovda.accounts.assignments import AssignmentError, assign, unassign
from inovda.regions.models import Period
from inovda.verification.access import get_period, require_national_admin
from inovda.verification.forms import AssignmentForm
from inovda.verification.posting import handle_post


@login_required
@require_http_methods(["GET", "POST"])
def assignments(request, year: int):
    require_national_admin(request.user)
    period = get_period(year)
    regions = list(period.regions.only("code", "current_code", "name"))
    form = AssignmentForm(request.POST or None, regions=regions)

    def assign_one(data):
        assign(request.user, period, data["verifier"], data["region_code"])
        messages.success(request, "Penugasan disimpan.")
        return redirect("verifikasi:assignments", year)

    invalid = "Pilih verifikator dan pemda."
    done, error, status = handle_post(request, form, invalid, assign_one, AssignmentError)
    if done is not None:
        return done
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
    assignment = get_assignment_for_admin(request.user, pk)
    unassign(request.user, assignment)
    messages.success(request, "Penugasan dihapus.")
    return redirect("verifikasi:assignments", assignment.period.year)
