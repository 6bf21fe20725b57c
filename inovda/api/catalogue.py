"""The public catalogue of innovations of published periods: profile fields only.

Evidence, indicator answers, verifier notes and the initiator's personal name stay private.
"""

from datetime import date

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from inovda.innovations.models import Bentuk, Innovation, Jenis, Tahapan
from inovda.regions.models import Region
from inovda.results import exports
from inovda.results.api import MAX_LIMIT, publication_or_404
from inovda.results.services import latest_publication

router = Router(tags=["katalog"])


class RegionRef(Schema):
    code: str
    name: str
    tingkat: str
    province_code: str
    province_name: str


class InnovationRow(Schema):
    id: int
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


class InnovationOut(InnovationRow):
    period: int
    rancang_bangun: str
    tujuan: str
    manfaat: str
    hasil: str
    anggaran: float | None
    video_url: str

    @staticmethod
    def resolve_period(innovation: Innovation) -> int:
        return innovation.region.period.year


@router.get("/periods/{year}/innovations", response=list[InnovationRow])
@paginate(LimitOffsetPagination, max_limit=MAX_LIMIT)
def list_innovations(
    request: HttpRequest,
    year: int,
    response: HttpResponse,
    q: str | None = None,
    urusan: str | None = None,
    tahapan: Tahapan | None = None,
    jenis: Jenis | None = None,
    bentuk: Bentuk | None = None,
    tingkat: Region.Tingkat | None = None,
    province: str | None = None,
):
    """Innovations of a published period, by region code then name. `urusan` matches the
    primary or a related urusan code (e.g. 1.02)."""
    innovations = exports.catalogue(publication_or_404(year, response))
    if q:
        innovations = innovations.filter(name__icontains=q)
    if urusan:
        innovations = exports.with_urusan(innovations, urusan)
    filters = {
        "tahapan": tahapan,
        "jenis": jenis,
        "bentuk": bentuk,
        "region__tingkat": tingkat,
        "region__province_code": province,
    }
    return innovations.filter(**{k: v for k, v in filters.items() if v})


@router.get("/innovations/{innovation_id}", response=InnovationOut)
def get_innovation(request: HttpRequest, innovation_id: int):
    """One innovation's profile, when its period is published."""
    innovation = (
        Innovation.objects.select_related("region__period").filter(pk=innovation_id).first()
    )
    publication = latest_publication(innovation.region.period) if innovation else None
    if publication is None or innovation.created_at > publication.published_at:
        raise HttpError(404, f"Inovasi {innovation_id} tidak ada dalam data yang dipublikasikan.")
    return innovation
