"""The ranking of a period per cluster, with filters, search and pagination.

Works as a plain GET form; with htmx the form and the page links fetch only the results
partial. Four queries whatever the data size: publications, provinces, count, page.
"""

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from inovda.portal.forms import RankingFilter
from inovda.portal.published import period_context, published_page
from inovda.regions.clusters import Cluster
from inovda.results.models import Publication, PublishedResult
from inovda.results.public import cluster_rows

PER_PAGE = 50
DEFAULT_CLUSTER = Cluster.KABUPATEN.value


def ranking_link(year: int) -> str:
    return reverse("portal:ranking", args=[year])


def provinces(publication: Publication) -> list[tuple[str, str]]:
    rows = publication.results.filter(tingkat="provinsi").order_by("province_code")
    return [(code, f"{code} {name}") for code, name in rows.values_list("province_code", "name")]


def filtered(rows: QuerySet[PublishedResult], filters: dict) -> QuerySet[PublishedResult]:
    if q := filters.get("q", "").strip():
        rows = rows.filter(Q(name__icontains=q) | Q(code__startswith=q))
    if filters.get("provinsi"):
        rows = rows.filter(province_code=filters["provinsi"])
    if filters.get("predikat"):
        rows = rows.filter(predicate=filters["predikat"])
    return rows


@require_GET
@published_page(ranking_link)
def ranking(request, year: int, periods, publication):
    data = request.GET.copy()
    data.setdefault("klaster", DEFAULT_CLUSTER)
    form = RankingFilter(data, provinces(publication))
    form.is_valid()
    cluster = form.cleaned_data.get("klaster") or DEFAULT_CLUSTER
    rows = filtered(cluster_rows(publication, cluster), form.cleaned_data)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    context = period_context(periods, year, ranking_link) | {
        "nav": "peringkat",
        "publication": publication,
        "form": form,
        "cluster": cluster,
        "page": page,
        "filtered": any(form.cleaned_data.get(k) for k in ("q", "provinsi", "predikat")),
    }
    partial = request.htmx and not request.htmx.history_restore_request
    template = "portal/_peringkat_hasil.html" if partial else "portal/peringkat.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
