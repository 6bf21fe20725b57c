import pytest

from inovda.innovations.models import Innovation
from inovda.regions.services import create_period
from inovda.results.services import publish_period, recompute_period
from tests.fixtures import add_innovations, republish

pytestmark = pytest.mark.django_db

URL = "/api/v1/periods/2026/innovations"


def names(client, query=""):
    body = client.get(URL + query).json()
    assert body["count"] == len(body["items"])
    return [item["name"] for item in body["items"]]


def test_it_lists_the_catalogue_by_region_then_name(client, published):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 26
    assert body["items"][0]["name"] == "Inovasi 36 nomor 1"
    assert body["items"][0]["region"] == {
        "code": "36",
        "name": "Banten",
        "tingkat": "provinsi",
        "province_code": "36",
        "province_name": "Banten",
    }


def test_it_filters_the_catalogue(client, published):
    serang = published.region("36.04").innovations.order_by("name")
    first, second = serang[0], serang[1]
    first.tahapan, first.jenis, first.bentuk = "uji_coba", "non_digital", "tata_kelola"
    first.save()
    second.urusan_terkait = ["1.01", "2.16"]
    second.save()
    republish(published)

    assert names(client, "?q=93.01") == ["Inovasi 93.01 nomor 1"]
    assert names(client, "?tahapan=uji_coba") == [first.name]
    assert names(client, "?jenis=non_digital&bentuk=tata_kelola") == [first.name]
    assert len(names(client, "?tingkat=kota")) == 3
    assert names(client, "?province=93") == ["Inovasi 93.01 nomor 1"]
    # Primary urusan 1.01 in every region (twice in the province), plus one related.
    assert len(names(client, "?urusan=1.01")) == 7
    assert second.name in names(client, "?urusan=1.01&province=36&tingkat=kabupaten")
    assert names(client, "?urusan=1.0") == []
    assert names(client, "?tingkat=kota&q=nomor 2") == ["Inovasi 36.73 nomor 2"]


@pytest.mark.parametrize("query", ["?tahapan=selesai", "?tingkat=desa", "?jenis=x", "?limit=0"])
def test_it_rejects_bad_catalogue_parameters(client, published, query):
    assert client.get(URL + query).status_code == 422


def test_it_paginates_the_catalogue(client, published):
    body = client.get(URL + "?limit=5&offset=24").json()
    assert body["count"] == 26
    assert len(body["items"]) == 2


def test_it_shows_one_innovation_profile_without_private_fields(client, published):
    innovation = published.region("36.73").innovations.first()
    innovation.nama_inisiator = "Budi Santoso"
    innovation.anggaran = "1500000.50"
    innovation.save()
    republish(published)
    response = client.get(f"/api/v1/innovations/{innovation.pk}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "id", "name", "region", "period", "tahapan", "inisiator", "jenis", "bentuk",
        "urusan_utama", "urusan_terkait", "opd", "tanggal_uji_coba", "tanggal_penerapan",
        "rancang_bangun", "tujuan", "manfaat", "hasil", "anggaran", "video_url",
    }  # fmt: skip
    assert (body["name"], body["period"], body["region"]["code"]) == (
        innovation.name,
        2026,
        "36.73",
    )
    assert body["tujuan"] == "Mempercepat layanan publik"
    assert body["anggaran"] == 1500000.5
    assert "Budi Santoso" not in response.content.decode()


def test_it_hides_innovations_of_unpublished_periods(client, published):
    period = create_period(2025)
    [hidden] = add_innovations(period.regions.get(code="36.04"), 1, 1, 1)
    response = client.get(f"/api/v1/innovations/{hidden.pk}")
    assert response.status_code == 404
    assert response.json()["detail"].startswith(f"Inovasi {hidden.pk} tidak ada")
    assert client.get("/api/v1/innovations/999999").status_code == 404
    assert client.get("/api/v1/periods/2025/innovations").status_code == 404


def test_it_hides_innovations_added_after_the_publication(client, published):
    late = Innovation.objects.create(
        region=published.region("36.73"), name="Inovasi baru", urusan_utama="1.01"
    )
    assert client.get(f"/api/v1/innovations/{late.pk}").status_code == 404
    assert client.get(URL).json()["count"] == 26


def test_it_never_shows_a_draft_of_a_published_period(client):
    # The draft exists before publishing: the publication does not count it, so it stays hidden.
    period = create_period(2026)
    add_innovations(period.regions.get(code="36.73"), 2, 2, 2)
    draft = Innovation.objects.create(
        region=period.regions.get(code="36.73"),
        name="Draf belum dikirim",
        urusan_utama="1.01",
        rancang_bangun="Rancangan rahasia",
        anggaran="250000000",
    )
    recompute_period(period)
    publish_period(period)
    response = client.get(f"/api/v1/innovations/{draft.pk}")
    assert response.status_code == 404
    assert "Rancangan rahasia" not in response.content.decode()
    assert client.get(f"/inovasi/{draft.pk}/").status_code == 404
    assert "Draf belum dikirim" not in client.get(URL + "?limit=1000").content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "?offset=9223372036854775808",
        "?offset=1000001",
        "?offset=-1",
        "?offset=x",
        "?limit=9223372036854775808&offset=9223372036854775807",
        "?limit=-5",
    ],
)
def test_it_refuses_out_of_range_pagination_with_422(client, published, query):
    for url in (URL, "/api/v1/periods/2026/rankings?cluster=kota&"):
        response = client.get(url + query.replace("?", "", url.endswith("&")))
        assert response.status_code == 422, (url, query)
        assert isinstance(response.json()["detail"], list)


def test_it_accepts_the_largest_offset_and_clamps_the_limit(client, published):
    body = client.get(URL + "?offset=1000000&limit=9223372036854775808").json()
    assert (body["count"], body["items"]) == (26, [])
    assert len(client.get(URL + "?limit=5000").json()["items"]) == 26


@pytest.mark.parametrize("pk", ["9223372036854775808", "0", "-1", "2147483648"])
def test_it_answers_404_or_422_for_impossible_ids(client, published, pk):
    assert client.get(f"/api/v1/innovations/{pk}").status_code in (404, 422)


def test_it_searches_as_the_portal_does(client, published):
    Innovation.objects.filter(name="Inovasi 36.04 nomor 2").update(tujuan="Antrean puskesmas")
    republish(published)
    assert names(client, "?q=puskesmas") == ["Inovasi 36.04 nomor 2"]
    assert "1 inovasi" in client.get("/katalog/", {"q": "puskesmas"}).content.decode()
    assert len(names(client, "?q=36.73 nomor")) == 3
