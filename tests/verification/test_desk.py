"""The verifier's desk: the profile beside the indicators, evidence previewed inline, every
level-0 claim accepted in one audited action, the queue sorted by deadline and by pemda."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer, Evidence, Status, Verification
from inovda.regions.models import PeriodExtension
from inovda.verification.models import Decision
from tests.verification.helpers import make_innovation


@pytest.fixture
def verifier_client(client, world):
    client.force_login(world.personas.verifier)
    return client


def test_it_shows_the_innovation_profile_beside_the_indicators(verifier_client, world):
    innovation = world.innovation
    innovation.rancang_bangun = "Rancangan layanan keliling"
    innovation.video_url = "https://video.example.id/x"
    innovation.inisiator = "dprd"
    innovation.save()
    page = verifier_client.get(reverse("verifikasi:item", args=[innovation.pk])).text
    profile = page.split('class="desk-profile"')[1].split("</aside>")[0]
    assert "Rancangan layanan keliling" in profile
    assert "https://video.example.id/x" in profile
    assert "Anggota DPRD" in profile
    assert "1.02 " in profile
    assert "Batas pelaporan:" in page


def test_it_previews_pdf_evidence_inline_behind_the_gate(
    verifier_client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    answer = world.answers()[0]
    evidence = Evidence(
        answer=answer,
        original_name="sk.pdf",
        content_type="application/pdf",
        size=8,
        sha256="0" * 64,
    )
    evidence.file.save("sk.pdf", ContentFile(b"%PDF-1.4"), save=False)
    evidence.save()
    url = reverse("evidence:download", args=[evidence.pk])

    page = verifier_client.get(reverse("verifikasi:item", args=[world.innovation.pk])).text
    assert f'<iframe class="preview" src="{url}?tampil=1"' in page

    shown = verifier_client.get(url + "?tampil=1")
    assert shown.status_code == 200
    assert b"".join(shown.streaming_content) == b"%PDF-1.4"
    assert shown["Content-Type"] == "application/pdf"
    assert shown["Content-Disposition"] == "inline; filename*=UTF-8''sk.pdf"
    assert shown["X-Content-Type-Options"] == "nosniff"
    # Framed by our own pages only, still sandboxed, no script or plugin allowance.
    assert shown["Content-Security-Policy"] == (
        "default-src 'none'; frame-ancestors 'self'; sandbox"
    )
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    saved = verifier_client.get(url)
    assert saved["Content-Disposition"].startswith("attachment;")
    assert saved["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert saved["X-Frame-Options"] == "DENY"

    outsider = Client()
    outsider.force_login(world.personas.admin_b)
    assert outsider.get(url + "?tampil=1").status_code == 404
    assert outsider.get(url).status_code == 404


def test_it_accepts_every_level_zero_claim_in_one_action(verifier_client, world):
    innovation = make_innovation(world.region_a, claimed=0, name="Nol semua")
    Answer.objects.filter(pk=innovation.answers.order_by("pk").first().pk).update(claimed_level=2)
    before = AuditEntry.objects.filter(action="answer.accepted").count()
    page = verifier_client.get(reverse("verifikasi:item", args=[innovation.pk])).text
    zero = innovation.answers.filter(claimed_level=0).count()
    assert f"Terima semua klaim level 0 ({zero})" in page

    response = verifier_client.post(reverse("verifikasi:accept_zero", args=[innovation.pk]))

    assert response.status_code == 302
    assert not innovation.answers.filter(
        claimed_level=0, verification=Verification.PENDING
    ).exists()
    assert (
        innovation.answers.filter(claimed_level=2, verification=Verification.PENDING).count() == 1
    )
    assert Decision.objects.filter(answer__innovation=innovation).count() == zero
    assert AuditEntry.objects.filter(action="answer.accepted").count() == before + zero
    innovation.refresh_from_db()
    assert innovation.status == Status.IN_REVIEW


def test_it_refuses_the_bulk_accept_to_other_roles(client, world):
    client.force_login(world.personas.admin_a)
    response = client.post(reverse("verifikasi:accept_zero", args=[world.innovation.pk]))
    assert response.status_code == 403
    assert not Decision.objects.exists()


def test_it_sorts_the_queue_by_deadline_and_by_pemda(verifier_client, world, personas):
    from inovda.accounts.models import Assignment

    Assignment.objects.create(
        period=world.period, verifier=personas.verifier, region_code=world.region_b.current_code
    )
    other = make_innovation(world.region_b, name="Di pemda B")
    PeriodExtension.objects.create(
        period=world.period,
        region_code=world.region_a.current_code,
        closes_at=world.period.closes_at + timedelta(days=10),
        reason="Perpanjangan",
    )
    by_deadline = verifier_client.get(reverse("verifikasi:queue") + "?urut=batas")
    names = [i.name for i in by_deadline.context["page"]]
    assert names.index(other.name) < names.index(world.innovation.name)
    assert "Batas pelaporan" in by_deadline.text
    by_region = verifier_client.get(reverse("verifikasi:queue") + "?urut=pemda")
    regions = [i.region.name for i in by_region.context["page"]]
    assert regions == sorted(regions)
