# The verifier assignment now belongs to accounts (same table): drop it from this app's state
# only, so the rows stay where they are.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_assignment"),
        ("verification", "0002_decisions_objections"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Assignment")],
            database_operations=[],
        ),
    ]
