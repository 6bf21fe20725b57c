"""The innovation page and the region workspace cost the same number of queries however many
innovations the pemda has (measured at two sizes), within a fixed budget: the gate is asked
once per page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.innovations.workspace import (
    add_mandatory_evidence,
    assign,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_innovation,
    open_period,
    region_a,
)

# Session and user, then the pages' own queries (a verifier adds its assignment check).
WORKSPACE = 7
INNOVATION = 10


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _grow(region, user, start: int, stop: int) -> None:
    for n in range(start, stop):
        innovation = make_innovation(region, user, f"Inovasi {n}")
        add_mandatory_evidence(innovation, user)


@pytest.mark.parametrize(("persona", "extra"), [("admin_a", 0), ("operator_a", 0), ("verifier", 1)])
def test_it_keeps_the_workspace_and_the_innovation_page_flat(personas, persona, extra):
    period = open_period()
    region = region_a(period)
    assign(period, personas.verifier)
    first = make_innovation(region, personas.operator_a, "Pertama")
    add_mandatory_evidence(first, personas.operator_a)
    _grow(region, personas.admin_a, 0, 1)
    client = client_for(getattr(personas, persona))
    home = reverse("pemda:home", args=[2026, region.code])
    page = reverse("pemda:innovation", args=[first.pk])
    client.get(home)  # warm the rulebook and template caches

    small = (_count(client, home), _count(client, page))
    _grow(region, personas.admin_a, 1, 8)
    large = (_count(client, home), _count(client, page))

    assert large == small
    assert small[0] <= WORKSPACE + extra
    assert small[1] <= INNOVATION + extra


def test_every_other_pemda_page_is_flat_too(personas):
    period = open_period()
    region = region_a(period)
    _grow(region, personas.admin_a, 0, 2)
    client = client_for(personas.admin_a)
    urls = [
        reverse(name, args=[2026, region.code])
        for name in ("pemda:profile", "pemda:new", "pemda:selfscore", "pemda:home")
    ]
    client.get(urls[0])
    small = [_count(client, url) for url in urls]
    _grow(region, personas.admin_a, 2, 60)  # past one page of the workspace list
    assert [_count(client, url) for url in urls] == small
    assert _count(client, urls[-1] + "?page=2") == small[-1]
