"""Builders for the pemda workspace tests (no tests here): a period with an open window, form
data that passes every eligibility check, innovations, evidence rows and logged-in clients."""

import hashlib
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from inovda.accounts.models import Assignment
from inovda.innovations.models import Answer, Evidence, Innovation
from inovda.innovations.services import create_innovation
from inovda.regions.models import Period, Region
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from tests.personas import REGION_A, REGION_B

YEAR = 2026
RULEBOOK = load_rulebook(YEAR)
DESIGN = " ".join(["kata"] * 320)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Argon2 makes the five personas cost seconds; these tests never check a password.
    Import it into a test module to use it (autouse fixtures apply before ``personas``)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def open_period(is_open: bool = True) -> Period:
    period = create_period(YEAR)
    set_window(period, is_open)
    return period


def set_window(period: Period, is_open: bool) -> None:
    now = timezone.now()
    period.opens_at = now - timedelta(days=1)
    period.closes_at = now + timedelta(days=1) if is_open else now - timedelta(hours=1)
    period.save(update_fields=["opens_at", "closes_at"])


def region_a(period: Period) -> Region:
    return period.regions.select_related("period").get(code=REGION_A)


def region_b(period: Period) -> Region:
    return period.regions.select_related("period").get(code=REGION_B)


def assign(period: Period, verifier, code: str = REGION_A) -> None:
    Assignment.objects.create(period=period, verifier=verifier, region_code=code)


def client_for(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def innovation_data(name: str = "Si Cantik", level: int = 2, **overrides) -> dict:
    """Service data (plain values) of an innovation that passes the checklist but evidence."""
    data = {
        "name": name,
        "tahapan": "penerapan",
        "inisiator": "opd",
        "nama_inisiator": "Dinas Kesehatan",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "urusan_utama": "1.02",
        "urusan_terkait": ["2.16"],
        "tanggal_uji_coba": date(2024, 6, 1),
        "tanggal_penerapan": date(2025, 2, 1),
        "rancang_bangun": DESIGN,
        "tujuan": "Mempercepat layanan kesehatan",
        "manfaat": "Antrean lebih pendek",
        "hasil": "Waktu tunggu turun 40 %",
        "video_url": "https://video.example.id/si-cantik",
        "opd": "Dinas Kesehatan",
        "answers": {
            i.id: {"level": level, "basis": "a" if i.bases else "", "note": ""}
            for i in RULEBOOK.sid_indicators
        },
    }
    data.update(overrides)
    return data


def innovation_post(name: str = "Si Cantik", level: int = 2, version=None, **overrides) -> dict:
    """The same innovation as POST data of the form."""
    post = {
        "name": name,
        "tahapan": "penerapan",
        "inisiator": "opd",
        "nama_inisiator": "Dinas Kesehatan",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "urusan_utama": "1.02",
        "urusan_terkait": ["2.16"],
        "tanggal_uji_coba": "2024-06-01",
        "tanggal_penerapan": "2025-02-01",
        "rancang_bangun": DESIGN,
        "tujuan": "Mempercepat layanan kesehatan",
        "manfaat": "Antrean lebih pendek",
        "hasil": "Waktu tunggu turun 40 %",
        "anggaran": "150000000",
        "video_url": "https://video.example.id/si-cantik",
        "opd": "Dinas Kesehatan",
    }
    if version is not None:
        post["version"] = str(version)
    for indicator in RULEBOOK.sid_indicators:
        post[f"level_{indicator.id}"] = str(level)
        post[f"note_{indicator.id}"] = ""
        if indicator.bases:
            post[f"basis_{indicator.id}"] = "a"
    post.update(overrides)
    return post


def profile_post(region: Region, level: int = 2, **overrides) -> dict:
    rows = {a.indicator_id: a for a in Answer.objects.filter(region=region, innovation=None)}
    post = {}
    for indicator in RULEBOOK.spd_indicators:
        row = rows.get(indicator.id)
        post[f"level_{indicator.id}"] = str(level)
        post[f"value_{indicator.id}"] = ""
        post[f"note_{indicator.id}"] = ""
        post[f"version_{indicator.id}"] = str(row.version) if row else ""
    post.update(overrides)
    return post


def make_innovation(region: Region, user, name: str = "Si Cantik", **overrides) -> Innovation:
    return create_innovation(user, region, innovation_data(name, **overrides))


def add_evidence(answer: Answer, user=None, content: bytes = b"%PDF-1.4 bukti") -> Evidence:
    return Evidence.objects.create(
        answer=answer,
        file=f"evidence/{YEAR}/uji-{answer.pk}.pdf",
        original_name=f"bukti-{answer.indicator_id}.pdf",
        content_type="application/pdf",
        size=len(content),
        sha256=hashlib.sha256(content + str(answer.pk).encode()).hexdigest(),
        uploaded_by=user,
    )


def add_mandatory_evidence(innovation: Innovation, user=None) -> None:
    mandatory = {i.id for i in RULEBOOK.sid_indicators if i.mandatory}
    for answer in innovation.answers.filter(indicator_id__in=mandatory):
        add_evidence(answer, user)


def ready_innovation(region: Region, user, name: str = "Si Cantik", **overrides) -> Innovation:
    """An innovation that may be submitted: eligible, mandatory evidence uploaded."""
    innovation = make_innovation(region, user, name, **overrides)
    add_mandatory_evidence(innovation, user)
    return innovation
