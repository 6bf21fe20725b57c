"""The national admin's award buttons that have no page of their own: forming jury panels and
field teams, scheduling slots, promoting the next in line, generating (as a background job, with
its progress partial) and revoking certificates. Each posts here, and a refusal shows the award
admin page again with the reason (400, nothing stored)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from inovda.accounts.access import require_national_admin
from inovda.awards import field, jury, nominees
from inovda.awards import jobs as award_jobs
from inovda.awards.access import (
    get_award_for_admin,
    get_certificate_for_admin,
    get_nominee_for_user,
)
from inovda.awards.certificates import revoke_certificate
from inovda.awards.errors import AwardError
from inovda.awards.forms import PanelForm, SlotForm, TeamForm
from inovda.awards.views import admin_context
from inovda.jobs.views import job_status_view


def _refused(request, award, **refused):
    return render(request, "awards/admin.html", admin_context(award, **refused), status=400)


def _button(request, award, verb, done: str):
    """Run ``verb()`` and go back to the admin page saying ``done``; a refusal shows the page
    again with its reason (400)."""
    try:
        verb()
    except AwardError as exc:
        return _refused(request, award, error=str(exc))
    messages.success(request, done)
    return redirect("awards:admin", award.period.year)


def _admin_form(form_key: str, bind, act):
    """The POST view of one form of the admin page: gate → ``bind(award, POST)`` →
    ``act(user, award, cleaned data)``, which returns the success message → the admin page; a
    refusal shows the page again with the form and its reason (400)."""

    @login_required
    @require_POST
    def view(request, year: int):
        award = get_award_for_admin(request.user, year)
        form = bind(award, request.POST)
        if form.is_valid():
            try:
                done = act(request.user, award, form.cleaned_data)
            except AwardError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, done)
                return redirect("awards:admin", year)
        return _refused(request, award, **{form_key: form})

    view.__name__ = view.__qualname__ = act.__name__.lstrip("_")
    return view


def _panel_create(user, award, data) -> str:
    chair, members = data["chair"], data["members"]
    panel = jury.create_panel(user, award, data["cluster"], data["name"], chair, members)
    return f"{panel.name} dibentuk."


def _slot(user, award, data) -> str:
    jury.schedule(user, data["nominee"], data["at"])
    return f"Jadwal presentasi {data['nominee'].region.name} ditetapkan."


def _team_create(user, award, data) -> str:
    team = field.create_team(user, award, data["area"], data["lead"], data["members"])
    return f"{team} dibentuk."


panel_create = _admin_form("panel_form", PanelForm, _panel_create)
slot = _admin_form("slot_form", SlotForm, _slot)
team_create = _admin_form("team_form", lambda award, data: TeamForm(data), _team_create)


@login_required
@require_POST
def promote(request, pk: int):
    require_national_admin(request.user)
    nominee = get_nominee_for_user(request.user, pk)
    return _button(
        request,
        nominee.award,
        lambda: nominees.promote_reserve(request.user, nominee),
        f"{nominee.region.name} naik menjadi usulan nominasi.",
    )


@login_required
@require_POST
def revoke(request, number: str):
    cert = get_certificate_for_admin(request.user, number)
    return _button(
        request,
        cert.award,
        lambda: revoke_certificate(request.user, cert, request.POST.get("reason", "")),
        f"Piagam {cert.number} dicabut.",
    )


@login_required
@require_POST
def certificates(request, year: int):
    award = get_award_for_admin(request.user, year)
    if not award.signed:
        return _refused(
            request, award, error="Piagam hanya dibuat setelah pleno menetapkan pemenang."
        )
    award_jobs.enqueue_certificates(request.user, award)
    return redirect("awards:admin", year)


# The progress partial the admin page polls (htmx) while certificates are made.
job_status = job_status_view(
    get_award_for_admin, award_jobs.subject, award_jobs.LABELS, "awards/_job.html", name="award"
)
