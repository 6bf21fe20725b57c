import pytest

from inovda.innovations.models import Innovation, Status
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from tests.fixtures import add_innovations, republish

pytestmark = pytest.mark.django_db


def serang_innovation():
    return Innovation.objects.get(region__period__year=2026, name="Inovasi 36.04 nomor 1")


def test_it_shows_the_profile_and_region(client, published):
    innovation = serang_innovation()
    innovation.opd = "Dinas Kesehatan"
    innovation.rancang_bangun = "Rancangan layanan antre daring"
    innovation.save()
    republish(published)
    response = client.get(f"/inovasi/{innovation.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Inovasi 36.04 nomor 1 — Kabupaten Serang" in html
    assert 'href="/periode/2026/pemda/36.04/"' in html
    assert "Rancangan layanan antre daring" in html
    assert "Dinas Kesehatan" in html  # replikasi contact
    assert "1.01 Pendidikan" in html


def test_it_shows_the_verified_level_of_every_sid_indicator(client, published):
    html = client.get(f"/inovasi/{serang_innovation().pk}/").content.decode()
    rulebook = load_rulebook(2026)
    for indicator in rulebook.sid_indicators:
        assert indicator.name in html
    assert html.count('class="level l3">3</span>') == len(rulebook.sid_indicators)


def test_it_keeps_the_initiators_personal_name_private(client, published):
    innovation = serang_innovation()
    innovation.nama_inisiator = "Budi Santoso"
    innovation.save()
    republish(published)
    assert "Budi Santoso" not in client.get(f"/inovasi/{innovation.pk}/").content.decode()


def test_it_answers_404_for_an_unknown_innovation(client, published):
    assert client.get("/inovasi/999999/").status_code == 404


def test_it_answers_404_for_an_innovation_of_an_unpublished_period(client, published):
    period = create_period(2025)
    [innovation] = add_innovations(period.regions.get(code="36.04"), 1, 2, 2)
    assert client.get(f"/inovasi/{innovation.pk}/").status_code == 404


def test_it_answers_404_for_a_draft(client, published):
    innovation = serang_innovation()
    Innovation.objects.filter(pk=innovation.pk).update(status=Status.DRAFT)
    republish(published)
    assert client.get(f"/inovasi/{innovation.pk}/").status_code == 404


def test_it_reads_three_queries(client, published, django_assert_num_queries):
    pk = serang_innovation().pk
    # publications, innovation with its region, the region's published result
    with django_assert_num_queries(3):
        assert client.get(f"/inovasi/{pk}/").status_code == 200
