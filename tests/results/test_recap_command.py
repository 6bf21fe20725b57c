import json

import pytest
from django.core.management import CommandError, call_command

from inovda.regions.services import create_period
from tests.fixtures import published_period

pytestmark = pytest.mark.django_db


def test_it_prints_the_published_recap_as_json(capsys):
    data = published_period(2026)
    call_command("recap", period=2026, format="json")
    printed = json.loads(capsys.readouterr().out)
    assert printed == data.publication.recap
    assert printed["participation_pct"] == 0.9  # 5 of 546, rounded half-up to 0.1


def test_it_prints_a_table(capsys):
    published_period(2026)
    call_command("recap", period=2026, format="table")
    out = capsys.readouterr().out
    assert "Pemda otonom                    38        415      93     546" in out
    assert "Tidak Dapat Dinilai" in out


def test_it_refuses_an_unknown_or_uncomputed_period():
    with pytest.raises(CommandError) as err:
        call_command("recap", period=2031)
    assert err.value.returncode == 2
    create_period(2025)
    with pytest.raises(CommandError, match="belum dihitung"):
        call_command("recap", period=2025)
