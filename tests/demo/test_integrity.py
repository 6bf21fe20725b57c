"""The demo obeys the product's own rules: what the checklist would refuse is never stored as
verified, the urusan have the real shape, the confirmed 2020 figures hold, no region sits
between bands, and the data says it is synthetic wherever it is shown."""

import csv
import io
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from inovda.demo.figures import LAMPUNG, LOWEST_PROVINCES_2020
from inovda.innovations import eligibility
from inovda.innovations.models import Answer, Evidence, Innovation, Status
from inovda.innovations.services import innovation_checklist
from inovda.regions.models import Period
from inovda.results.models import PublishedResult
from inovda.results.public import SYNTHETIC_NOTE
from inovda.rulebooks.loader import load_rulebook

pytestmark = pytest.mark.django_db


def published(year: int):
    return PublishedResult.objects.filter(publication__period__year=year)


@pytest.mark.parametrize("year", [2019, 2020, 2026])
def test_every_stored_innovation_passes_the_checklist(demo, year):
    """The pure checklist on every stored innovation, read in bulk (innovation_checklist per
    row would take minutes); the next test shows the service agrees on a sample."""
    period = Period.objects.get(year=year)
    rulebook = load_rulebook(period.rulebook_year)
    innovations = list(
        Innovation.objects.filter(region__period=period).values(
            "id", "region_id", "name", "tanggal_penerapan", "developed_on", "rancang_bangun"
        )
    )
    assert set(
        Innovation.objects.filter(region__period=period).values_list("status", flat=True)
    ) == {Status.VERIFIED}
    levels, bases, evidence = defaultdict(dict), defaultdict(dict), defaultdict(set)
    for row in Answer.objects.filter(region__period=period, innovation__isnull=False).values(
        "innovation_id", "indicator_id", "claimed_level", "basis"
    ):
        levels[row["innovation_id"]][row["indicator_id"]] = row["claimed_level"]
        bases[row["innovation_id"]][row["indicator_id"]] = row["basis"]
    for innovation_id, indicator in Evidence.objects.filter(
        answer__region__period=period, replaced_at__isnull=True
    ).values_list("answer__innovation_id", "answer__indicator_id"):
        evidence[innovation_id].add(indicator)
    names = defaultdict(list)
    for row in innovations:
        names[row["region_id"]].append(row["name"])
    refused = []
    for row in innovations:
        others = list(names[row["region_id"]])
        others.remove(row["name"])
        items = eligibility.check(
            rulebook,
            name=row["name"],
            tanggal_penerapan=row["tanggal_penerapan"],
            developed_on=row["developed_on"],
            rancang_bangun=row["rancang_bangun"],
            levels=levels[row["id"]],
            bases=bases[row["id"]],
            with_evidence=evidence[row["id"]],
            other_names=others,
        )
        refused += [(row["name"], i.message) for i in items if not i.ok]
    assert refused == []
    words = [eligibility.word_count(r["rancang_bangun"]) for r in innovations]
    assert min(words) >= 300


def test_the_checklist_service_agrees_on_a_sample(demo):
    sample = list(Innovation.objects.filter(region__period__year=2026).order_by("?")[:15])
    sample += list(Innovation.objects.filter(region__period__year=2020, region__code=LAMPUNG)[:3])
    sample += list(Innovation.objects.filter(developed_on__isnull=False)[:3])
    assert len(sample) == 21
    for innovation in sample:
        assert [i.message for i in innovation_checklist(innovation) if not i.ok] == []


def test_the_developed_path_is_used_and_mandatory_indicators_are_never_zero(demo):
    period = Period.objects.get(year=2026)
    developed = Innovation.objects.filter(region__period=period, developed_on__isnull=False)
    assert developed.count() / Innovation.objects.filter(region__period=period).count() > 0.02
    mandatory = [i.id for i in load_rulebook(2026).indicators if i.mandatory]
    zero = Answer.objects.filter(region__period=period, indicator_id__in=mandatory)
    assert not zero.filter(claimed_level=0).exists()
    assert not zero.filter(verified_level=0).exists()


def test_lampung_has_its_confirmed_2020_innovations_and_score(demo):
    lampung = published(2020).get(code=LAMPUNG)
    assert lampung.innovations_reported == 319
    assert lampung.total == Decimal("35336")
    assert lampung.predicate == "sangat_inovatif"


def test_the_five_provinces_published_as_lowest_are_the_lowest(demo):
    provinces = published(2020).filter(tingkat="provinsi").order_by("total", "code")
    assert set(provinces.values_list("code", flat=True)[:5]) == set(LOWEST_PROVINCES_2020)


def test_no_region_sits_between_bands(demo):
    # 2020, the source's bands: < 500, 501–1000, > 1000 (500 up to 501 is in none).
    in_band = {
        "kurang_inovatif": lambda t: Decimal("0") < t < 500,
        "inovatif": lambda t: 501 <= t <= 1000,
        "sangat_inovatif": lambda t: t > 1000,
        "tidak_dapat_dinilai": lambda t: t == 0,
    }
    rows = list(published(2020).values_list("code", "predicate", "total"))
    assert len(rows) == 542
    assert [r for r in rows if not in_band[r[1]](r[2])] == []
    # 2026: IID on two decimals, inside its predicate's band.
    bands = {
        "kurang_inovatif": (Decimal("0.01"), Decimal("40.00")),
        "inovatif": (Decimal("40.01"), Decimal("65.00")),
        "sangat_inovatif": (Decimal("65.01"), Decimal("100")),
        "tidak_dapat_dinilai": (Decimal("0"), Decimal("0")),
    }
    rows = list(published(2026).values_list("code", "predicate", "iid"))
    off = [r for r in rows if not bands[r[1]][0] <= r[2] <= bands[r[1]][1]]
    assert off == []


@pytest.mark.parametrize("year", [2019, 2020, 2026])
def test_urusan_follow_the_real_distribution(demo, year):
    codes = Innovation.objects.filter(region__period__year=year).values_list(
        "urusan_utama", flat=True
    )
    share = {code: 100 * n / len(codes) for code, n in Counter(codes).items()}
    assert share["1.02"] == pytest.approx(21.8, abs=0.5)  # kesehatan, 2023 [C]
    assert share["1.01"] == pytest.approx(11.5, abs=0.5)  # pendidikan, 2023 [C]
    assert max(share, key=share.get) == "1.02"


def test_every_demo_period_is_marked_synthetic(demo):
    assert set(Period.objects.values_list("year", "synthetic")) == {
        (2019, True),
        (2020, True),
        (2026, True),
    }


def test_pages_say_synthetic_whatever_the_settings(demo, client, settings):
    settings.DEMO = settings.DEBUG = False
    for url in ("/periode/2020/", "/periode/2020/peringkat/", "/periode/2020/pemda/18/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Data sintetis untuk demo — bukan hasil resmi." in response.content.decode(), url


def test_api_answers_say_synthetic(demo, client, settings):
    settings.DEMO = settings.DEBUG = False
    periods = client.get("/api/v1/periods").json()
    assert {p["year"]: p["synthetic"] for p in periods} == {2020: True, 2026: True}
    for url in (
        "/api/v1/periods/2020/recap",
        "/api/v1/periods/2020/rankings?cluster=provinsi",
        "/api/v1/periods/2020/regions/18",
        "/api/v1/periods/2026/innovations?limit=1",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Inovda-Data"] == "sintetis", url


def test_downloads_say_synthetic_on_their_first_line(demo, client, settings):
    settings.DEMO = settings.DEBUG = False
    response = client.get("/unduh/periode/2020/peringkat.csv")
    assert response.status_code == 200
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == [SYNTHETIC_NOTE]
    assert lines[1][0] == "Kode"
    response = client.get("/unduh/periode/2020/peringkat.xlsx?klaster=provinsi")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(1, 1).value == SYNTHETIC_NOTE
    assert sheet.cell(2, 1).value == "Peringkat"
