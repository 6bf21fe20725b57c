"""Quality control: the national admin draws blind samples and reads the agreement (Cohen's
kappa) per verifier and per indicator; a QC reviewer judges sampled answers without seeing the
first decision."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inovda.innovations.downloads import evidence_response
from inovda.regions.models import Period
from inovda.rulebooks.loader import load_rulebook
from inovda.verification import qc
from inovda.verification.access import (
    get_period,
    get_qc_review_for_reviewer,
    require_national_admin,
    require_verifier,
)
from inovda.verification.duties import Refused
from inovda.verification.forms import QCReviewForm, QCSampleForm
from inovda.verification.items import level_text
from inovda.verification.kappa import cohen_kappa
from inovda.verification.models import QCReview
from inovda.verification.posting import handle_post


def agreement(period: Period) -> dict:
    """Kappa per first verifier, per indicator and overall, from the finished QC reviews."""
    pairs = QCReview.objects.filter(answer__region__period=period, level__isnull=False).values_list(
        "decision__verifier__username", "answer__indicator_id", "decision__level", "level"
    )
    by_verifier, by_indicator, overall = defaultdict(list), defaultdict(list), []
    for verifier, indicator, first, second in pairs:
        by_verifier[verifier or "(akun dihapus)"].append((first, second))
        by_indicator[indicator].append((first, second))
        overall.append((first, second))
    return {
        "verifiers": [(k, cohen_kappa(v)) for k, v in sorted(by_verifier.items())],
        "indicators": [(k, cohen_kappa(v)) for k, v in sorted(by_indicator.items())],
        "overall": cohen_kappa(overall),
    }


@login_required
@require_GET
def qc_index(request):
    user = request.user
    if user.is_verifier:
        reviews = (
            QCReview.objects.filter(reviewer=user, level__isnull=True)
            .select_related("answer__region", "answer__innovation")
            .order_by("sampled_at", "pk")
        )
        return render(request, "verification/qc_mine.html", {"reviews": reviews})
    require_national_admin(user)
    periods = list(Period.objects.order_by("-year"))
    period = next((p for p in periods if str(p.year) == request.GET.get("periode")), None)
    return _qc_page(request, period or (periods[0] if periods else None), periods)


def _qc_page(request, period, periods, *, form=None, error="", status=200):
    context = {"period": period, "periods": periods, "form": form or QCSampleForm(), "error": error}
    if period is not None:
        reviews = QCReview.objects.filter(answer__region__period=period)
        context |= {
            "agreement": agreement(period),
            "sampled": reviews.count(),
            "done": reviews.filter(level__isnull=False).count(),
        }
    return render(request, "verification/qc.html", context, status=status)


@login_required
@require_POST
def qc_sample(request, year: int):
    require_national_admin(request.user)
    period = get_period(year)
    form = QCSampleForm(request.POST)
    periods = list(Period.objects.order_by("-year"))
    if not form.is_valid():
        return _qc_page(request, period, periods, form=form, error="Periksa isian.", status=400)
    try:
        reviews = qc.draw_qc_sample(
            request.user, period, form.cleaned_data["reviewer"], form.cleaned_data["percent"] / 100
        )
    except Refused as exc:
        return _qc_page(request, period, periods, form=form, error=str(exc), status=400)
    messages.success(request, f"{len(reviews)} isian masuk sampel QC.")
    return redirect(f"{reverse('verifikasi:qc')}?periode={year}")


@login_required
@require_http_methods(["GET", "POST"])
def qc_review(request, pk: int):
    require_verifier(request.user)
    review = get_qc_review_for_reviewer(request.user, pk)
    if review.level is not None:
        raise PermissionDenied("Tinjauan ini sudah selesai.")
    form = QCReviewForm(request.POST or None)

    def save(data):
        qc.qc_review(request.user, review.answer, data["level"], data["note"])
        messages.success(request, "Tinjauan QC disimpan.")
        return redirect("verifikasi:qc")

    done, error, status = handle_post(request, form, "Pilih level.", save)
    if done is not None:
        return done
    answer = review.answer
    rulebook = load_rulebook(answer.region.period.rulebook_year)
    indicator = rulebook.indicator(answer.indicator_id)
    texts = indicator.levels if indicator else ("", "", "")
    context = {
        "review": review,
        "answer": answer,
        "indicator": indicator,
        "claimed_text": level_text(texts, answer.claimed_level),
        "levels": list(enumerate(texts, start=1)),
        "evidence": answer.evidence.filter(replaced_at__isnull=True),
        "form": form,
        "error": error,
    }
    # Blind: nothing about the first decision (verified level, state, reasons) is passed on.
    return render(request, "verification/qc_review.html", context, status=status)


@login_required
@require_GET
def qc_evidence(request, pk: int, evidence_pk: int):
    """The sampled answer's evidence for its QC reviewer, who is not assigned to the pemda."""
    require_verifier(request.user)
    review = get_qc_review_for_reviewer(request.user, pk)
    evidence = review.answer.evidence.filter(pk=evidence_pk, replaced_at__isnull=True).first()
    if evidence is None:
        raise Http404("Berkas tidak ditemukan.")
    return evidence_response(evidence)
