"""Innovations: create, view and edit (profile + SID answers), eligibility, submit."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from inovda.accounts.access import Access, get_region_for_user, region_access, role_denied
from inovda.innovations import eligibility
from inovda.innovations.access import get_innovation_for_user, innovation_access
from inovda.innovations.feedback import feedback_for
from inovda.innovations.forms import (
    InnovationForm,
    eligibility_values,
    innovation_conflicts,
    with_versions,
)
from inovda.innovations.models import Status
from inovda.innovations.services import (
    StaleEdit,
    SubmissionRefused,
    create_innovation,
    innovation_checklist,
    save_innovation,
    submit_innovation,
)
from inovda.innovations.views import friendly_closed, history, region_context
from inovda.innovations.views_upload import row_messages, store_uploads
from inovda.innovations.workflow import TransitionRefused
from inovda.rulebooks.loader import load_rulebook

SUBMITTABLE = (Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.IN_REVIEW, Status.VERIFIED)


def _checklist(rulebook, data, others, with_evidence=None):
    values = eligibility_values(rulebook, data)
    return eligibility.check(rulebook, **values, with_evidence=with_evidence, other_names=others)


def _evidence_ids(answers: dict) -> list[str]:
    return [i for i, a in answers.items() if any(e.replaced_at is None for e in a.evidence.all())]


def _back_to_row(request, innovation) -> str:
    """The innovation's page, at the indicator block the user was working on."""
    url = reverse("pemda:innovation", args=[innovation.pk])
    row = request.POST.get("unggah", "")
    return f"{url}#indikator-{row}" if row in _row_ids(innovation) else url


def _row_ids(innovation) -> set[str]:
    return set(innovation.answers.values_list("indicator_id", flat=True))


@login_required
@friendly_closed
def innovation_new(request, year: int, code: str):
    region = region_access(request.user, year, code).require_write()
    rulebook = load_rulebook(region.period.rulebook_year)
    form = InnovationForm(rulebook, request.POST or None)
    if request.method == "POST" and form.is_valid():
        innovation = create_innovation(request.user, region, form.to_data())
        messages.success(request, "Draf inovasi tersimpan. Lengkapi data dukung per indikator.")
        answers = {a.indicator_id: a for a in innovation.answers.all()}
        store_uploads(request, answers)
        return redirect(_back_to_row(request, innovation))
    others = list(region.innovations.values_list("name", flat=True))
    context = region_context(
        region,
        form=form,
        rows=form.rows(),
        rulebook=rulebook,
        checklist=_checklist(rulebook, request.POST, others),
        read_only="",
        files_dropped=bool(request.FILES),
    )
    return render(request, "innovations/innovation_form.html", context)


@login_required
@friendly_closed
def innovation_detail(request, pk: int):
    access = innovation_access(request.user, pk)
    innovation = access.obj
    region = innovation.region
    rulebook = load_rulebook(region.period.rulebook_year)
    answers = {a.indicator_id: a for a in innovation.answers.prefetch_related("evidence")}
    conflicts, status, checklist = [], 200, None
    if request.method == "POST":
        access.require_write()
        form = InnovationForm(rulebook, request.POST, answers=answers)
        if form.is_valid():
            try:
                save_innovation(
                    request.user, innovation, form.to_data(), form.cleaned_data["version"]
                )
            except StaleEdit as exc:
                conflicts = innovation_conflicts(form, exc.current)
                data = with_versions(request.POST, {}, single=exc.current.version)
                form = InnovationForm(rulebook, data, answers=answers)
                form.is_valid()
                innovation, status = exc.current, 409
            else:
                return _after_save(request, innovation, answers)
        others = region.innovations.exclude(pk=pk).values_list("name", flat=True)
        checklist = _checklist(rulebook, request.POST, list(others), _evidence_ids(answers))
        read_only = ""
    else:
        initial = InnovationForm.initial_for(innovation, answers)
        form = InnovationForm(rulebook, initial=initial, answers=answers)
        read_only = access.reason
        if read_only:
            form.make_read_only()
    feedback = feedback_for(innovation)
    rows = form.rows()
    for row in rows:
        row.reason = feedback.reasons.get(row.indicator.id, "")
    context = region_context(
        region,
        innovation=innovation,
        form=form,
        rows=rows,
        feedback=feedback,
        row_messages=row_messages(request),
        files_dropped=bool(request.FILES) and bool(form.errors),
        rulebook=rulebook,
        read_only=read_only,
        conflicts=conflicts,
        checklist=checklist
        if checklist is not None
        else innovation_checklist(innovation, answers.values()),
        submit_refusal=_submit_refusal(request.user, innovation, access),
        receipts=innovation.submissions.select_related("submitted_by")[:5],
        history=history(innovation),
    )
    return render(request, "innovations/innovation_form.html", context, status=status)


def _after_save(request, innovation, answers):
    """After a save: the files chosen in the indicator blocks, then (with "kirim") the
    submission; back to the block the user was working on."""
    row = request.POST.get("unggah", "")
    stored = store_uploads(request, answers)
    if row and f"berkas_{row}" not in request.FILES:
        messages.info(request, "Isian tersimpan. Pilih berkas dahulu, lalu unggah.", extra_tags=row)
    elif not stored and not row:
        messages.success(request, "Perubahan inovasi tersimpan.")
    if "kirim" in request.POST:
        return _submit(request, innovation.pk)
    return redirect(_back_to_row(request, innovation))


def _submit_refusal(user, innovation, access: Access) -> str:
    """Why the send button is not offered ("" when it is): sending is a write of the pemda
    admin alone."""
    if innovation.status not in SUBMITTABLE:
        return f"Inovasi berstatus {innovation.get_status_display()}."
    denied = role_denied(user, admin_only=True)
    return access.reason or (str(denied) if denied else "")


@login_required
@require_POST
def innovation_eligibility(request, pk: int):
    """The checklist for the values being typed (htmx), against the saved evidence."""
    innovation = get_innovation_for_user(request.user, pk)
    rulebook = load_rulebook(innovation.region.period.rulebook_year)
    answers = {a.indicator_id: a for a in innovation.answers.prefetch_related("evidence")}
    others = innovation.region.innovations.exclude(pk=pk).values_list("name", flat=True)
    checklist = _checklist(rulebook, request.POST, list(others), _evidence_ids(answers))
    return render(request, "innovations/_eligibility.html", {"checklist": checklist})


@login_required
@require_POST
def new_eligibility(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code)
    rulebook = load_rulebook(region.period.rulebook_year)
    others = list(region.innovations.values_list("name", flat=True))
    checklist = _checklist(rulebook, request.POST, others)
    return render(request, "innovations/_eligibility.html", {"checklist": checklist})


@login_required
@friendly_closed
@require_POST
def innovation_submit(request, pk: int):
    return _submit(request, pk)


def _submit(request, pk: int):
    innovation = innovation_access(request.user, pk, admin_only=True).require_write()
    try:
        receipt = submit_innovation(request.user, innovation)
    except SubmissionRefused as exc:
        messages.error(request, " ".join([str(exc), *(f"{m}." for m in exc.missing)]))
        return redirect("pemda:innovation", pk=pk)
    except TransitionRefused as exc:
        messages.error(request, str(exc))
        return redirect("pemda:innovation", pk=pk)
    if receipt.created:
        messages.success(
            request, "Inovasi terkirim ke verifikator. Simpan atau cetak tanda terima."
        )
    else:
        messages.info(
            request, "Inovasi ini sudah dikirim dan belum berubah sejak itu: ini tanda terimanya."
        )
    return redirect("pemda:receipt", pk=receipt.submission.pk)
