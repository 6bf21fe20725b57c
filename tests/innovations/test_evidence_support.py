"""Shared builders for the evidence tests: sample files and a period with an open window.
No tests here; each test module wraps ``make_world`` in its own fixture."""

import struct
import zlib
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from inovda.accounts.models import Assignment
from inovda.innovations.models import Answer, Evidence
from inovda.regions.models import Period, Region
from inovda.regions.services import create_period
from tests.personas import REGION_A


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Argon2 makes the personas slow; these tests never check a password. Import it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pdf(*extra_objects: bytes, catalog: bytes = b"") -> bytes:
    """A small, well-formed one-page PDF; ``extra_objects`` become objects 4, 5, …"""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *extra_objects,
    ]
    out = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    return out + f"startxref\n{xref}\n%%EOF\n".encode()


def flate_stream(content: bytes, dictionary: bytes = b"/Type /ObjStm /N 1 /First 8") -> bytes:
    packed = zlib.compress(content)
    return (
        b"<< "
        + dictionary
        + f" /Filter /FlateDecode /Length {len(packed)} >>\nstream\n".encode()
        + packed
        + b"\nendstream"
    )


def png(pixel: bytes = b"\x00\x80\xff") -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" + pixel))
        + chunk(b"IEND", b"")
    )


JPEG = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    b"\xff\xdb\x00\x43\x00" + bytes(range(64)) + b"\xff\xd9"
)


@dataclass
class World:
    period: Period
    region_a: Region
    answer: Answer  # SPD indicator 1 of region A
    media: Path


def make_world(personas, settings, tmp_path) -> World:
    """2026 with its window open now, the verifier assigned to region A, and one SPD answer."""
    settings.MEDIA_ROOT = tmp_path / "media"
    period = create_period(2026)
    now = timezone.now()
    period.opens_at, period.closes_at = now - timedelta(days=1), now + timedelta(days=30)
    period.save(update_fields=["opens_at", "closes_at"])
    Assignment.objects.create(period=period, verifier=personas.verifier, region_code=REGION_A)
    region_a = period.regions.get(code=REGION_A)
    answer = Answer.objects.create(region=region_a, indicator_id="1")
    return World(period, region_a, answer, settings.MEDIA_ROOT)


def close_window(world: World) -> None:
    now = timezone.now()
    world.period.opens_at, world.period.closes_at = now - timedelta(days=30), now - timedelta(1)
    world.period.save(update_fields=["opens_at", "closes_at"])


def stored_files(media: Path) -> list[Path]:
    return sorted(p for p in media.rglob("*") if p.is_file()) if media.exists() else []


def post_file(client, answer, name: str, data: bytes, content_type="application/pdf", **extra):
    url = reverse("evidence:upload", kwargs={"answer_pk": answer.pk})
    return client.post(url, {"berkas": SimpleUploadedFile(name, data, content_type)}, **extra)


def evidence_count() -> int:
    return Evidence.objects.count()
