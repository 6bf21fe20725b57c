"""Public pages: home, the dashboard of a period and the methodology of a rulebook.

The ranking, region and catalogue pages live in their own modules (views_*.py).
"""

from decimal import ROUND_HALF_UP, Decimal

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from inovda.portal.charts import columns, stacked
from inovda.portal.published import period_context, published_page
from inovda.portal.templatetags.portal import angka, persen
from inovda.regions.clusters import Cluster
from inovda.results.public import latest_publications
from inovda.results.recap import PREDICATES, TINGKAT
from inovda.rulebooks.loader import available_years, load_rulebook
from inovda.rulebooks.urusan import urusan_label
from inovda.scoring.explain import READINGS


def dashboard_link(year: int) -> str:
    return reverse("portal:dashboard", args=[year])


@require_GET
def home(request):
    periods = latest_publications()
    if periods:
        return redirect("portal:dashboard", year=max(periods))
    return render(request, "portal/kosong.html", period_context(periods, None, dashboard_link))


@require_GET
def ranking_latest(request):
    periods = latest_publications()
    if not periods:
        return redirect("portal:home")
    return redirect("portal:ranking", year=max(periods))


def _pct(part: int, whole: int) -> Decimal | None:
    """As the recap rounds: half-up to one decimal."""
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def trend_charts(periods) -> list:
    """Innovations and participation of every published period, as column charts."""
    recaps = [(str(y), p.recap) for y, p in periods.items()]
    innovations = [(y, r["innovations"], angka(r["innovations"])) for y, r in recaps]
    pct = [(y, r["participation_pct"] or 0, persen(r["participation_pct"])) for y, r in recaps]
    return [
        ("Inovasi dilaporkan per periode", columns(innovations)),
        ("Partisipasi pemda per periode", columns(pct)),
    ]


@require_GET
@published_page(dashboard_link)
def dashboard(request, year: int, periods, publication):
    recap = publication.recap
    levels = (*TINGKAT, "total")
    participation = [
        {
            "tingkat": t,
            "regions": recap["regions"][t],
            "participating": recap["participating"][t],
            "pct": _pct(recap["participating"][t], recap["regions"][t]),
            "bar": stacked(
                [
                    ("ikut", recap["participating"][t]),
                    ("tidak", recap["regions"][t] - recap["participating"][t]),
                ]
            ),
        }
        for t in levels
    ]
    predicates = [
        {"predicate": p, "counts": [recap["predicates"][p][t] for t in levels]} for p in PREDICATES
    ]
    predicate_bars = [
        (t, stacked([(p, recap["predicates"][p][t]) for p in PREDICATES])) for t in levels
    ]
    context = period_context(periods, year, dashboard_link) | {
        "nav": "dasbor",
        "publication": publication,
        "recap": recap,
        "participation": participation,
        "predicates": predicates,
        "predicate_bars": predicate_bars,
        "trend_charts": trend_charts(periods),
        "year_label": str(year),
        "clusters": Cluster.values,
    }
    return render(request, "portal/dasbor.html", context)


@require_GET
def methodology_latest(request):
    periods = latest_publications()
    year = periods[max(periods)].rulebook_year if periods else max(available_years())
    return redirect("portal:methodology", year=year)


@require_GET
def methodology(request, year: int):
    if year not in available_years():
        raise Http404(f"Tidak ada rulebook untuk tahun {year}.")
    rulebook = load_rulebook(year)
    periods = latest_publications()
    used_by = [p for p in periods.values() if p.rulebook_year == year]
    context = period_context(
        periods,
        used_by[-1].period.year if used_by else None,
        lambda y: reverse("portal:methodology", args=[periods[y].rulebook_year]),
    ) | {
        "nav": "metodologi",
        "rulebook": rulebook,
        "rulebook_year": year,
        "approximate": rulebook.approximate,
        "rulebook_years": available_years(),
        "used_by": used_by,
        "yandas": [urusan_label(code) for code in rulebook.count_score.yandas]
        if rulebook.count_score
        else [],
        "gate_reading": READINGS[rulebook.count_score.gate_reading.value]
        if rulebook.count_score
        else "",
        "aspects": [
            ("SPD", "Satuan Pemerintah Daerah", rulebook.spd_indicators, rulebook.max_spd),
            (
                "SID",
                "Satuan Inovasi Daerah (per inovasi)",
                rulebook.sid_indicators,
                rulebook.max_sid_per_innovation,
            ),
        ],
    }
    return render(request, "portal/metodologi.html", context)
