import re

from django.urls import reverse

from inovda.api.api import api
from inovda.results.api import Cluster
from inovda.results.ranking import CLUSTERS

PATHS = {
    "/api/v1/periods",
    "/api/v1/periods/{year}/recap",
    "/api/v1/periods/{year}/rankings",
    "/api/v1/periods/{year}/regions/{code}",
    "/api/v1/periods/{year}/innovations",
    "/api/v1/innovations/{innovation_id}",
}


def test_it_publishes_the_openapi_schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"] == {
        "title": "Inovda open data",
        "version": "1",
        "description": schema["info"]["description"],
    }
    assert set(schema["paths"]) == PATHS
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())
    assert schema["components"]["schemas"]["RankingRow"]["properties"]["iid"]["type"] == "number"


def test_it_names_urls_in_its_own_namespace():
    assert reverse("api-v1:list_rankings", kwargs={"year": 2026}) == "/api/v1/periods/2026/rankings"
    assert api.urls_namespace == "api-v1"


def test_it_accepts_exactly_the_ranking_clusters():
    assert Cluster.__args__ == CLUSTERS


def test_it_serves_the_docs_page_with_local_assets_only(client):
    # Ninja's own page would load them from a CDN unless "ninja" were in INSTALLED_APPS.
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert '"url": "/api/v1/openapi.json"' in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) == 4
    assert all(url.startswith("/api/v1/docs/assets/") for url in assets)
    assert "http" not in html.lower().replace("<!doctype html>", "")
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200
        assert len(b"".join(asset.streaming_content)) > 1000


def test_it_serves_no_other_files_as_docs_assets(client):
    for name in ("redoc.standalone.js.map", "..%2F__init__.py", "swagger-ui.css.map"):
        assert client.get(f"/api/v1/docs/assets/{name}").status_code == 404
