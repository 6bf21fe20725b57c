"""Period administration (national admin only): list, open with a window, detail, extend."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone

from inovda.accounts.access import get_period_for_admin, require_national_admin
from inovda.core.models import AuditEntry
from inovda.regions import services
from inovda.regions.forms import ExtendPeriodForm, OpenPeriodForm
from inovda.regions.models import Period


@login_required
def period_list(request):
    require_national_admin(request.user)
    periods = Period.objects.annotate(region_count=Count("regions")).prefetch_related("extensions")
    now = timezone.now()
    rows = [(p, p.closes_at_for(""), p.is_open_for("", now)) for p in periods]
    return render(request, "regions/period_list.html", {"rows": rows})


@login_required
def period_open(request):
    require_national_admin(request.user)
    form = OpenPeriodForm(data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = services.open_period(
                request.user,
                data["year"],
                data["rulebook_year"],
                data["opens_at"],
                data["closes_at"],
            )
        except services.PeriodError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{period} dibuka.")
            return redirect("periods:detail", period.year)
    return render(request, "regions/period_open.html", {"form": form})


@login_required
def period_detail(request, year: int):
    period = get_period_for_admin(request.user, year)
    extensions = list(period.extensions.order_by("created_at"))
    names = dict(
        period.regions.filter(current_code__in={e.region_code for e in extensions}).values_list(
            "current_code", "name"
        )
    )
    context = {
        "period": period,
        "national_close": period.closes_at_for(""),
        "open_now": period.is_open_for("", timezone.now()),
        "extensions": [(e, names.get(e.region_code, "")) for e in extensions],
        "region_count": period.regions.count(),
        "audit": AuditEntry.objects.filter(
            object_type=Period._meta.label_lower, object_id=str(period.pk)
        ).select_related("actor")[:50],
    }
    return render(request, "regions/period_detail.html", context)


@login_required
def period_extend(request, year: int):
    period = get_period_for_admin(request.user, year)
    form = ExtendPeriodForm(period, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.extend_period(
                request.user, period, data["closes_at"], data["reason"], data["region_code"]
            )
        except services.PeriodError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{period} diperpanjang.")
            return redirect("periods:detail", period.year)
    return render(request, "regions/period_extend.html", {"period": period, "form": form})
