# The verifier assignment moved here from verification. Its table keeps its name, so this
# only tells the migration state where the model lives now; no row is touched.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("regions", "0001_initial"),
        ("verification", "0002_decisions_objections"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Assignment",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("region_code", models.CharField(max_length=5, verbose_name="kode pemda")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "period",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="assignments",
                                to="regions.period",
                            ),
                        ),
                        (
                            "verifier",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="assignments",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "verification_assignment",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("period", "verifier", "region_code"),
                                name="assignment_once",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
