"""List endpoints read a constant number of queries, whatever the amount of data."""

import pytest
from django.core.cache import cache

from inovda.public_cache import VERSION_KEY
from inovda.regions.roster import roster_for_year
from inovda.results.services import publish_period, recompute_period
from tests.fixtures import published_period

pytestmark = pytest.mark.django_db


def data(regions: int, innovations: int) -> dict:
    codes = [entry.code for entry in roster_for_year(2026)][:regions]
    return dict.fromkeys(codes, (innovations, 2, 2))


# URL → queries: period, publication, count, page (rankings and catalogue); the rankings are
# cached per publication, which costs one more query (the publications' version) when the
# version is not in the cache (it is dropped before each request here).
ENDPOINTS = {
    "/api/v1/periods": 1,
    "/api/v1/periods/2026/rankings?cluster=kabupaten&limit=1000": 5,
    "/api/v1/periods/2026/rankings?cluster=provinsi&q=a&limit=1000": 5,
    "/api/v1/periods/2026/innovations?limit=1000": 4,
    "/api/v1/periods/2026/innovations?urusan=1.01&tingkat=kabupaten&limit=1000": 4,
}


@pytest.mark.parametrize("size", [(2, 1), (60, 8)], ids=["small", "larger"])
def test_it_reads_a_constant_number_of_queries(client, django_assert_num_queries, size):
    published = published_period(2026, data=data(*size))
    recompute_period(published.period)
    publish_period(published.period)  # a second publication changes nothing either
    for url, queries in ENDPOINTS.items():
        cache.delete(VERSION_KEY)
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == 200
        body = response.json()
        assert len(body if url.endswith("periods") else body["items"]) >= 1
