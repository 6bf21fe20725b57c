"""The region side of verification: "why you lost points", objections (sanggahan) raised by
the pemda admin, and their resolution by the assigned verifier."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from inovda.accounts.access import get_region_for_user
from inovda.accounts.models import Assignment, Role
from inovda.innovations.models import Answer, Status, Verification
from inovda.innovations.workflow import REPORTED
from inovda.rulebooks.loader import load_rulebook
from inovda.verification.access import get_objection_for_user
from inovda.verification.forms import ObjectionForm, ResolveForm
from inovda.verification.items import sheet, with_history
from inovda.verification.models import Objection, ObjectionWindow, RevisionRequest
from inovda.verification.objections import raise_objection, resolve_objection
from inovda.verification.posting import handle_post
from inovda.verification.scores import compare


def _region_sheets(region):
    """The SPD sheet and one sheet per reported innovation in four queries, and the claimed and
    verified scores in two more."""
    rulebook = load_rulebook(region.period.rulebook_year)
    innovations = list(region.innovations.filter(status__in=REPORTED).order_by("name"))
    answers = defaultdict(list)
    for answer in with_history(Answer.objects.filter(region=region)):
        answers[answer.innovation_id].append(answer)
    notes = {}
    for request in RevisionRequest.objects.filter(innovation__region=region):
        notes.setdefault(request.innovation_id, request)  # newest first
    return {
        "rulebook": rulebook,
        "spd": sheet(rulebook.spd_indicators, answers.get(None, [])),
        "innovations": [
            (i, sheet(rulebook.sid_indicators, answers.get(i.pk, [])), notes.get(i.pk))
            for i in innovations
        ],
        "score": compare(rulebook, region),
    }


def _window(region):
    window = ObjectionWindow.objects.filter(period_id=region.period_id).first()
    return window, window is not None and window.is_open(timezone.now())


def _is_region_admin(user, region) -> bool:
    return user.role == Role.PEMDA_ADMIN and user.region_code == region.current_code


@login_required
@require_GET
def why(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code)
    window, window_open = _window(region)
    context = _region_sheets(region) | {
        "region": region,
        "show_all": request.GET.get("semua") == "1",
        "window": window,
        "can_object": window_open and _is_region_admin(request.user, region),
        "objections": region.objections.annotate(n=Count("answers")),
    }
    return render(request, "verification/why.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def objection_new(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code)
    if not _is_region_admin(request.user, region):
        raise PermissionDenied("Sanggahan diajukan oleh admin pemda ini.")
    candidates = list(
        Answer.objects.filter(
            region=region, verification__in=(Verification.LOWERED, Verification.REJECTED)
        )
        .exclude(innovation__status__in=(Status.DRAFT, Status.LOCKED))
        .select_related("innovation")
        .order_by("innovation__name", "pk")
    )
    form = ObjectionForm(request.POST or None, answers=candidates)
    window, window_open = _window(region)

    def raise_one(data):
        chosen = [a for a in candidates if a.pk in set(data["answers"])]
        objection = raise_objection(request.user, region, chosen, data["argument"])
        messages.success(request, "Sanggahan dikirim.")
        return redirect("verifikasi:objection", objection.pk)

    invalid = "Pilih indikator dan tulis argumen."
    done, error, status = handle_post(request, form, invalid, raise_one)
    if done is not None:
        return done
    rulebook = load_rulebook(region.period.rulebook_year)
    context = {
        "region": region,
        "window": window,
        "window_open": window_open,
        "form": form,
        "candidates": [(a, rulebook.indicator(a.indicator_id)) for a in candidates],
        "chosen": {str(v) for v in form["answers"].value() or ()},
        "error": error,
    }
    return render(request, "verification/objection_new.html", context, status=status)


@login_required
@require_GET
def objection_list(request):
    user = request.user
    objections = Objection.objects.select_related("region__period", "raised_by").annotate(
        n=Count("answers")
    )
    if user.is_verifier:
        objections = objections.filter(
            Exists(
                Assignment.objects.filter(
                    verifier=user,
                    period_id=OuterRef("region__period_id"),
                    region_code=OuterRef("region__current_code"),
                )
            )
        )
    elif not user.is_national_admin:
        if not user.is_pemda:
            raise PermissionDenied("Peran Anda tidak melihat sanggahan.")
        objections = objections.filter(region__current_code=user.region_code)
    page = Paginator(objections.order_by("status", "raised_at", "pk"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "verification/objections.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def objection_detail(request, pk: int):
    objection = get_objection_for_user(request.user, pk)
    answers = list(
        with_history(objection.answers.select_related("innovation")).order_by(
            "innovation__name", "pk"
        )
    )
    can_resolve = request.user.is_verifier and objection.status == Objection.State.OPEN
    form = ResolveForm(request.POST or None, answers=answers)
    if request.method == "POST" and not can_resolve:
        raise PermissionDenied("Sanggahan ini tidak dapat Anda putuskan.")

    def resolve(data):
        levels = form.new_levels() if data["accepted"] else None
        resolve_objection(request.user, objection, data["accepted"], data["reason"], levels)
        messages.success(request, "Sanggahan diputuskan; hasil dihitung ulang.")
        return redirect("verifikasi:objection", pk)

    invalid = "Pilih keputusan dan tulis alasannya."
    done, error, status = handle_post(request, form, invalid, resolve)
    if done is not None:
        return done
    rulebook = load_rulebook(objection.region.period.rulebook_year)
    rows = [
        (
            a,
            rulebook.indicator(a.indicator_id),
            next(iter(a.decisions.all()), None),
            form[f"level_{a.pk}"],
        )
        for a in answers
    ]
    context = {
        "objection": objection,
        "rows": rows,
        "form": form,
        "can_resolve": can_resolve,
        "error": error,
    }
    return render(request, "verification/objection.html", context, status=status)
