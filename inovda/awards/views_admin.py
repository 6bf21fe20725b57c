"""The national admin's award buttons that have no page of their own: forming jury panels and
field teams, scheduling slots, promoting the next in line, revoking a certificate. Each posts
here, and a refusal shows the award admin page again with the reason (400, nothing stored)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from inovda.accounts.access import require_national_admin
from inovda.awards import field, jury, nominees
from inovda.awards.access import (
    get_award_for_admin,
    get_certificate_for_admin,
    get_nominee_for_user,
)
from inovda.awards.certificates import revoke_certificate
from inovda.awards.errors import AwardError
from inovda.awards.forms import PanelForm, SlotForm, TeamForm
from inovda.awards.views import admin_context


def _refused(request, award, **refused):
    return render(request, "awards/admin.html", admin_context(award, **refused), status=400)


@login_required
@require_POST
def panel_create(request, year: int):
    award = get_award_for_admin(request.user, year)
    form = PanelForm(award, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            panel = jury.create_panel(
                request.user, award, data["cluster"], data["name"], data["chair"], data["members"]
            )
        except AwardError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{panel.name} dibentuk.")
            return redirect("awards:admin", year)
    return _refused(request, award, panel_form=form)


@login_required
@require_POST
def slot(request, year: int):
    award = get_award_for_admin(request.user, year)
    form = SlotForm(award, request.POST)
    if form.is_valid():
        nominee = form.cleaned_data["nominee"]
        try:
            jury.schedule(request.user, nominee, form.cleaned_data["at"])
        except AwardError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Jadwal presentasi {nominee.region.name} ditetapkan.")
            return redirect("awards:admin", year)
    return _refused(request, award, slot_form=form)


@login_required
@require_POST
def team_create(request, year: int):
    award = get_award_for_admin(request.user, year)
    form = TeamForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            team = field.create_team(
                request.user, award, data["area"], data["lead"], data["members"]
            )
        except AwardError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{team} dibentuk.")
            return redirect("awards:admin", year)
    return _refused(request, award, team_form=form)


@login_required
@require_POST
def promote(request, pk: int):
    require_national_admin(request.user)
    nominee = get_nominee_for_user(request.user, pk)
    try:
        nominees.promote_reserve(request.user, nominee)
    except AwardError as exc:
        return _refused(request, nominee.award, error=str(exc))
    messages.success(request, f"{nominee.region.name} naik menjadi usulan nominasi.")
    return redirect("awards:admin", nominee.award.period.year)


@login_required
@require_POST
def revoke(request, number: str):
    cert = get_certificate_for_admin(request.user, number)
    try:
        revoke_certificate(request.user, cert, request.POST.get("reason", ""))
    except AwardError as exc:
        return _refused(request, cert.award, error=str(exc))
    messages.success(request, f"Piagam {cert.number} dicabut.")
    return redirect("awards:admin", cert.award.period.year)
