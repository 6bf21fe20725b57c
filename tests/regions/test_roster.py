import dataclasses

import pytest

from inovda.regions.roster import (
    count_by_tingkat,
    normalise_code,
    read_table,
    roster_for_year,
    tingkat_of,
)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("3604", "36.04"),
        ("36.04", "36.04"),
        (" 36.04 ", "36.04"),
        ("36", "36"),
        ("9671", "96.71"),
        ("\t11.01\n", "11.01"),
    ],
)
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


@pytest.mark.parametrize(
    "raw",
    [
        "",
        " ",
        "3",
        "360",
        "36.4",
        "36.004",
        "36-04",
        "36 04",
        "36.",
        "abc",
        "3604011001",
        "00",
        "36.00",
        "36.04.01",
    ],
)
def test_normalise_code_rejects(raw):
    with pytest.raises(ValueError, match=r"Kode wilayah tidak valid / invalid region code"):
        normalise_code(raw)


@pytest.mark.parametrize(
    ("code", "tingkat"),
    [
        ("36", "provinsi"),
        ("36.04", "kabupaten"),
        ("36.69", "kabupaten"),
        ("36.71", "kota"),
        ("3673", "kota"),
        ("96.71", "kota"),
    ],
)
def test_tingkat_from_code(code, tingkat):
    assert tingkat_of(code) == tingkat


@pytest.mark.parametrize("year", [2020, 2026])
def test_roster_is_sorted_unique_and_cached(year):
    roster = roster_for_year(year)
    codes = [e.code for e in roster]
    assert codes == sorted(codes) and len(set(codes)) == len(codes)
    assert len({e.current_code for e in roster}) == len(roster)
    assert roster_for_year(year) is roster
    with pytest.raises(dataclasses.FrozenInstanceError):
        roster[0].name = "x"  # type: ignore[misc]


@pytest.mark.parametrize("year", [2020, 2026])
def test_only_autonomous_pemda(year):
    codes = {e.code for e in roster_for_year(year)}
    assert "31" in codes
    assert not codes & {"31.01", "31.71", "31.72", "31.73", "31.74", "31.75"}


def test_counts():
    assert count_by_tingkat(roster_for_year(2020)) == {
        "provinsi": 34,
        "kabupaten": 415,
        "kota": 93,
        "total": 542,
    }
    assert count_by_tingkat(roster_for_year(2023)) == {
        "provinsi": 38,
        "kabupaten": 415,
        "kota": 93,
        "total": 546,
    }
    assert count_by_tingkat([]) == {"provinsi": 0, "kabupaten": 0, "kota": 0, "total": 0}


def test_era_boundary():
    assert not any(e.province_code in {"93", "94", "95", "96"} for e in roster_for_year(2022))
    assert {"93", "94", "95", "96"} <= {e.code for e in roster_for_year(2023)}


def test_current_code_links_a_region_across_periods():
    merauke_2020 = next(e for e in roster_for_year(2020) if e.code == "91.01")
    merauke_2026 = next(e for e in roster_for_year(2026) if e.code == merauke_2020.current_code)
    assert merauke_2026.code == "93.01"
    assert merauke_2020.name == merauke_2026.name == "Kabupaten Merauke"
    assert (merauke_2020.province_name, merauke_2026.province_name) == ("Papua", "Papua Selatan")
    assert merauke_2020.papua and merauke_2026.papua


def test_2020_names():
    toba_2020 = next(e for e in roster_for_year(2020) if e.code == "12.12")
    toba_2026 = next(e for e in roster_for_year(2026) if e.code == "12.12")
    assert (toba_2020.name, toba_2026.name) == ("Kabupaten Toba Samosir", "Kabupaten Toba")


def test_tertinggal_only_2020_to_2024_and_only_kabupaten():
    for year in (2018, 2019, 2025, 2026):
        assert not any(e.tertinggal for e in roster_for_year(year)), year
    for year in (2020, 2021, 2022, 2023, 2024):
        flagged = [e for e in roster_for_year(year) if e.tertinggal]
        assert len(flagged) == 62
        assert {e.tingkat for e in flagged} == {"kabupaten"}


def test_perbatasan_flags_follow_the_table():
    rows = read_table("perbatasan.csv").rows
    for year, column in ((2020, "code_2020"), (2026, "code")):
        assert {e.code for e in roster_for_year(year) if e.perbatasan} == {r[column] for r in rows}


def test_year_before_first_year_is_rejected():
    with pytest.raises(ValueError, match="2017"):
        roster_for_year(2017)
