"""Give every existing publication its frozen catalogue.

Publications made before profiles were frozen showed the live profile of every reported
innovation that existed when they were made; the closest record of that is the same selection
read now, so that is what is frozen for them.
"""

from django.db import migrations

REPORTED = ("submitted", "in_review", "returned", "verified", "locked")
PROFILE = (
    "name", "tahapan", "inisiator", "jenis", "bentuk", "urusan_utama", "urusan_terkait",
    "tanggal_uji_coba", "tanggal_penerapan", "rancang_bangun", "tujuan", "manfaat", "hasil",
    "anggaran", "video_url", "opd",
)
REGION = {
    "region__code": "region_code",
    "region__name": "region_name",
    "region__tingkat": "region_tingkat",
    "region__province_code": "province_code",
    "region__province_name": "province_name",
}


def backfill(apps, schema_editor):
    Publication = apps.get_model("results", "Publication")
    PublishedInnovation = apps.get_model("results", "PublishedInnovation")
    Innovation = apps.get_model("innovations", "Innovation")
    for publication in Publication.objects.all():
        rows = Innovation.objects.filter(
            region__period_id=publication.period_id,
            status__in=REPORTED,
            created_at__lte=publication.published_at,
        ).values("pk", *PROFILE, *REGION)
        PublishedInnovation.objects.bulk_create(
            (
                PublishedInnovation(
                    publication_id=publication.pk,
                    innovation_id=row.pop("pk"),
                    **{REGION.get(k, k): v for k, v in row.items()},
                )
                for row in rows.iterator(chunk_size=2000)
            ),
            batch_size=1000,
        )


class Migration(migrations.Migration):

    dependencies = [
        ("results", "0002_published_innovation"),
        ("innovations", "0001_initial"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
