"""The pemda workspace's access rules beyond the status matrix (tests/permissions): an
unassigned verifier, the redirect to one's own workspace, and refused writes changing nothing."""

from django.urls import reverse

from tests.innovations.workspace import (
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    ready_innovation,
    region_a,
)


def test_it_hides_region_a_from_a_verifier_not_assigned_to_it(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    client = client_for(personas.verifier)

    assert client.get(reverse("pemda:home", args=[2026, region.code])).status_code == 404
    assert client.get(reverse("pemda:innovation", args=[innovation.pk])).status_code == 404


def test_it_sends_a_pemda_account_to_its_own_workspace(personas):
    open_period()

    response = client_for(personas.admin_b).get(reverse("pemda:index"))

    assert response.url == reverse("pemda:home", args=[2026, "36.73"])


def test_it_does_not_write_anything_for_a_refused_persona(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    before = (innovation.version, innovation.tujuan)

    for persona in (personas.admin_b, personas.verifier, personas.national_admin):
        client_for(persona).post(
            reverse("pemda:innovation", args=[innovation.pk]),
            innovation_post(version=innovation.version, tujuan="Diubah orang lain"),
        )

    innovation.refresh_from_db()
    assert (innovation.version, innovation.tujuan) == before
