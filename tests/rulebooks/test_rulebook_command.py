import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inovda.rulebooks.loader import DATA_DIR, load_rulebook


def run(*args: str) -> str:
    out = StringIO()
    call_command("rulebook", *args, stdout=out)
    return out.getvalue()


def test_show_prints_the_rulebook_as_json_by_default():
    data = json.loads(run("show", "2026"))
    assert data["year"] == 2026
    assert data["content_hash"] == load_rulebook(2026).content_hash
    assert data["aggregation"]["min_divisor"]["value"] == 12
    assert data["count_score"]["yandas_required"]["value"] == 5
    assert [b["min"] for b in data["bands"]] == ["65.01", "40.01", "0.01"]
    assert len(data["indicators"]) == 40


def test_show_keeps_indonesian_text_readable():
    assert "Kecepatan penciptaan inovasi" in run("show", "2026")  # ensure_ascii=False
    assert "≥ 501" in run("show", "2026")


def test_show_accepts_a_path_and_a_text_format():
    text = run("show", str(DATA_DIR / "2020.json"), "--format", "text")
    assert "PERKIRAAN" in text
    assert "Sangat Inovatif ≥ 1000.01" in text
    assert "jumlah mentah" in text


def test_list_names_every_year():
    lines = run("list").splitlines()
    assert [line.split()[0] for line in lines] == ["2020", "2023", "2024", "2025", "2026"]
    assert lines[-1].startswith("2026  IID 2026")


def test_check_accepts_a_valid_file():
    assert run("check", str(DATA_DIR / "2025.json")).startswith("OK ")


def test_a_bad_file_is_a_command_error_with_status_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "inovda-rulebook/1",}', encoding="utf-8")
    for args in (("check", str(bad)), ("show", str(bad))):
        with pytest.raises(CommandError) as err:
            run(*args)
        assert err.value.returncode == 2
        # The wording after the position is Python's own and varies between versions.
        assert str(err.value).startswith(f"{bad}: line 1, column 32: ")


def test_an_unknown_year_is_a_command_error():
    with pytest.raises(CommandError) as err:
        run("show", "1999")
    assert err.value.returncode == 2
    assert "no rulebook for year 1999" in str(err.value)


def test_the_console_script_exits_with_2_and_prints_every_problem(tmp_path):
    data = json.loads((DATA_DIR / "2026.json").read_text(encoding="utf-8"))
    data["indicators"][3]["weight"] = "-1"
    data["bands"][1]["colour"] = "red"
    bad = tmp_path / "2026.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "inovda.settings"}
    proc = subprocess.run(
        [sys.executable, "-m", "inovda.cli", "rulebook", "check", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 2
    assert f"{bad}: bands[1].colour: unknown key" in proc.stderr
    assert f"{bad}: indicators[3].weight: '-1' is not a positive decimal" in proc.stderr
