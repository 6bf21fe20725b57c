"""The import and the form are one path: the same field table, the same rules, the same
services, so an imported innovation has the same history as a typed one."""

import pytest
from django.urls import reverse

from inovda.core.models import AuditEntry
from inovda.innovations.fields import INNOVATION_FIELDS, PROFILE
from inovda.innovations.forms import InnovationForm
from inovda.innovations.import_columns import COLUMNS
from inovda.innovations.importer import ImportRefused, import_innovations
from inovda.innovations.models import Innovation
from tests.innovations.test_import_support import RULEBOOK, open_region, row, upload, xlsx
from tests.innovations.workspace import (
    client_for,
    fast_passwords,  # noqa: F401 (autouse fixture)
    innovation_post,
    open_period,
    region_a,
)


def history(client, innovation: Innovation) -> str:
    url = reverse("riwayat:object", args=["innovations.innovation", innovation.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_derives_the_form_and_the_import_columns_from_one_table():
    form = InnovationForm(RULEBOOK)
    assert list(form.fields)[: len(PROFILE)] == list(INNOVATION_FIELDS)
    assert [c.field for c in COLUMNS] == list(INNOVATION_FIELDS)
    by_field = {c.field: c for c in COLUMNS}
    # Labels and choices are the model's; required marks the form's.
    assert by_field["name"].key == "nama"
    assert by_field["name"].label == form.fields["name"].label == "Nama inovasi"
    assert by_field["anggaran"].label == "Anggaran (Rp)"
    assert by_field["tahapan"].choices == (
        ("inisiatif", "Inisiatif"),
        ("uji_coba", "Uji coba"),
        ("penerapan", "Penerapan"),
    )
    required = {c.key for c in COLUMNS if c.required}
    assert required == {"nama", "tahapan", "inisiator", "jenis", "bentuk", "urusan_utama"}
    assert {c.key: c.kind for c in COLUMNS if c.kind != "text"} == {
        "tahapan": "choice",
        "inisiator": "choice",
        "jenis": "choice",
        "bentuk": "choice",
        "urusan_utama": "urusan",
        "urusan_terkait": "urusan_list",
        "tanggal_uji_coba": "date",
        "tanggal_penerapan": "date",
        "tanggal_pengembangan": "date",
        "anggaran": "money",
        "video_url": "url",
    }


def test_it_gives_an_imported_innovation_the_history_of_a_typed_one(personas):
    region = open_region()
    import_innovations(personas.admin_a, region, upload(xlsx([row()])))
    innovation = Innovation.objects.get(name="Si Cantik")

    created = AuditEntry.objects.get(
        action="innovation.created", object_id=str(innovation.pk), actor=personas.admin_a
    )
    assert created.data["fields"]["urusan_terkait"] == ["1.01", "2.16"]
    assert created.data["answers"]["16"] == {"level": 2}
    assert "Inovasi dibuat" in history(client_for(personas.admin_a), innovation)

    changed = xlsx([row(tujuan="Baru", L16=3)])
    import_innovations(personas.admin_a, region, upload(changed))
    import_innovations(personas.admin_a, region, upload(changed))  # the same again: no entry

    updated = AuditEntry.objects.get(action="innovation.updated", object_id=str(innovation.pk))
    assert updated.data["fields"] == {"tujuan": ["Mempercepat layanan", "Baru"]}
    assert updated.data["answers"] == {"16": {"claimed_level": [2, 3]}}
    assert "Inovasi diubah" in history(client_for(personas.admin_a), innovation)


def test_it_keeps_the_basis_and_notes_typed_in_the_form_when_importing(personas):
    region = open_region()
    import_innovations(personas.admin_a, region, upload(xlsx([row()])))
    innovation = Innovation.objects.get()
    answer = innovation.answers.get(indicator_id="33")
    answer.basis, answer.note = "a", "diisi di formulir"
    answer.save()

    import_innovations(personas.admin_a, region, upload(xlsx([row(L33=3)])))

    answer.refresh_from_db()
    assert (answer.claimed_level, answer.basis, answer.note) == (3, "a", "diisi di formulir")


def test_it_logs_the_command_line_import_without_an_actor(db):
    region = open_region()
    import_innovations(None, region, upload(xlsx([row()])))

    innovation = Innovation.objects.get()
    assert innovation.created_by is None
    entry = AuditEntry.objects.get(action="innovation.created")
    assert (entry.actor, entry.object_id) == (None, str(innovation.pk))


def test_it_refuses_the_primary_urusan_among_the_related_ones_in_the_form(personas):
    region = region_a(open_period())
    client = client_for(personas.admin_a)

    response = client.post(
        reverse("pemda:new", args=[2026, region.code]),
        innovation_post("Si Cantik", urusan_terkait=["2.16", "1.02"]),
    )

    assert response.status_code == 200
    assert not Innovation.objects.exists()
    assert response.context["form"].errors == {
        "urusan_terkait": [
            "Urusan 1.02 sudah menjadi urusan utama; jangan dipilih lagi sebagai urusan terkait."
        ]
    }
    assert "Urusan 1.02 sudah menjadi urusan utama" in response.content.decode()


def test_it_refuses_the_same_rule_with_the_same_message_in_the_import(personas):
    region = open_region()

    content = xlsx([row(urusan_terkait="2.16, 1.02")])
    with pytest.raises(ImportRefused) as caught:
        import_innovations(personas.admin_a, region, upload(content))

    assert [str(p) for p in caught.value.problems] == [
        "baris 2, kolom urusan_terkait: Urusan 1.02 sudah menjadi urusan utama; jangan dipilih "
        "lagi sebagai urusan terkait."
    ]
    assert not Innovation.objects.exists()
