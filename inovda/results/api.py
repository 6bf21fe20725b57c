"""Open data of published results: periods, the national recap, rankings and one region's result.

Only a period's latest publication is visible (``results.public``); every number comes from its
frozen snapshot. Also the pieces every endpoint shares: bounded pagination and the documented
error answers.
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from inovda.regions.clusters import GROUPS, ClusterCode, rank_field
from inovda.results import public
from inovda.results.models import Publication, PublishedResult
from inovda.rulebooks.loader import load_rulebook

router = Router(tags=["hasil"])

MAX_LIMIT = 1000
# Far above any period's row count, far below what a database integer holds: a larger offset
# is refused (422) rather than passed on to the database.
MAX_OFFSET = 1_000_000


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(
            100, ge=1, description=f"Rows per page; more than {MAX_LIMIT} gives {MAX_LIMIT}."
        )
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class Message(Schema):
    detail: str


class ValidationErrors(Schema):
    detail: list[dict[str, Any]] = Field(description="One entry per refused parameter.")


# 400: a path or parameter with a control character, refused by inovda.middleware before any
# view runs; 429: the anonymous throttle.
THROTTLED: dict[int, Any] = {400: Message, 429: Message}
ERRORS: dict[int, Any] = {404: Message, 422: ValidationErrors, **THROTTLED}


def publication_or_404(year: int, response: HttpResponse | None = None) -> Publication:
    """``response``: the answer being built, marked when the period's data is synthetic."""
    publication = public.published(year)
    if publication is None:
        raise HttpError(404, f"Periode {year} tidak ada atau belum dipublikasikan.")
    if response is not None and publication.period.synthetic:
        response[public.SYNTHETIC_HEADER] = "sintetis"
    return publication


# --- Schemas ------------------------------------------------------------------------------


class PeriodOut(Schema):
    year: int = Field(alias="period.year")
    rulebook_year: int
    publication_number: int = Field(alias="number")
    published_at: datetime
    rulebook_hash: str
    approximate: bool = Field(description="The rulebook has values marked approximate.")
    synthetic: bool = Field(alias="period.synthetic", description="Synthetic (demo) data.")

    @staticmethod
    def resolve_approximate(publication: Publication) -> bool:
        return load_rulebook(publication.rulebook_year).approximate


class Counts(Schema):
    provinsi: int
    kabupaten: int
    kota: int
    total: int


class PredicateCounts(Schema):
    sangat_inovatif: Counts
    inovatif: Counts
    kurang_inovatif: Counts
    tidak_dapat_dinilai: Counts


class RecapOut(Schema):
    period: int
    regions: Counts
    participating: Counts
    participation_pct: float | None
    innovations: int
    innovations_previous: int | None
    growth_pct: float | None
    predicates: PredicateCounts


class RankingRow(Schema):
    rank: int
    code: str
    name: str
    tingkat: str
    province_code: str
    province_name: str
    iid: float
    predicate: str
    spd: float
    sid: float
    total: float
    innovations_reported: int


class Ranks(Schema):
    tingkat: int | None
    tertinggal: int | None
    perbatasan: int | None
    papua: int | None


class InnovationScore(Schema):
    id: str
    name: str
    eligible: bool
    total: float
    levels: str = Field(description="Verified level of each SID indicator, in rulebook order.")


class CountDetail(Schema):
    innovations: int
    yandas_covered: list[str]
    gate_met: bool


class Breakdown(Schema):
    spd: dict[str, int] = Field(description="Verified level per SPD indicator (0 left out).")
    innovations: list[InnovationScore]
    sid_sum: float
    divisor: int | None
    sid_indicators: float
    count: CountDetail


class RegionResultOut(Schema):
    code: str
    name: str
    tingkat: str
    province_code: str
    province_name: str
    reported: bool
    innovations_reported: int
    innovations_counted: int
    spd: float
    sid: float
    count_score: float
    total: float
    iid: float
    predicate: str
    ranks: Ranks
    breakdown: Breakdown

    @staticmethod
    def resolve_ranks(result: PublishedResult) -> dict:
        groups = {c.value: getattr(result, rank_field(c)) for c in GROUPS}
        return {"tingkat": result.rank_tingkat, **groups}

    @staticmethod
    def resolve_breakdown(result: PublishedResult) -> dict:
        keys = ("id", "name", "eligible", "total", "levels")
        innovations = [dict(zip(keys, row, strict=True)) for row in result.breakdown["innovations"]]
        return {**result.breakdown, "innovations": innovations}


# --- Endpoints ----------------------------------------------------------------------------


@router.get("/periods", response={200: list[PeriodOut], **THROTTLED})
def list_periods(request: HttpRequest):
    """Published periods, each with its latest publication."""
    return list(public.latest_publications().values())


@router.get("/periods/{year}/recap", response={200: RecapOut, **ERRORS})
def get_recap(request: HttpRequest, year: int, response: HttpResponse):
    """The national recap, as `inovda recap --period <year> --format json` prints it."""
    return publication_or_404(year, response).recap


@router.get("/periods/{year}/rankings", response={200: list[RankingRow], **ERRORS})
@paginate(Pagination, max_limit=MAX_LIMIT)
def list_rankings(
    request: HttpRequest,
    year: int,
    cluster: ClusterCode,
    response: HttpResponse,
    province: str | None = None,
    q: str | None = None,
):
    """Ranked regions of one cluster, best first. Tidak Dapat Dinilai regions have no rank."""
    rows = public.ranking(publication_or_404(year, response), cluster)
    if province:
        rows = rows.filter(province_code=province)
    if q:
        rows = rows.filter(name__icontains=q)
    return rows


@router.get("/periods/{year}/regions/{code}", response={200: RegionResultOut, **ERRORS})
def get_region_result(request: HttpRequest, year: int, code: str, response: HttpResponse):
    """One region's published result: scores, every rank and the per-indicator breakdown."""
    result = public.region_result(publication_or_404(year, response), code)
    if result is None:
        raise HttpError(404, f"Pemda {code} tidak ada dalam publikasi periode {year}.")
    return result
