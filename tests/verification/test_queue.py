"""The verifier's queue: assigned regions only, oldest first, filters, constant queries."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from inovda.innovations.models import Status, Submission, Verification
from inovda.verification.models import Outcome
from inovda.verification.review import decide, finish
from tests.verification.helpers import make_innovation, submit_profile


def _sent(innovation, days_ago):
    Submission.objects.create(
        region=innovation.region,
        innovation=innovation,
        submitted_at=timezone.now() - timedelta(days=days_ago),
        content_hash="0" * 64,
    )


def _names(response):
    return [i.name for i in response.context["page"]]


def test_it_lists_waiting_items_of_assigned_regions_oldest_first(client, world):
    _sent(world.innovation, 1)
    older = make_innovation(world.region_a, name="Lama")
    _sent(older, 5)
    make_innovation(world.region_a, name="Draf", status=Status.DRAFT)
    make_innovation(world.region_a, name="Sendiri", created_by=world.personas.verifier)
    make_innovation(world.region_b, name="Pemda lain")
    client.force_login(world.personas.verifier)
    response = client.get("/verifikasi/")
    assert response.status_code == 200
    assert _names(response) == ["Lama", "Inovasi uji"]


def test_it_filters_by_region_indicator_and_status(client, world):
    other = make_innovation(world.region_a, name="Kedua")
    first_indicator = world.answers()[0].indicator_id
    decide(world.personas.verifier, world.answers()[0], Outcome.ACCEPT)
    client.force_login(world.personas.verifier)
    assert _names(client.get(f"/verifikasi/?indikator={first_indicator}")) == ["Kedua"]
    assert _names(client.get("/verifikasi/?status=in_review")) == ["Inovasi uji"]
    assert _names(client.get("/verifikasi/?pemda=36.73")) == []
    assert sorted(_names(client.get("/verifikasi/?pemda=36.04"))) == ["Inovasi uji", "Kedua"]
    other.answers.update(verification=Verification.ACCEPTED, verified_level=3)
    finish(world.personas.verifier, other)
    assert _names(client.get("/verifikasi/?status=verified")) == ["Kedua"]


def test_it_lists_sent_spd_profiles_with_pending_rows(client, world):
    submit_profile(world.region_a)
    client.force_login(world.personas.verifier)
    page = client.get("/verifikasi/").content.decode()
    assert "/verifikasi/spd/2026/36.04/" in page


def test_it_pages_the_queue(client, world):
    for n in range(30):
        make_innovation(world.region_a, name=f"Inovasi {n:02}", indicators=["9"])
    client.force_login(world.personas.verifier)
    first = client.get("/verifikasi/")
    assert len(first.context["page"].object_list) == 25
    assert first.context["page"].paginator.count == 31
    assert len(client.get("/verifikasi/?page=2").context["page"].object_list) == 6


def test_it_lists_the_queue_in_constant_queries(client, world, django_assert_num_queries):
    submit_profile(world.region_a)
    client.force_login(world.personas.verifier)
    client.get("/verifikasi/")  # warm the session and caches
    with CaptureQueriesContext(connection) as small:
        assert client.get("/verifikasi/").status_code == 200
    for n in range(20):
        make_innovation(world.region_a, name=f"Inovasi {n:02}", indicators=["9", "10"])
    with django_assert_num_queries(len(small)):
        response = client.get("/verifikasi/")
    assert len(response.context["page"].object_list) == 21
