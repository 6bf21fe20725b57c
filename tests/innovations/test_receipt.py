"""The receipt is an official document: formal number, human labels, Indonesian formats,
indicator names, the full hash, and a print stylesheet for one A4 page."""

from django.urls import reverse

from inovda.innovations.models import Submission
from inovda.innovations.services import submit_innovation, submit_profile
from tests.innovations.workspace import (
    RULEBOOK,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    open_period,
    ready_innovation,
    region_a,
)


def test_it_numbers_and_words_the_receipt_for_people(personas):
    region = region_a(open_period())
    first = ready_innovation(region, personas.admin_a, "Pertama", anggaran=150000000)
    second = ready_innovation(region, personas.admin_a, "Kedua", inisiator="dprd")
    submit_innovation(personas.admin_a, first)
    submit_innovation(personas.admin_a, second)
    submission = Submission.objects.get(innovation=second)

    page = client_for(personas.admin_a).get(reverse("pemda:receipt", args=[submission.pk]))

    text = page.text
    assert page.status_code == 200
    assert "2026-36.04-0002" in text
    assert "Anggota DPRD" in text and ">dprd<" not in text
    assert "Inovasi pelayanan publik" in text
    assert "1.02 " in text  # the urusan with its name
    assert "1 Juni 2024" in text and "2024-06-01" not in text
    first_indicator = RULEBOOK.sid_indicators[0]
    assert f"{first_indicator.id}. {first_indicator.name}" in text
    assert submission.content_hash in text
    assert "inovda/receipt.css" in text and "data-print" in text
    first_page = client_for(personas.admin_a).get(
        reverse("pemda:receipt", args=[Submission.objects.get(innovation=first).pk])
    )
    assert "Rp 150.000.000,00" in first_page.text
    assert "150000000.00" not in first_page.text
    assert "2026-36.04-0001" in first_page.text


def test_it_names_the_spd_indicators_on_a_profile_receipt(personas):
    from inovda.innovations.services import save_profile

    region = region_a(open_period())
    save_profile(
        personas.admin_a,
        region,
        {
            i.id: {"level": 2, "value": "", "note": "", "version": None}
            for i in RULEBOOK.spd_indicators
        },
    )
    receipt = submit_profile(personas.admin_a, region)
    page = client_for(personas.admin_a).get(reverse("pemda:receipt", args=[receipt.submission.pk]))
    indicator = RULEBOOK.spd_indicators[0]
    assert f"{indicator.id}. {indicator.name}" in page.text
