"""The innovation catalogue of published periods, and one innovation's public profile.

Both read the profiles frozen with the latest publication of a period (``results.public``):
an innovation appears as it was when published, and only if that publication counts it. The
catalogue reads four queries whatever the data size (publications, provinces, count, page);
an innovation page three.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from inovda.portal.explain import level_rows
from inovda.portal.forms import CatalogueFilter
from inovda.portal.published import period_context
from inovda.portal.views_ranking import provinces
from inovda.results import public
from inovda.rulebooks.loader import load_rulebook

PER_PAGE = 20
# "publication" too: the related manager fills in each row's publication from it.
CARD_FIELDS = [
    "publication",
    "innovation_id",
    "name",
    "tahapan",
    "jenis",
    "urusan_utama",
    "tujuan",
    "region_name",
    "region_tingkat",
    "province_name",
]


def catalogue_link(year: int) -> str:
    return f"{reverse('portal:catalogue')}?periode={year}"


def filters(cleaned: dict) -> dict:
    """The form's fields as ``public.filter_catalogue`` names them."""
    names = {"q": "q", "urusan": "urusan", "tahapan": "tahapan", "jenis": "jenis"}
    names |= {"bentuk": "bentuk", "tingkat": "tingkat", "provinsi": "province"}
    return {name: cleaned.get(field) for field, name in names.items()}


def requested_year(value: str | None, periods: dict) -> int | None:
    """The ``periode`` asked for; the latest published one when none (or garbage) is given."""
    try:
        return int(value or "")
    except ValueError:
        return max(periods) if periods else None


@require_GET
def catalogue(request):
    periods = public.latest_publications()
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
    innovations = public.filter_catalogue(
        public.catalogue(publication), **filters(form.cleaned_data)
    )
    page = Paginator(innovations.only(*CARD_FIELDS), PER_PAGE).get_page(request.GET.get("page"))
    context |= {"publication": publication, "form": form, "page": page}
    partial = request.htmx and not request.htmx.history_restore_request
    template = "portal/_katalog_hasil.html" if partial else "portal/katalog.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def innovation(request, pk: int):
    periods = public.latest_publications()
    found = public.public_innovation(pk, periods)
    if found is None:
        raise Http404(f"Inovasi {pk} tidak ada dalam data yang dipublikasikan.")
    publication = found.publication
    year = publication.period.year
    rulebook = load_rulebook(publication.rulebook_year)
    result = (
        publication.results.filter(code=found.region_code)
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
        "region": {
            "code": found.region_code,
            "name": found.region_name,
            "tingkat": found.region_tingkat,
            "province_name": found.province_name,
        },
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
