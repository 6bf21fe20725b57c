"""Published data for the open-data API and the downloads: the querysets both read, and the
CSV/XLSX writers.

Only a period's latest publication is public. Rankings come from its frozen rows. The catalogue
is the period's innovations that existed when that publication was made (innovation profiles are
not snapshotted; an innovation added to the period later appears with the next publication).
"""

import csv
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO
from typing import Any

from django.db.models import Case, F, Q, QuerySet, When
from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from inovda.innovations.models import Innovation
from inovda.innovations.workflow import REPORTED
from inovda.regions.models import Period, Region
from inovda.results.models import Predicate, Publication, PublishedResult
from inovda.results.ranking import CLUSTERS
from inovda.results.services import latest_publication

TINGKAT = ("provinsi", "kabupaten", "kota")
# Said by every answer and file built on a synthetic (demo) period, whatever the settings.
SYNTHETIC_NOTE = "Data sintetis untuk demo — bukan hasil resmi."
SYNTHETIC_HEADER = "X-Inovda-Data"
RANK_FIELDS = {
    **dict.fromkeys(TINGKAT, "rank_tingkat"),
    "tertinggal": "rank_tertinggal",
    "perbatasan": "rank_perbatasan",
    "papua": "rank_papua",
}
assert tuple(RANK_FIELDS) == CLUSTERS


# --- Queries ------------------------------------------------------------------------------


def published(year: int) -> Publication | None:
    """The latest publication of the period, or None when the period is unknown/unpublished."""
    period = Period.objects.filter(year=year).first()
    return latest_publication(period) if period else None


def ranking(publication: Publication, cluster: str) -> QuerySet[PublishedResult]:
    """Ranked rows of one cluster, best first, each with ``rank``. Regions that are Tidak Dapat
    Dinilai (or outside the cluster) have no rank there and are left out."""
    field = RANK_FIELDS[cluster]
    rows = publication.results.filter(**{f"{field}__isnull": False})
    if cluster in TINGKAT:
        rows = rows.filter(tingkat=cluster)
    return rows.annotate(rank=F(field)).order_by("rank", "code")


def all_results(publication: Publication) -> QuerySet[PublishedResult]:
    """Every region of the publication: by tingkat, then rank (unranked last), then code."""
    tingkat_order = Case(*(When(tingkat=t, then=n) for n, t in enumerate(TINGKAT)))
    return publication.results.order_by(
        tingkat_order, F("rank_tingkat").asc(nulls_last=True), "code"
    )


def catalogue(publication: Publication) -> QuerySet[Innovation]:
    return (
        Innovation.objects.filter(
            region__period_id=publication.period_id,
            created_at__lte=publication.published_at,
            status__in=REPORTED,
        )
        .select_related("region")
        .order_by("region__code", "name", "id")
    )


def with_urusan(innovations: QuerySet[Innovation], code: str) -> QuerySet[Innovation]:
    """Innovations filed under ``code``, as the primary or a related urusan."""
    # icontains on a JSONField searches its JSON text; the quotes keep "1.0" from matching "1.01".
    return innovations.filter(Q(urusan_utama=code) | Q(urusan_terkait__icontains=f'"{code}"'))


# --- Tables -------------------------------------------------------------------------------

Column = tuple[str, Callable[[Any], Any]]


def _label(choices: Any) -> Callable[[str], str]:
    return lambda value: choices(value).label if value in choices.values else value


_tingkat, _predicate = _label(Region.Tingkat), _label(Predicate)

RESULT_COLUMNS: list[Column] = [
    ("Kode", lambda r: r.code),
    ("Nama pemda", lambda r: r.name),
    ("Tingkat", lambda r: _tingkat(r.tingkat)),
    ("Kode provinsi", lambda r: r.province_code),
    ("Provinsi", lambda r: r.province_name),
    ("IID", lambda r: r.iid),
    ("Predikat", lambda r: _predicate(r.predicate)),
    ("SPD", lambda r: r.spd),
    ("SID", lambda r: r.sid),
    ("Skor jumlah inovasi", lambda r: r.count_score),
    ("Total", lambda r: r.total),
    ("Inovasi dilaporkan", lambda r: r.innovations_reported),
    ("Inovasi dihitung", lambda r: r.innovations_counted),
    ("Peringkat tingkat", lambda r: r.rank_tingkat),
    ("Peringkat daerah tertinggal", lambda r: r.rank_tertinggal),
    ("Peringkat daerah perbatasan", lambda r: r.rank_perbatasan),
    ("Peringkat wilayah Papua", lambda r: r.rank_papua),
]
RANKING_COLUMNS: list[Column] = [("Peringkat", lambda r: r.rank), *RESULT_COLUMNS]

CATALOGUE_COLUMNS: list[Column] = [
    ("ID", lambda i: i.pk),
    ("Nama inovasi", lambda i: i.name),
    ("Kode pemda", lambda i: i.region.code),
    ("Pemda", lambda i: i.region.name),
    ("Tingkat", lambda i: i.region.get_tingkat_display()),
    ("Provinsi", lambda i: i.region.province_name),
    ("Tahapan", lambda i: i.get_tahapan_display()),
    ("Inisiator", lambda i: i.get_inisiator_display()),
    ("Jenis", lambda i: i.get_jenis_display()),
    ("Bentuk", lambda i: i.get_bentuk_display()),
    ("Urusan utama", lambda i: i.urusan_utama),
    ("Urusan terkait", lambda i: ", ".join(i.urusan_terkait)),
    ("OPD", lambda i: i.opd),
    ("Waktu uji coba", lambda i: i.tanggal_uji_coba),
    ("Waktu penerapan", lambda i: i.tanggal_penerapan),
    ("Anggaran", lambda i: i.anggaran),
    ("Rancang bangun", lambda i: i.rancang_bangun),
    ("Tujuan", lambda i: i.tujuan),
    ("Manfaat", lambda i: i.manfaat),
    ("Hasil", lambda i: i.hasil),
    ("Tautan video", lambda i: i.video_url),
]

# A spreadsheet reads a cell starting with one of these as a formula (CSV/formula injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table(columns: list[Column], objects: Iterable[Any]) -> Iterator[list[Any]]:
    """The header row, then one row per object."""
    yield [header for header, _ in columns]
    for obj in objects:
        yield [get(obj) for _, get in columns]


# --- Files --------------------------------------------------------------------------------


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, rows: Iterable[list[Any]]) -> StreamingHttpResponse:
    """UTF-8 with a BOM so that Excel reads it right, streamed row by row."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        for row in rows:
            yield writer.writerow(["" if v is None else safe_cell(v) for v in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xml_text(value: Any) -> Any:
    # XML cannot hold most control characters and openpyxl refuses them. Removed before the
    # formula check, so "\x01=..." cannot become a formula.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(filename: str, sheet: str, rows: Iterable[list[Any]]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    for row in rows:
        worksheet.append([safe_cell(_xml_text(v)) for v in row])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
