"""The page frame every portal page shares: the period switcher and the unpublished page.

What is public is decided by ``results.public``; every portal page starts with its
``latest_publications()``: one query that serves the period switcher, the page's own
publication and (on the dashboard) the trend across periods.
"""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from inovda.regions.models import Period
from inovda.results.public import Periods, latest_publications
from inovda.rulebooks.loader import load_rulebook


def period_context(periods: Periods, year: int | None, link: Callable[[int], str]) -> dict:
    """What base.html needs: the period switcher, the page's rulebook notes and whether the
    data on show is synthetic (any published period marked so: the switcher links them all)."""
    publication = periods.get(year) if year is not None else None
    rulebook_year = publication.rulebook_year if publication else None
    return {
        "year": year,
        "period_links": [(y, link(y), y == year) for y in periods],
        "rulebook_year": rulebook_year,
        "approximate": rulebook_year is not None and load_rulebook(rulebook_year).approximate,
        "synthetic": any(p.period.synthetic for p in periods.values()),
    }


def unpublished(
    request: HttpRequest, periods: Periods, year: int, link: Callable[[int], str]
) -> HttpResponse:
    """A period that exists but is not published yet gets a plain page; an unknown one, 404."""
    if not Period.objects.filter(year=year).exists():
        raise Http404(f"Periode {year} tidak ada.")
    context = period_context(periods, None, link) | {"unpublished_year": year}
    return render(request, "portal/belum_dipublikasikan.html", context)


def published_page(link: Callable[[int], str]):
    """A page of one published period: the view is called as ``view(request, year, periods,
    publication)`` with every period's latest publication and this year's; a year not
    published yet gets the ``unpublished`` page instead."""

    def decorate(view):
        @wraps(view)
        def page(request: HttpRequest, year: int) -> HttpResponse:
            periods = latest_publications()
            publication = periods.get(year)
            if publication is None:
                return unpublished(request, periods, year, link)
            return view(request, year, periods, publication)

        return page

    return decorate
