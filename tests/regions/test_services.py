import shutil

import pytest
from django.db import IntegrityError

from inovda.regions import roster, services
from inovda.regions.models import Period, Region
from inovda.regions.services import PeriodExists, create_period
from inovda.rulebooks.loader import load_rulebook

pytestmark = pytest.mark.django_db


def counts(period: Period) -> dict[str, int]:
    return {t: period.regions.filter(tingkat=t).count() for t in ("provinsi", "kabupaten", "kota")}


def test_create_period_2020():
    period = create_period(2020)
    assert str(period) == "Periode 2020"
    assert (period.rulebook_year, period.rulebook_hash) == (2020, load_rulebook(2020).content_hash)
    assert period.regions.count() == 542
    assert counts(period) == {"provinsi": 34, "kabupaten": 415, "kota": 93}
    merauke = period.regions.get(code="91.01")
    assert (merauke.current_code, merauke.province_name, merauke.papua) == ("93.01", "Papua", True)
    assert period.regions.filter(tertinggal=True).count() == 62


def test_rulebook_year_can_differ():
    period = create_period(2026, rulebook_year=2025)
    assert (period.year, period.rulebook_year) == (2026, 2025)
    assert period.rulebook_hash == load_rulebook(2025).content_hash
    assert counts(period) == {"provinsi": 38, "kabupaten": 415, "kota": 93}
    assert not period.regions.filter(tertinggal=True).exists()


def test_existing_year_raises_period_exists():
    create_period(2020)
    with pytest.raises(PeriodExists, match="Periode 2020 sudah ada"):
        create_period(2020)
    assert Period.objects.count() == 1
    assert Region.objects.count() == 542


def test_periods_are_ordered_by_year():
    create_period(2026)
    create_period(2020)
    assert [p.year for p in Period.objects.all()] == [2020, 2026]


def test_failed_roster_leaves_no_period(monkeypatch):
    entry = roster.roster_for_year(2020)[0]
    monkeypatch.setattr(services, "roster_for_year", lambda year: (entry, entry))
    with pytest.raises(IntegrityError):
        create_period(2020)
    assert not Period.objects.exists()


@pytest.fixture
def editable_data(tmp_path, monkeypatch):
    """A private copy of the region data that a test may edit, with the caches emptied."""
    data = tmp_path / "data"
    shutil.copytree(roster.DATA_DIR, data)
    monkeypatch.setattr(roster, "DATA_DIR", data)
    roster.read_table.cache_clear()
    roster.roster_for_year.cache_clear()
    yield data
    roster.read_table.cache_clear()
    roster.roster_for_year.cache_clear()


def test_data_changes_never_alter_an_existing_period(editable_data):
    period = create_period(2020)
    before = list(period.regions.values_list("code", "name", "perbatasan", "tertinggal"))
    assert not period.regions.get(code="36.04").perbatasan

    # A later edit: Kabupaten Serang joins the border list and Nias leaves the tertinggal one.
    perbatasan = editable_data / "perbatasan.csv"
    perbatasan.write_text(perbatasan.read_text() + "36.04,36.04,Kabupaten Serang,sea\n")
    tertinggal = editable_data / "tertinggal_2020_2024.csv"
    tertinggal.write_text(tertinggal.read_text().replace("12.04,12.04,Kabupaten Nias\n", ""))
    roster.read_table.cache_clear()
    roster.roster_for_year.cache_clear()

    edited = {e.code: e for e in roster.roster_for_year(2020)}
    assert edited["36.04"].perbatasan and not edited["12.04"].tertinggal
    assert list(period.regions.values_list("code", "name", "perbatasan", "tertinggal")) == before
    with pytest.raises(PeriodExists):
        create_period(2020)
    assert list(period.regions.values_list("code", "name", "perbatasan", "tertinggal")) == before
    # A new period takes the edited data.
    assert create_period(2021, rulebook_year=2020).regions.get(code="36.04").perbatasan
