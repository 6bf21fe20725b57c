"""Downloads of published results: the ranking and the innovation catalogue, as CSV or XLSX."""

from django.http import Http404, HttpResponseBadRequest
from django.views.decorators.http import require_GET

from inovda.results import downloads, exports
from inovda.results.models import Publication
from inovda.results.ranking import CLUSTERS


def _publication_or_404(year: int) -> Publication:
    publication = exports.published(year)
    if publication is None:
        raise Http404(f"Periode {year} belum dipublikasikan.")
    return publication


def _file(fmt: str, name: str, sheet: str, rows):
    if fmt == "csv":
        return exports.csv_response(f"{name}.csv", rows)
    return exports.xlsx_response(f"{name}.xlsx", sheet, rows)


@require_GET
def peringkat(request, year: int, fmt: str):
    publication = _publication_or_404(year)
    klaster = request.GET.get("klaster", "")
    if klaster and klaster not in CLUSTERS:
        return HttpResponseBadRequest(
            f"Klaster {klaster!r} tidak dikenal; pilih salah satu: {', '.join(CLUSTERS)}.",
            content_type="text/plain; charset=utf-8",
        )
    if not klaster and (stored := downloads.stored_response(publication, "peringkat", fmt)):
        return stored
    if klaster:
        rows = exports.table(exports.RANKING_COLUMNS, exports.ranking(publication, klaster))
        name = f"inovda-peringkat-{year}-{klaster}"
    else:
        rows = exports.table(exports.RESULT_COLUMNS, exports.all_results(publication))
        name = f"inovda-peringkat-{year}"
    return _file(fmt, name, "Peringkat", rows)


@require_GET
def katalog(request, year: int, fmt: str):
    publication = _publication_or_404(year)
    if stored := downloads.stored_response(publication, "katalog", fmt):
        return stored
    innovations = exports.catalogue(publication).iterator(chunk_size=2000)
    rows = exports.table(exports.CATALOGUE_COLUMNS, innovations)
    return _file(fmt, f"inovda-katalog-{year}", "Katalog inovasi", rows)
