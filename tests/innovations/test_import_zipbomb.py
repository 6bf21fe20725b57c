"""A "zip bomb" XLSX is refused from the zip's directory, before openpyxl inflates anything:
in the service, the web import and the command, with the limit named and memory bounded."""

import io
import struct
import tracemalloc
import zipfile

import pytest
from django.core.management import CommandError, call_command

from inovda.core.models import AuditEntry
from inovda.innovations.importer import ImportRefused, import_innovations
from inovda.innovations.models import Answer, Innovation
from tests.innovations.test_import_support import open_region, row, upload, xlsx

SHEET_XML = "xl/worksheets/sheet1.xml"
MB = 1024 * 1024
MEMORY_BUDGET = 50 * MB
FORM = "/impor/2026/36.04/"


def with_zeros(size: int) -> bytes:
    """A valid filled XLSX whose sheet is replaced by ``size`` bytes of zeros, streamed into
    the archive so that building it never holds more than one chunk."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([row()])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            if member.filename != SHEET_XML:
                archive.writestr(member, source.read(member))
        with archive.open(SHEET_XML, "w") as sheet:
            chunk = bytes(MB)
            for _ in range(size // MB):
                sheet.write(chunk)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    content = with_zeros(1024 * MB)  # about 1 MB on the wire, 1 GB once inflated
    assert len(content) < 2 * MB
    return content


def refuse_measured(actor, region, content: bytes) -> tuple[list[str], int]:
    tracemalloc.start()
    try:
        with pytest.raises(ImportRefused) as caught:
            import_innovations(actor, region, upload(content))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return [str(p) for p in caught.value.problems], peak


def assert_nothing_written():
    assert not Innovation.objects.exists()
    assert not Answer.objects.exists()
    assert not AuditEntry.objects.exists()


def test_it_refuses_a_zip_bomb_within_a_memory_budget(personas, bomb):
    region = open_region()

    problems, peak = refuse_measured(personas.admin_a, region, bomb)

    assert problems == [
        f"berkas: bagian {SHEET_XML} berukuran 1024 MB setelah diekstrak; "
        "paling banyak 25 MB per bagian"
    ]
    assert peak < MEMORY_BUDGET
    assert_nothing_written()


def test_it_refuses_a_zip_bomb_sent_to_the_web_import(client, personas, bomb):
    open_region()
    client.force_login(personas.operator_a)

    response = client.post(FORM, {"file": upload(bomb)}, follow=True)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Impor dibatalkan: 1 masalah" in html
    assert "1024 MB setelah diekstrak; paling banyak 25 MB per bagian" in html
    assert_nothing_written()


def test_it_refuses_a_zip_bomb_on_the_command_line(db, tmp_path, bomb):
    open_region()
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bomb)
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 masalah; tidak ada yang diimpor"):
        call_command("import-innovations", "--period=2026", "--region=36.04", str(path), stderr=err)

    assert "1024 MB setelah diekstrak; paling banyak 25 MB per bagian" in err.getvalue()
    assert_nothing_written()


def test_it_refuses_a_member_compressed_beyond_the_ratio(personas):
    region = open_region()

    problems, peak = refuse_measured(personas.admin_a, region, with_zeros(8 * MB))

    assert len(problems) == 1
    assert problems[0].startswith(f"berkas: bagian {SHEET_XML} dimampatkan ")
    assert problems[0].endswith(
        "kali; paling banyak 100 kali (berkas seperti ini dapat menghabiskan memori server)"
    )
    assert peak < MEMORY_BUDGET
    assert_nothing_written()


def test_it_refuses_too_much_in_total_and_too_many_members(personas, settings):
    region = open_region()
    content = xlsx([row()])

    settings.XLSX_MAX_UNCOMPRESSED_BYTES = 20_000
    assert refuse_measured(personas.admin_a, region, content)[0] == [
        "berkas: isi berkas melebihi 20 KB setelah diekstrak; pecah menjadi beberapa berkas"
    ]
    settings.XLSX_MAX_UNCOMPRESSED_BYTES = 50 * MB
    settings.XLSX_MAX_MEMBERS = 5
    members = len(zipfile.ZipFile(io.BytesIO(content)).infolist())
    assert refuse_measured(personas.admin_a, region, content)[0] == [
        f"berkas: berisi {members} bagian; paling banyak 5 "
        "(XLSX dari Excel atau LibreOffice hanya berisi belasan)"
    ]
    assert_nothing_written()


def test_it_never_inflates_beyond_a_forged_declared_size(personas):
    """A member that declares 4 KB but holds 64 MB passes the directory check; zipfile stops
    at the declared size (and the CRC then fails), so the lie costs no memory."""
    region = open_region()
    content = bytearray(with_zeros(64 * MB))
    name = SHEET_XML.encode()
    entry = content.find(b"PK\x01\x02")
    while content[entry + 46 : entry + 46 + len(name)] != name:
        entry = content.find(b"PK\x01\x02", entry + 4)
        assert entry != -1
    struct.pack_into("<I", content, entry + 24, 4096)  # the declared uncompressed size

    problems, peak = refuse_measured(personas.admin_a, region, bytes(content))

    assert problems == ["berkas: bukan berkas XLSX yang dapat dibaca (BadZipFile)"]
    assert peak < MEMORY_BUDGET
    assert_nothing_written()
