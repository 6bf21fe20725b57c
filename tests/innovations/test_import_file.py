"""The import service: template, checks, and the all-or-nothing write."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from inovda.core.models import AuditEntry
from inovda.innovations import importer
from inovda.innovations.fields import INNOVATION_FIELDS
from inovda.innovations.import_columns import COLUMNS
from inovda.innovations.import_template import build_template
from inovda.innovations.importer import ImportRefused, import_innovations, read_rows, validate
from inovda.innovations.models import Answer, Innovation, Status, Verification
from tests.innovations.test_import_support import (
    HEADERS,
    LEVELS,
    RULEBOOK,
    open_region,
    row,
    upload,
    xlsx,
)


def refused(region, content, actor=None) -> list[str]:
    with pytest.raises(ImportRefused) as caught:
        import_innovations(actor, region, upload(content))
    return [str(p) for p in caught.value.problems]


def test_it_builds_a_template_with_headers_and_validations():
    workbook = load_workbook(io.BytesIO(build_template(RULEBOOK)))
    assert workbook.sheetnames == ["Inovasi", "Petunjuk", "Referensi"]
    sheet = workbook["Inovasi"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert "L16 Regulasi inovasi daerah" in HEADERS
    validations = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    assert validations["B2:B2001"].formula1 == '"inisiatif,uji_coba,penerapan"'
    assert validations["E2:E2001"].formula1 == '"digital,non_digital"'
    assert validations["G2:G2001"].formula1 == "Referensi!$A$2:$A$41"
    levels = validations["S2:AL2001"]
    assert (levels.type, levels.formula1, levels.formula2) == ("whole", "0", "3")
    guide = [r[0] for r in workbook["Petunjuk"].iter_rows(values_only=True)]
    assert {"tahapan", "urusan_terkait", "L35"} <= set(guide)
    reference = list(workbook["Referensi"].iter_rows(values_only=True))
    assert reference[1] == ("1.01", "Pendidikan", "ya")


def test_it_covers_every_profile_attribute_of_the_form():
    assert [c.field for c in COLUMNS] == list(INNOVATION_FIELDS)


def test_it_refuses_the_empty_template(db):
    region = open_region()
    assert refused(region, build_template(RULEBOOK)) == [
        "berkas: lembar Inovasi tidak berisi baris data (mulai baris 2)"
    ]


def test_it_imports_a_valid_file(personas):
    region = open_region()
    content = xlsx([row(), row("Sapa Warga", L16=3, L35=None, urusan_terkait=None)])
    progress = []

    report = import_innovations(
        personas.admin_a, region, upload(content), progress=lambda d, t: progress.append(d)
    )

    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    assert progress == [1, 2]
    cantik = Innovation.objects.get(region=region, name="Si Cantik")
    assert cantik.status == Status.DRAFT
    assert cantik.created_by == personas.admin_a
    assert cantik.inisiator == "opd"
    assert cantik.urusan_terkait == ["1.01", "2.16"]
    assert str(cantik.tanggal_uji_coba) == "2024-03-01"
    assert str(cantik.tanggal_penerapan) == "2024-06-01"
    assert cantik.anggaran == 1500000
    levels = dict(
        Answer.objects.filter(innovation=cantik).values_list("indicator_id", "claimed_level")
    )
    assert levels == LEVELS
    sapa = Innovation.objects.get(region=region, name="Sapa Warga")
    assert sapa.answers.get(indicator_id="16").claimed_level == 3
    assert sapa.answers.get(indicator_id="35").claimed_level == 0  # empty cell = not claimed
    entry = AuditEntry.objects.get(action="innovations.imported")
    assert entry.actor == personas.admin_a
    assert entry.object_id == str(region.pk)
    assert entry.data["created"] == 2
    assert entry.data["via"] == "web"


def test_it_changes_nothing_when_the_same_file_is_imported_again(personas):
    region = open_region()
    content = xlsx([row(), row("Sapa Warga")])
    import_innovations(personas.admin_a, region, upload(content))
    before = list(Innovation.objects.values_list("pk", "version", "updated_at"))
    answers = list(Answer.objects.values_list("pk", "claimed_level", "version", "updated_at"))

    report = import_innovations(personas.admin_a, region, upload(content))

    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert list(Innovation.objects.values_list("pk", "version", "updated_at")) == before
    assert (
        list(Answer.objects.values_list("pk", "claimed_level", "version", "updated_at")) == answers
    )


def test_it_updates_a_draft_only_where_values_differ(personas):
    region = open_region()
    import_innovations(personas.admin_a, region, upload(xlsx([row(), row("Sapa Warga")])))
    sapa = Innovation.objects.get(name="Sapa Warga")
    answer = sapa.answers.get(indicator_id="16")
    answer.verification, answer.verified_level = Verification.ACCEPTED, 2
    answer.save()
    changed = xlsx([row(), row("SAPA  warga", tujuan="Baru", L16=3)])

    report = import_innovations(personas.admin_a, region, upload(changed))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    sapa.refresh_from_db()
    assert (sapa.name, sapa.tujuan, sapa.version) == ("SAPA warga", "Baru", 2)
    answer.refresh_from_db()
    assert (answer.claimed_level, answer.verification) == (3, Verification.PENDING)
    assert Innovation.objects.get(name="Si Cantik").version == 1


def test_it_refuses_an_innovation_already_submitted(personas):
    region = open_region()
    Innovation.objects.create(region=region, name="Si Cantik", status=Status.SUBMITTED)

    problems = refused(region, xlsx([row("si cantik"), row("Sapa Warga")]), personas.admin_a)

    assert problems == ["baris 2, kolom nama: sudah dikirim; ubah lewat formulir"]
    assert Innovation.objects.count() == 1


def test_it_lets_an_operator_update_only_own_drafts(personas):
    region = open_region()
    Innovation.objects.create(region=region, name="Si Cantik", created_by=personas.admin_a)

    problems = refused(region, xlsx([row()]), personas.operator_a)

    assert problems == [
        "baris 2, kolom nama: Operator OPD hanya dapat mengubah draf inovasinya sendiri"
    ]


def test_it_imports_nothing_and_lists_every_problem(personas):
    region = open_region()
    rows = [
        row("Baik 1"),
        row("Salah 1", tahapan="ujicoba", urusan_utama="9.99", L16=4, L17="tiga"),
        row("Baik 2"),
        row("Salah 2", anggaran=-5, video_url="bukan tautan", tanggal_uji_coba="31/12/2024"),
        row("baik 1", jenis=None, urusan_terkait="1.02, 1.01"),
        row(None, anggaran="1.500.000", tanggal_penerapan="2024-01-01"),
    ]

    problems = refused(region, xlsx(rows), personas.admin_a)

    assert problems == [
        "baris 3, kolom tahapan: 'ujicoba' bukan pilihan (inisiatif, uji_coba, penerapan)",
        "baris 3, kolom urusan_utama: kode urusan '9.99' tidak dikenal (lihat lembar Referensi)",
        "baris 3, kolom L16: '4' bukan level (bilangan bulat 0–3)",
        "baris 3, kolom L17: 'tiga' bukan level (bilangan bulat 0–3)",
        "baris 5, kolom tanggal_uji_coba: '31/12/2024' bukan tanggal "
        "(isi tanggal Excel atau YYYY-MM-DD)",
        "baris 5, kolom anggaran: tidak boleh negatif",
        "baris 5, kolom video_url: 'bukan tautan' bukan tautan yang sah (awali dengan https://)",
        "baris 6, kolom jenis: wajib diisi",
        # The form's rules and messages: the import binds the same form.
        "baris 6, kolom urusan_terkait: Urusan 1.02 sudah menjadi urusan utama; jangan dipilih "
        "lagi sebagai urusan terkait.",
        "baris 6, kolom nama: nama sama dengan baris 2",
        "baris 7, kolom nama: wajib diisi",
        "baris 7, kolom anggaran: '1.500.000' bukan angka (tanpa 'Rp' dan titik ribuan, "
        "mis. 1500000)",
        "baris 7, kolom tanggal_penerapan: Waktu penerapan tidak boleh sebelum uji coba.",
    ]
    assert Innovation.objects.count() == 0
    assert Answer.objects.count() == 0
    assert not AuditEntry.objects.exists()


def test_it_reads_labels_and_cells_excel_turned_into_numbers(db):
    region = open_region()
    content = xlsx([row(tahapan="Uji coba", jenis="Non-digital", urusan_utama=2.1, L16="3")])

    rows = read_rows(upload(content), RULEBOOK)

    assert validate(rows, region) == []
    import_innovations(None, region, upload(content))
    innovation = Innovation.objects.get()
    assert (innovation.tahapan, innovation.jenis) == ("uji_coba", "non_digital")
    assert innovation.urusan_utama == "2.10"
    assert innovation.answers.get(indicator_id="16").claimed_level == 3


def test_it_refuses_a_file_that_is_not_xlsx(db):
    region = open_region()
    not_excel = io.BytesIO()
    with zipfile.ZipFile(not_excel, "w") as z:
        z.writestr("word/document.xml", "<w/>")

    assert refused(region, b"nama;tahapan\nSi Cantik;penerapan\n") == [
        "berkas: bukan berkas XLSX (simpan dari Excel atau LibreOffice sebagai .xlsx)"
    ]
    assert refused(region, not_excel.getvalue()) == [
        "berkas: bukan berkas XLSX yang dapat dibaca (KeyError)"
    ]


def test_it_names_the_missing_sheet(db):
    region = open_region()
    assert refused(region, xlsx([row()], sheet="Sheet1")) == [
        "berkas: lembar 'Inovasi' tidak ada (ada: Sheet1)"
    ]


def test_it_names_missing_unknown_and_duplicate_headers(db):
    region = open_region()
    headers = [h for h in HEADERS if h not in ("opd", "L35 Video inovasi")]
    headers = [*headers, "catatan", "tahapan"]

    problems = refused(region, xlsx([row()], headers=headers))

    assert problems == [
        "baris 1, kolom AK: judul 'catatan' tidak dikenal",
        "baris 1, kolom AL: judul tahapan ganda (juga kolom B)",
        "baris 1, kolom opd: kolom tidak ada di baris judul",
        "baris 1, kolom L35: kolom tidak ada di baris judul",
    ]


def test_it_refuses_too_many_rows(db, monkeypatch):
    region = open_region()
    monkeypatch.setattr(importer, "MAX_ROWS", 3)

    problems = refused(region, xlsx([row(f"Inovasi {n}") for n in range(4)]))

    assert problems == ["berkas: lebih dari 3 baris data; bagi menjadi beberapa berkas"]
    assert Innovation.objects.count() == 0
