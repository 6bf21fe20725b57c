"""The eligibility checklist: a pure function of the rulebook and the typed values, and its
htmx endpoint."""

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from inovda.innovations.eligibility import Item, check, normalise_name
from tests.innovations.workspace import (
    DESIGN,
    RULEBOOK,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    make_innovation,
    open_period,
    region_a,
)

FULL = {i.id: 2 for i in RULEBOOK.sid_indicators}
BASES = {"33": "a"}
MANDATORY = [i.id for i in RULEBOOK.sid_indicators if i.mandatory]


def checklist(**values):
    base = {
        "name": "Si Cantik",
        "tanggal_penerapan": date(2025, 2, 1),
        "rancang_bangun": DESIGN,
        "levels": FULL,
        "bases": BASES,
    }
    return check(RULEBOOK, **{**base, **values})


def missing(**values) -> list[str]:
    return [item.message for item in checklist(**values) if not item.ok]


def test_it_passes_a_complete_innovation():
    items = checklist()
    assert all(item.ok for item in items)
    assert [i.message for i in items] == [
        "Tanggal penerapan 2025-02-01 di dalam jendela 2024-01-01 s.d. 2025-12-31",
        "Rancang bangun 320 kata (minimal 300)",
        f"Indikator wajib terisi ({', '.join(MANDATORY)})",
        "Nama belum dipakai inovasi lain di pemda ini",
    ]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"tanggal_penerapan": date(2023, 5, 1)},
            ["Tanggal penerapan 2023-05-01 di luar jendela 2024-01-01 s.d. 2025-12-31"],
        ),
        (
            {"tanggal_penerapan": "2026-01-01"},
            ["Tanggal penerapan 2026-01-01 di luar jendela 2024-01-01 s.d. 2025-12-31"],
        ),
        (
            {"tanggal_penerapan": None},
            ["Tanggal penerapan belum diisi (jendela 2024-01-01 s.d. 2025-12-31)"],
        ),
        (
            {"tanggal_penerapan": "1/5/2025"},
            ["Tanggal penerapan '1/5/2025' bukan tanggal (format TTTT-BB-HH)"],
        ),
        ({"rancang_bangun": " ".join(["kata"] * 212)}, ["Rancang bangun 212 kata; minimal 300"]),
        ({"rancang_bangun": ""}, ["Rancang bangun 0 kata; minimal 300"]),
        ({"levels": {**FULL, "16": 0}}, ["Indikator wajib 16 belum diisi"]),
        (
            {"levels": {**FULL, "16": "", "35": None}},
            [
                "Indikator wajib 16 belum diisi",
                "Indikator wajib 35 belum diisi",
            ],
        ),
        ({"bases": {}}, ["Indikator 33: pilih basis pengukuran (a, b, c, d, e, f)"]),
        ({"other_names": ["si  CANTIK"]}, ["Nama sudah dipakai inovasi lain di pemda ini"]),
        ({"name": "  "}, ["Nama inovasi belum diisi"]),
    ],
)
def test_it_says_exactly_what_is_missing(values, expected):
    assert missing(**values) == expected


def test_it_checks_evidence_of_mandatory_indicators_when_known():
    with_all = set(MANDATORY)
    assert missing(with_evidence=with_all) == []
    assert missing(with_evidence=with_all - {"17"}) == ["Indikator wajib 17 belum ada data dukung"]


def test_it_accepts_the_window_edges():
    assert missing(tanggal_penerapan=date(2024, 1, 1)) == []
    assert missing(tanggal_penerapan="2025-12-31") == []


def test_it_skips_rules_the_rulebook_does_not_have():
    eligibility = replace(
        RULEBOOK.eligibility, window_start=None, window_end=None, min_design_words=None
    )
    rulebook = replace(RULEBOOK, eligibility=eligibility)
    items = check(rulebook, name="X", levels=FULL, bases=BASES)
    assert [i.ok for i in items] == [True, True]


def test_it_compares_names_without_case_and_spaces():
    assert normalise_name("  Si   Cantik ") == normalise_name("si cantik")


def test_it_updates_the_checklist_from_the_typed_values(personas):
    region = region_a(open_period())
    make_innovation(region, personas.admin_a, "Si Cantik")
    other = make_innovation(region, personas.admin_a, "Lain")
    client = client_for(personas.operator_a)

    response = client.post(
        reverse("pemda:eligibility", args=[other.pk]),
        innovation_post("si cantik", rancang_bangun="dua kata", level_16="0"),
        HTTP_HX_REQUEST="true",
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body  # the partial only
    assert "Rancang bangun 2 kata; minimal 300" in body
    assert "Indikator wajib 16 belum diisi" in body
    assert "Indikator wajib 17 belum ada data dukung" in body
    assert "Nama sudah dipakai inovasi lain di pemda ini" in body


def test_it_checks_a_new_innovation_before_it_is_saved(personas):
    region = region_a(open_period())
    client = client_for(personas.operator_a)

    response = client.post(
        reverse("pemda:new_eligibility", args=[2026, region.code]),
        innovation_post(tanggal_penerapan="2023-05-01"),
    )

    body = response.content.decode()
    assert "Tanggal penerapan 2023-05-01 di luar jendela 2024-01-01 s.d. 2025-12-31" in body
    assert "data dukung" not in body  # nothing uploaded yet: not checked


def test_it_shows_the_checklist_on_the_form_without_javascript(personas):
    region = region_a(open_period())
    innovation = make_innovation(region, personas.admin_a, rancang_bangun="pendek")

    page = client_for(personas.admin_a).get(reverse("pemda:innovation", args=[innovation.pk]))

    body = page.content.decode()
    assert "Rancang bangun 1 kata; minimal 300" in body
    assert f'hx-post="{reverse("pemda:eligibility", args=[innovation.pk])}"' in body


def test_item_is_a_plain_pair():
    assert Item(True, "x") == Item(ok=True, message="x")


# The 2026 "developed" path ---------------------------------------------------------------------


def test_an_innovation_implemented_before_the_window_counts_when_developed_inside_it():
    items = checklist(tanggal_penerapan=date(2021, 3, 1), developed_on=date(2024, 6, 1))
    assert items[0] == Item(
        True,
        "Tanggal penerapan 2021-03-01 sebelum jendela, tetapi dikembangkan 2024-06-01 "
        "(dalam 2024-01-01 s.d. 2025-12-31)",
    )
    assert all(item.ok for item in items)


@pytest.mark.parametrize(
    ("developed_on", "expected"),
    [
        (
            date(2023, 12, 31),
            "Tanggal penerapan 2021-03-01 sebelum jendela; tanggal pengembangan 2023-12-31 "
            "di luar 2024-01-01 s.d. 2025-12-31",
        ),
        ("31/12/2024", "Tanggal pengembangan '31/12/2024' bukan tanggal (format TTTT-BB-HH)"),
        (None, "Tanggal penerapan 2021-03-01 di luar jendela 2024-01-01 s.d. 2025-12-31"),
    ],
)
def test_the_developed_path_needs_a_development_date_inside_its_window(developed_on, expected):
    found = missing(tanggal_penerapan=date(2021, 3, 1), developed_on=developed_on)
    assert found == [expected]


def test_the_developed_path_does_not_rescue_a_date_after_the_window():
    found = missing(tanggal_penerapan=date(2026, 2, 1), developed_on=date(2025, 1, 1))
    assert found == ["Tanggal penerapan 2026-02-01 di luar jendela 2024-01-01 s.d. 2025-12-31"]


def test_years_without_the_developed_path_ignore_the_development_date():
    from inovda.rulebooks.loader import load_rulebook

    items = check(
        load_rulebook(2025),
        name="X",
        tanggal_penerapan=date(2021, 3, 1),
        developed_on=date(2024, 6, 1),
        rancang_bangun=DESIGN,
    )
    assert items[0] == Item(
        False, "Tanggal penerapan 2021-03-01 di luar jendela 2023-01-01 s.d. 2024-12-31"
    )


@pytest.mark.django_db
def test_the_innovation_keeps_its_development_date():
    from inovda.innovations.models import Innovation

    field = Innovation._meta.get_field("developed_on")
    assert field.verbose_name == "tanggal pengembangan" and field.null
