import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from inovda.accounts.models import User
from inovda.awards.models import Award
from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer, Evidence
from inovda.jobs.models import Job
from inovda.regions.models import Period
from inovda.results.models import Publication


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """One loaded demo shared by every test of the package (a load takes tens of seconds);
    removed afterwards so that the other packages start from an empty database."""
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock():
        # Loaded as at a terminal: the output is kept for the progress bar's test.
        out, err = io.StringIO(), Terminal()
        call_command("demo", "load", stdout=out, stderr=err)
        yield SimpleNamespace(out=out.getvalue(), err=err.getvalue())
        # The two largest tables first, in plain SQL: the ORM's cascade would read every row.
        with connection.cursor() as cursor:
            for model in (Evidence, Answer):
                cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608
        Award.objects.all().delete()  # before the publications and people it protects
        Publication.objects.all().delete()
        AuditEntry.objects.all().delete()
        Period.objects.all().delete()
        # The download jobs the command queued (no worker runs here).
        Job.objects.all().delete()
        DBTaskResult.objects.all().delete()
        User.objects.all().delete()  # the demo accounts and jurors
