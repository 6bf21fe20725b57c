"""A pemda admin logs in, drafts an innovation, uploads evidence and submits it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from inovda.accounts.models import Role
from inovda.innovations.models import Evidence, Innovation, Status, Submission
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from tests.personas import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
NARRATIVE = " ".join(["Layanan kesehatan keliling menjangkau desa terpencil."] * 50)


def open_period():
    period = create_period(2026)
    period.opens_at = timezone.now() - timedelta(days=1)
    period.closes_at = timezone.now() + timedelta(days=10)
    period.save()
    return period


def login(page, username):
    page.goto("/akun/masuk/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_load_state()


def test_it_takes_an_innovation_from_login_to_a_receipt(page, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    open_period()
    make_user("admin.serang", Role.PEMDA_ADMIN, "36.04", "Bappeda")
    login(page, "admin.serang")

    page.goto("/pemda/2026/36.04/inovasi/baru/")
    page.fill("#id_name", "Puskesmas Keliling Pintar")
    page.select_option("#id_tahapan", "penerapan")
    page.select_option("#id_inisiator", "opd")
    page.select_option("#id_jenis", "digital")
    page.select_option("#id_bentuk", "pelayanan_publik")
    page.select_option("#id_urusan_utama", "1.02")
    page.fill("#id_tanggal_uji_coba", "2024-03-01")
    page.fill("#id_tanggal_penerapan", "2024-06-01")
    page.fill("#id_rancang_bangun", NARRATIVE)
    page.fill("#id_tujuan", "Mendekatkan layanan kesehatan")
    page.fill("#id_manfaat", "Warga desa terlayani tanpa perjalanan jauh")
    page.fill("#id_video_url", "https://video.example.id/puskesmas")
    rulebook = load_rulebook(2026)
    for indicator in rulebook.sid_indicators:
        page.select_option(f"#id_level_{indicator.id}", "2")
    page.select_option("#id_basis_33", "a")
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_url(re.compile(r"/pemda/inovasi/\d+/"))
    innovation = Innovation.objects.get(name="Puskesmas Keliling Pintar")
    assert innovation.status == Status.DRAFT

    mandatory = [i.id for i in rulebook.sid_indicators if i.mandatory]
    for indicator_id in mandatory:
        page.goto(f"/pemda/inovasi/{innovation.pk}/")
        page.locator(f'[id="indikator-{indicator_id}"]').get_by_role(
            "link", name="Unggah data dukung"
        ).click()
        page.wait_for_url(re.compile(r"/bukti/jawaban/\d+/unggah/"))
        page.set_input_files(
            "input[type=file]",
            {"name": f"bukti-{indicator_id}.pdf", "mimeType": "application/pdf", "buffer": PDF},
        )
        page.get_by_role("button", name="Unggah", exact=True).click()
        expect(page.get_by_role("link", name=f"bukti-{indicator_id}.pdf")).to_be_visible()
    assert Evidence.objects.filter(answer__innovation=innovation).count() == len(mandatory)

    page.goto(f"/pemda/inovasi/{innovation.pk}/")
    page.get_by_role("button", name="Kirim ke verifikator").click()
    page.wait_for_url(re.compile(r"/pemda/tanda-terima/\d+/"))
    expect(page.locator("h1")).to_have_text("Tanda terima pengiriman")
    shown = page.locator("[data-hash]").inner_text()
    submission = Submission.objects.get(innovation=innovation)
    assert shown == submission.content_hash and re.fullmatch(r"[0-9a-f]{64}", shown)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
