"""The public catalogue of innovations of published periods: profile fields only.

Every answer is the profile frozen with the latest publication of the period
(``results.public``): drafts and innovations that publication does not count are never shown,
and edits made after publishing appear only with the next publication. Evidence, indicator
answers, verifier notes and the initiator's personal name stay private.
"""

from datetime import date

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from inovda.innovations.models import Bentuk, Jenis, Tahapan
from inovda.regions.models import Region
from inovda.results import public
from inovda.results.api import ERRORS, MAX_LIMIT, Pagination, publication_or_404
from inovda.results.models import PublishedInnovation

router = Router(tags=["katalog"])


class RegionRef(Schema):
    code: str
    name: str
    tingkat: str
    province_code: str
    province_name: str


class InnovationRow(Schema):
    id: int = Field(alias="innovation_id")
    name: str
    region: RegionRef
    tahapan: str
    inisiator: str
    jenis: str
    bentuk: str
    urusan_utama: str
    urusan_terkait: list[str]
    opd: str
    tanggal_uji_coba: date | None
    tanggal_penerapan: date | None

    @staticmethod
    def resolve_region(row: PublishedInnovation) -> dict:
        """The region copy frozen on the row, named as the region names it."""
        return {
            source.removeprefix("region__"): getattr(row, copy)
            for source, copy in public.REGION_FIELDS.items()
        }


class InnovationOut(InnovationRow):
    period: int
    rancang_bangun: str
    tujuan: str
    manfaat: str
    hasil: str
    anggaran: float | None
    video_url: str

    @staticmethod
    def resolve_period(row: PublishedInnovation) -> int:
        return row.publication.period.year


class CatalogueFilters(Schema):
    """The filters of ``public.filter_catalogue``, typed for the schema; empty filters nothing."""

    q: str | None = None
    urusan: str | None = None
    tahapan: Tahapan | None = None
    jenis: Jenis | None = None
    bentuk: Bentuk | None = None
    tingkat: Region.Tingkat | None = None
    province: str | None = None


@router.get("/periods/{year}/innovations", response={200: list[InnovationRow], **ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def list_innovations(
    request: HttpRequest, year: int, response: HttpResponse, filters: Query[CatalogueFilters]
):
    """Innovations of a published period, by region code then name. `q` searches the name,
    tujuan and manfaat as the portal does (full text, best match first, on PostgreSQL).
    `urusan` matches the primary or a related urusan code (e.g. 1.02)."""
    rows = public.catalogue(publication_or_404(year, response))
    return public.filter_catalogue(rows, **filters.dict())


@router.get("/innovations/{innovation_id}", response={200: InnovationOut, **ERRORS})
def get_innovation(request: HttpRequest, innovation_id: int):
    """One innovation's profile as the latest publication of its period shows it."""
    found = public.public_innovation(innovation_id, public.latest_publications())
    if found is None:
        raise HttpError(404, f"Inovasi {innovation_id} tidak ada dalam data yang dipublikasikan.")
    return found
