"""Public pages and API answers are cached per publication: the same answer until a new
publication, with an ETag, Last-Modified and Cache-Control: public for anonymous visitors;
a matching conditional GET answers 304; signed-in users get the live, private page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inovda.innovations.models import Answer
from tests.fixtures import published_period, republish

pytestmark = pytest.mark.django_db

URLS = [
    "/periode/2026/",
    "/periode/2026/peringkat/?klaster=kabupaten",
    "/periode/2026/pemda/36.04/",
    "/api/v1/periods/2026/recap",
    "/api/v1/periods/2026/rankings?cluster=kabupaten",
    "/api/v1/periods/2026/regions/36.04",
]


@pytest.mark.parametrize("url", URLS)
def test_it_serves_the_same_answer_until_a_new_publication(client, url):
    data = published_period(2026)
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["ETag"] and first["Last-Modified"]
    # A live change is not public until published: the cached answer stays, from one query.
    Answer.objects.filter(region=data.region("36.04"), innovation__isnull=True).update(
        verified_level=3
    )
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert len(queries) == 1
    republish(data)
    after = client.get(url)
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]
    cache.clear()
    assert after.content == client.get(url).content  # what the new publication shows
    if "recap" not in url:  # the recap counts predicates, which this change leaves alone
        assert after.content != first.content


@pytest.mark.parametrize("url", URLS)
def test_it_answers_304_to_a_matching_conditional_get(client, url):
    published_period(2026)
    etag = client.get(url)["ETag"]
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag and response.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"lain"').status_code == 200


def test_signed_in_users_get_the_live_private_page(client, personas):
    published_period(2026)
    client.force_login(personas.national_admin)
    response = client.get(URLS[0])
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "ETag" not in response


def test_a_missing_page_is_not_cached(client):
    published_period(2026)
    assert client.get("/periode/2026/pemda/99.99/").status_code == 404
    assert "ETag" not in client.get("/periode/2026/pemda/99.99/")
