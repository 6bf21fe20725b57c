import re

from django.urls import reverse

from inovda.api.api import api
from inovda.regions.clusters import Cluster, ClusterCode

PATHS = {
    "/api/v1/periods",
    "/api/v1/periods/{year}/recap",
    "/api/v1/periods/{year}/rankings",
    "/api/v1/periods/{year}/regions/{code}",
    "/api/v1/periods/{year}/innovations",
    "/api/v1/innovations/{innovation_id}",
    "/api/v1/periods/{year}/awards",
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
    assert ClusterCode.__args__ == tuple(Cluster.values)


def test_it_serves_the_docs_page_with_local_assets_only(client):
    # "ninja" is an installed app, so its Swagger UI assets come from our static files.
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets
    assert all(url.startswith("/static/ninja/") for url in assets), assets
    assert "cdn" not in html.lower()
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url


def test_it_documents_every_status_the_api_answers(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    statuses = {path: set(ops["get"]["responses"]) for path, ops in paths.items()}
    assert statuses.pop("/api/v1/periods") == {"200", "400", "429"}
    assert all(found == {"200", "400", "404", "422", "429"} for found in statuses.values()), (
        statuses
    )
    recap = paths["/api/v1/periods/{year}/recap"]["get"]["responses"]
    assert recap["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Message"
    }


def test_it_documents_the_pagination_bounds(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    operation = paths["/api/v1/periods/{year}/rankings"]["get"]
    parameters = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert parameters["offset"]["minimum"] == 0
    assert parameters["offset"]["maximum"] == 1_000_000
    assert parameters["limit"]["minimum"] == 1


def test_it_answers_the_documented_statuses(client, published):
    assert client.get("/api/v1/periods/1999/recap").status_code == 404
    assert client.get("/api/v1/periods/2026/rankings?cluster=desa").status_code == 422
    assert client.get("/api/v1/periods/tahun/recap").status_code == 422
    assert client.get("/api/v1/periods/2026/rankings?cluster=kota&q=%00").status_code == 400
