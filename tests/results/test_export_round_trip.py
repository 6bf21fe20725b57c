"""The verified IID of a region equals what `inovda score` gives on its exported data."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from inovda.results.models import Result
from tests.fixtures import published_period

pytestmark = pytest.mark.django_db


def test_exported_verified_data_scores_to_the_stored_result(tmp_path):
    data = published_period(2026)
    path = tmp_path / "export.json"
    call_command("export", period=2026, output=str(path))
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "inovda/1" and len(exported["regions"]) == 546

    out = io.StringIO()
    call_command("score", str(path), "--rulebook=2026", "--no-breakdown", stdout=out)
    scored = {r["code"]: r for r in json.loads(out.getvalue(), parse_float=Decimal)["regions"]}
    for result in Result.objects.filter(period=data.period).select_related("region"):
        assert scored[result.region.code]["iid"] == result.iid, result.region.code
        assert scored[result.region.code]["predicate"] == result.predicate


def test_it_exports_one_region_and_refuses_unknown_codes(capsys):
    published_period(2026)
    call_command("export", period=2026, region=["36.04"])
    exported = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in exported["regions"]] == ["36.04"]
    assert len(exported["regions"][0]["innovations"]) == 8
    with pytest.raises(CommandError) as err:
        call_command("export", period=2026, region=["99.99"])
    assert err.value.returncode == 2
