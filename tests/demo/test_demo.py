"""The demo reproduces every published 2020 figure through the real pipeline."""

import json

import pytest
from django.core.management import call_command

from inovda.demo.figures import SERANG_INNOVATIONS
from inovda.innovations.models import Innovation
from inovda.regions.models import Period
from inovda.results.models import Result

PUBLISHED_2020 = {
    "period": 2020,
    "regions": {"provinsi": 34, "kabupaten": 415, "kota": 93, "total": 542},
    "participating": {"provinsi": 34, "kabupaten": 360, "kota": 90, "total": 484},
    "participation_pct": 89.3,
    "innovations": 14897,
    "innovations_previous": 8014,
    "growth_pct": 85.9,
    "predicates": {
        "sangat_inovatif": {"provinsi": 21, "kabupaten": 131, "kota": 43, "total": 195},
        "inovatif": {"provinsi": 3, "kabupaten": 30, "kota": 11, "total": 44},
        "kurang_inovatif": {"provinsi": 10, "kabupaten": 199, "kota": 36, "total": 245},
        "tidak_dapat_dinilai": {"provinsi": 0, "kabupaten": 55, "kota": 3, "total": 58},
    },
}


@pytest.mark.django_db
def test_the_2020_recap_is_the_published_one(demo, capsys):
    call_command("recap", period=2020, format="json")
    assert json.loads(capsys.readouterr().out) == PUBLISHED_2020


@pytest.mark.django_db
def test_the_figures_come_from_the_engine_not_from_the_loader(demo, capsys):
    # Recomputing from raw answers gives the same recap as the publication.
    call_command("recompute", period=2020, quiet=True)
    call_command("recap", period=2020, format="json", computed=True)
    out = capsys.readouterr().out
    assert json.loads(out[out.index("{") :]) == PUBLISHED_2020


@pytest.mark.django_db
def test_kabupaten_serang_has_its_61_innovations(demo):
    serang = Innovation.objects.filter(region__period__year=2020, region__code="36.04")
    assert serang.count() == 61
    names = set(serang.values_list("name", flat=True))
    assert {name for name, _, _ in SERANG_INNOVATIONS} <= names
    result = Result.objects.get(region__period__year=2020, region__code="36.04")
    assert result.predicate == "sangat_inovatif"


@pytest.mark.django_db
def test_the_current_period_is_scored_with_the_2026_rules(demo):
    period = Period.objects.get(year=2026)
    assert period.rulebook_year == 2026
    assert period.regions.count() == 546
    assert period.publications.count() == 1
    assert (
        Result.objects.filter(period=period).exclude(predicate="tidak_dapat_dinilai").count() > 400
    )


@pytest.mark.django_db
def test_loading_twice_changes_nothing(demo, capsys):
    before = Innovation.objects.count()
    call_command("demo", "load")
    assert "sudah ada" in capsys.readouterr().out
    assert Innovation.objects.count() == before


@pytest.mark.django_db  # ordered with the package's other tests, so the demo loads once
def test_the_load_draws_a_bar_per_step_at_a_terminal(demo):
    for step in ("2019: memuat inovasi", "2020: menghitung", "IGA 2020: membuat piagam"):
        assert f" — {step}" in demo.err
    assert demo.err.startswith("\r")
    assert demo.err.endswith("\r")  # the bar is cleared before the last result line
    # The result lines stay on stdout, whole, with no bar in between.
    lines = demo.out.splitlines()
    assert lines[0].startswith("2019: ") and "pemda (tanpa penilaian)" in lines[0]
    assert "Periode 2020: dihitung dan dipublikasikan" in lines
    assert not any("█" in line or "\r" in line for line in lines)
