"""The web import as a background job: its page (progress that polls, then the outcome), a
failure that writes nothing and says why, retries that change nothing twice, the upload kept
in storage for the worker, and the page's gate."""

import hashlib
import uuid

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from inovda.core.models import AuditEntry
from inovda.innovations import import_jobs
from inovda.innovations.models import Innovation
from inovda.jobs.models import Job
from tests.innovations.test_import_support import open_region, row, upload, xlsx
from tests.personas import REGION_B

FORM = "/impor/2026/36.04/"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def page(region, job) -> str:
    return f"/impor/2026/{region.code}/pekerjaan/{job.pk}/"


def stored_uploads() -> list[str]:
    if not default_storage.exists(import_jobs.FOLDER):
        return []
    return default_storage.listdir(import_jobs.FOLDER)[1]


def test_it_runs_the_import_as_a_job_and_reports_the_counts(client, personas):
    region = open_region()
    client.force_login(personas.operator_a)

    response = client.post(FORM, {"file": upload(xlsx([row(), row("Sapa Warga")]), "data.xlsx")})

    job = Job.objects.get(kind=import_jobs.IMPORT)
    assert (response.status_code, response["Location"]) == (302, page(region, job))
    assert (job.state, job.done, job.total, job.percent) == ("done", 2, 2, 100)
    assert job.requested_by == personas.operator_a
    assert job.result == {"created": 2, "updated": 0, "unchanged": 0}
    assert job.message == "Impor selesai: 2 dibuat, 0 diubah, 0 tetap."
    html = client.get(page(region, job)).content.decode()
    assert "Impor inovasi</strong> · Selesai" in html
    assert "2 inovasi baru dibuat sebagai draf" in html
    assert "hx-trigger" not in html and "http-equiv" not in html  # finished: nothing to poll
    assert Innovation.objects.filter(region=region, created_by=personas.operator_a).count() == 2
    entry = AuditEntry.objects.get(action="innovations.imported")
    assert (entry.data["via"], entry.data["file"]) == ("web", "data.xlsx")
    assert stored_uploads() == []  # the stored copy goes once the job has ended


def test_a_running_import_shows_a_bar_that_polls_and_a_refresh_without_javascript(client, personas):
    region = open_region()
    job = Job.objects.create(
        kind=import_jobs.IMPORT,
        subject=f"import:{region.pk}:abc",
        state="running",
        done=30,
        total=120,
        requested_by=personas.admin_a,
    )
    client.force_login(personas.admin_a)

    html = client.get(page(region, job)).content.decode()

    assert '<progress max="100" value="25">' in html
    assert "(30/120)" in html
    assert f'hx-get="{page(region, job)}" hx-trigger="every 1s"' in html
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in html
    partial = client.get(page(region, job), headers={"HX-Request": "true"})
    assert partial.status_code == 200
    assert "<html" not in partial.content.decode()
    assert 'hx-swap="outerHTML"' in partial.content.decode()


def test_a_refused_file_fails_the_job_with_every_problem_and_writes_nothing(client, personas):
    region = open_region()
    client.force_login(personas.admin_a)
    content = xlsx([row(), row("Sapa Warga", tahapan="ujicoba")])

    client.post(FORM, {"file": upload(content)})

    job = Job.objects.get(kind=import_jobs.IMPORT)
    assert job.state == "failed"
    assert job.error == "Impor dibatalkan: 1 masalah; tidak ada data yang diimpor."
    assert job.result["problems"][0][:2] == [3, "tahapan"]
    assert not Innovation.objects.exists()
    assert not AuditEntry.objects.filter(action="innovations.imported").exists()
    html = client.get(page(region, job)).content.decode()
    assert '<p class="alert-error" role="alert">Gagal: Impor dibatalkan: 1 masalah' in html
    assert "<td>3</td><td>tahapan</td><td>&#x27;ujicoba&#x27; bukan pilihan" in html
    assert stored_uploads() == []


def test_an_unexpected_failure_keeps_the_upload_and_a_retry_completes_once(
    client, personas, monkeypatch
):
    region = open_region()
    client.force_login(personas.admin_a)
    real = import_jobs.import_innovations

    def broken(*args, **kwargs):
        raise ConnectionError("database went away")

    monkeypatch.setattr(import_jobs, "import_innovations", broken)
    client.post(FORM, {"file": upload(xlsx([row(), row("Sapa Warga")]))})
    job = Job.objects.get(kind=import_jobs.IMPORT)
    assert job.state == "failed"
    assert job.error == "Kesalahan tak terduga (ConnectionError); rincian ada di log server."
    assert not Innovation.objects.exists()
    assert stored_uploads() == [f"{job.pk}.xlsx"]  # kept for the task's retry

    monkeypatch.setattr(import_jobs, "import_innovations", real)
    Job.objects.filter(pk=job.pk).update(state="queued")
    args = (str(job.pk), region.pk, personas.admin_a.pk, f"imports/{job.pk}.xlsx", "x.xlsx")
    import_jobs.import_job.call(*args)
    job.refresh_from_db()
    assert (job.state, job.attempts, Innovation.objects.count()) == ("done", 2, 2)
    # A finished job delivered again does nothing, even with its upload gone.
    import_jobs.import_job.call(*args)
    job.refresh_from_db()
    assert (job.attempts, Innovation.objects.count()) == (2, 2)
    assert AuditEntry.objects.filter(action="innovations.imported").count() == 1


def test_the_same_file_imported_again_changes_nothing(client, personas):
    region = open_region()
    client.force_login(personas.admin_a)
    content = xlsx([row(), row("Sapa Warga")])
    client.post(FORM, {"file": upload(content)})
    versions = sorted(Innovation.objects.values_list("pk", "version"))

    response = client.post(FORM, {"file": upload(content)}, follow=True)

    first, again = Job.objects.filter(kind=import_jobs.IMPORT).order_by("created_at")
    assert first.pk != again.pk and again.state == "done"
    assert again.result == {"created": 0, "updated": 0, "unchanged": 2}
    assert "2 inovasi tidak berubah" in response.content.decode()
    assert sorted(Innovation.objects.values_list("pk", "version")) == versions
    assert Innovation.objects.filter(region=region).count() == 2


def test_a_double_submit_of_the_same_file_joins_the_waiting_job(personas):
    region = open_region()
    data = b"same bytes"
    digest = hashlib.sha256(data).hexdigest()[:40]
    job = Job.objects.create(
        kind=import_jobs.IMPORT, subject=import_jobs.subject_prefix(region) + digest
    )

    joined = import_jobs.enqueue_import(personas.admin_a, region, data, "a.xlsx")

    assert joined.pk == job.pk
    assert Job.objects.count() == 1
    assert stored_uploads() == []


def test_another_regions_import_job_is_not_found(client, personas):
    region_a = open_region()
    region_b = region_a.period.regions.get(code=REGION_B)
    client.force_login(personas.admin_a)
    client.post(FORM, {"file": upload(xlsx([row()]))})
    job = Job.objects.get(kind=import_jobs.IMPORT)
    recompute = Job.objects.create(kind="period.recompute", subject="period:2026")

    client.force_login(personas.admin_b)
    assert client.get(page(region_a, job)).status_code == 404  # a region B cannot see
    assert client.get(page(region_b, job)).status_code == 404  # its own region, A's job
    client.force_login(personas.admin_a)
    assert client.get(page(region_a, job)).status_code == 200
    assert client.get(page(region_a, recompute)).status_code == 404  # not an import
    assert client.get(f"/impor/2026/36.04/pekerjaan/{uuid.uuid4()}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_worker_imports_the_upload_it_reads_from_storage(client, settings, personas):
    settings.TASKS = DATABASE
    region = open_region()
    client.force_login(personas.admin_a)
    client.post(FORM, {"file": upload(xlsx([row(), row("Sapa Warga")]))})
    job = Job.objects.get(kind=import_jobs.IMPORT)
    assert job.state == "queued"
    assert stored_uploads() == [f"{job.pk}.xlsx"]
    assert "Menunggu" in client.get(page(region, job)).content.decode()
    assert not Innovation.objects.exists()

    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job.refresh_from_db()
    assert (job.state, job.result["created"]) == ("done", 2)
    assert Innovation.objects.filter(region=region).count() == 2
    assert stored_uploads() == []
