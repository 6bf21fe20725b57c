"""Import innovations from XLSX in the browser: the form, the report, the template download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from inovda.accounts.access import get_region_for_user, region_access
from inovda.innovations.import_template import build_template
from inovda.innovations.importer import MAX_ROWS, ImportRefused, Problem, import_innovations
from inovda.rulebooks.loader import load_rulebook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_http_methods(["GET", "POST"])
def import_form(request, year: int, code: str):
    # Read gate first (404 outside the region), then the write rule that admits OPD operators
    # too (403 for read-only roles and when the window is closed).
    region = region_access(request.user, year, code).require_write()
    report = problems = None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems = [Problem(None, "", "pilih berkas XLSX yang akan diimpor")]
        else:
            try:
                report = import_innovations(request.user, region, upload)
            except ImportRefused as exc:
                problems = exc.problems
    # Showing the report without a redirect is safe: submitting the same file again is a no-op.
    return render(
        request,
        "innovations/import_form.html",
        {"region": region, "report": report, "problems": problems, "max_rows": MAX_ROWS},
    )


@login_required
def import_template(request, year: int, code: str):
    region = get_region_for_user(request.user, year, code)
    period = region.period
    content = build_template(load_rulebook(period.rulebook_year))
    response = HttpResponse(content, content_type=XLSX)
    name = f"template-impor-inovasi-{period.year}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
