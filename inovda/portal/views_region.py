"""One region's published result: scores, ranks, the breakdown re-scored by the engine,
what would raise it, its history and its innovations.

Four queries whatever the data size: publications, the result, the cluster sizes and the
history across periods.
"""

from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from inovda.portal.explain import explain, gain_rows, level_rows
from inovda.portal.published import period_context
from inovda.portal.views_ranking import PER_PAGE
from inovda.regions.clusters import GROUPS, TIERS, Cluster, rank_field
from inovda.results.models import Publication, PublishedResult
from inovda.results.public import latest_publications, region_result
from inovda.rulebooks.loader import load_rulebook
from inovda.scoring.explain import bands, count_rule


def cluster_sizes(publication: Publication) -> dict[str, int]:
    """How many regions are ranked in each cluster (one query)."""
    ranked = {t.value: Q(tingkat=t.value, rank_tingkat__isnull=False) for t in TIERS}
    ranked |= {c.value: Q(**{f"{rank_field(c)}__isnull": False}) for c in GROUPS}
    return publication.results.aggregate(**{c: Count("pk", filter=q) for c, q in ranked.items()})


def ranks(result: PublishedResult, sizes: dict[str, int]) -> list[dict]:
    found = [(result.tingkat, result.rank_tingkat)] + [
        (c.value, getattr(result, rank_field(c))) for c in GROUPS
    ]
    return [
        {
            "cluster": cluster,
            "label": Cluster(cluster).label,
            "rank": rank,
            "of": sizes[cluster],
            "page": (rank - 1) // PER_PAGE + 1,
        }
        for cluster, rank in found
        if rank is not None
    ]


def history(result: PublishedResult, periods: dict[int, Publication]) -> list[dict]:
    """The same pemda (same current code) in every published period, oldest first."""
    years = {p.pk: year for year, p in periods.items()}
    rows = PublishedResult.objects.filter(
        publication_id__in=years, region__current_code=result.region.current_code
    ).values("publication_id", "code", "name", "iid", "predicate", "rank_tingkat", "tingkat")
    found = []
    for row in rows:
        publication = periods[years[row["publication_id"]]]
        row["year"] = publication.period.year
        row["current"] = publication.pk == result.publication_id
        row["normalised"] = load_rulebook(publication.rulebook_year).normalised
        found.append(row)
    return sorted(found, key=lambda row: row["year"])


@require_GET
def region(request, year: int, code: str):
    periods = latest_publications()
    publication = periods.get(year)
    if publication is None:
        raise Http404(f"Periode {year} tidak ada atau belum dipublikasikan.")
    result = region_result(publication, code)
    if result is None:
        raise Http404(f"Pemda {code} tidak ada dalam publikasi periode {year}.")
    rulebook = load_rulebook(publication.rulebook_year)
    explained = explain(result, rulebook, publication.rulebook_hash)
    found = explained.whatif
    breakdown = result.breakdown
    rows = history(result, periods)
    # Every innovation × 20 cells is what made the page slow: one page of them at a time.
    page = Paginator(breakdown.get("innovations", []), PER_PAGE).get_page(request.GET.get("page"))
    # The period switcher leads to this pemda in the other periods, else to their dashboard.
    elsewhere = {
        row["year"]: reverse("portal:region", args=[row["year"], row["code"]]) for row in rows
    }
    context = period_context(
        periods, year, lambda y: elsewhere.get(y) or reverse("portal:dashboard", args=[y])
    ) | {
        "nav": "peringkat",
        "publication": publication,
        "result": result,
        "rulebook": rulebook,
        "ranks": ranks(result, cluster_sizes(publication)),
        "problem": explained.problem,
        "whatif": found,
        "gains": gain_rows(rulebook, found) if found else [],
        "cheapest": gain_rows(rulebook, found, limit=50, source="cheapest") if found else [],
        "adding": found.adding if found else None,
        "bands": bands(found.score) if found else [],
        "path_length": len(found.path) if found else 0,
        "spd_rows": level_rows(rulebook.spd_indicators, breakdown.get("spd", {})),
        # The rule as applied (gate reading, yandas still missing) when the re-score matched.
        "count": count_rule(found.score) if found else breakdown.get("count", {}),
        "sid_ids": [i.id for i in rulebook.sid_indicators],
        "innovations": [
            {"id": key, "name": name, "eligible": eligible, "total": total, "levels": levels}
            for key, name, eligible, total, levels in page.object_list
        ],
        "page": page,
        "history": rows,
        "raw_scale": any(not row["normalised"] for row in rows),
    }
    return render(request, "portal/pemda.html", context)
