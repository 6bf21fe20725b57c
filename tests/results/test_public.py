"""A publication freezes what it shows: edits made after publishing reach no public surface."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import models

from inovda.innovations.models import Innovation, Status
from inovda.results.models import PublishedInnovation
from inovda.results.services import publish_period, recompute_period
from tests.fixtures import add_innovations, published_period, republish

pytestmark = pytest.mark.django_db

# Who owns the row or its workflow, not what it says: set by services, never typed in.
NOT_PROFILE = {"id", "region", "created_by", "version", "status"}


def edit_everything(innovation: Innovation) -> list[str]:
    """Change every editable field of the innovation; returns their names."""
    changed = []
    for field in Innovation._meta.concrete_fields:
        if not field.editable or field.name in NOT_PROFILE:
            continue
        value = getattr(innovation, field.attname)
        if field.choices:
            new = next(choice for choice, _ in field.choices if choice != value)
        elif isinstance(field, models.BooleanField):
            new = not value
        elif isinstance(field, models.DateField):
            new = date(2001, 2, 3)
        elif isinstance(field, models.DecimalField):
            new = Decimal("987654.32")
        elif isinstance(field, models.URLField):
            new = "https://contoh.go.id/diubah"
        elif isinstance(field, models.JSONField):
            new = ["2.13"]
        elif isinstance(field, models.CharField) and field.name == "urusan_utama":
            new = "2.16"
        else:
            new = "Diubah setelah publikasi"
        setattr(innovation, field.attname, new)
        changed.append(field.name)
    innovation.save()
    return changed


def public_surfaces(client, innovation_id: int, draft_id: int) -> dict[str, bytes]:
    urls = [
        f"/inovasi/{innovation_id}/",
        f"/inovasi/{draft_id}/",
        "/katalog/?periode=2026",
        "/katalog/?periode=2026&q=Inovasi",
        "/katalog/?periode=2026&q=Diubah",
        "/katalog/?periode=2026&urusan=2.13",
        f"/api/v1/innovations/{innovation_id}",
        f"/api/v1/innovations/{draft_id}",
        "/api/v1/periods/2026/innovations?limit=1000",
        "/api/v1/periods/2026/innovations?q=Diubah",
        "/api/v1/periods/2026/innovations?urusan=2.13",
        "/unduh/periode/2026/katalog.csv",
    ]
    found = {}
    for url in urls:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        found[url] = (response.status_code, body)
    return found


def test_no_public_surface_changes_when_innovations_are_edited_after_publishing(client):
    published = published_period(2026)
    serang = published.region("36.04")
    counted = serang.innovations.order_by("name").first()
    draft = Innovation.objects.create(region=serang, name="Draf rahasia", urusan_utama="1.01")
    before = public_surfaces(client, counted.pk, draft.pk)
    assert before[f"/inovasi/{counted.pk}/"][0] == 200
    assert before[f"/api/v1/innovations/{draft.pk}"][0] == 404

    edited = edit_everything(counted)
    edit_everything(draft)
    Innovation.objects.filter(pk=counted.pk).update(status=Status.DRAFT)

    assert {"name", "tahapan", "urusan_terkait", "anggaran", "opd", "hasil"} <= set(edited)
    assert public_surfaces(client, counted.pk, draft.pk) == before


def test_the_next_publication_shows_the_edits(client):
    published = published_period(2026)
    counted = published.region("36.04").innovations.order_by("name").first()
    counted.name = "Nama baru"
    counted.save()
    assert client.get(f"/api/v1/innovations/{counted.pk}").json()["name"] == (
        "Inovasi 36.04 nomor 1"
    )
    republish(published)
    assert client.get(f"/api/v1/innovations/{counted.pk}").json()["name"] == "Nama baru"


def test_a_publication_freezes_only_the_innovations_it_counts():
    published = published_period(2026, data={"36.04": (3, 2, 2)})
    serang = published.region("36.04")
    Innovation.objects.create(region=serang, name="Draf", urusan_utama="1.01")
    [returned] = add_innovations(published.region("36.73"), 1, 2, 2)
    Innovation.objects.filter(pk=returned.pk).update(status=Status.RETURNED)
    recompute_period(published.period)
    second = publish_period(published.period)
    frozen = PublishedInnovation.objects.filter(publication=second)
    assert sorted(frozen.values_list("name", flat=True)) == [
        "Inovasi 36.04 nomor 1",
        "Inovasi 36.04 nomor 2",
        "Inovasi 36.04 nomor 3",
        "Inovasi 36.73 nomor 1",
    ]
    row = frozen.get(innovation_id=returned.pk)
    region = (row.region_code, row.region_name, row.region_tingkat)
    assert region == ("36.73", "Kota Serang", "kota")
    # The first publication keeps its own frozen catalogue.
    assert published.publication.innovations.count() == 3
