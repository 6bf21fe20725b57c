"""Import innovations from XLSX in the browser: the form, the job's page, the template download.

The upload is checked for presence and size here; everything else (reading, checking every row,
writing them all or none) runs as a background job whose page shows the progress and then the
counts or every problem (``import_jobs``)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from inovda.accounts.access import get_region_for_user, region_access
from inovda.innovations.import_jobs import LABEL, enqueue_import, job_for_region
from inovda.innovations.import_template import build_template
from inovda.innovations.importer import MAX_BYTES, MAX_ROWS
from inovda.rulebooks.loader import load_rulebook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_http_methods(["GET", "POST"])
def import_form(request, year: int, code: str):
    # Read gate first (404 outside the region), then the write rule that admits OPD operators
    # too (403 for read-only roles and when the window is closed).
    region = region_access(request.user, year, code).require_write()
    problems = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems = [(None, "", "pilih berkas XLSX yang akan diimpor")]
        elif upload.size > MAX_BYTES:
            problems = [(None, "", f"berkas lebih dari {MAX_BYTES // (1024 * 1024)} MB")]
        else:
            job = enqueue_import(request.user, region, upload.read(), upload.name or "")
            return redirect("impor:job", year, code, job.pk)
    return render(
        request,
        "innovations/import_form.html",
        {"region": region, "problems": problems, "max_rows": MAX_ROWS},
    )


@login_required
def import_job(request, year: int, code: str, pk):
    """The import's progress (the page, or the partial htmx polls), then its outcome."""
    region = get_region_for_user(request.user, year, code)
    job = job_for_region(region, pk)
    if job is None:
        raise Http404("Pekerjaan impor tidak ditemukan.")
    context = {"region": region, "job": job, "job_label": LABEL}
    partial = request.htmx and not request.htmx.boosted
    template = "innovations/_import_job.html" if partial else "innovations/import_job.html"
    return render(request, template, context)


@login_required
def import_template(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code)
    period = region.period
    content = build_template(load_rulebook(period.rulebook_year))
    response = HttpResponse(content, content_type=XLSX)
    name = f"template-impor-inovasi-{period.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
