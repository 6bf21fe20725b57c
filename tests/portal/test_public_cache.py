"""Public pages and API answers are cached per publication: the same answer until a new
publication, with an ETag, Last-Modified and Cache-Control: public for anonymous visitors;
a matching conditional GET answers 304; signed-in users get the live, private page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inovda.innovations.models import Answer
from inovda.public_cache import VERSION_KEY
from tests.fixtures import published_period, republish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _version_kept(settings):
    """No expiry during a test: what resets the cached version is a publication (or the
    test, standing in for the expiry)."""
    settings.PUBLIC_CACHE_VERSION_TTL = 3600


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
    # A live change is not public until published: the cached answer stays, without a query.
    Answer.objects.filter(region=data.region("36.04"), innovation__isnull=True).update(
        verified_level=3
    )
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert len(queries) == 0
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


def _headers(response) -> dict:
    return {k: v for k, v in response.headers.items() if k != "X-Request-ID"}


@pytest.mark.parametrize("url", URLS)
def test_the_fast_path_answers_with_the_headers_of_the_whole_stack(client, url):
    """The second answer comes from the cache before sessions, CSRF and auth run: the same
    body and exactly the headers the first (rendered) answer had, security headers and CSP
    included; a visitor with a session cookie gets the same through the whole stack."""
    published_period(2026)
    first = client.get(url)
    assert first["Content-Security-Policy"] and first["X-Content-Type-Options"] == "nosniff"
    fast = client.get(url)
    assert fast.status_code == 200 and fast.content == first.content
    assert _headers(fast) == _headers(first)
    assert fast["X-Request-ID"] != first["X-Request-ID"]
    client.cookies["sessionid"] = "not-a-session"
    with_cookie = client.get(url)
    assert with_cookie.content == first.content
    assert _headers(with_cookie) == _headers(first)


@pytest.mark.parametrize("url", URLS[:2])
def test_a_304_from_the_fast_path_has_the_headers_of_the_whole_stack(client, url):
    published_period(2026)
    etag = client.get(url)["ETag"]
    slow = client.get(url, HTTP_IF_NONE_MATCH=etag)
    with CaptureQueriesContext(connection) as queries:
        fast = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert len(queries) == 0
    assert slow.status_code == fast.status_code == 304 and fast.content == b""
    assert _headers(fast) == _headers(slow)


def test_the_cached_version_is_reset_by_a_publication_and_read_again_when_it_expires(client):
    """The name of the current publications lives in the cache: a publication resets it
    (signal), and a process that missed it (another server process with local memory)
    reads the database again once the key expires."""
    data = published_period(2026)
    url = URLS[0]
    first = client.get(url)
    assert cache.get(VERSION_KEY) is not None
    republish(data)
    assert cache.get(VERSION_KEY) is None  # reset at once in this process
    second = client.get(url)
    assert second["ETag"] != first["ETag"]
    # Another process's publication is not seen here until the key expires…
    cache.set(VERSION_KEY, ("0.0", None))
    assert client.get(url)["ETag"] != second["ETag"]
    cache.delete(VERSION_KEY)  # … as it does after PUBLIC_CACHE_VERSION_TTL seconds
    assert client.get(url)["ETag"] == second["ETag"]
