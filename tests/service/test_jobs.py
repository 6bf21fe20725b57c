"""Recompute and publish run as background jobs: status and progress on the period page, a
failure that says why and changes nothing, retries that do nothing twice, and the database
backend's worker running a queued job for real."""

import uuid

import pytest
from django.core.management import call_command

from inovda.core.models import AuditEntry
from inovda.jobs import progress
from inovda.jobs.models import Job
from inovda.results import downloads, jobs, tables
from inovda.results.models import Publication, Result
from tests.periods.test_publish import ready_to_publish

PAGE = "/periode-admin/2026/"
RECOMPUTE = "/periode-admin/2026/hitung-ulang/"
CONFIRM = "/periode-admin/2026/terbitkan/"
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_it_runs_recompute_as_a_job_and_shows_how_it_ended(client, world):
    client.force_login(world.personas.national_admin)
    response = client.post(RECOMPUTE)
    assert (response.status_code, response["Location"]) == (302, PAGE)
    job = Job.objects.get(kind=jobs.RECOMPUTE)
    regions = world.period.regions.count()
    assert (job.state, job.done, job.total, job.percent) == ("done", regions, regions, 100)
    assert job.requested_by == world.personas.national_admin
    page = client.get(PAGE).content.decode()
    assert "Hitung ulang</strong> · Selesai" in page
    assert f"Hasil {regions} pemda dihitung ulang; belum dipublikasikan." in page
    assert "hx-trigger" not in page  # finished: nothing to poll


def test_a_running_job_shows_a_progress_bar_that_polls(client, world):
    job = Job.objects.create(
        kind=jobs.PUBLISH, subject="period:2026", state="running", done=137, total=548
    )
    client.force_login(world.personas.national_admin)
    page = client.get(PAGE).content.decode()
    assert '<progress max="100" value="25">' in page
    assert "(137/548)" in page
    assert f'hx-get="/periode-admin/2026/pekerjaan/{job.pk}/"' in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    partial = client.get(f"/periode-admin/2026/pekerjaan/{job.pk}/")
    assert partial.status_code == 200
    assert 'hx-trigger="every 1s"' in partial.content.decode()
    assert "<html" not in partial.content.decode()


def test_the_progress_partial_is_for_the_national_admin_only(client, world):
    job = Job.objects.create(kind=jobs.RECOMPUTE, subject="period:2026")
    client.force_login(world.personas.verifier)
    assert client.get(f"/periode-admin/2026/pekerjaan/{job.pk}/").status_code == 403
    client.force_login(world.personas.national_admin)
    assert client.get(f"/periode-admin/2026/pekerjaan/{uuid.uuid4()}/").status_code == 404


def test_a_double_click_joins_the_job_already_queued(world):
    admin = world.personas.national_admin
    first, created = progress.start(jobs.RECOMPUTE, "period:2026", user=admin)
    again, created_again = progress.start(jobs.RECOMPUTE, "period:2026", user=admin)
    assert (created, created_again, again.pk) == (True, False, first.pk)


def test_a_failing_job_says_why_and_leaves_the_results_as_they_were(client, world, monkeypatch):
    client.force_login(world.personas.national_admin)
    client.post(RECOMPUTE)
    before = sorted(Result.objects.values_list("region_id", "computed_at"))

    def broken(*args, **kwargs):
        raise ZeroDivisionError("inside the engine")

    # Both ways a recompute scores: the packed bulk path and the line-by-line one.
    monkeypatch.setattr("inovda.results.services.score_packed", broken)
    monkeypatch.setattr("inovda.results.services.score_region", broken)
    client.post(RECOMPUTE)
    job = Job.objects.filter(kind=jobs.RECOMPUTE).first()
    assert job.state == "failed"
    assert job.error == "Kesalahan tak terduga (ZeroDivisionError); rincian ada di log server."
    assert sorted(Result.objects.values_list("region_id", "computed_at")) == before
    page = client.get(PAGE).content.decode()
    assert "Gagal: Kesalahan tak terduga (ZeroDivisionError)" in page
    assert "Data periode tidak berubah." in page


def test_a_refusal_inside_the_job_keeps_its_readable_message(world):
    # Reporting still open: the job refuses as the confirmation page would have.
    job = jobs.enqueue_publish(world.personas.national_admin, world.period, "", 0)
    job.refresh_from_db()
    assert job.state == "failed"
    assert job.error.startswith("Belum dapat dipublikasikan: Masa pelaporan masih berjalan")
    assert not Publication.objects.exists()


def test_the_publish_job_builds_the_downloads_once(client, world, monkeypatch):
    ready_to_publish(world)
    client.force_login(world.personas.national_admin)
    followed = client.post(CONFIRM, {"note": "Final", "seen": 0}, follow=True)
    assert "dipublikasikan (publikasi 1)" in followed.content.decode()
    publication = Publication.objects.get()
    response = client.get("/unduh/periode/2026/katalog.xlsx")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body) > 0
    assert response["Content-Disposition"] == 'attachment; filename="inovda-katalog-2026.xlsx"'

    def never(*args, **kwargs):
        raise AssertionError("built again")

    monkeypatch.setattr(tables, "xlsx_response", never)
    monkeypatch.setattr(tables, "csv_response", never)
    assert set(downloads.build(publication)) == {
        "inovda-peringkat-2026.csv",
        "inovda-peringkat-2026.xlsx",
        "inovda-katalog-2026.csv",
        "inovda-katalog-2026.xlsx",
    }
    csv = client.get("/unduh/periode/2026/peringkat.csv")
    assert csv["Content-Length"] == str(len(b"".join(csv.streaming_content)))


def test_a_retried_publish_makes_no_second_publication(world, monkeypatch):
    ready_to_publish(world)
    admin = world.personas.national_admin
    real_build = downloads.build

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(downloads, "build", broken)
    job = jobs.enqueue_publish(admin, world.period, "", 0)
    job.refresh_from_db()
    assert (job.state, Publication.objects.count()) == ("failed", 1)

    monkeypatch.setattr(downloads, "build", real_build)
    Job.objects.filter(pk=job.pk).update(state="queued")
    jobs.publish_job.call(str(job.pk), 2026, admin.pk, "", 0)
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("done", 2)
    assert job.message == "Publikasi 1 sudah dibuat; tidak ada publikasi baru."
    assert Publication.objects.count() == 1
    assert AuditEntry.objects.filter(action="period.published").count() == 1
    assert len(downloads.build(Publication.objects.get())) == 4
    # A finished job run again (a task delivered twice) does nothing.
    jobs.publish_job.call(str(job.pk), 2026, admin.pk, "", 0)
    job.refresh_from_db()
    assert job.attempts == 2


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_runs_a_queued_job(client, settings, personas):
    from tests.verification.helpers import make_world

    world = make_world(personas)
    settings.TASKS = DATABASE
    client.force_login(world.personas.national_admin)
    client.post(RECOMPUTE)
    job = Job.objects.get(kind=jobs.RECOMPUTE)
    assert job.state == "queued"
    assert "1 menunggu" in client.get(PAGE).content.decode()
    assert not Result.objects.exists()
    call_command("worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    job.refresh_from_db()
    assert (job.state, job.percent) == ("done", 100)
    assert Result.objects.filter(period=world.period).count() == world.period.regions.count()
    assert progress.last_beat() is not None
