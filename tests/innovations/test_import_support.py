"""Builders shared by the import tests (no tests here): an open period and XLSX files."""

import io
from datetime import date, timedelta

from django.utils import timezone
from openpyxl import Workbook

from inovda.innovations.import_columns import COLUMNS, level_header
from inovda.regions.models import Region
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from tests.personas import REGION_A

RULEBOOK = load_rulebook(2026)
HEADERS = [c.key for c in COLUMNS] + [level_header(i) for i in RULEBOOK.sid_indicators]
LEVELS = {i.id: 2 for i in RULEBOOK.sid_indicators}


def open_region(code: str = REGION_A, is_open: bool = True) -> Region:
    period = create_period(2026)
    now = timezone.now()
    period.opens_at = now - timedelta(days=1)
    period.closes_at = now + timedelta(days=1) if is_open else now - timedelta(hours=1)
    period.save()
    return period.regions.get(code=code)


def row(name: str = "Si Cantik", **overrides) -> dict:
    values = {
        "nama": name,
        "tahapan": "penerapan",
        "inisiator": "OPD (perangkat daerah)",  # a label, not the value: both are accepted
        "nama_inisiator": "dr. Sari",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "urusan_utama": "1.02",
        "urusan_terkait": "1.01, 2.16",
        "tanggal_uji_coba": date(2024, 3, 1),
        "tanggal_penerapan": "2024-06-01",
        "rancang_bangun": "Antrian daring puskesmas.",
        "tujuan": "Mempercepat layanan",
        "manfaat": "Antrian lebih pendek",
        "hasil": "Waktu tunggu turun 40%",
        "anggaran": 1500000,
        "video_url": "https://youtu.be/abc",
        "opd": "Dinas Kesehatan",
        **{f"L{k}": v for k, v in LEVELS.items()},
    }
    values.update(overrides)
    return values


def xlsx(rows: list[dict], headers: list[str] | None = None, sheet: str = "Inovasi") -> bytes:
    """A workbook whose header row is ``headers`` (the template's by default); each row dict
    is keyed by profile column or ``L<indicator id>``."""
    headers = HEADERS if headers is None else headers
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    ws.append(headers)
    for values in rows:
        ws.append([values.get(h.split(" ")[0]) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name: str = "inovasi.xlsx") -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    return file
