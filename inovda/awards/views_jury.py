"""Pages of jurors: their panels and teams, blind scoring, closing a round, the spread after
the close, field scores, the berita acara and the private field evidence."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from inovda.accounts.models import Role
from inovda.awards import field, jury
from inovda.awards.access import (
    get_field_evidence_for_user,
    get_nominee_for_user,
    get_panel_for_user,
    get_team_for_user,
)
from inovda.awards.book import book_for
from inovda.awards.errors import AwardError
from inovda.awards.models import FieldTeam, JuryScore, Nominee, Panel
from inovda.awards.views import flash
from inovda.innovations.downloads import private_file_response


def _require_juror_or_admin(user) -> None:
    if not (user.role == Role.JUROR or user.is_national_admin):
        raise PermissionDenied("Halaman ini untuk juri.")


def _lead_stamp(request, verb, group):
    """The lead's closing stamp; refused (not the lead, already stamped) is a 403."""
    try:
        return verb(request.user, group)
    except AwardError as exc:
        raise PermissionDenied(str(exc)) from None


@login_required
def mine(request):
    _require_juror_or_admin(request.user)
    panels = Panel.objects.filter(members=request.user).select_related("award__period")
    teams = FieldTeam.objects.filter(members=request.user).select_related("award__period")
    scored = set(JuryScore.objects.filter(juror=request.user).values_list("nominee_id", flat=True))
    rows = []
    for panel in panels:
        nominees = panel.award.nominees.filter(
            cluster=panel.cluster, state=Nominee.State.CONFIRMED
        ).select_related("region")
        rows.append((panel, [(n, n.pk in scored) for n in nominees]))
    return render(request, "awards/mine.html", {"panels": rows, "teams": teams})


@login_required
def score(request, pk: int):
    nominee = get_nominee_for_user(request.user, pk)
    if request.user.role != Role.JUROR:
        raise PermissionDenied("Hanya juri yang menilai presentasi.")
    aspects = book_for(nominee.award.period.year).presentation_aspects
    mine = JuryScore.objects.filter(nominee=nominee, juror=request.user).first()
    error = ""
    status = 200
    if request.method == "POST":
        raw = {a.id: request.POST.get(a.id, "") for a in aspects}
        try:
            jury.score_nominee(request.user, nominee, raw, request.POST.get("comment", ""))
        except AwardError as exc:
            error, status = str(exc), 400
        else:
            messages.success(request, f"Nilai untuk {nominee.region.name} tersimpan.")
            return redirect("awards:nominee", nominee.pk)
    values = (mine.aspects if mine else {}) if request.method == "GET" else request.POST
    context = {
        "nominee": nominee,
        "aspects": [(a, values.get(a.id, "")) for a in aspects],
        "comment": (mine.comment if mine else "")
        if request.method == "GET"
        else request.POST.get("comment", ""),
        "error": error,
        "conflict": jury.has_conflict(request.user, nominee),
    }
    return render(request, "awards/score.html", context, status=status)


@login_required
def panel(request, pk: int):
    panel = get_panel_for_user(request.user, pk)
    # Blind: the spread exists for the panel only once the chair has closed the round.
    spread = jury.spread(panel) if panel.closed_at or request.user.is_national_admin else None
    context = {
        "panel": panel,
        "is_chair": request.user.pk == panel.chair_id,
        "spread": spread,
        "members": panel.members.order_by("username"),
    }
    return render(request, "awards/panel.html", context)


@login_required
@require_POST
def close(request, pk: int):
    panel = get_panel_for_user(request.user, pk)
    _lead_stamp(request, jury.close_round, panel)
    messages.success(request, "Putaran penilaian ditutup.")
    return redirect("awards:panel", panel.pk)


@login_required
def team(request, pk: int):
    team = get_team_for_user(request.user, pk)
    book = book_for(team.award.period.year)
    context = {
        "team": team,
        "nominees": field.team_nominees(team),
        "aspects": book.field_aspects,
        "is_lead": request.user.pk == team.lead_id,
    }
    return render(request, "awards/team.html", context)


@login_required
@require_POST
def field_score(request, pk: int, nominee: int):
    team = get_team_for_user(request.user, pk)
    target = get_nominee_for_user(request.user, nominee)
    raw = {a.id: request.POST.get(a.id, "") for a in book_for(team.award.period.year).field_aspects}
    note = request.POST.get("note", "")
    flash(request, "", field.field_score, request.user, team, target, raw, note)
    return redirect("awards:team", team.pk)


@login_required
def minutes(request, pk: int):
    team = get_team_for_user(request.user, pk)
    rows = [
        (n, team.scores.filter(nominee=n).select_related("member").order_by("member__username"))
        for n in field.team_nominees(team)
    ]
    context = {"team": team, "rows": rows, "book": book_for(team.award.period.year)}
    return render(request, "awards/minutes.html", context)


@login_required
@require_POST
def sign(request, pk: int):
    team = _lead_stamp(request, field.sign_minutes, get_team_for_user(request.user, pk))
    return redirect("awards:minutes", team.pk)


@login_required
@require_POST
def evidence_upload(request, pk: int, nominee: int):
    team = get_team_for_user(request.user, pk)
    target = get_nominee_for_user(request.user, nominee)
    upload = request.FILES.get("file")
    flash(request, "", field.add_field_evidence, request.user, team, target, upload)
    return redirect("awards:team", team.pk)


@login_required
def evidence(request, pk: int):
    row = get_field_evidence_for_user(request.user, pk)
    return private_file_response(row.file, row.original_name, row.content_type)
