"""Uploading, replacing and removing evidence: what is refused (with nothing stored), what is
accepted, the history, and the return to pending after verification."""

import hashlib
import html
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.innovations import evidence as evidence_module
from inovda.innovations.evidence import (
    EvidenceRefused,
    remove_evidence,
    replace_evidence,
    upload_evidence,
)
from inovda.innovations.models import Answer, Evidence, Innovation, Status, Verification
from tests.innovations.test_evidence_support import (
    JPEG,
    close_window,
    fast_passwords,  # noqa: F401 (autouse fixture)
    flate_stream,
    make_world,
    pdf,
    png,
    post_file,
    stored_files,
)

TOO_LARGE = (
    "Berkas terlalu besar: ukuran maksimum 2 KB per berkas. Perkecil atau pisahkan berkasnya, "
    "lalu unggah kembali."
)
NOT_ALLOWED = (
    "Jenis berkas tidak diizinkan. Yang diterima hanya PDF, JPEG, atau PNG; jenisnya diperiksa "
    "dari isi berkas, bukan dari nama atau ekstensinya."
)
EMPTY = "Berkas kosong (0 byte). Pilih berkas yang berisi data dukung."
BAD_NAME = (
    "Nama berkas tidak valid: nama tidak boleh memuat folder (/ atau \\) atau '..'. Ganti nama "
    "berkasnya, lalu unggah kembali."
)
UNCHECKABLE = (
    "PDF ini tidak dapat diperiksa (terenkripsi, berkata sandi, atau terlalu besar setelah "
    'didekompresi). Simpan ulang sebagai PDF biasa tanpa kata sandi ("Print to PDF"), lalu '
    "unggah kembali."
)


def active(name: str) -> str:
    return (
        f"PDF ini memuat konten aktif (/{name}) yang tidak diizinkan: skrip, lampiran tersemat, "
        'atau perintah menjalankan program. Cetak ulang dokumennya ke PDF ("Print to PDF"), '
        "lalu unggah hasilnya."
    )


@pytest.fixture
def world(personas, settings, tmp_path):
    return make_world(personas, settings, tmp_path)


@pytest.fixture
def client_a(personas):
    client = Client()
    client.force_login(personas.admin_a)
    return client


def assert_refused(response, message: str, world, status: int = 400) -> None:
    assert response.status_code == status
    assert message in html.unescape(response.content.decode())
    assert not Evidence.objects.exists()
    assert stored_files(world.media) == []


# --- refused, nothing stored ------------------------------------------------------------------


def test_it_refuses_a_file_over_the_limit(world, client_a, settings):
    settings.EVIDENCE_MAX_BYTES = 2048
    data = pdf(b"<< /Padding (" + b"x" * 2048 + b") >>")

    response = post_file(client_a, world.answer, "besar.pdf", data)

    assert_refused(response, TOO_LARGE, world)


def test_it_refuses_an_oversized_body_before_reading_it(world, client_a, settings):
    settings.EVIDENCE_MAX_BYTES = 2048

    response = post_file(client_a, world.answer, "besar.pdf", pdf() + b"%" * 100_000)

    assert_refused(response, TOO_LARGE, world, status=413)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("laporan.pdf", b"<!doctype html><html><script>alert(document.cookie)</script></html>"),
        ("laporan.pdf", b"  <html><body onload=alert(1)>%PDF-1.7</body></html>"),
        (
            "gambar.pdf",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        ),
        ("gambar.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("dokumen.pdf", b"PK\x03\x04 a docx or zip"),
    ],
)
def test_it_refuses_html_svg_and_other_types_renamed_pdf(world, client_a, name, data):
    response = post_file(client_a, world.answer, name, data)

    assert_refused(response, NOT_ALLOWED, world)


def test_it_refuses_an_empty_file(world, client_a):
    response = post_file(client_a, world.answer, "kosong.pdf", b"")

    assert_refused(response, EMPTY, world)


@pytest.mark.parametrize(
    "upload",
    [
        lambda: ContentFile(pdf(), name="../../../inovda/settings.pdf"),
        lambda: ContentFile(pdf(), name="/etc/passwd.pdf"),
        lambda: SimpleUploadedFile("..\\..\\windows\\win.pdf", pdf()),
        lambda: ContentFile(pdf(), name=".."),
    ],
)
def test_it_refuses_a_file_name_with_path_traversal(world, personas, upload):
    with pytest.raises(EvidenceRefused) as refused:
        upload_evidence(personas.admin_a, world.answer, upload())

    assert str(refused.value) == BAD_NAME
    assert not Evidence.objects.exists()
    assert stored_files(world.media) == []


def test_it_never_lets_a_name_with_path_reach_the_disk_over_http(world, client_a):
    """Django's multipart parser keeps only the last path part of a file name; the stored
    file still gets a random name under MEDIA_ROOT/evidence."""
    boundary = "batas"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="berkas"; '
            f'filename="../../../../tmp/..\\\\jahat.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        + pdf()
        + f"\r\n--{boundary}--\r\n".encode()
    )

    response = client_a.generic(
        "POST",
        reverse("evidence:upload", kwargs={"answer_pk": world.answer.pk}),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.original_name == "jahat.pdf"
    assert re.fullmatch(r"evidence/\d{4}/[0-9a-f]{32}\.pdf", evidence.file.name)
    assert stored_files(world.media) == [world.media / evidence.file.name]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (pdf(catalog=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "JavaScript"),
        (pdf(catalog=b"/OpenAction << /S /J#61vaScript /JS (app.alert(1)) >>"), "JavaScript"),
        (pdf(b"<< /S /Action#53 /JS 5 0 R >>"), "JS"),
        (pdf(b"<< /JS <6170702e616c657274283129> >>"), "JS"),
        (pdf(b"<< /Names << /JavaScript 5 0 R >> >>"), "JavaScript"),
        (pdf(catalog=b"/OpenAction << /S /Launch /F (cmd.exe) >>"), "Launch"),
        (pdf(b"<< /Type /EmbeddedFile /Length 3 >>\nstream\nabc\nendstream"), "EmbeddedFile"),
        (pdf(b"<< /Type /Annot /Subtype /FileAttachment /FS 5 0 R >>"), "FileAttachment"),
        (pdf(b"<< /Type /Annot /Subtype /RichMedia >>"), "RichMedia"),
        # Hidden in a compressed object stream: found after decompression.
        (pdf(flate_stream(b"6 0 7 0 << /S /JavaScript /JS (app.alert(1)) >>")), "JavaScript"),
        (pdf(flate_stream(b"6 0 << /AA << /O << /S /Launch >> >> >>")), "Launch"),
    ],
)
def test_it_refuses_a_pdf_with_active_content(world, client_a, data, name):
    response = post_file(client_a, world.answer, "bukti.pdf", data)

    assert_refused(response, active(name), world)


def test_it_refuses_an_encrypted_pdf(world, client_a):
    data = pdf().replace(b"/Root 1 0 R", b"/Root 1 0 R /Encrypt 9 0 R")

    response = post_file(client_a, world.answer, "rahasia.pdf", data)

    assert_refused(response, UNCHECKABLE, world)


def test_it_refuses_a_pdf_that_inflates_past_the_budget(world, client_a, monkeypatch):
    monkeypatch.setattr(evidence_module, "INFLATE_BUDGET", 1024 * 1024)
    bomb = flate_stream(bytes(3 * 1024 * 1024), b"/Type /XObject")

    response = post_file(client_a, world.answer, "bom.pdf", pdf(bomb))

    assert_refused(response, UNCHECKABLE, world)


def test_it_refuses_a_truncated_pdf(world, client_a):
    response = post_file(client_a, world.answer, "potong.pdf", pdf()[:-200])

    assert_refused(
        response, "Berkas PDF rusak atau tidak utuh. Unggah kembali berkas aslinya.", world
    )


def test_it_refuses_a_request_without_a_file(world, client_a):
    response = client_a.post(reverse("evidence:upload", kwargs={"answer_pk": world.answer.pk}))

    assert_refused(response, "Pilih berkas yang akan diunggah.", world)


def test_it_refuses_the_same_file_twice_on_one_answer(world, client_a):
    post_file(client_a, world.answer, "a.pdf", pdf())

    response = post_file(client_a, world.answer, "salinan.pdf", pdf())

    assert response.status_code == 400
    assert "Berkas yang isinya sama persis sudah ada pada indikator ini." in response.text
    assert Evidence.objects.count() == 1
    assert len(stored_files(world.media)) == 1


def test_it_deletes_the_written_file_when_the_transaction_fails(world, personas, monkeypatch):
    def broken_log(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(evidence_module, "log_action", broken_log)

    with pytest.raises(RuntimeError):
        upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="a.pdf"))

    assert not Evidence.objects.exists()
    assert stored_files(world.media) == []


def test_it_needs_the_csrf_token(world, personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.admin_a)

    response = post_file(client, world.answer, "a.pdf", pdf())

    assert response.status_code == 403
    assert not Evidence.objects.exists()
    assert stored_files(world.media) == []


# --- accepted ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "content_type", "display", "extension"),
    [
        ("Laporan SAKIP 2025.pdf", pdf(), "application/pdf", "Laporan SAKIP 2025.pdf", ".pdf"),
        ("foto kegiatan.JPEG", JPEG, "image/jpeg", "foto kegiatan.JPEG", ".jpg"),
        ("tangkapan.png", png(), "image/png", "tangkapan.png", ".png"),
        # The type comes from the content: a PNG called .pdf is stored and named as a PNG.
        ("tangkapan.pdf", png(), "image/png", "tangkapan.pdf.png", ".png"),
        ("\u202egnp.exe", png(), "image/png", "gnp.exe.png", ".png"),
    ],
)
def test_it_accepts_pdf_jpeg_and_png(world, client_a, name, data, content_type, display, extension):
    response = post_file(client_a, world.answer, name, data, content_type="application/pdf")

    assert response.status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.answer == world.answer
    assert evidence.content_type == content_type
    assert evidence.size == len(data)
    assert evidence.sha256 == hashlib.sha256(data).hexdigest()
    assert evidence.original_name == display
    assert re.fullmatch(rf"evidence/\d{{4}}/[0-9a-f]{{32}}\{extension}", evidence.file.name)
    assert (world.media / evidence.file.name).read_bytes() == data
    assert AuditEntry.objects.filter(action="evidence.uploaded", object_id=str(evidence.pk))


def test_it_accepts_a_pdf_whose_streams_are_clean(world, client_a):
    data = pdf(flate_stream(b"BT /F1 12 Tf (Laporan /JSON dan JavaScript) Tj ET", b""))

    response = post_file(client_a, world.answer, "laporan.pdf", data)

    assert response.status_code == 302
    assert Evidence.objects.get().sha256 == hashlib.sha256(data).hexdigest()


def test_it_accepts_a_pdf_with_an_uncompressed_stream(world, client_a):
    """A content stream without /Filter (a printer's or fpdf2's uncompressed output) is plain
    page text, not a broken file."""
    from fpdf import FPDF

    document = FPDF()
    document.set_compression(False)
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Laporan tanpa kompresi")
    data = bytes(document.output())
    assert b"/Filter" not in data

    response = post_file(client_a, world.answer, "laporan.pdf", data)

    assert response.status_code == 302
    assert Evidence.objects.get().sha256 == hashlib.sha256(data).hexdigest()


def test_it_keeps_several_files_per_answer(world, client_a):
    for name, data in [("a.pdf", pdf()), ("b.png", png()), ("c.jpg", JPEG)]:
        assert post_file(client_a, world.answer, name, data).status_code == 302

    current = world.answer.evidence.filter(replaced_at=None)
    assert sorted(current.values_list("original_name", flat=True)) == ["a.pdf", "b.png", "c.jpg"]
    assert len(stored_files(world.media)) == 3


def test_it_answers_htmx_with_the_partial(world, client_a):
    response = post_file(client_a, world.answer, "a.pdf", pdf(), HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    partial = response.content.decode()
    assert f'id="bukti-{world.answer.pk}"' in partial
    assert "<html" not in partial
    assert "Berkas a.pdf tersimpan." in partial
    assert reverse("evidence:download", args=[Evidence.objects.get().pk]) in partial


def test_it_answers_an_htmx_refusal_with_the_partial(world, client_a):
    response = post_file(client_a, world.answer, "a.pdf", b"<svg/>", HTTP_HX_REQUEST="true")

    assert response.status_code == 200  # so that htmx swaps the message in
    assert NOT_ALLOWED in html.unescape(response.content.decode())
    assert not Evidence.objects.exists()


# --- replace, remove, history -----------------------------------------------------------------


def test_it_replaces_a_file_and_keeps_the_old_one_in_history(world, client_a, personas):
    old = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="v1.pdf"))

    response = client_a.post(
        reverse("evidence:replace", args=[old.pk]),
        {"berkas": SimpleUploadedFile("v2.png", png())},
    )

    assert response.status_code == 302
    old.refresh_from_db()
    new = world.answer.evidence.get(replaced_at=None)
    assert old.replaced_at is not None
    assert (new.original_name, new.content_type) == ("v2.png", "image/png")
    assert stored_files(world.media) == sorted(
        [world.media / old.file.name, world.media / new.file.name]
    )
    history = client_a.get(reverse("evidence:history", args=[world.answer.pk])).content.decode()
    assert old.sha256 in history and new.sha256 in history
    assert "Diganti oleh admin.a" in history
    assert AuditEntry.objects.filter(action="evidence.replaced", object_id=str(old.pk))


def test_it_refuses_a_bad_replacement_and_keeps_the_old_file(world, client_a, personas):
    old = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="v1.pdf"))

    response = client_a.post(
        reverse("evidence:replace", args=[old.pk]),
        {"berkas": SimpleUploadedFile("v2.pdf", b"<html></html>")},
    )

    assert response.status_code == 400
    assert NOT_ALLOWED in html.unescape(response.content.decode())
    old.refresh_from_db()
    assert old.replaced_at is None
    assert Evidence.objects.count() == 1
    assert stored_files(world.media) == [world.media / old.file.name]


def test_it_removes_a_file_from_the_list_but_keeps_it(world, client_a, personas):
    evidence = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="a.pdf"))

    response = client_a.post(reverse("evidence:remove", args=[evidence.pk]))

    assert response.status_code == 302
    evidence.refresh_from_db()
    assert evidence.replaced_at is not None
    assert stored_files(world.media) == [world.media / evidence.file.name]
    assert AuditEntry.objects.filter(action="evidence.removed", object_id=str(evidence.pk))
    with pytest.raises(EvidenceRefused):
        remove_evidence(personas.admin_a, evidence)


# --- back to pending after verification -------------------------------------------------------


def _verified(answer: Answer) -> Answer:
    answer.verification, answer.verified_level = Verification.ACCEPTED, 2
    answer.save(update_fields=["verification", "verified_level"])
    return answer


def _assert_pending(answer: Answer) -> None:
    answer.refresh_from_db()
    assert (answer.verification, answer.verified_level) == (Verification.PENDING, 0)
    assert AuditEntry.objects.filter(action="answer.reset_to_pending", object_id=str(answer.pk))


def test_it_sends_a_verified_answer_back_to_pending_on_upload(world, client_a):
    _verified(world.answer)

    assert post_file(client_a, world.answer, "baru.pdf", pdf()).status_code == 302

    _assert_pending(world.answer)


def test_it_sends_a_verified_answer_back_to_pending_on_replace(world, personas):
    evidence = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="a.pdf"))
    _verified(world.answer)

    replace_evidence(personas.admin_a, evidence, ContentFile(png(), name="b.png"))

    _assert_pending(world.answer)


def test_it_sends_a_verified_answer_back_to_pending_on_remove(world, personas):
    evidence = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="a.pdf"))
    _verified(world.answer)

    remove_evidence(personas.admin_a, evidence)

    _assert_pending(world.answer)


def test_it_sends_a_verified_innovation_back_to_the_queue(world, personas):
    innovation = Innovation.objects.create(
        region=world.region_a, name="Layanan Cepat", urusan_utama="1.01", status=Status.VERIFIED
    )
    answer = _verified(
        Answer.objects.create(region=world.region_a, innovation=innovation, indicator_id="16")
    )

    upload_evidence(personas.admin_a, answer, ContentFile(pdf(), name="a.pdf"))

    _assert_pending(answer)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED


def test_it_leaves_a_pending_answer_without_a_reset_entry(world, client_a):
    post_file(client_a, world.answer, "a.pdf", pdf())

    assert not AuditEntry.objects.filter(action="answer.reset_to_pending").exists()


def test_it_refuses_uploads_after_the_window_closed(world, client_a):
    close_window(world)

    response = post_file(client_a, world.answer, "a.pdf", pdf())

    assert response.status_code == 403
    assert "Masa pelaporan" in response.content.decode()
    assert stored_files(world.media) == []
