"""The region workspace home: the self-score panel, links, innovations with their status."""

from django.urls import reverse

from inovda.innovations.services import submit_innovation
from tests.innovations.workspace import (
    assign,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_innovation,
    open_period,
    ready_innovation,
    region_a,
)


def test_it_lists_the_innovations_with_their_status_and_receipts(personas):
    region = region_a(open_period())
    make_innovation(region, personas.operator_a, "Draf operator")
    sent = ready_innovation(region, personas.admin_a, "Sudah dikirim")
    receipt = submit_innovation(personas.admin_a, sent).submission

    page = client_for(personas.admin_a).get(reverse("pemda:home", args=[2026, region.code]))

    body = page.content.decode()
    assert page.status_code == 200
    assert "Draf operator" in body and "Sudah dikirim" in body
    assert 'data-status="draft">Draf<' in body
    assert 'data-status="submitted">Dikirim<' in body
    assert reverse("pemda:receipt", args=[receipt.pk]) in body
    assert reverse("pemda:profile", args=[2026, region.code]) in body
    assert reverse("pemda:new", args=[2026, region.code]) in body
    assert 'id="skor-mandiri"' in body


def test_it_offers_no_new_innovation_to_a_reader(personas):
    period = open_period()
    region = region_a(period)
    assign(period, personas.verifier)

    page = client_for(personas.verifier).get(reverse("pemda:home", args=[2026, region.code]))

    assert reverse("pemda:new", args=[2026, region.code]) not in page.content.decode()
    assert "hanya dapat melihat" in page.content.decode()


def test_it_lists_the_region_in_few_queries(personas, django_assert_max_num_queries):
    region = region_a(open_period())
    for n in range(6):
        make_innovation(region, personas.admin_a, f"Inovasi {n}")
    client = client_for(personas.admin_a)
    url = reverse("pemda:home", args=[2026, region.code])

    with django_assert_max_num_queries(14):
        client.get(url)


def test_it_shows_the_innovations_history_with_labels_not_codes(personas):
    innovation = make_innovation(region_a(open_period()), personas.admin_a)
    page = client_for(personas.admin_a).get(reverse("pemda:innovation", args=[innovation.pk]))
    assert page.status_code == 200
    history = page.text.split("<h2>Riwayat</h2>")[1]
    assert '<span title="innovation.created">Inovasi dibuat</span>' in history
    assert "<code>innovation.created</code>" not in history
