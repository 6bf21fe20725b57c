import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tests.scoring.builders import SID_TOTALS, SPD_TOTALS, YANDAS


def example(spd_total, innovations, sid_total, yandas=6, period=2026, code="36.04"):
    return {
        "format": "inovda/1",
        "period": period,
        "regions": [
            {
                "code": code,
                "spd": SPD_TOTALS[spd_total],
                "innovations": [
                    {
                        "name": f"Inovasi {n}",
                        "urusan": [YANDAS[n % yandas]],
                        "levels": SID_TOTALS[sid_total],
                    }
                    for n in range(innovations)
                ],
            }
        ],
    }


def score(doc, rulebook, *extra, tmp_path=None):
    out = io.StringIO()
    path = tmp_path / "in.json"
    path.write_text(json.dumps(doc) if not isinstance(doc, str) else doc, encoding="utf-8")
    call_command("score", str(path), f"--rulebook={rulebook}", *extra, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("rulebook", "args", "iid", "predicate"),
    [
        ("2026", (40, 8, 80), "38.55", "kurang_inovatif"),
        ("2026", (40, 20, 70), "47.04", "inovatif"),
        ("2026", (40, 20, 70, 4), "44.00", "inovatif"),
        ("2026", (63, 200, 111), "100.00", "sangat_inovatif"),
        ("2023", (40, 8, 80, 6, 2023), "42.82", "inovatif"),
        ("2023", (40, 12, 80, 6, 2023), "49.82", "inovatif"),
    ],
)
def test_it_agrees_with_the_hand_computed_examples(tmp_path, rulebook, args, iid, predicate):
    text = score(example(*args), rulebook, tmp_path=tmp_path)
    result = json.loads(text, parse_float=Decimal)
    region = result["regions"][0]
    assert result["rulebook"] == rulebook
    assert region["iid"] == Decimal(iid)
    assert f'"iid": {iid},' in text  # printed with two decimals, as a number
    assert region["predicate"] == predicate
    assert set(region) == {
        "code",
        "spd",
        "sid",
        "count_score",
        "total",
        "iid",
        "predicate",
        "breakdown",
    }


def test_it_prints_the_breakdown_and_what_if(tmp_path):
    text = score(example(40, 8, 80), "2026", "--what-if", tmp_path=tmp_path)
    region = json.loads(text, parse_float=Decimal)["regions"][0]
    assert region["spd"] == Decimal("40.00") and region["count_score"] == Decimal("3.04")
    assert region["breakdown"]["divisor"] == 12
    assert region["breakdown"]["spd"]["12"] == {
        "level": 1,
        "weight": 2,
        "points": Decimal("2.00"),
        "max_points": Decimal("6.00"),
        "decision": None,
    }
    assert region["what_if"]["next_predicate"] == "inovatif"
    assert region["what_if"]["gap"] == Decimal("1.46")


def test_it_reads_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(example(40, 8, 80))))
    out = io.StringIO()
    call_command("score", "-", "--rulebook=2026", "--no-breakdown", stdout=out)
    assert json.loads(out.getvalue())["regions"][0]["iid"] == 38.55


def test_it_scores_a_2020_file_with_2020_codes(tmp_path):
    doc = {"format": "inovda/1", "period": 2020, "regions": [{"code": "91.01", "spd": {"1": 3}}]}
    region = json.loads(score(doc, "2020", tmp_path=tmp_path))["regions"][0]
    assert (region["code"], region["iid"], region["predicate"]) == ("91.01", 3.0, "kurang_inovatif")


@pytest.mark.parametrize(
    ("doc", "problems"),
    [
        (
            '{"format": "inovda/1",\n "period": 2026,\n "regions": [}',
            ["baris 3 kolom 14: JSON rusak"],
        ),
        (
            {
                "format": "inovda/1",
                "period": 2026,
                "regions": [{"code": "99.99"}, {"code": "36.04"}, {"code": "36.04"}],
            },
            [
                "regions[0].code: kode wilayah '99.99' tidak ada dalam roster 2026",
                "regions[2].code: kode wilayah '36.04' muncul lebih dari sekali",
            ],
        ),
        (
            {
                "format": "inovda/1",
                "period": 2026,
                "regions": [
                    {
                        "code": "36.04",
                        "spd": {"1": 4, "16": 1},
                        "innovations": [{"name": "X", "levels": {"99": 1}}],
                    }
                ],
            },
            [
                "regions[0].spd.1: 4 is greater than the maximum of 3",
            ],
        ),
        (
            {
                "format": "inovda/1",
                "period": 2026,
                "regions": [
                    {
                        "code": "36.04",
                        "spd": {"16": 1},
                        "innovations": [{"name": "X", "levels": {"99": 1}}],
                    }
                ],
            },
            [
                "regions[0].spd.16: indikator '16' bukan indikator SPD pada rulebook 2026",
                "regions[0].innovations[0].levels.99: indikator '99' bukan indikator SID "
                "pada rulebook 2026",
            ],
        ),
        (
            {
                "format": "inovda/1",
                "period": "2026",
                "regions": [{"code": 3604, "spd": {"1": "3"}}],
                "x": 1,
            },
            [
                "(dokumen): Additional properties are not allowed ('x' was unexpected)",
                "period: '2026' is not of type 'integer'",
                "regions[0].code: 3604 is not of type 'string'",
                "regions[0].spd.1: '3' is not of type 'integer'",
            ],
        ),
        (
            {"format": "inovda/2", "period": 2026, "regions": []},
            ["format: 'inovda/1' was expected"],
        ),
    ],
)
def test_bad_input_exits_2_with_one_line_per_problem(tmp_path, doc, problems):
    with pytest.raises(CommandError) as err:
        score(doc, "2026", tmp_path=tmp_path)
    assert err.value.returncode == 2
    lines = str(err.value).splitlines()
    assert len(lines) == len(problems)
    for line, expected in zip(lines, problems, strict=True):
        assert expected in line


def test_an_unknown_rulebook_exits_2(tmp_path):
    with pytest.raises(CommandError) as err:
        score(example(40, 8, 80), "2019", tmp_path=tmp_path)
    assert err.value.returncode == 2
    assert "2019" in str(err.value)


def test_the_installed_console_script_scores_without_a_database(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "in.json"
    path.write_text(json.dumps(example(40, 8, 80)), encoding="utf-8")
    script = Path(sys.executable).with_name("inovda")
    env = {
        "PATH": "/usr/bin:/bin",
        "DEBUG": "true",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    }
    done = subprocess.run(
        [str(script), "score", "--rulebook", "2026", "--no-breakdown", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"iid": 38.55' in done.stdout
    bad = subprocess.run(
        [str(script), "score", "--rulebook", "2026", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert bad.returncode == 2
    assert "missing.json" in bad.stderr


def test_a_file_that_is_not_utf8_exits_2_naming_the_file(tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(example(40, 8, 80)).encode().replace(b"Inovasi 1", b"Inovasi \xe9"))
    with pytest.raises(CommandError) as err:
        call_command("score", str(path), "--rulebook=2026", stdout=io.StringIO())
    assert err.value.returncode == 2
    assert str(err.value).startswith(f"{path}: bukan teks UTF-8 (byte ")
    assert "0xe9" in str(err.value)


def test_standard_input_that_is_not_utf8_exits_2_naming_stdin(tmp_path):
    import subprocess
    import sys

    data = json.dumps(example(40, 8, 80)).encode().replace(b"Inovasi 1", b"Inovasi \xff")
    done = subprocess.run(
        [sys.executable, "-m", "inovda.cli", "score", "--rulebook", "2026", "-"],
        input=data,
        capture_output=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"},  # C locale: stdin would be surrogateescape
        check=False,
    )
    assert done.returncode == 2, done.stdout
    assert done.stdout == b""
    assert done.stderr.decode().startswith("CommandError: stdin: bukan teks UTF-8 (byte ")


def test_the_streamed_output_is_the_text_of_the_whole_result(tmp_path):
    from inovda.interchange.format import dumps, parse
    from inovda.rulebooks.loader import load_rulebook
    from inovda.scoring.engine import score_region
    from inovda.scoring.explain import breakdown, summary

    doc = example(40, 8, 80)
    doc["regions"].append(example(63, 30, 111, code="36.71")["regions"][0])
    text = score(doc, "2026", tmp_path=tmp_path)
    rulebook = load_rulebook(2026)
    regions = [
        {**summary(s), "breakdown": breakdown(s)}
        for s in (score_region(rulebook, r) for r in parse(doc, rulebook).regions)
    ]
    whole = {"rulebook": "2026", "rulebook_hash": rulebook.content_hash, "regions": regions}
    assert text == dumps(whole) + "\n"
