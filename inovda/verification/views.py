"""The verifier's queue and item pages, and the decisions taken on them.

Every view reads top to bottom: access gate → form → service → redirect (or the page again
with the refusal, status 400). Administration, QC and objections live in views_*.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from inovda.accounts.access import get_region_for_user
from inovda.innovations.access import get_answer_for_user, get_innovation_for_user
from inovda.innovations.deadline import deadline_for
from inovda.innovations.fields import INNOVATION_FIELDS
from inovda.innovations.models import Status
from inovda.innovations.receipt import profile_rows as snapshot_rows
from inovda.regions.models import Period
from inovda.rulebooks.loader import load_rulebook
from inovda.verification import review
from inovda.verification.access import require_verifier, require_verifier_or_admin
from inovda.verification.duties import Refused
from inovda.verification.forms import DecisionForm, NotesForm, ReasonForm
from inovda.verification.items import innovation_sheet, spd_sheet
from inovda.verification.models import Outcome, Reason
from inovda.verification.queue import (
    FILTER_STATUSES,
    QUEUE_STATUSES,
    default_period,
    next_item,
    queue,
    queue_regions,
    spd_queue,
)

PAGE_SIZE = 25
ORDER_LABELS = (
    ("menunggu", "Paling lama menunggu"),
    ("batas", "Batas pelaporan terdekat"),
    ("pemda", "Nama pemda"),
)
DECIDABLE = (Status.SUBMITTED, Status.IN_REVIEW)


@login_required
@require_GET
def queue_page(request):
    user = request.user
    require_verifier_or_admin(user)
    periods = list(Period.objects.order_by("-year"))
    period = next((p for p in periods if str(p.year) == request.GET.get("periode")), None)
    period = period or default_period(user)
    context = {"periods": periods, "period": period, "status_choices": [], "indicators": ()}
    if period is not None:
        region_code = request.GET.get("pemda", "")
        indicator = request.GET.get("indikator", "")
        statuses = [s for s in request.GET.getlist("status") if s in FILTER_STATUSES]
        order = request.GET.get("urut", "menunggu")
        items = queue(user, period, region_code, indicator, statuses or QUEUE_STATUSES, order)
        page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
        context |= {
            "page": page,
            "profiles": [] if indicator else list(spd_queue(user, period, region_code)),
            "regions": list(queue_regions(user, period).only("code", "name")),
            "indicators": load_rulebook(period.rulebook_year).sid_indicators,
            "status_choices": [(s, s.label, s in statuses) for s in FILTER_STATUSES],
            "selected": {"pemda": region_code, "indikator": indicator, "urut": order},
            "orders": ORDER_LABELS,
        }
    return render(request, "verification/queue.html", context)


def render_item(request, innovation, *, error="", errors=None, status=200):
    """The verifier's page of one innovation; also re-rendered with a refusal."""
    rulebook = load_rulebook(innovation.region.period.rulebook_year)
    sheet = innovation_sheet(rulebook, innovation)
    context = {
        "innovation": innovation,
        "region": innovation.region,
        "profile": profile_rows(innovation),
        "deadline": deadline_for(innovation.region),
        "sheet": sheet,
        "unclaimed": sum(1 for r in sheet.rows if r.pending and r.claimed == 0),
        "can_decide": request.user.is_verifier and innovation.status in DECIDABLE,
        "revision": innovation.revision_requests.first(),
        **_form_context(request.user, error, errors),
    }
    return render(request, "verification/item.html", context, status=status)


def render_spd(request, region, *, error="", errors=None, status=200):
    rulebook = load_rulebook(region.period.rulebook_year)
    context = {
        "region": region,
        "sheet": spd_sheet(rulebook, region),
        "can_decide": request.user.is_verifier,
        **_form_context(request.user, error, errors),
    }
    return render(request, "verification/spd.html", context, status=status)


def profile_rows(innovation) -> list[tuple[str, str]]:
    """The innovation's profile in the words of its receipt (labels, formats)."""
    return snapshot_rows({"profil": {f: _plain(getattr(innovation, f)) for f in INNOVATION_FIELDS}})


def _plain(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _form_context(user, error, errors) -> dict:
    return {
        "error": error,
        "errors": errors or {},
        "outcomes": Outcome.choices,
        "reasons": review.VERIFIER_REASONS,
        "reason_other": Reason.OTHER,
    }


@login_required
@require_GET
def item(request, pk: int):
    innovation = get_innovation_for_user(request.user, pk)
    require_verifier_or_admin(request.user)
    return render_item(request, innovation)


@login_required
@require_GET
def spd_item(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code)
    require_verifier_or_admin(request.user)
    return render_spd(request, region)


def _item_url(answer) -> str:
    if answer.innovation_id:
        return reverse("verifikasi:item", args=[answer.innovation_id])
    region = answer.region
    return reverse("verifikasi:spd", args=[region.period.year, region.code])


@login_required
@require_POST
def decide(request, pk: int):
    answer = get_answer_for_user(request.user, pk)
    require_verifier(request.user)
    form = DecisionForm(request.POST)
    error = "Pilih keputusan (dan level bila diturunkan)."
    if form.is_valid():
        data = form.cleaned_data
        try:
            review.decide(
                request.user,
                answer,
                data["outcome"],
                level=data["level"],
                reason=data["reason"],
                text=data["text"],
                seen_version=data["version"],
            )
        except Refused as exc:
            error = str(exc)
        else:
            return redirect(_after_decision(answer, "lanjut" in request.POST))
    errors = {answer.pk: error}
    if answer.innovation_id:
        return render_item(request, answer.innovation, errors=errors, status=400)
    return render_spd(request, answer.region, errors=errors, status=400)


def _after_decision(answer, and_next: bool) -> str:
    """ "Simpan & berikutnya" jumps to the next undecided indicator, or to the finish button."""
    url = _item_url(answer)
    if not and_next:
        return f"{url}#jawaban-{answer.pk}"
    rulebook = load_rulebook(answer.region.period.rulebook_year)
    if answer.innovation_id:
        sheet = innovation_sheet(rulebook, answer.innovation)
    else:
        sheet = spd_sheet(rulebook, answer.region)
    following = sheet.next_pending(answer.pk)
    return f"{url}#jawaban-{following.pk}" if following else f"{url}#selesai"


def _innovation_action(request, pk: int, verb, form_class=None):
    """Gate → optional form → ``verb(user, innovation, *the form's values)``; the item page
    again (400) when refused, else None."""
    innovation = get_innovation_for_user(request.user, pk)
    require_verifier(request.user)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        return render_item(request, innovation, error="Isian wajib diisi.", status=400)
    try:
        verb(request.user, innovation, *(form.cleaned_data.values() if form else ()))
    except Refused as exc:
        return render_item(request, innovation, error=str(exc), status=400)
    return None


@login_required
@require_POST
def start(request, pk: int):
    return _innovation_action(request, pk, review.start_review) or redirect("verifikasi:item", pk)


@login_required
@require_POST
def accept_zero(request, pk: int):
    """Accept every undecided level-0 claim of the innovation at once."""
    accepted = []
    refused = _innovation_action(
        request, pk, lambda user, i: accepted.append(review.accept_unclaimed(user, i))
    )
    if refused:
        return refused
    messages.success(request, f"{accepted[0]} indikator berklaim level 0 diterima.")
    return redirect("verifikasi:item", pk)


@login_required
@require_POST
def return_to_region(request, pk: int):
    refused = _innovation_action(request, pk, review.return_to_region, NotesForm)
    if refused:
        return refused
    messages.success(request, "Inovasi dikembalikan ke pemda untuk diperbaiki.")
    return redirect("verifikasi:queue")


@login_required
@require_POST
def ineligible(request, pk: int):
    refused = _innovation_action(request, pk, review.declare_ineligible, ReasonForm)
    return refused or redirect("verifikasi:item", pk)


@login_required
@require_POST
def eligible(request, pk: int):
    refused = _innovation_action(request, pk, review.restore_eligibility, ReasonForm)
    return refused or redirect("verifikasi:item", pk)


@login_required
@require_POST
def finish(request, pk: int):
    refused = _innovation_action(request, pk, review.finish)
    if refused:
        return refused
    innovation = get_innovation_for_user(request.user, pk)
    messages.success(request, f"{innovation.name} terverifikasi.")
    following = next_item(request.user, innovation.region.period, pk)
    if following is not None:
        return redirect("verifikasi:item", following.pk)
    return redirect("verifikasi:queue")
