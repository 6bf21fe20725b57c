import copy
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from inovda.rulebooks.loader import (
    DATA_DIR,
    SCHEMA_PATH,
    RulebookError,
    available_years,
    load_rulebook,
    rulebook_to_dict,
)

SPD_IDS = [
    *("1", "2a", "2b", "3", "4", "5a", "5b", "6", "7", "8", "9"),
    *("10a", "10b", "11a", "11b", "12", "13a", "13b", "14", "15"),
]
SID_IDS = [str(i) for i in range(16, 36)]
MANDATORY_SPD = {"1", "3", "4", "5a", "5b", "6", "7", "8", "9", "10a", "10b", "11a", "11b"}
MANDATORY = MANDATORY_SPD | {"16", "17", "32", "33", "35"}

# year: (SPD count, SID count, SPD weight sum, SID weight sum, max SPD, max SID,
#        min divisor, divisor confidence, yandas required, bands SI / I / KI)
TABLE = {
    2020: (15, 20, 15, 50, 45, 150, None, None, None, ("1000.01", "500.01", "0.01")),
    2023: (20, 20, 21, 37, 63, 111, 10, "confirmed", 0, ("60.01", "35.00", "0.01")),
    2024: (20, 20, 21, 37, 63, 111, 10, "approximate", 0, ("60.01", "35.00", "0.01")),
    2025: (20, 20, 21, 37, 63, 111, 10, "approximate", 0, ("65.01", "40.01", "0.01")),
    2026: (20, 20, 21, 37, 63, 111, 12, "inferred", 5, ("65.01", "40.01", "0.01")),
}


def test_every_shipped_year_has_a_table_row():
    assert available_years() == sorted(TABLE)


@pytest.mark.parametrize("year", sorted(TABLE))
def test_shipped_rulebook(year):
    n_spd, n_sid, w_spd, w_sid, max_spd, max_sid, divisor, div_conf, yandas, bands = TABLE[year]
    rb = load_rulebook(year)
    assert rb.year == year
    assert (len(rb.spd_indicators), len(rb.sid_indicators)) == (n_spd, n_sid)
    assert sum(i.weight for i in rb.spd_indicators) == w_spd
    assert sum(i.weight for i in rb.sid_indicators) == w_sid
    assert (rb.max_spd, rb.max_sid_per_innovation) == (max_spd, max_sid)
    assert [b.predicate for b in rb.bands] == ["sangat_inovatif", "inovatif", "kurang_inovatif"]
    assert tuple(b.min for b in rb.bands) == tuple(Decimal(m) for m in bands)
    if divisor is None:
        assert not rb.normalised and rb.count_score is None
        assert rb.aggregation.min_divisor is None and rb.aggregation.max_total is None
    else:
        assert rb.normalised
        assert rb.aggregation.min_divisor.value == divisor
        assert rb.aggregation.min_divisor.source.confidence == div_conf
        assert rb.aggregation.max_total.value == 250
        cs = rb.count_score
        assert (cs.per_innovation.value, cs.cap.value) == (Decimal("0.38"), 200)
        assert cs.yandas_required.value == yandas
        assert cs.yandas == ("1.01", "1.02", "1.03", "1.04", "1.05", "1.06")
        assert max_spd + max_sid + cs.per_innovation.value * cs.cap.value == 250
    assert rb.eligibility.window_start.year == year - 2
    assert rb.eligibility.window_end.year == year - 1
    assert rb.eligibility.min_design_words == 300
    assert len(rb.content_hash) == 64
    assert rb.path == str(DATA_DIR / f"{year}.json")


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_2023_on_uses_the_published_rows_and_mandatory_flags(year):
    rb = load_rulebook(year)
    assert [i.id for i in rb.spd_indicators] == SPD_IDS
    assert [i.id for i in rb.sid_indicators] == SID_IDS
    assert {i.id for i in rb.indicators if i.mandatory} == MANDATORY
    bases = rb.indicator("33").bases
    assert [b.id for b in bases] == list("abcdef")
    assert bases[0].levels == ("1–200", "201–500", "≥ 501")
    assert all(not i.bases for i in rb.indicators if i.id != "33")


def test_2026_weights_and_window():
    rb = load_rulebook(2026)
    weights = {i.id: i.weight for i in rb.indicators}
    assert weights["5a"] == Decimal("0.75") and weights["8"] == Decimal("1.5")
    assert weights["35"] == 4 and weights["16"] == 3
    assert str(rb.eligibility.window_start) == "2024-01-01"
    assert str(rb.eligibility.window_end) == "2025-12-31"
    assert not rb.approximate


def test_2020_is_an_approximation_throughout():
    rb = load_rulebook(2020)
    assert [i.id for i in rb.spd_indicators] == [str(i) for i in range(1, 16)]
    assert [i.id for i in rb.sid_indicators] == SID_IDS
    assert all(i.weight == 1 for i in rb.spd_indicators)
    assert all(i.source.confidence == "approximate" for i in rb.indicators)
    confidence = {b.predicate: b.source.confidence for b in rb.bands}
    assert confidence == {
        "sangat_inovatif": "confirmed",
        "inovatif": "inferred",  # 500.01 is decided: the source says 501–1000
        "kurang_inovatif": "confirmed",
    }
    inovatif = rb.bands[1].source
    assert inovatif.tag == "I" and "501–1000" in inovatif.ref and "decided" in inovatif.ref
    assert any("500,01" in note and "501–1000" in note for note in rb.notes)
    assert rb.approximate
    assert any("tidak ditemukan" in note for note in rb.notes)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_years_before_2026_say_where_they_borrow_2026_rows(year):
    rb = load_rulebook(year)
    assert all("inferred from 2026" in i.source.ref for i in rb.indicators)
    assert rb.approximate  # SPD cut-offs (and for 2024/2025 the divisor) stand in for unknowns


def test_to_dict_is_json_ready_and_matches_the_file():
    rb = load_rulebook(2026)
    data = rulebook_to_dict(rb)
    assert json.loads(json.dumps(data)) == data
    assert data["content_hash"] == rb.content_hash
    assert (data["max_spd"], data["max_sid_per_innovation"]) == ("63", "111")
    assert data["approximate"] is False
    extra = {"content_hash", "max_spd", "max_sid_per_innovation", "approximate"}
    stripped = {k: v for k, v in data.items() if k not in extra}
    jsonschema.validate(stripped, json.loads(SCHEMA_PATH.read_text()))
    assert stripped == json.loads((DATA_DIR / "2026.json").read_text())


def test_loading_is_cached_per_path_and_accepts_year_strings_and_paths():
    assert load_rulebook(2026) is load_rulebook("2026")
    assert load_rulebook(DATA_DIR / "2026.json") is load_rulebook(2026)


def test_unknown_year():
    with pytest.raises(RulebookError, match="no rulebook for year 2019"):
        load_rulebook(2019)


# Malformed files -------------------------------------------------------------------------------


@pytest.fixture
def write(tmp_path):
    """Write a mutated copy of the 2026 rulebook as tmp_path/2026.json and return its path."""
    base = json.loads((DATA_DIR / "2026.json").read_text(encoding="utf-8"))

    def _write(mutate=None, text=None):
        data = copy.deepcopy(base)
        if mutate:
            mutate(data)
        path = tmp_path / "2026.json"
        path.write_text(text if text is not None else json.dumps(data, indent=2), encoding="utf-8")
        return path

    return _write


def problems(path: Path) -> list[str]:
    with pytest.raises(RulebookError) as err:
        load_rulebook(path)
    assert str(err.value) == "\n".join(err.value.problems)
    return err.value.problems


def test_a_copy_of_a_shipped_file_is_valid(write):
    assert load_rulebook(write()).year == 2026


def test_broken_json_gives_line_and_column(write):
    path = write(text='{\n  "format": "inovda-rulebook/1",\n  "year": 2026\n  "title": "x"\n}')
    assert problems(path) == [f"{path}: line 4, column 3: Expecting ',' delimiter"]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["indicators"][3].update(weight="-1"),
            "indicators[3].weight: '-1' is not a positive decimal",
        ),
        (
            lambda d: d["indicators"][3].update(weight=1),
            "indicators[3].weight: 1 is not of type 'string'",
        ),
        (
            lambda d: d["indicators"][4].update(id="1"),
            "indicators[4].id: duplicate id '1' (first at indicators[0])",
        ),
        (
            lambda d: d["indicators"][2]["levels"].pop(),
            "indicators[2].levels: expected exactly 3 level texts, got 2",
        ),
        (
            lambda d: d["indicators"][2]["levels"].append("x"),
            "indicators[2].levels: expected exactly 3 level texts, got 4",
        ),
        (lambda d: d["indicators"][2].pop("name"), "indicators[2].name: missing key"),
        (lambda d: d.pop("year"), "year: missing key"),
        (lambda d: d["indicators"][2].update(colour="red"), "indicators[2].colour: unknown key"),
        (
            lambda d: d["bands"][1].update(min="70.00"),
            "bands[1].min: '70.00' is not below the previous band's min '65.01'",
        ),
        (
            lambda d: d["bands"][1]["source"].update(confidence="confirmed"),
            "bands[1].source.tag: 'S' does not fit its confidence",
        ),
        (
            lambda d: d["eligibility"].update(window_start="2026-01-01"),
            "eligibility.window_end: is before window_start",
        ),
        (
            lambda d: d["count_score"]["yandas_required"].update(value=7),
            "count_score.yandas_required.value: 7 is more than the 6 yandas listed",
        ),
        (
            lambda d: d["aggregation"].update(min_divisor=None),
            "aggregation.min_divisor: is required when method is 'normalised'",
        ),
        (
            lambda d: d["aggregation"]["max_total"].update(value="200"),
            "aggregation.max_total.value: '200' is below the attainable maximum 250",
        ),
        (
            lambda d: d["aggregation"]["max_total"].update(value="260"),
            "aggregation.max_total.value: '260' is above the attainable maximum 250 "
            "(SPD 63 + SID 111 + jumlah inovasi 76); it should be 250",
        ),
        (
            lambda d: d["maxima"].update(spd="60"),
            "maxima.spd: '60' but 3 × the SPD weights (Σ 21) give 63; it should be 63",
        ),
        (
            lambda d: d["maxima"].update(count=None),
            "maxima.count: None but per_innovation × cap (0.38 × 200) give 76; it should be 76",
        ),
        (
            lambda d: d["eligibility"]["developed_window"].update(start="2026-01-01"),
            "eligibility.developed_window.end: is before start",
        ),
        (
            lambda d: d["count_score"]["gate_reading"].update(value="related"),
            "count_score.gate_reading.value: 'related' is not one of",
        ),
        (
            lambda d: d.update(year=2027),
            "year: 2027 does not match the file name 2026.json",
        ),
        (
            lambda d: d.update(indicators=[i for i in d["indicators"] if i["aspect"] == "sid"]),
            "indicators: no SPD indicator",
        ),
    ],
)
def test_malformed_files_name_the_file_and_key(write, mutate, expected):
    path = write(mutate)
    found = problems(path)
    assert any(p.startswith(f"{path}: {expected}") for p in found), found
    assert all(p.startswith(f"{path}: ") for p in found)


def test_raw_sum_rejects_divisor_and_count_score(write):
    found = problems(write(lambda d: d["aggregation"].update(method="raw_sum")))
    assert [p.split(": ")[1] for p in found] == [
        "aggregation.min_divisor",
        "aggregation.max_total",
        "count_score",
    ]


def test_every_problem_is_reported_with_its_line(write):
    def break_three_things(d):
        d.pop("title")
        d["indicators"][0]["weight"] = "0"
        d["indicators"][5]["mandatory"] = "yes"

    path = write(break_three_things)
    text = path.read_text()
    found = problems(path)
    assert len(found) == 3
    weight_line = text.splitlines().index('      "weight": "0",') + 1
    assert found[1].endswith(f"(line {weight_line})")
    assert "indicators[5].mandatory: 'yes' is not of type 'boolean'" in found[2]


def test_bands_must_be_listed_highest_first(write):
    found = problems(write(lambda d: d["bands"].reverse()))
    assert "bands: predicates must be distinct and listed highest first" in found[0]


def test_weights_that_do_not_make_the_declared_maxima_are_refused_one_by_one(write):
    """Weights summing to 36 instead of 37: both the SID maximum and the total are named."""

    def lighter(d):
        sid = next(i for i in d["indicators"] if i["id"] == "35")
        sid["weight"] = "3"

    found = [p.split(": ", 1)[1] for p in problems(write(lighter))]
    assert found[0].startswith(
        "maxima.sid_per_innovation: '111' but 3 × the SID weights (Σ 36) give 108; it should be 108"
    )
    assert found[1].startswith(
        "aggregation.max_total.value: '250' is above the attainable maximum 247 "
        "(SPD 63 + SID 108 + jumlah inovasi 76); it should be 247"
    )
    assert len(found) == 2


def test_2020_declares_no_count_maximum(tmp_path):
    data = json.loads((DATA_DIR / "2020.json").read_text(encoding="utf-8"))
    data["maxima"]["count"] = "76"
    path = tmp_path / "2020.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert problems(path) == [
        f"{path}: maxima.count: must be null when count_score is null (line 1)"
    ]


def test_every_year_sources_its_method_yandas_and_gate_reading():
    for year in available_years():
        rb = load_rulebook(year)
        assert rb.aggregation.method_source.ref
        assert rb.maxima is not None and rb.maxima.spd == rb.max_spd
        if rb.count_score is not None:
            cs = rb.count_score
            assert "Permendagri 90/2019" in cs.yandas_source.ref
            assert cs.gate_reading.value == "primary"
            assert cs.gate_reading.source.confidence == "inferred"
    assert load_rulebook(2023).aggregation.method_source.confidence == "confirmed"
    assert load_rulebook(2020).aggregation.method_source.tag == "I"


def test_2026_has_the_developed_path_and_earlier_years_do_not():
    dev = load_rulebook(2026).eligibility.developed_window
    assert (str(dev.start), str(dev.end)) == ("2024-01-01", "2025-12-31")
    assert "§9.2" in dev.source.ref
    assert all(load_rulebook(y).eligibility.developed_window is None for y in (2020, 2025))


def test_2025_indicator_rows_are_approximate():
    rb = load_rulebook(2025)
    assert all(i.source.confidence == "approximate" for i in rb.indicators)
    assert all("2025 changed its indicators" in i.source.ref for i in rb.indicators)
