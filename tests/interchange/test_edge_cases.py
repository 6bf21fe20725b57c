"""`inovda score` at the edges: bad bytes, regions that did not report, repeated names, float
levels, unknown urusan, a period scored with another year's rules, and the what-if output."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from inovda.interchange import format as interchange
from inovda.rulebooks.loader import load_rulebook

from .test_score_command import example, score


def refused(doc, tmp_path, rulebook="2026"):
    with pytest.raises(CommandError) as err:
        score(doc, rulebook, tmp_path=tmp_path)
    assert err.value.returncode == 2
    return str(err.value).splitlines()


def test_a_non_utf8_file_exits_2_naming_the_file(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(example(40, 8, 80)).replace("Inovasi", "Inovási").encode("latin-1"))
    with pytest.raises(CommandError) as err:
        call_command("score", str(path), "--rulebook=2026", stdout=io.StringIO())
    assert err.value.returncode == 2
    assert str(err.value).startswith(f"{path}: bukan teks UTF-8 (byte ")


def test_non_utf8_standard_input_exits_2_naming_stdin(monkeypatch):
    raw = json.dumps(example(40, 8, 80)).replace("Inovasi", "Inovási").encode("latin-1")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    out = io.StringIO()
    with pytest.raises(CommandError) as err:
        call_command("score", "-", "--rulebook=2026", stdout=out)
    assert err.value.returncode == 2
    assert str(err.value).startswith("stdin: bukan teks UTF-8 (byte ")
    assert out.getvalue() == ""


def test_reading_bytes_from_standard_input_keeps_utf8():
    stream = io.TextIOWrapper(io.BytesIO('{"x": "Inovási"}'.encode()), encoding="utf-8")
    assert interchange.read_input("-", stream) == '{"x": "Inovási"}'


def test_a_missing_file_names_the_file(tmp_path):
    with pytest.raises(interchange.InterchangeError) as err:
        interchange.read_input(str(tmp_path / "none.json"))
    assert str(err.value).startswith(f"{tmp_path / 'none.json'}: tidak dapat dibaca")


def test_reported_false_is_tidak_dapat_dinilai_with_iid_0_whatever_the_data(tmp_path):
    doc = example(40, 8, 80)
    doc["regions"][0]["reported"] = False
    region = json.loads(score(doc, "2026", tmp_path=tmp_path), parse_float=Decimal)["regions"][0]
    assert (region["iid"], region["total"], region["predicate"]) == (0, 0, "tidak_dapat_dinilai")
    first = region["breakdown"]["innovations"][0]
    assert first["reason"].startswith("daerah tidak melaporkan")


def test_repeated_innovation_names_in_a_region_are_refused_as_the_checklist_does(tmp_path):
    doc = example(40, 3, 80)
    doc["regions"][0]["innovations"][2]["name"] = "  inovasi   0 "
    assert refused(doc, tmp_path) == [
        "regions[0].innovations[2].name: nama '  inovasi   0 ' sudah dipakai "
        "regions[0].innovations[0] di wilayah ini"
    ]


def test_a_level_written_3_0_gets_a_message_that_says_why(tmp_path):
    text = json.dumps(example(40, 1, 80)).replace('"16": 3', '"16": 3.0', 1)
    assert refused(text, tmp_path) == [
        "regions[0].innovations[0].levels.16: level 3.0 harus bilangan bulat tanpa desimal "
        "(tulis 3)"
    ]


def test_unknown_urusan_codes_are_refused(tmp_path):
    doc = example(40, 1, 80)
    doc["regions"][0]["innovations"][0]["urusan"] = ["1.01", "9.99"]
    assert refused(doc, tmp_path) == [
        "regions[0].innovations[0].urusan: kode urusan '9.99' tidak dikenal"
    ]


def test_a_period_scored_with_another_years_rulebook_is_refused(tmp_path):
    lines = refused(example(40, 8, 80, period=2026), tmp_path, rulebook="2025")
    assert lines == [
        "period: dokumen periode 2026 tidak cocok dengan rulebook 2025; nilai dengan rulebook "
        "tahun 2026"
    ]


def test_the_development_date_and_the_reason_travel_with_the_innovation(tmp_path):
    doc = example(40, 2, 80)
    first = doc["regions"][0]["innovations"][0]
    first.update(developed_on="2024-06-01", eligible=False, ineligible_reason="Duplikat")
    parsed = interchange.parse(doc, load_rulebook(2026))
    innovation = parsed.regions[0].innovations[0]
    assert str(innovation.developed_on) == "2024-06-01"
    assert innovation.ineligible_reason == "Duplikat"
    again = interchange.region_to_dict(parsed.regions[0])["innovations"][0]
    assert (again["developed_on"], again["ineligible_reason"]) == ("2024-06-01", "Duplikat")
    first["developed_on"] = "2024-13-01"
    with pytest.raises(interchange.InterchangeError) as err:
        interchange.parse(doc, load_rulebook(2026))
    assert err.value.problems == [
        "regions[0].innovations[0].developed_on: '2024-13-01' bukan tanggal (TTTT-BB-HH)"
    ]


def test_the_what_if_prints_the_cheapest_path_and_the_effect_of_adding(tmp_path):
    text = score(example(40, 8, 80), "2026", "--what-if", tmp_path=tmp_path)
    region = json.loads(text, parse_float=Decimal)["regions"][0]
    what = region["what_if"]
    assert set(what) == {"next_predicate", "gap", "gains", "cheapest_path", "adding_innovations"}
    adding = what["adding_innovations"]
    assert (adding["innovations_counted"], adding["below_divisor"]) == (8, 4)
    assert adding["iid_gain_one_at_top"] == Decimal("3.85")
    assert adding["to_next_predicate_at_top"] == 1
    count = region["breakdown"]["count"]
    assert count["rule"].startswith("0.38 × MIN(n, 200), bila inovasi mencakup ≥ 5 dari 6")
    assert count["gate_reading"] == "primary" and count["yandas_missing"] == []
    assert region["breakdown"]["bands"][1] == {"predicate": "inovatif", "min": Decimal("40.01")}
