"""Downloads of published results: the ranking and the innovation catalogue, as CSV or XLSX."""

import itertools

from django.http import Http404, HttpResponseBadRequest
from django.views.decorators.http import require_GET

from inovda.regions.clusters import Cluster
from inovda.results import public, tables
from inovda.results.exports import CATALOGUE_COLUMNS, RANKING_COLUMNS, RESULT_COLUMNS
from inovda.results.models import Publication


def _publication_or_404(year: int) -> Publication:
    publication = public.published(year)
    if publication is None:
        raise Http404(f"Periode {year} belum dipublikasikan.")
    return publication


def _file(fmt: str, name: str, sheet: str, rows, publication: Publication):
    if publication.period.synthetic:  # the first line of the file says so
        rows = itertools.chain([[public.SYNTHETIC_NOTE]], rows)
    if fmt == "csv":
        return tables.csv_response(f"{name}.csv", rows)
    return tables.xlsx_response(f"{name}.xlsx", sheet, rows)


@require_GET
def peringkat(request, year: int, fmt: str):
    publication = _publication_or_404(year)
    klaster = request.GET.get("klaster", "")
    if klaster and klaster not in Cluster.values:
        return HttpResponseBadRequest(
            f"Klaster {klaster!r} tidak dikenal; pilih salah satu: {', '.join(Cluster.values)}.",
            content_type="text/plain; charset=utf-8",
        )
    if klaster:
        rows = tables.table(RANKING_COLUMNS, public.ranking(publication, klaster))
        name = f"inovda-peringkat-{year}-{klaster}"
    else:
        rows = tables.table(RESULT_COLUMNS, public.all_results(publication))
        name = f"inovda-peringkat-{year}"
    return _file(fmt, name, "Peringkat", rows, publication)


@require_GET
def katalog(request, year: int, fmt: str):
    publication = _publication_or_404(year)
    innovations = public.catalogue(publication).iterator(chunk_size=2000)
    rows = tables.table(CATALOGUE_COLUMNS, innovations)
    return _file(fmt, f"inovda-katalog-{year}", "Katalog inovasi", rows, publication)
