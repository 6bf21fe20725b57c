"""The innovation catalogue of published periods, and one innovation's public profile.

Only innovations reported in a published period, and existing when its latest publication was
made, are public. The catalogue reads four queries whatever the data size (publications,
provinces, count, page); an innovation page three.
"""

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from inovda.innovations.models import Innovation
from inovda.innovations.workflow import REPORTED
from inovda.portal.explain import level_rows
from inovda.portal.forms import CatalogueFilter
from inovda.portal.published import latest_publications, period_context
from inovda.portal.views_ranking import provinces
from inovda.results import exports
from inovda.results.models import Publication
from inovda.rulebooks.loader import load_rulebook

PER_PAGE = 20
CARD_FIELDS = [
    "id",
    "name",
    "tahapan",
    "jenis",
    "bentuk",
    "urusan_utama",
    "urusan_terkait",
    "tujuan",
    "opd",
    "region__code",
    "region__name",
    "region__tingkat",
    "region__province_name",
]


def catalogue_link(year: int) -> str:
    return f"{reverse('portal:catalogue')}?periode={year}"


def public_innovations(publication: Publication) -> QuerySet[Innovation]:
    return exports.catalogue(publication).filter(status__in=REPORTED)


def search(innovations: QuerySet[Innovation], q: str) -> QuerySet[Innovation]:
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
            innovations.annotate(search=vector, relevance=SearchRank(vector, query))
            .filter(search=query)
            .order_by("-relevance", "region__code", "name", "id")
        )
    for word in q.split():
        innovations = innovations.filter(
            Q(name__icontains=word) | Q(tujuan__icontains=word) | Q(manfaat__icontains=word)
        )
    return innovations


def filtered(innovations: QuerySet[Innovation], filters: dict) -> QuerySet[Innovation]:
    if q := filters.get("q", "").strip():
        innovations = search(innovations, q)
    if filters.get("urusan"):
        innovations = exports.with_urusan(innovations, filters["urusan"])
    fields = {
        "tahapan": "tahapan",
        "jenis": "jenis",
        "bentuk": "bentuk",
        "tingkat": "region__tingkat",
        "provinsi": "region__province_code",
    }
    chosen = {field: filters[key] for key, field in fields.items() if filters.get(key)}
    return innovations.filter(**chosen)


def requested_year(value: str | None, periods: dict) -> int | None:
    """The ``periode`` asked for; the latest published one when none (or garbage) is given."""
    try:
        return int(value or "")
    except ValueError:
        return max(periods) if periods else None


@require_GET
def catalogue(request):
    periods = latest_publications()
    year = requested_year(request.GET.get("periode"), periods)
    publication = periods.get(year)
    context = period_context(periods, year, catalogue_link) | {"nav": "katalog"}
    data = request.GET.copy()
    data["periode"] = str(year) if publication else ""
    form = CatalogueFilter(data, list(periods), provinces(publication) if publication else [])
    form.is_valid()
    if publication is None:
        context |= {"form": form, "page": None, "unpublished_year": year}
        return render(request, "portal/katalog.html", context)
    innovations = filtered(public_innovations(publication), form.cleaned_data)
    page = Paginator(innovations.only(*CARD_FIELDS), PER_PAGE).get_page(request.GET.get("page"))
    context |= {"publication": publication, "form": form, "page": page}
    partial = request.htmx and not request.htmx.history_restore_request
    template = "portal/_katalog_hasil.html" if partial else "portal/katalog.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def innovation(request, pk: int):
    periods = latest_publications()
    found = (
        Innovation.objects.select_related("region__period")
        .filter(pk=pk, status__in=REPORTED)
        .first()
    )
    publication = periods.get(found.region.period.year) if found else None
    if publication is None or found.created_at > publication.published_at:
        raise Http404(f"Inovasi {pk} tidak ada dalam data yang dipublikasikan.")
    year = publication.period.year
    rulebook = load_rulebook(publication.rulebook_year)
    result = (
        publication.results.filter(region_id=found.region_id)
        .only("publication", "code", "name", "iid", "predicate", "breakdown")
        .first()
    )
    # The verified levels come from the published breakdown, in the rulebook's SID order.
    entry = None
    if result is not None and rulebook.content_hash == publication.rulebook_hash:
        entry = next((row for row in result.breakdown["innovations"] if row[0] == str(pk)), None)
    sid_ids = [i.id for i in rulebook.sid_indicators]
    levels = dict(zip(sid_ids, entry[4], strict=True)) if entry else {}
    context = period_context(periods, year, lambda y: reverse("portal:dashboard", args=[y])) | {
        "nav": "katalog",
        "innovation": found,
        "region": found.region,
        "publication": publication,
        "result": result,
        "scored": {"eligible": entry[2], "total": entry[3]} if entry else None,
        "sid_rows": level_rows(rulebook.sid_indicators, levels) if entry else [],
        "sections": [
            ("Rancang bangun", found.rancang_bangun),
            ("Tujuan", found.tujuan),
            ("Manfaat", found.manfaat),
            ("Hasil", found.hasil),
        ],
    }
    return render(request, "portal/inovasi.html", context)
