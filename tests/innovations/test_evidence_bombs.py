"""Hostile PDFs against the bounded check: decompression bombs (one huge stream, many large
streams, a bomb behind a non-Flate filter) and active content hidden behind filters other
than Flate. Each is refused with nothing stored, and the check's peak memory stays within a
budget measured in-process with tracemalloc (a budget, not a timer)."""

import base64
import binascii
import html
import tracemalloc
import zlib
from functools import cache

import pytest
from django.test import Client

from inovda.innovations import pdfcheck
from inovda.innovations.models import Evidence
from tests.innovations.test_evidence_support import (
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_world,
    pdf,
    post_file,
    stored_files,
)

UNCHECKABLE = (
    "PDF ini tidak dapat diperiksa (terenkripsi, berkata sandi, atau terlalu besar setelah "
    'didekompresi). Simpan ulang sebagai PDF biasa tanpa kata sandi ("Print to PDF"), lalu '
    "unggah kembali."
)
BOMB_SIZE = 512 * 1024 * 1024  # what the bomb inflates to
MEMORY_BUDGET = 3 * pdfcheck.STREAM_BUDGET  # a decoded stream and a copy; far below BOMB_SIZE


def active(name: str) -> str:
    return f"PDF ini memuat konten aktif (/{name}) yang tidak diizinkan"


@cache
def deflated_zeros(size: int) -> bytes:
    packer = zlib.compressobj(9)
    chunk = bytes(1024 * 1024)
    return b"".join(packer.compress(chunk) for _ in range(size // len(chunk))) + packer.flush()


def stream(data: bytes, filters: str, dictionary: str = "/Type /XObject /Subtype /Form") -> bytes:
    head = f"<< {dictionary} /Filter {filters} /Length {len(data)} >>\nstream\n".encode()
    return head + data + b"\nendstream"


def ascii85(data: bytes) -> bytes:
    return base64.a85encode(data, adobe=True)[2:]  # PDF streams carry no leading "<~"


def run_length(data: bytes) -> bytes:
    out = b""
    for start in range(0, len(data), 128):
        block = data[start : start + 128]
        out += bytes([len(block) - 1]) + block
    return out + b"\x80"


@pytest.fixture
def world(personas, settings, tmp_path):
    return make_world(personas, settings, tmp_path)


@pytest.fixture
def client_a(personas):
    client = Client()
    client.force_login(personas.admin_a)
    return client


def upload_measured(client, world, data: bytes):
    tracemalloc.start()
    try:
        response = post_file(client, world.answer, "bom.pdf", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return response, peak


def assert_refused(response, message: str, world) -> None:
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert not Evidence.objects.exists()
    assert stored_files(world.media) == []


def test_one_stream_inflating_to_half_a_gigabyte_is_refused_within_the_memory_budget(
    world, client_a
):
    bomb = deflated_zeros(BOMB_SIZE)
    assert len(bomb) < 1024 * 1024

    response, peak = upload_measured(client_a, world, pdf(stream(bomb, "/FlateDecode")))

    assert_refused(response, UNCHECKABLE, world)
    assert peak < MEMORY_BUDGET


def test_a_bomb_behind_a_non_flate_filter_is_refused(world, client_a):
    wrapped = binascii.hexlify(deflated_zeros(BOMB_SIZE)) + b">"

    response, peak = upload_measured(
        client_a, world, pdf(stream(wrapped, "[/ASCIIHexDecode /FlateDecode]"))
    )

    assert_refused(response, UNCHECKABLE, world)
    assert peak < MEMORY_BUDGET


def test_many_streams_each_under_the_stream_budget_are_refused_together(world, client_a):
    part = deflated_zeros(pdfcheck.STREAM_BUDGET - 1024 * 1024)
    count = 5
    assert count * (pdfcheck.STREAM_BUDGET - 1024 * 1024) > pdfcheck.INFLATE_BUDGET

    streams = [stream(part, "/FlateDecode") for _ in range(count)]
    response, peak = upload_measured(client_a, world, pdf(*streams))

    assert_refused(response, UNCHECKABLE, world)
    assert peak < MEMORY_BUDGET


def test_too_many_objects_are_refused(world, client_a, monkeypatch):
    monkeypatch.setattr(pdfcheck, "OBJECT_BUDGET", 50)

    response = post_file(client_a, world.answer, "banyak.pdf", pdf(*[b"null"] * 60))

    assert_refused(response, UNCHECKABLE, world)


def test_too_many_names_to_look_at_one_by_one_are_refused(world, client_a, monkeypatch):
    monkeypatch.setattr(pdfcheck, "NAME_BUDGET", 50)
    filler = b"<< /Padding [" + b"/JS /A#42 " * 30 + b"] >>"

    response = post_file(client_a, world.answer, "nama.pdf", pdf(filler))

    assert_refused(response, UNCHECKABLE, world)


HIDDEN = b"6 0 7 0 << /S /JavaScript /JS (app.alert(1)) >>"
LAUNCH = b"6 0 << /AA << /O << /S /Launch /F (cmd.exe) >> >> >>"
OBJSTM = "/Type /ObjStm /N 1 /First 4"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (stream(binascii.hexlify(HIDDEN) + b">", "/ASCIIHexDecode", OBJSTM), "JavaScript"),
        (
            stream(ascii85(zlib.compress(HIDDEN)), "[/ASCII85Decode /FlateDecode]", OBJSTM),
            "JavaScript",
        ),
        (stream(run_length(LAUNCH), "/RunLengthDecode", OBJSTM), "Launch"),
        # Even labelled as an image, an object stream is decoded.
        (stream(run_length(LAUNCH), "/RunLengthDecode", OBJSTM + " /Subtype /Image"), "Launch"),
        # A form XObject (a content stream) is decoded whatever its filters.
        (stream(binascii.hexlify(b"/JS (x)") + b">", "/ASCIIHexDecode"), "JS"),
    ],
)
def test_active_content_behind_non_flate_filters_is_refused(world, client_a, data, name):
    response = post_file(client_a, world.answer, "bukti.pdf", pdf(data))

    assert_refused(response, active(name), world)


def test_a_filter_that_cannot_be_decoded_is_refused(world, client_a):
    data = pdf(stream(b"xxxx", "/NoSuchDecode", OBJSTM))

    response = post_file(client_a, world.answer, "aneh.pdf", data)

    assert_refused(response, UNCHECKABLE, world)


def test_an_abbreviated_filter_outside_an_inline_image_is_refused(world, client_a):
    # The short names (/AHx, /Fl, …) are valid only in inline images; pypdf refuses them.
    data = pdf(stream(binascii.hexlify(HIDDEN) + b">", "/AHx", OBJSTM))

    response = post_file(client_a, world.answer, "pendek.pdf", data)

    assert_refused(response, "Berkas PDF rusak atau tidak utuh.", world)


def test_an_image_stream_is_not_decoded_and_the_pdf_is_accepted(world, client_a):
    # A Flate image larger than the stream budget: pixels never hold PDF syntax.
    image = stream(
        deflated_zeros(2 * pdfcheck.STREAM_BUDGET),
        "/FlateDecode",
        "/Type /XObject /Subtype /Image /Width 8192 /Height 8192 /BitsPerComponent 8 "
        "/ColorSpace /DeviceGray",
    )

    response = post_file(client_a, world.answer, "pindaian.pdf", pdf(image))

    assert response.status_code == 302
    assert Evidence.objects.count() == 1
