import pytest

from inovda.regions.roster import roster_for_year
from inovda.results.models import PublishedResult
from tests.fixtures import published_period


@pytest.fixture
def published(db):
    """2026, published: Kabupaten Serang (36.04) with 8 innovations, and a few others."""
    return published_period(2026)


@pytest.fixture
def published_2020(db):
    """2020, published with the approximate rulebook: only Kabupaten Serang reports."""
    return published_period(2020, data={"36.04": (3, 2, 2)})


def spread(regions: int, innovations: int, year: int = 2026) -> dict:
    """Fixture data for ``regions`` pemda with ``innovations`` each."""
    codes = [entry.code for entry in roster_for_year(year)][:regions]
    return dict.fromkeys(codes, (innovations, 2, 2))


def iid_text(year: int, code: str) -> str:
    """A region's published IID as the portal writes it (decimal comma)."""
    iid = PublishedResult.objects.get(publication__period__year=year, code=code).iid
    return f"{iid:.2f}".replace(".", ",")
