"""The other days of the staff side, each at 1366×768 and 390×844: a returned innovation
revised and sent again (after the OPD operator looked in), a verifier deciding a queue, and the
national admin publishing through the confirmation. Every visited page is checked for sideways
scroll on the phone and for serious accessibility violations."""

import re
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import expect

from inovda.accounts.models import Assignment, Role
from inovda.innovations.models import Answer, Evidence, Innovation, Status, Verification
from inovda.innovations.services import create_innovation, save_profile, submit_innovation
from inovda.regions.services import create_period
from inovda.results.models import Publication
from inovda.rulebooks.loader import load_rulebook
from inovda.verification.models import Decision, Outcome, Reason, RevisionRequest
from tests.browser.staff import check_page, click_through, login, logout, screenshot
from tests.innovations.test_evidence_support import pdf
from tests.innovations.workspace import add_mandatory_evidence, innovation_data
from tests.personas import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PDF = pdf()  # well formed: the upload checks the PDF structure
RULEBOOK = load_rulebook(2026)
FIRST = RULEBOOK.sid_indicators[0].id


def open_period(days_left: int = 10):
    period = create_period(2026)
    period.opens_at = timezone.now() - timedelta(days=20)
    period.closes_at = timezone.now() + timedelta(days=days_left)
    period.save()
    return period


def test_it_revises_a_returned_innovation_and_sends_it_again(sized_page, settings, tmp_path):
    page = sized_page
    settings.MEDIA_ROOT = tmp_path
    period = open_period()
    region = period.regions.get(code="36.04")
    admin = make_user("admin.serang", Role.PEMDA_ADMIN, "36.04", "Bappeda")
    make_user("operator.serang", Role.OPD_OPERATOR, "36.04", "Dinkes")
    verifier = make_user("verifikator", Role.VERIFIER)
    innovation = create_innovation(admin, region, innovation_data("Si Cantik"))
    add_mandatory_evidence(innovation, admin)
    submit_innovation(admin, innovation)
    Innovation.objects.filter(pk=innovation.pk).update(status=Status.RETURNED)
    RevisionRequest.objects.create(
        innovation=innovation, verifier=verifier, notes="Lengkapi SK penetapan inovasi."
    )
    answer = Answer.objects.get(innovation=innovation, indicator_id=FIRST)
    Decision.objects.create(
        answer=answer,
        verifier=verifier,
        outcome=Outcome.RETURN,
        level=0,
        claimed_level=answer.claimed_level,
        reason=Reason.EVIDENCE_MISSING,
        text="SK belum ditandatangani",
    )

    login(page, "operator.serang")
    expect(page.get_by_text("Admin pemda Anda yang mengirim ke verifikator.")).to_be_visible()
    check_page(page)
    screenshot(page, "operator-opd")
    logout(page)

    login(page, "admin.serang")
    task = page.locator(".todo-item", has_text="inovasi perlu perbaikan")
    expect(task.locator("[data-count]")).to_have_text("1")
    click_through(page, task.get_by_role("link"), r"status=returned")
    expect(page.locator("[data-deadline]")).to_contain_text("Batas pelaporan:")
    expect(page.locator("[data-returned-count]")).to_contain_text("Perlu perbaikan (1)")
    click_through(page, page.get_by_role("link", name="Si Cantik"), r"/pemda/inovasi/\d+/")
    expect(page.locator("[data-revision-notes]")).to_contain_text("Lengkapi SK penetapan")
    block = page.locator(f'[id="indikator-{FIRST}"]')
    expect(block.locator("[data-reason]")).to_contain_text("SK belum ditandatangani")

    block.locator(f"#id_level_{FIRST}_3").check()
    block.locator("input[type=file]").set_input_files(
        {"name": "sk-ditandatangani.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    block.get_by_role("button", name="Simpan & unggah data dukung").click()
    expect(
        page.locator(f'[id="indikator-{FIRST}"]').get_by_role("link", name="sk-ditandatangani.pdf")
    ).to_be_visible()
    check_page(page)
    page.get_by_role("button", name="Simpan & kirim ke verifikator").click()
    page.wait_for_url(re.compile(r"/pemda/tanda-terima/\d+/"))
    check_page(page)
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    assert Answer.objects.get(pk=answer.pk).claimed_level == 3
    expect(page.locator("[data-receipt-number]")).to_have_text("2026-36.04-0002")


def assert_pdf_shown(page, marker: str) -> None:
    """The framed PDF is rendered by the browser's viewer, not blocked or downloaded."""
    page.wait_for_function(
        """marker => Array.from(document.querySelectorAll("iframe.preview"))
            .some(f => f.src.includes(marker))""",
        arg=marker,
    )
    for _ in range(100):  # the viewer loads after the frame: poll, not a fixed wait
        framed = [f for f in page.frames if marker in f.url]
        viewer = [f for f in page.frames if f.parent_frame in framed]
        if framed and viewer and framed[0].evaluate("document.contentType") == "application/pdf":
            assert not any(f.url.startswith("chrome-error:") for f in page.frames)
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"no PDF viewer in {[f.url for f in page.frames]}")


def test_it_lets_a_verifier_decide_a_queue(sized_page, settings, tmp_path):
    page = sized_page
    settings.MEDIA_ROOT = tmp_path
    period = open_period()
    region = period.regions.get(code="36.04")
    admin = make_user("admin.serang", Role.PEMDA_ADMIN, "36.04", "Bappeda")
    verifier = make_user("verifikator", Role.VERIFIER)
    Assignment.objects.create(period=period, verifier=verifier, region_code=region.current_code)
    for name in ("Inovasi pertama", "Inovasi kedua"):
        data = innovation_data(name, level=0)
        data["answers"][FIRST]["level"] = 2
        innovation = create_innovation(admin, region, data)
        Innovation.objects.filter(pk=innovation.pk).update(status=Status.SUBMITTED)
    first = Answer.objects.get(innovation__name="Inovasi pertama", indicator_id=FIRST)
    evidence = Evidence(
        answer=first, original_name="sk.pdf", content_type="application/pdf", size=len(PDF)
    )
    evidence.file.save("sk.pdf", ContentFile(PDF), save=False)
    evidence.save()

    login(page, "verifikator")
    task = page.locator(".todo-item", has_text="inovasi menunggu keputusan")
    expect(task.locator("[data-count]")).to_have_text("2")
    check_page(page)
    screenshot(page, "verifikator")
    click_through(page, task.get_by_role("link"), r"/verifikasi/")
    page.select_option("select[name=urut]", "batas")
    page.get_by_role("button", name="Saring").click()
    page.wait_for_url(re.compile(r"urut=batas"))
    check_page(page)
    click_through(page, page.get_by_role("link", name="Inovasi pertama"), r"/verifikasi/inovasi/")

    # The PDF evidence previews inline, full width under its row, in the browser's viewer;
    # the sheet's decision column is in view without scrolling sideways.
    preview = page.locator(".preview-row .preview-details", has_text="sk.pdf")
    preview.locator("summary").click()
    expect(preview.locator("iframe.preview")).to_be_visible()
    assert preview.locator("iframe.preview").bounding_box()["width"] > 300
    assert_pdf_shown(page, f"/bukti/{evidence.pk}/unduh/?tampil=1")
    sheet = page.locator(".desk-sheet .table-wrap")
    assert sheet.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "decisions off-screen"

    for name in ("Inovasi pertama", "Inovasi kedua"):
        expect(page.locator("h1")).to_have_text(name)
        expect(page.locator(".desk-profile")).to_contain_text("Rancang bangun")
        expect(page.locator("[data-deadline]")).to_contain_text("Batas pelaporan:")
        page.get_by_role("button", name=re.compile(r"Terima semua klaim level 0")).click()
        page.wait_for_load_state()
        check_page(page)
        innovation = Innovation.objects.get(name=name)
        answer = Answer.objects.get(innovation=innovation, indicator_id=FIRST)
        row = page.locator(f'[id="jawaban-{answer.pk}"]')
        row.scroll_into_view_if_needed()
        row.get_by_label("Diterima di level lebih rendah").check()
        row.get_by_role("button", name="Simpan", exact=True).click()
        page.wait_for_load_state()
        row = page.locator(f'[id="jawaban-{answer.pk}"]')
        expect(row.locator(".alert-error")).to_contain_text("Alasan wajib dipilih")
        check_page(page)
        row.get_by_label("Diterima di level lebih rendah").check()
        row.locator("select[name=level]").select_option("1")
        row.locator("select[name=reason]").select_option(Reason.LEVEL_MISMATCH.value)
        row.get_by_role("button", name="Simpan & berikutnya").click()
        page.wait_for_load_state()
        page.get_by_role("button", name="Selesai & berikutnya").click()
        page.wait_for_load_state()
        check_page(page)
        innovation.refresh_from_db()
        assert innovation.status == Status.VERIFIED
        assert not innovation.answers.filter(verification=Verification.PENDING).exists()


def test_it_lets_the_national_admin_publish_through_the_confirmation(sized_page):
    page = sized_page
    period = open_period()
    region = period.regions.get(code="36.04")
    admin = make_user("admin.serang", Role.PEMDA_ADMIN, "36.04", "Bappeda")
    make_user("admin.nasional", Role.NATIONAL_ADMIN)
    innovation = create_innovation(admin, region, innovation_data("Terverifikasi"))
    innovation.answers.update(verification=Verification.ACCEPTED, verified_level=2)
    Innovation.objects.filter(pk=innovation.pk).update(status=Status.VERIFIED)
    save_profile(
        admin,
        region,
        {
            i.id: {"level": 1, "value": "", "note": "", "version": None}
            for i in RULEBOOK.spd_indicators
        },
    )

    login(page, "admin.nasional")
    expect(page.locator(".todo-item", has_text="belum dipublikasikan")).to_be_visible()
    check_page(page)
    screenshot(page, "admin-nasional")
    click_through(
        page,
        page.get_by_role("link", name="Periode 2026: hitung ulang & publikasi"),
        r"/periode-admin/2026/",
    )
    click_through(
        page,
        page.get_by_role("link", name="Periksa dan publikasikan 2026"),
        r"/periode-admin/2026/terbitkan/",
    )
    expect(page.locator(".blockers")).to_contain_text("Masa pelaporan masih berjalan")
    expect(page.get_by_role("button", name="Ya, publikasikan 2026")).to_have_count(0)
    type(period).objects.filter(pk=period.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    page.reload()
    check_page(page)
    expect(page.locator(".warnings")).to_contain_text("Masa sanggah belum pernah dijadwalkan")
    page.get_by_role("button", name="Ya, publikasikan 2026").click()
    page.wait_for_load_state()
    check_page(page)
    assert Publication.objects.filter(period=period).count() == 1
    innovation.refresh_from_db()
    assert innovation.status == Status.LOCKED


def test_it_fits_the_public_tables_on_a_phone(browser, live_server):
    from tests.fixtures import published_period

    published_period(2026)
    context = browser.new_context(
        base_url=live_server.url, locale="id-ID", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.viewport_name = "phone"
    try:
        for url in (
            "/periode/2026/",
            "/periode/2026/peringkat/",
            "/periode/2026/pemda/36.04/",
            "/metodologi/",
            "/katalog/",
        ):
            page.goto(url)
            check_page(page)
    finally:
        context.close()
