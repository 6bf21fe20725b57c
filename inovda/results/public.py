"""The one public read model: what the portal, the open-data API and the downloads may show.

Only the latest publication of each period is public. Results are read from its frozen rows
(``PublishedResult``), the innovation catalogue from the profiles frozen with it
(``PublishedInnovation``, filled by ``snapshot_innovations`` when the period is published), so
nothing unpublished, and no edit made after publishing, reaches the public. No other module
decides what is public: the portal, the API and the downloads only call these functions.
"""

from django.db import connection
from django.db.models import Case, F, OuterRef, Q, QuerySet, Subquery, When

from inovda.innovations.models import Innovation
from inovda.innovations.workflow import REPORTED
from inovda.regions.clusters import TIERS, rank_field
from inovda.regions.models import Period
from inovda.results.models import Publication, PublishedInnovation, PublishedResult

Periods = dict[int, Publication]
# Said by every page, answer and file built on a synthetic (demo) period, whatever the settings.
SYNTHETIC_NOTE = "Data sintetis untuk demo — bukan hasil resmi."
SYNTHETIC_HEADER = "X-Inovda-Data"


# --- Publications -------------------------------------------------------------------------


def latest_publication(period: Period) -> Publication | None:
    return period.publications.order_by("-number").first()


def published(year: int) -> Publication | None:
    """The latest publication of the period, or None when the period is unknown/unpublished."""
    period = Period.objects.filter(year=year).first()
    return latest_publication(period) if period else None


def latest_publications() -> Periods:
    """Year → latest publication of every published period, oldest year first (one query)."""
    newest = (
        Publication.objects.filter(period=OuterRef("period"))
        .order_by("-number")
        .values("number")[:1]
    )
    rows = (
        Publication.objects.filter(number=Subquery(newest))
        .select_related("period")
        .defer("changes")
        .order_by("period__year")
    )
    return {p.period.year: p for p in rows}


# --- Results ------------------------------------------------------------------------------


def cluster_rows(publication: Publication, cluster: str) -> QuerySet[PublishedResult]:
    """Every region of the cluster, each with ``rank``: the ranked ones by rank then code, then
    the unranked (Tidak Dapat Dinilai) by code."""
    field = rank_field(cluster)
    rows = publication.results.defer("breakdown")
    if cluster in TIERS:
        rows = rows.filter(tingkat=cluster)
    else:
        rows = rows.filter(**{f"region__{cluster}": True})
    return rows.annotate(rank=F(field)).order_by(F(field).asc(nulls_last=True), "code")


def ranking(publication: Publication, cluster: str) -> QuerySet[PublishedResult]:
    """The ranked rows of one cluster, best first: ``cluster_rows`` without the unranked."""
    return cluster_rows(publication, cluster).filter(rank__isnull=False)


def all_results(publication: Publication) -> QuerySet[PublishedResult]:
    """Every region of the publication: by tingkat, then rank (unranked last), then code."""
    tingkat_order = Case(*(When(tingkat=t, then=n) for n, t in enumerate(TIERS)))
    return publication.results.order_by(
        tingkat_order, F("rank_tingkat").asc(nulls_last=True), "code"
    )


def region_result(publication: Publication, code: str) -> PublishedResult | None:
    return publication.results.select_related("region").filter(code=code).first()


# --- The innovation catalogue -------------------------------------------------------------


def catalogue(publication: Publication) -> QuerySet[PublishedInnovation]:
    """The innovations the publication counts, as frozen with it: by region code, then name."""
    return publication.innovations.order_by("region_code", "name", "innovation_id")


def with_urusan(rows: QuerySet[PublishedInnovation], code: str) -> QuerySet[PublishedInnovation]:
    """Innovations filed under ``code``, as the primary or a related urusan."""
    # icontains on a JSONField searches its JSON text; the quotes keep "1.0" from matching "1.01".
    return rows.filter(Q(urusan_utama=code) | Q(urusan_terkait__icontains=f'"{code}"'))


def search(rows: QuerySet[PublishedInnovation], q: str) -> QuerySet[PublishedInnovation]:
    """Indonesian full-text search on PostgreSQL, best match first; elsewhere every word must
    appear in the name, tujuan or manfaat."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = (
            SearchVector("name", weight="A", config="indonesian")
            + SearchVector("tujuan", "manfaat", weight="B", config="indonesian")
            + SearchVector("rancang_bangun", weight="C", config="indonesian")
        )
        query = SearchQuery(q, config="indonesian", search_type="websearch")
        return (
            rows.annotate(search=vector, relevance=SearchRank(vector, query))
            .filter(search=query)
            .order_by("-relevance", "region_code", "name", "innovation_id")
        )
    for word in q.split():
        rows = rows.filter(
            Q(name__icontains=word) | Q(tujuan__icontains=word) | Q(manfaat__icontains=word)
        )
    return rows


def filter_catalogue(
    rows: QuerySet[PublishedInnovation],
    *,
    q: str | None = None,
    urusan: str | None = None,
    tahapan: str | None = None,
    jenis: str | None = None,
    bentuk: str | None = None,
    tingkat: str | None = None,
    province: str | None = None,
) -> QuerySet[PublishedInnovation]:
    """The catalogue filters of the portal and the API; an empty value filters nothing."""
    if q and q.strip():
        rows = search(rows, q.strip())
    if urusan:
        rows = with_urusan(rows, urusan)
    chosen = {
        "tahapan": tahapan,
        "jenis": jenis,
        "bentuk": bentuk,
        "region_tingkat": tingkat,
        "province_code": province,
    }
    return rows.filter(**{field: value for field, value in chosen.items() if value})


def public_innovation(pk: int, periods: Periods) -> PublishedInnovation | None:
    """One innovation as the latest publication of its period shows it (one query), with its
    ``publication`` taken from ``periods``; None for anything that publication does not count."""
    by_pk = {p.pk: p for p in periods.values()}
    found = PublishedInnovation.objects.filter(innovation_id=pk, publication_id__in=by_pk).first()
    if found is not None:
        found.publication = by_pk[found.publication_id]
    return found


# --- Freezing -----------------------------------------------------------------------------

REGION_FIELDS = {
    "region__code": "region_code",
    "region__name": "region_name",
    "region__tingkat": "region_tingkat",
    "region__province_code": "province_code",
    "region__province_name": "province_name",
}
# The profile is whatever PublishedInnovation holds besides its keys and the region copy: adding a
# public field there is all it takes to freeze it too.
PROFILE_FIELDS = [
    f.name
    for f in PublishedInnovation._meta.concrete_fields
    if f.name not in {"id", "publication", "innovation_id", *REGION_FIELDS.values()}
]


def snapshot_innovations(publication: Publication) -> int:
    """Freeze the public profile of every innovation the publication counts (those reported in
    its period, as the recompute scores them); returns how many."""
    reported = Innovation.objects.filter(
        region__period_id=publication.period_id, status__in=REPORTED
    ).order_by("pk")
    rows = reported.values("pk", *PROFILE_FIELDS, *REGION_FIELDS)
    frozen = (
        PublishedInnovation(
            publication=publication,
            innovation_id=row.pop("pk"),
            **{REGION_FIELDS.get(k, k): v for k, v in row.items()},
        )
        for row in rows.iterator(chunk_size=2000)
    )
    return len(PublishedInnovation.objects.bulk_create(frozen, batch_size=1000))
