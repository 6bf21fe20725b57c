"""inovda backup → inovda restore into an empty database: the same API answers and
byte-identical downloads and evidence; a damaged backup or a non-empty database is refused
before anything changes."""

import shutil
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.test import Client

from inovda.accounts.models import User
from inovda.innovations.evidence import upload_evidence
from inovda.regions.models import Period
from inovda.results import downloads
from tests.fixtures import published_period
from tests.innovations.test_evidence_support import make_world, pdf

pytestmark = pytest.mark.django_db(transaction=True)
READS = [
    "/api/v1/periods",
    "/api/v1/periods/2025/recap",
    "/api/v1/periods/2025/rankings?cluster=kabupaten",
    "/api/v1/periods/2025/regions/36.04",
    "/unduh/periode/2025/peringkat.csv",
    "/unduh/periode/2025/peringkat.xlsx",
    "/unduh/periode/2025/katalog.csv",
    "/unduh/periode/2025/katalog.xlsx",
]


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _answers(evidence_pk: int) -> dict[str, tuple[int, bytes]]:
    anonymous, operator = Client(), Client()
    operator.force_login(User.objects.get(username="admin.a"))
    answers = {url: anonymous.get(url) for url in READS}
    answers["evidence"] = operator.get(f"/bukti/{evidence_pk}/unduh/")
    return {url: (r.status_code, _body(r)) for url, r in answers.items()}


@pytest.fixture
def installation(personas, settings, tmp_path):
    published = published_period(2025)
    downloads.build(published.publication)
    world = make_world(personas, settings, tmp_path)
    evidence = upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name="sk.pdf"))
    return evidence.pk


def _wipe(settings) -> None:
    call_command("flush", interactive=False, verbosity=0)
    ContentType.objects.clear_cache()
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def test_a_restore_gives_identical_answers_and_files(installation, settings, tmp_path, capsys):
    before = _answers(installation)
    assert all(status == 200 for status, _ in before.values())
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    _wipe(settings)
    assert not Period.objects.exists()
    call_command("restore", str(archive))
    assert "cocok dengan SHA-256" in capsys.readouterr().out
    assert _answers(installation) == before


def test_a_damaged_backup_is_refused_before_any_change(installation, settings, tmp_path):
    archive, damaged = tmp_path / "cadangan.zip", tmp_path / "rusak.zip"
    call_command("backup", str(archive))
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("files/evidence/"):
                data = data[:-1] + bytes([data[-1] ^ 1])
            target.writestr(item, data)
    _wipe(settings)
    with pytest.raises(CommandError, match="tidak sesuai hash SHA-256"):
        call_command("restore", str(damaged))
    assert not Period.objects.exists()
    assert not User.objects.exists()


def test_a_restore_into_a_database_in_use_is_refused(installation, tmp_path):
    archive = tmp_path / "cadangan.zip"
    call_command("backup", str(archive))
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("restore", str(archive))
