"""The region profile (SPD): one row per SPD indicator, edited and sent by the pemda admin."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from inovda.accounts.access import get_region_for_user, region_access
from inovda.innovations.forms import ProfileForm, with_versions
from inovda.innovations.services import (
    StaleEdit,
    SubmissionRefused,
    save_profile,
    submit_profile,
)
from inovda.innovations.views import friendly_closed, region_context
from inovda.innovations.views_upload import row_messages, store_uploads
from inovda.rulebooks.loader import load_rulebook


def _rows(region) -> dict:
    return {
        a.indicator_id: a
        for a in region.answers.filter(innovation=None).prefetch_related("evidence")
    }


@login_required
@friendly_closed
def profile(request, year: int, code: str):
    access = region_access(request.user, year, code, admin_only=True)
    region = access.obj
    rulebook = load_rulebook(region.period.rulebook_year)
    answers = _rows(region)
    conflicts, status = [], 200
    if request.method == "POST":
        access.require_write()
        form = ProfileForm(rulebook, answers, request.POST)
        if form.is_valid():
            try:
                changed = save_profile(request.user, region, form.to_data())
            except StaleEdit as exc:
                conflicts = form.conflicts(exc.current, exc.conflicts)
                versions = {i: a.version for i, a in exc.current.items()}
                form = ProfileForm(rulebook, answers, with_versions(request.POST, versions))
                form.is_valid()
                status = 409
            else:
                return _after_save(request, region, changed)
        read_only = ""
    else:
        form = ProfileForm(rulebook, answers)
        read_only = access.reason
        if read_only:
            form.make_read_only()
    context = region_context(
        region,
        form=form,
        rows=form.rows(),
        row_messages=row_messages(request),
        files_dropped=bool(request.FILES) and bool(form.errors),
        rulebook=rulebook,
        read_only=read_only,
        conflicts=conflicts,
        receipts=region.submissions.filter(innovation=None)[:5],
    )
    return render(request, "innovations/profile.html", context, status=status)


def _after_save(request, region, changed):
    """After a save: the files chosen in the indicator blocks, then (with "kirim") the
    submission of what was just saved; back to the block the user was working on."""
    year, code = region.period.year, region.code
    row = request.POST.get("unggah", "")
    stored = store_uploads(request, _rows(region))
    if row and f"berkas_{row}" not in request.FILES:
        messages.info(request, "Isian tersimpan. Pilih berkas dahulu, lalu unggah.", extra_tags=row)
    elif changed and not stored:
        messages.success(request, f"Profil SPD tersimpan ({len(changed)} baris berubah).")
    elif not stored and "kirim" not in request.POST:
        messages.info(request, "Tidak ada perubahan pada profil SPD.")
    if "kirim" in request.POST:
        return _submit(request, year, code)
    url = reverse("pemda:profile", args=[year, code])
    rows = {i.id for i in load_rulebook(region.period.rulebook_year).spd_indicators}
    return redirect(f"{url}#indikator-{row}" if row in rows else url)


@login_required
@friendly_closed
@require_POST
def profile_submit(request, year: int, code: str):
    return _submit(request, year, code)


def _submit(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code, write=True)
    try:
        receipt = submit_profile(request.user, region)
    except SubmissionRefused as exc:
        messages.error(request, str(exc))
        return redirect("pemda:profile", year=year, code=code)
    if receipt.created:
        messages.success(request, "Profil SPD terkirim. Simpan atau cetak tanda terima ini.")
    else:
        messages.info(
            request,
            "Profil SPD ini sudah dikirim dan belum berubah sejak itu: ini tanda terimanya.",
        )
    return redirect("pemda:receipt", pk=receipt.submission.pk)
