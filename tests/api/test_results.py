import io
import json

import pytest
from django.core.management import call_command

from inovda.regions.services import create_period
from inovda.results.models import PublishedResult
from inovda.results.services import publish_period, recompute_period

pytestmark = pytest.mark.django_db


def test_it_lists_published_periods_only(client, published):
    create_period(2025)  # not published
    response = client.get("/api/v1/periods")
    assert response.status_code == 200
    publication = published.publication
    assert response.json() == [
        {
            "year": 2026,
            "rulebook_year": publication.rulebook_year,
            "publication_number": 1,
            "published_at": response.json()[0]["published_at"],
            "rulebook_hash": publication.rulebook_hash,
            "approximate": False,
            "synthetic": False,
        }
    ]


def test_it_shows_the_latest_publication_of_a_period(client, published):
    recompute_period(published.period)
    publish_period(published.period)
    [period] = client.get("/api/v1/periods").json()
    assert period["publication_number"] == 2


def test_it_returns_the_recap_exactly_as_the_command_prints_it(client, published):
    out = io.StringIO()
    call_command("recap", period=2026, format="json", stdout=out)
    response = client.get("/api/v1/periods/2026/recap")
    assert response.status_code == 200
    assert response.json() == json.loads(out.getvalue()) == published.publication.recap
    assert response.json()["participation_pct"] == 0.9  # a number, not a string
    assert response.json()["innovations"] == 26


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/periods/{year}/recap",
        "/api/v1/periods/{year}/rankings?cluster=kabupaten",
        "/api/v1/periods/{year}/regions/36.04",
        "/api/v1/periods/{year}/innovations",
    ],
)
@pytest.mark.parametrize("year", [2025, 1999])
def test_it_answers_404_for_unpublished_or_unknown_periods(client, url, year):
    create_period(2025)  # exists, never published
    response = client.get(url.format(year=year))
    assert response.status_code == 404
    assert response.json() == {"detail": f"Periode {year} tidak ada atau belum dipublikasikan."}


def test_it_ranks_a_cluster_best_first(client, published):
    response = client.get("/api/v1/periods/2026/rankings?cluster=kabupaten")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [(r["rank"], r["code"]) for r in body["items"]] == [
        (1, "36.04"),
        (2, "36.03"),
        (3, "93.01"),
    ]
    first = body["items"][0]
    stored = PublishedResult.objects.get(publication=published.publication, code="36.04")
    assert first == {
        "rank": 1,
        "code": "36.04",
        "name": "Kabupaten Serang",
        "tingkat": "kabupaten",
        "province_code": "36",
        "province_name": "Banten",
        "iid": float(stored.iid),
        "predicate": stored.predicate,
        "spd": float(stored.spd),
        "sid": float(stored.sid),
        "total": float(stored.total),
        "innovations_reported": 8,
    }
    assert isinstance(first["iid"], float)


def test_it_ranks_special_clusters(client, published):
    body = client.get("/api/v1/periods/2026/rankings?cluster=papua").json()
    assert [(r["rank"], r["code"]) for r in body["items"]] == [(1, "93.01")]


def test_it_filters_rankings_by_province_and_name(client, published):
    url = "/api/v1/periods/2026/rankings?cluster=kabupaten"
    assert [r["code"] for r in client.get(url + "&province=36").json()["items"]] == [
        "36.04",
        "36.03",
    ]
    assert [r["code"] for r in client.get(url + "&q=serang").json()["items"]] == ["36.04"]
    assert client.get(url + "&province=36&q=merauke").json() == {"items": [], "count": 0}


def test_it_paginates_rankings(client, published):
    body = client.get("/api/v1/periods/2026/rankings?cluster=kabupaten&limit=1&offset=1").json()
    assert body["count"] == 3
    assert [r["code"] for r in body["items"]] == ["36.03"]


@pytest.mark.parametrize(
    "query", ["", "?cluster=desa", "?cluster=kabupaten&limit=0", "?cluster=kota&offset=-1"]
)
def test_it_rejects_bad_ranking_parameters(client, published, query):
    response = client.get(f"/api/v1/periods/2026/rankings{query}")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][0] == "query"


def test_it_names_the_clusters_in_the_error(client, published):
    response = client.get("/api/v1/periods/2026/rankings?cluster=desa")
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "cluster"]
    assert "'kabupaten'" in error["msg"] and "'papua'" in error["msg"]


def test_it_shows_one_region_with_ranks_and_breakdown(client, published):
    response = client.get("/api/v1/periods/2026/regions/93.01")
    assert response.status_code == 200
    body = response.json()
    assert (body["name"], body["tingkat"]) == ("Kabupaten Merauke", "kabupaten")
    assert body["ranks"] == {"tingkat": 3, "tertinggal": None, "perbatasan": 1, "papua": 1}
    assert body["innovations_reported"] == 1
    breakdown = body["breakdown"]
    [innovation] = breakdown["innovations"]
    assert set(innovation) == {"id", "name", "eligible", "total", "levels"}
    assert innovation["name"] == "Inovasi 93.01 nomor 1"
    assert set(innovation["levels"]) == {"1"}
    assert isinstance(innovation["total"], float)
    assert set(breakdown["spd"].values()) == {1}
    assert breakdown["count"]["innovations"] == 1


def test_it_answers_404_for_a_region_outside_the_publication(client, published):
    response = client.get("/api/v1/periods/2026/regions/99.99")
    assert response.status_code == 404
    assert response.json() == {"detail": "Pemda 99.99 tidak ada dalam publikasi periode 2026."}
