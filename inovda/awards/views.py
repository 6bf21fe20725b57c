"""Award pages of the national admin and of the nominee's pemda."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from inovda.accounts.access import require_national_admin
from inovda.accounts.models import Role
from inovda.awards import jobs as award_jobs
from inovda.awards import nominees as services
from inovda.awards import plenary
from inovda.awards.access import (
    get_award_for_admin,
    get_certificate_for_user,
    get_nominee_for_user,
)
from inovda.awards.book import ASSUMPTION_TEXT, book_for
from inovda.awards.errors import AwardError
from inovda.awards.exports import incentive_xlsx
from inovda.awards.forms import (
    MaterialsForm,
    PanelForm,
    PresenterForm,
    ReasonForm,
    SlotForm,
    TeamForm,
)
from inovda.awards.jury import has_conflict, panel_of
from inovda.awards.models import JuryScore
from inovda.core.models import AuditEntry
from inovda.innovations.downloads import private_file_response
from inovda.regions.models import Period


def admin_context(award, **refused) -> dict:
    """The admin page's content; a refused form passes itself in to be shown with its error,
    a refused button its message as ``error``."""
    year = award.period.year
    book = book_for(year)
    rows = award.nominees.select_related("region").order_by("cluster", "rank", "region__code")
    return {
        "award": award,
        "book": book,
        "year": year,
        "clusters": [(rule, [n for n in rows if n.cluster == rule.id]) for rule in book.clusters],
        "panels": award.panels.select_related("chair"),
        "teams": award.field_teams.select_related("lead"),
        "certificates": award.certificates.select_related("region"),
        "job": (job := award_jobs.latest(award)),
        "job_label": award_jobs.LABELS.get(job.kind, job.kind) if job else "",
        "panel_form": refused.get("panel_form", PanelForm(award)),
        "slot_form": refused.get("slot_form", SlotForm(award)),
        "team_form": refused.get("team_form", TeamForm()),
        "error": refused.get("error", ""),
        # Shown at the top, so the reason is read even when the form itself is hidden.
        "refused_forms": [f for k, f in refused.items() if k.endswith("_form")],
        "audit": _admin_history(award),
    }


def flash(request, success: str, verb, *args) -> None:
    """Run a button's verb on ``args``: a refusal becomes the error message of the next page,
    otherwise ``success`` (when not empty) its success message."""
    try:
        verb(*args)
    except AwardError as exc:
        messages.error(request, str(exc))
    else:
        if success:
            messages.success(request, success)


def _admin_history(award) -> list[AuditEntry]:
    """The newest 30 entries of the award and of its panels, field teams and certificates."""

    def ids(rows) -> list[str]:
        return [str(pk) for pk in rows.values_list("pk", flat=True)]

    where = Q(object_type="awards.award", object_id=str(award.pk))
    for object_type, rows in (
        ("awards.panel", award.panels.all()),
        ("awards.fieldteam", award.field_teams.all()),
        ("awards.certificate", award.certificates.all()),
    ):
        where |= Q(object_type=object_type, object_id__in=ids(rows))
    return list(AuditEntry.objects.filter(where).select_related("actor")[:30])


@login_required
def admin(request, year: int):
    require_national_admin(request.user)
    period = Period.objects.filter(year=year).first()
    award = getattr(period, "award", None) if period else None
    if award is None:
        return render(request, "awards/belum.html", {"year": year, "period": period}, status=200)
    return render(request, "awards/admin.html", admin_context(award))


@login_required
@require_POST
def start(request, year: int):
    require_national_admin(request.user)
    period = Period.objects.filter(year=year).first()
    try:
        if period is None:
            raise AwardError(f"Periode {year} tidak ditemukan.")
        services.start_award(request.user, period)
    except AwardError as exc:
        messages.error(request, str(exc))
    return redirect("awards:admin", year)


@login_required
@require_POST
def confirm(request, year: int):
    award = get_award_for_admin(request.user, year)
    flash(request, "Daftar nominasi ditetapkan.", services.confirm_nominees, request.user, award)
    return redirect("awards:admin", year)


@login_required
@require_POST
def exclude(request, pk: int):
    require_national_admin(request.user)
    nominee = get_nominee_for_user(request.user, pk)
    done = f"{nominee.region.name} dikecualikan." if ReasonForm(request.POST).is_valid() else ""
    reason = request.POST.get("reason", "")
    flash(request, done, services.exclude_nominee, request.user, nominee, reason)
    return redirect("awards:admin", nominee.award.period.year)


@login_required
def nominee(request, pk: int):
    nominee = get_nominee_for_user(request.user, pk)
    user = request.user
    # Blind until the chair closes: a juror sees only their own score on this page.
    scores = JuryScore.objects.none()
    panel = panel_of(nominee)
    if user.is_national_admin or (panel and panel.closed_at):
        scores = nominee.jury_scores.select_related("juror")
    elif user.role == Role.JUROR:
        scores = nominee.jury_scores.filter(juror=user)
    context = {
        "nominee": nominee,
        "panel": panel,
        "scores": scores,
        "conflict": user.role == Role.JUROR and has_conflict(user, nominee),
        "can_edit": user.role == Role.PEMDA_ADMIN,
        "presenter_form": PresenterForm() if user.is_national_admin else None,
        "presenters": book_for(nominee.award.period.year).presenters,
    }
    return render(request, "awards/nominee.html", context)


@login_required
def materials(request, pk: int):
    nominee = get_nominee_for_user(request.user, pk, write=True)
    form = MaterialsForm(nominee, data=request.POST or None, files=request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_materials(
                request.user,
                nominee,
                data["presenter_name"],
                data["presenter_office"],
                data["strategy"],
                data["flagship_digital"],
                data["flagship_non_digital"],
            )
        except AwardError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Materi presentasi tersimpan.")
            return redirect("awards:nominee", nominee.pk)
    status = 400 if form.errors else 200
    return render(
        request, "awards/materials.html", {"nominee": nominee, "form": form}, status=status
    )


@login_required
def strategy(request, pk: int):
    nominee = get_nominee_for_user(request.user, pk)
    if not nominee.strategy_file:
        raise PermissionDenied("Dokumen strategi belum diunggah.")
    return private_file_response(nominee.strategy_file, nominee.strategy_name)


@login_required
@require_POST
def presenter(request, pk: int):
    require_national_admin(request.user)
    nominee = get_nominee_for_user(request.user, pk)
    form = PresenterForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        name, office = data["name"], data["office"]
        flash(request, "", services.record_presenter, request.user, nominee, name, office)
    return redirect("awards:nominee", nominee.pk)


@login_required
def plenary_page(request, year: int):
    award = get_award_for_admin(request.user, year)
    context = {
        "award": award,
        "year": year,
        "ranking": plenary.final_ranking(award),
        "book": book_for(year),
        "assumption": ASSUMPTION_TEXT,
        "revisions": award.revisions.select_related("signed_by"),
    }
    return render(request, "awards/plenary.html", context)


@login_required
@require_POST
def sign_off(request, year: int):
    award = get_award_for_admin(request.user, year)
    reason = request.POST.get("reason", "")
    done = "Hasil pleno ditetapkan dan dibekukan."
    flash(request, done, plenary.sign_off, request.user, award, reason)
    return redirect("awards:plenary", year)


@login_required
@require_POST
def revise(request, year: int):
    award = get_award_for_admin(request.user, year)
    flash(request, "", plenary.open_revision, request.user, award, request.POST.get("reason", ""))
    return redirect("awards:plenary", year)


@login_required
def incentive(request, year: int):
    award = get_award_for_admin(request.user, year)
    revision = plenary.signed_revision(year)
    if revision is None:
        raise PermissionDenied("Belum ada penetapan pleno.")
    return incentive_xlsx(award, revision)


@login_required
def certificate(request, number: str):
    cert = get_certificate_for_user(request.user, number)
    return FileResponse(cert.file.open("rb"), filename=f"{cert.number}.pdf")
