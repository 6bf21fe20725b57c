"""A pemda admin's day, at 1366×768 and at 390×844: log in (after one wrong password), land on
the home, draft an innovation (after one failed save), upload evidence inside the indicator
blocks without losing a changed level, send it, and read the receipt."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from inovda.accounts.models import Role
from inovda.innovations.models import Answer, Evidence, Innovation, Status, Submission
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from tests.browser.staff import check_page, click_through, login, screenshot
from tests.innovations.test_evidence_support import pdf
from tests.personas import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = pdf()  # well formed: the upload checks the PDF structure
NARRATIVE = " ".join(["Layanan kesehatan keliling menjangkau desa terpencil."] * 50)


def open_period():
    period = create_period(2026)
    period.opens_at = timezone.now() - timedelta(days=1)
    period.closes_at = timezone.now() + timedelta(days=10)
    period.save()
    return period


def fill_profile(page, name: str) -> None:
    page.fill("#id_name", name)
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


def test_it_takes_an_innovation_from_login_to_a_receipt(sized_page, settings, tmp_path):
    page = sized_page
    settings.MEDIA_ROOT = tmp_path
    open_period()
    make_user("admin.serang", Role.PEMDA_ADMIN, "36.04", "Bappeda")

    login(page, "admin.serang", "salah")
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert "nama pengguna nama pengguna" not in summary.inner_text().lower()
    check_page(page)
    login(page, "admin.serang")
    assert page.url.endswith("/akun/")
    expect(page.locator(".account-menu")).to_contain_text("Admin pemda · Kabupaten Serang")
    expect(page.get_by_text("Batas pelaporan:")).to_be_visible()
    check_page(page)
    screenshot(page, "admin-pemda")

    click_through(page, page.get_by_role("link", name="Tambah inovasi"), r"/inovasi/baru/")
    expect(page.locator("[data-deadline]")).to_contain_text("(sisa 10 hari)")
    rulebook = load_rulebook(2026)
    fill_profile(page, "")
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    summary.get_by_role("link").first.click()
    check_page(page)
    page.fill("#id_name", "Puskesmas Keliling Pintar")
    for indicator in rulebook.sid_indicators:
        page.check(f"#id_level_{indicator.id}_2")
    page.select_option("#id_basis_33", "a")
    page.get_by_role("button", name="Simpan draf").click()
    page.wait_for_url(re.compile(r"/pemda/inovasi/\d+/"))
    check_page(page)
    innovation = Innovation.objects.get(name="Puskesmas Keliling Pintar")
    assert innovation.status == Status.DRAFT

    # Leaving a changed form asks first; staying keeps what was typed.
    first = rulebook.sid_indicators[0].id
    page.check(f"#id_level_{first}_1")
    asked: list[str] = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.locator(".staff-nav").get_by_role("link", name="Beranda saya").click()
    expect(page.locator("[data-unsaved-note]")).to_be_visible()
    assert asked == ["beforeunload"]
    assert re.search(r"/pemda/inovasi/\d+/", page.url)
    expect(page.locator(f"#id_level_{first}_1")).to_be_checked()
    page.check(f"#id_level_{first}_2")

    mandatory = [i.id for i in rulebook.sid_indicators if i.mandatory]
    for indicator_id in mandatory:
        block = page.locator(f'[id="indikator-{indicator_id}"]')
        block.scroll_into_view_if_needed()
        block.locator(f"#id_level_{indicator_id}_3").check()  # changed, not yet saved
        block.locator("input[type=file]").set_input_files(
            {"name": f"bukti-{indicator_id}.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        block.get_by_role("button", name="Simpan & unggah data dukung").click()
        block = page.locator(f'[id="indikator-{indicator_id}"]')
        expect(block.get_by_role("link", name=f"bukti-{indicator_id}.pdf")).to_be_visible()
        expect(block.locator("h3")).to_be_in_viewport()  # back at the block, not the top
    check_page(page)
    # The eligibility checklist still follows the typing after the upload swaps.
    checklist = page.locator("[data-kelayakan]")
    page.fill("#id_rancang_bangun", "Terlalu singkat")
    expect(checklist).to_contain_text("Rancang bangun 2 kata; minimal")
    page.fill("#id_rancang_bangun", NARRATIVE)
    expect(checklist).to_contain_text(f"Rancang bangun {len(NARRATIVE.split())} kata (minimal")
    assert Evidence.objects.filter(answer__innovation=innovation).count() == len(mandatory)
    levels = Answer.objects.filter(innovation=innovation, indicator_id__in=mandatory)
    assert {a.claimed_level for a in levels} == {3}

    page.get_by_role("button", name="Simpan & kirim ke verifikator").click()
    page.wait_for_url(re.compile(r"/pemda/tanda-terima/\d+/"))
    check_page(page)
    expect(page.locator("h1")).to_have_text("Tanda terima pengiriman")
    shown = page.locator("[data-hash]").inner_text()
    submission = Submission.objects.get(innovation=innovation)
    assert shown == submission.content_hash and re.fullmatch(r"[0-9a-f]{64}", shown)
    expect(page.locator("[data-receipt-number]")).to_have_text("2026-36.04-0001")
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
