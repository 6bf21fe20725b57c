"""The pemda journeys: an OPD operator drafts, the pemda admin edits and submits, a receipt."""

import hashlib
import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.innovations.models import Innovation, Status, Submission
from tests.innovations.workspace import (
    RULEBOOK,
    add_mandatory_evidence,
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    ready_innovation,
    region_a,
)


def test_it_lets_an_operator_draft_an_innovation(personas):
    region = region_a(open_period())
    client = client_for(personas.operator_a)
    url = reverse("pemda:new", args=[2026, region.code])

    assert client.get(url).status_code == 200
    response = client.post(url, innovation_post("Si Cantik"))

    innovation = Innovation.objects.get(name="Si Cantik")
    assert response.status_code == 302
    assert response.url == reverse("pemda:innovation", args=[innovation.pk])
    assert innovation.region == region
    assert innovation.status == Status.DRAFT
    assert innovation.created_by == personas.operator_a
    assert innovation.urusan == ["1.02", "2.16"]
    assert innovation.answers.count() == len(RULEBOOK.sid_indicators)
    assert innovation.answers.get(indicator_id="33").basis == "a"
    entry = AuditEntry.objects.get(action="innovation.created")
    assert entry.actor == personas.operator_a
    assert entry.object_id == str(innovation.pk)

    page = client.get(response.url)
    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="Si Cantik"' in body
    assert 'value="2025-02-01"' in body  # ISO, as <input type="date"> needs
    assert 'value="150000000.00"' in body
    assert "Kirim ke verifikator" not in body  # the operator does not submit


def test_it_keeps_the_input_of_an_invalid_form(personas):
    region = region_a(open_period())
    client = client_for(personas.operator_a)

    response = client.post(
        reverse("pemda:new", args=[2026, region.code]),
        innovation_post("", tanggal_uji_coba="2025-06-01", tujuan="Tetap ada"),
    )

    assert response.status_code == 200
    assert not Innovation.objects.exists()
    form = response.context["form"]
    assert set(form.errors) == {"name", "tanggal_penerapan"}
    assert "Tetap ada" in response.content.decode()


def test_it_lets_an_operator_edit_its_own_draft(personas):
    region = region_a(open_period())
    client = client_for(personas.operator_a)
    client.post(reverse("pemda:new", args=[2026, region.code]), innovation_post())
    innovation = Innovation.objects.get()
    url = reverse("pemda:innovation", args=[innovation.pk])

    response = client.post(url, innovation_post(version=1, tujuan="Tujuan baru", level_16="3"))

    assert response.status_code == 302
    innovation.refresh_from_db()
    assert innovation.tujuan == "Tujuan baru"
    assert innovation.version == 2
    assert innovation.answers.get(indicator_id="16").claimed_level == 3
    entry = AuditEntry.objects.get(action="innovation.updated")
    assert entry.data["fields"]["tujuan"] == ["Mempercepat layanan kesehatan", "Tujuan baru"]
    assert entry.data["answers"]["16"] == {"claimed_level": [2, 3]}


def test_it_keeps_operators_off_drafts_of_others_and_sent_innovations(personas):
    region = region_a(open_period())
    by_admin = ready_innovation(region, personas.admin_a, "Punya admin")
    own = ready_innovation(region, personas.operator_a, "Punya operator")
    own.status = Status.SUBMITTED
    own.save()
    client = client_for(personas.operator_a)

    for innovation in (by_admin, own):
        url = reverse("pemda:innovation", args=[innovation.pk])
        page = client.get(url)
        assert page.status_code == 200
        assert "Hanya baca" in page.content.decode()
        post = client.post(url, innovation_post(innovation.name, version=innovation.version))
        assert post.status_code == 403


def test_it_lets_the_admin_edit_and_submit_with_a_receipt(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.operator_a)
    client = client_for(personas.admin_a)
    url = reverse("pemda:innovation", args=[innovation.pk])

    edit = client.post(url, innovation_post(version=1, manfaat="Diedit admin"))
    assert edit.status_code == 302
    response = client.post(reverse("pemda:submit", args=[innovation.pk]))

    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("pemda:receipt", args=[submission.pk])
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    assert submission.innovation == innovation
    assert submission.submitted_by == personas.admin_a
    assert submission.snapshot["profil"]["manfaat"] == "Diedit admin"
    assert len(submission.snapshot["jawaban"]) == len(RULEBOOK.sid_indicators)
    canonical = json.dumps(
        submission.snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert submission.content_hash == hashlib.sha256(canonical.encode()).hexdigest()
    assert AuditEntry.objects.filter(action="innovation.submitted").count() == 1

    receipt = client.get(response.url)
    body = receipt.content.decode()
    assert receipt.status_code == 200
    assert submission.content_hash in body
    assert "Tanda terima pengiriman" in body
    # The print styles live in a static file (the CSP allows no inline style).
    assert "inovda/receipt.css" in body
    assert "@media print" in Path(finders.find("inovda/receipt.css")).read_text()
    assert "Inovasi terkirim" in body


def test_it_refuses_to_submit_what_is_not_eligible_and_says_why(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a, rancang_bangun="terlalu pendek")
    client = client_for(personas.admin_a)

    response = client.post(reverse("pemda:submit", args=[innovation.pk]), follow=True)

    assert Submission.objects.count() == 0
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT
    assert "Rancang bangun 2 kata; minimal 300" in response.content.decode()


def test_it_resubmits_a_returned_innovation(personas):
    region = region_a(open_period())
    innovation = ready_innovation(region, personas.admin_a)
    client = client_for(personas.admin_a)
    client.post(reverse("pemda:submit", args=[innovation.pk]))
    Innovation.objects.filter(pk=innovation.pk).update(status=Status.RETURNED)

    client.post(reverse("pemda:submit", args=[innovation.pk]))

    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    assert Submission.objects.filter(innovation=innovation).count() == 2


def test_it_needs_evidence_on_mandatory_indicators_before_submitting(personas):
    region = region_a(open_period())
    client = client_for(personas.admin_a)
    client.post(reverse("pemda:new", args=[2026, region.code]), innovation_post())
    innovation = Innovation.objects.get()

    refused = client.post(reverse("pemda:submit", args=[innovation.pk]), follow=True)
    assert "Indikator wajib 16 belum ada data dukung" in refused.content.decode()
    add_mandatory_evidence(innovation)
    client.post(reverse("pemda:submit", args=[innovation.pk]))

    assert Submission.objects.filter(innovation=innovation).count() == 1
