"""After the close of the window (or before it opens) nothing can be changed: forms and
POSTs answer a friendly 403 page in Bahasa Indonesia; reading still works."""

import pytest
from django.urls import reverse

from inovda.innovations.models import Answer, Innovation, Submission
from tests.innovations.workspace import (
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    profile_post,
    ready_innovation,
    region_a,
    set_window,
)


@pytest.fixture
def closed(personas):
    period = open_period()
    region = region_a(period)
    innovation = ready_innovation(region, personas.admin_a)
    set_window(period, is_open=False)
    return region, innovation


def assert_closed_page(response):
    assert response.status_code == 403
    body = response.content.decode()
    assert "Masa pelaporan sudah ditutup" in body
    assert "Periode 2026" in body


def test_it_refuses_the_new_innovation_form(personas, closed):
    region, _ = closed
    client = client_for(personas.operator_a)
    url = reverse("pemda:new", args=[2026, region.code])

    assert_closed_page(client.get(url))
    assert_closed_page(client.post(url, innovation_post("Terlambat")))
    assert not Innovation.objects.filter(name="Terlambat").exists()


def test_it_refuses_edits_and_submits_but_shows_the_innovation(personas, closed):
    _, innovation = closed
    client = client_for(personas.admin_a)
    url = reverse("pemda:innovation", args=[innovation.pk])

    page = client.get(url)
    assert page.status_code == 200
    assert "Hanya baca" in page.content.decode()
    assert "sudah ditutup" in page.content.decode()
    assert "Kirim ke verifikator" not in page.content.decode()

    assert_closed_page(client.post(url, innovation_post(version=1, tujuan="Terlambat")))
    assert_closed_page(client.post(reverse("pemda:submit", args=[innovation.pk])))
    innovation.refresh_from_db()
    assert innovation.tujuan != "Terlambat"
    assert innovation.version == 1
    assert Submission.objects.count() == 0


def test_it_refuses_profile_writes(personas, closed):
    region, _ = closed
    client = client_for(personas.admin_a)

    page = client.get(reverse("pemda:profile", args=[2026, region.code]))
    assert page.status_code == 200
    assert "Hanya baca" in page.content.decode()
    assert "Simpan profil" not in page.content.decode()
    assert_closed_page(
        client.post(reverse("pemda:profile", args=[2026, region.code]), profile_post(region))
    )
    assert_closed_page(client.post(reverse("pemda:profile_submit", args=[2026, region.code])))
    assert not Answer.objects.filter(region=region, innovation=None).exists()


def test_it_refuses_writes_before_the_window_opens(personas):
    period = open_period()
    period.opens_at = None
    period.save()
    region = region_a(period)

    response = client_for(personas.admin_a).get(reverse("pemda:new", args=[2026, region.code]))

    assert_closed_page(response)
