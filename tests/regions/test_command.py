"""``inovda regions``. No django_db mark: the command must work without the database."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("regions", *args, stdout=out)
    return out.getvalue()


def test_count_2020():
    assert run("--period", "2020", "--count") == (
        '{"provinsi": 34, "kabupaten": 415, "kota": 93, "total": 542}\n'
    )


def test_count_today():
    assert json.loads(run("--period", "2026", "--count")) == {
        "provinsi": 38,
        "kabupaten": 415,
        "kota": 93,
        "total": 546,
    }


def test_count_of_a_cluster():
    assert json.loads(run("--period", "2020", "--cluster", "tertinggal", "--count")) == {
        "provinsi": 0,
        "kabupaten": 62,
        "kota": 0,
        "total": 62,
    }
    assert json.loads(run("--period", "2026", "--cluster", "papua", "--count"))["total"] == 48


def test_json_lines():
    lines = [json.loads(line) for line in run("--period", "2020").splitlines()]
    assert len(lines) == 542
    serang = next(x for x in lines if x["code"] == "36.04")
    assert serang["name"] == "Kabupaten Serang" and serang["province_name"] == "Banten"


def test_csv_with_cluster_filter():
    rows = list(
        csv.DictReader(
            io.StringIO(run("--period", "2020", "--format", "csv", "--cluster", "papua"))
        )
    )
    assert len(rows) == 44
    assert {r["papua"] for r in rows} == {"true"}
    assert {r["province_code"] for r in rows} == {"91", "92"}


@pytest.mark.parametrize("period", ["abc", "2017", "", "20.5", "-2020"])
def test_bad_period_exits_with_2(period):
    with pytest.raises(CommandError) as excinfo:
        run("--period", period, "--count")
    assert excinfo.value.returncode == 2
