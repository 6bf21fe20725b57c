"""The project's region data checked against the team's reference CSVs (shared/data/wilayah)."""

import pytest

from inovda.regions.roster import read_table, roster_for_year

COUNTS_2020 = {"provinsi": 34, "kabupaten": 415, "kota": 93, "total": 542}
COUNTS_NOW = {"provinsi": 38, "kabupaten": 415, "kota": 93, "total": 546}
# The 15 border provinces of the Renduk 2020-2024, by 2020 code.
BORDER_PROVINCES_2020 = {
    "11",
    "12",
    "14",
    "21",
    "53",
    "61",
    "64",
    "65",
    "71",
    "72",
    "75",
    "81",
    "82",
    "91",
    "92",
}


@pytest.mark.parametrize("year", [2018, 2020, 2022])
def test_2020_era_roster_matches_reference(year, pemda):
    expected = {r["kode_2020"]: r for r in pemda if r["kode_2020"] and r["otonom"] == "1"}
    roster = {e.code: e for e in roster_for_year(year)}
    assert roster.keys() == expected.keys()
    for code, entry in roster.items():
        ref = expected[code]
        assert (entry.tingkat, entry.province_code, entry.current_code) == (
            ref["tingkat"],
            ref["kode_provinsi_2020"],
            ref["kode"],
        ), code


@pytest.mark.parametrize("year", [2023, 2024, 2026])
def test_current_roster_matches_reference(year, pemda):
    expected = {r["kode"]: r for r in pemda if r["otonom"] == "1"}
    roster = {e.code: e for e in roster_for_year(year)}
    assert roster.keys() == expected.keys()
    for code, entry in roster.items():
        ref = expected[code]
        assert (entry.name, entry.tingkat, entry.province_code, entry.current_code) == (
            ref["nama"],
            ref["tingkat"],
            ref["kode_provinsi"],
            code,
        ), code


def test_reference_counts_agree_with_ours(pemda):
    def count(rows, tingkat_key="tingkat"):
        out = {t: sum(r[tingkat_key] == t for r in rows) for t in ("provinsi", "kabupaten", "kota")}
        return {**out, "total": len(rows)}

    assert count([r for r in pemda if r["kode_2020"] and r["otonom"] == "1"]) == COUNTS_2020
    assert count([r for r in pemda if r["otonom"] == "1"]) == COUNTS_NOW


def test_non_autonomous_units_match(pemda):
    ours = {r["code"] for r in read_table("non_autonomous.csv").rows}
    assert ours == {r["kode"] for r in pemda if r["otonom"] == "0"}


def test_new_provinces_match(pemda):
    ours = {r["code"] for r in read_table("provinces_2022.csv").rows}
    assert ours == {r["kode"] for r in pemda if r["tingkat"] == "provinsi" and not r["kode_2020"]}


def test_renumbered_regions_match(pemda):
    ours = {
        r["code"]: (r["code_2020"], r["province_code_2020"], r["name_2020"])
        for r in read_table("codes_2020.csv").rows
    }
    expected = {r["kode"]: r for r in pemda if r["kode_2020"] and r["kode"] != r["kode_2020"]}
    assert ours.keys() == expected.keys()
    assert len(ours) == 26
    for code, (code_2020, province_2020, name_2020) in ours.items():
        ref = expected[code]
        assert (code_2020, province_2020) == (ref["kode_2020"], ref["kode_provinsi_2020"])
        assert code_2020[:2] == province_2020
        assert name_2020.upper().replace("KABUPATEN ", "KAB. ") == ref["nama_2020"]


def test_renamed_regions_kept_their_code(pemda):
    by_code = {r["kode"]: r for r in pemda}
    rows = read_table("names_2020.csv").rows
    assert len(rows) == 8
    for row in rows:
        assert by_code[row["code"]]["kode_2020"] == row["code"]


@pytest.mark.parametrize("year", [2020, 2026])
def test_kabupaten_serang(year):
    serang = next(e for e in roster_for_year(year) if e.code == "36.04")
    assert (serang.name, serang.tingkat, serang.province_code, serang.province_name) == (
        "Kabupaten Serang",
        "kabupaten",
        "36",
        "Banten",
    )
    assert serang.current_code == "36.04"


def test_tertinggal_matches_reference(tertinggal_ref):
    rows = read_table("tertinggal_2020_2024.csv").rows
    assert {(r["code"], r["code_2020"]) for r in rows} == {
        (r["kode"], r["kode_2020"]) for r in tertinggal_ref
    }
    for year, field in ((2020, "kode_2020"), (2024, "kode")):
        flagged = {e.code for e in roster_for_year(year) if e.tertinggal}
        assert flagged == {r[field] for r in tertinggal_ref}


def test_perbatasan_codes_exist_and_are_kab_kota(pemda):
    by_code = {r["kode"]: r for r in pemda if r["otonom"] == "1"}
    table = read_table("perbatasan.csv")
    assert table.meta["status"] == "approximate"
    assert "Perpres 118/2022" in table.meta["rule"] and "lampiran" in table.meta["note"]
    for row in table.rows:
        ref = by_code[row["code"]]
        assert ref["tingkat"] in ("kabupaten", "kota"), row
        assert (ref["kode_2020"], ref["nama"]) == (row["code_2020"], row["name"]), row
        assert row["basis"] in ("land", "islands", "sea"), row
    assert {by_code[r["code"]]["kode_provinsi_2020"] for r in table.rows} == BORDER_PROVINCES_2020
    assert 45 <= len(table.rows) <= 54


def test_papua_cluster_counts(pemda):
    papua_2020 = [r for r in pemda if r["kode_provinsi_2020"] in ("91", "92")]
    papua_now = [r for r in pemda if r["kode_provinsi"] in ("91", "92", "93", "94", "95", "96")]
    assert len(papua_2020) == 2 + 42
    assert len(papua_now) == 6 + 42
    assert {e.code for e in roster_for_year(2020) if e.papua} == {
        r["kode_2020"] for r in papua_2020
    }
    assert {e.code for e in roster_for_year(2026) if e.papua} == {r["kode"] for r in papua_now}
