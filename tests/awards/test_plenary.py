"""Final combination and ties, sign-off freezing, the public record, certificates."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from inovda.awards import jury, nominees, plenary
from inovda.awards.book import load_book
from inovda.awards.certificates import generate_certificates, revoke_certificate
from inovda.awards.combine import Row, rank_cluster
from inovda.awards.errors import AwardError
from inovda.awards.models import AwardRevision, Certificate
from inovda.core.models import AuditEntry
from tests.awards.conftest import full_scores, nominee_of
from tests.innovations.test_evidence_support import pdf


def test_the_final_score_combines_the_components_by_the_book():
    book = load_book(2023)  # 0.4 index + 0.35 presentation + 0.25 field
    rows = rank_cluster(book, "kota", [Row("1", "A", Decimal(70), Decimal(80), Decimal(90))])
    assert rows[0].final == Decimal("78.50")


def test_ties_are_broken_by_the_book_rule_and_shown():
    book = load_book(2023)
    a = Row("1", "A", Decimal(70), Decimal(80), Decimal(60))
    b = Row("2", "B", Decimal(80), Decimal(60), Decimal(72))  # same final: 71.00
    ranked = rank_cluster(book, "kota", [b, a])
    assert [r.code for r in ranked] == ["1", "2"]
    assert ranked[0].final == ranked[1].final
    assert "dipecah oleh skor presentasi" in ranked[0].tie_note


def test_sign_off_freezes_and_only_a_new_revision_changes(client, personas, award):
    serang = nominee_of(award, "36.04")
    jury.score_nominee(personas.juror, serang, full_scores(90), "baik")
    revision = plenary.sign_off(personas.national_admin, award)
    assert AuditEntry.objects.filter(action="award.signed_off").exists()
    award.refresh_from_db()
    with pytest.raises(AwardError, match="sudah ditetapkan"):
        jury.score_nominee(personas.juror, serang, full_scores(10), "ubah")
    with pytest.raises(AwardError, match="Alasan revisi"):
        plenary.open_revision(personas.national_admin, award, "")
    plenary.open_revision(personas.national_admin, award, "Koreksi nilai")
    award.refresh_from_db()
    jury.score_nominee(personas.juror, serang, full_scores(10), "ubah")
    # The public still reads revision 1 until the next sign-off.
    assert plenary.signed_revision(2026).pk == revision.pk
    plenary.sign_off(personas.national_admin, award, "Koreksi nilai")
    assert AwardRevision.objects.filter(award=award).count() == 2
    assert AuditEntry.objects.filter(action="award.revision_opened").exists()


def test_nothing_is_public_before_sign_off_and_everything_after(client, personas, award):
    assert client.get(reverse("awards:public", args=[2026])).status_code == 404
    assert client.get(reverse("awards:download", args=[2026, "csv"])).status_code == 404
    assert client.get("/api/v1/periods/2026/awards").status_code == 404
    plenary.sign_off(personas.national_admin, award)
    page = client.get(reverse("awards:public", args=[2026]))
    assert page.status_code == 200
    assert "ASUMSI" in page.text
    assert "Kabupaten Serang" in page.text
    data = client.get("/api/v1/periods/2026/awards").json()
    kab = next(c for c in data["clusters"] if c["cluster"] == "kabupaten")
    assert kab["winners"][0]["rank"] == 1
    assert {"code", "name", "index", "presentation", "field", "final"} <= set(kab["nominees"][0])
    csv = client.get(reverse("awards:download", args=[2026, "csv"]))
    assert b"36.04" in b"".join(csv.streaming_content)


def test_certificates_are_real_pdfs_and_verifiable(client, personas, award):
    plenary.sign_off(personas.national_admin, award)
    call_command("award_certificates", "2026")
    cert = Certificate.objects.get(region__code="36.04", kind="pemenang")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(cert.file.read())).pages)
    assert "Kabupaten Serang" in text
    assert cert.number in text
    si = Certificate.objects.filter(kind="sangat_inovatif").count()
    assert si == award.publication.results.filter(predicate="sangat_inovatif").count()
    genuine = client.get(reverse("awards:verify", args=[cert.number]))
    assert "Piagam ini asli." in genuine.text
    unknown = client.get(reverse("awards:verify", args=["IGA-2026-P-9999"]))
    assert unknown.status_code == 404
    assert "Nomor piagam tidak dikenal." in unknown.text
    revoke_certificate(personas.national_admin, cert, "Data tidak benar")
    revoked = client.get(reverse("awards:verify", args=[cert.number]))
    assert "Piagam ini telah dicabut." in revoked.text
    # Running again keeps the numbers.
    assert generate_certificates(None, award) > 0
    assert Certificate.objects.get(pk=cert.pk).number == cert.number


def test_a_strategy_file_of_the_wrong_type_is_refused_and_nothing_stored(client, personas, award):
    serang = nominee_of(award, "36.04")
    client.force_login(personas.admin_a)
    bad = SimpleUploadedFile("strategi.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(
        reverse("awards:materials", args=[serang.pk]),
        {"presenter_name": "Bupati", "presenter_office": "kepala_daerah", "strategy": bad},
    )
    assert response.status_code == 400
    assert "Jenis berkas tidak diizinkan" in response.text
    serang.refresh_from_db()
    assert serang.presenter_name == ""
    assert not serang.strategy_file


def test_the_pemda_admin_submits_material_before_the_deadline(client, personas, award):
    serang = nominee_of(award, "36.04")
    client.force_login(personas.admin_a)
    good = SimpleUploadedFile("strategi.pdf", pdf(), "x/y")
    response = client.post(
        reverse("awards:materials", args=[serang.pk]),
        {"presenter_name": "Bupati", "presenter_office": "kepala_daerah", "strategy": good},
    )
    assert response.status_code == 302
    serang.refresh_from_db()
    assert serang.strategy_sha256
    award.materials_deadline = award.created_at
    award.save()
    with pytest.raises(AwardError, match="Batas waktu"):
        nominees.submit_materials(
            personas.admin_a, serang, "Bupati", "kepala_daerah", None, None, None
        )
