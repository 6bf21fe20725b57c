"""Certificates made by a background job from the award admin page: progress that polls, the
outcome, a failure that leaves the certificates (and their files) as they were, a retry that
keeps the numbers, the refusal before sign-off, the terminal bar of the command, the gate."""

import io
import uuid

from django.core.files.storage import default_storage
from django.core.management import call_command

from inovda.awards import certificates, plenary
from inovda.awards import jobs as award_jobs
from inovda.awards.models import Certificate
from inovda.core.models import AuditEntry
from inovda.jobs.models import Job

ADMIN = "/penghargaan/2026/kelola/"
MAKE = "/penghargaan/2026/kelola/piagam/"


def files() -> list[str]:
    return sorted(c.file.name for c in Certificate.objects.all())


def stored_pdfs() -> list[str]:
    folder = "awards/piagam"
    found = []
    if default_storage.exists(folder):
        for year in default_storage.listdir(folder)[0]:
            found += [
                f"{folder}/{year}/{n}" for n in default_storage.listdir(f"{folder}/{year}")[1]
            ]
    return sorted(found)


def test_it_makes_the_certificates_as_a_job_and_shows_how_it_ended(client, personas, award):
    plenary.sign_off(personas.national_admin, award)
    client.force_login(personas.national_admin)
    assert "Buat piagam</button>" in client.get(ADMIN).content.decode()

    response = client.post(MAKE)

    assert (response.status_code, response["Location"]) == (302, ADMIN)
    job = Job.objects.get(kind=award_jobs.CERTIFICATES)
    count = Certificate.objects.filter(award=award).count()
    assert count > 0
    assert (job.state, job.done, job.total, job.percent) == ("done", count, count, 100)
    assert job.message == f"{count} piagam IGA 2026 dibuat."
    assert job.requested_by == personas.national_admin
    page = client.get(ADMIN).content.decode()
    assert "Pembuatan piagam</strong> · Selesai" in page
    assert "Buat ulang piagam</button>" in page
    assert "hx-trigger" not in page
    assert stored_pdfs() == files()
    assert AuditEntry.objects.filter(action="award.certificates_generated").count() == 1


def test_a_running_job_shows_a_bar_that_polls(client, personas, award):
    plenary.sign_off(personas.national_admin, award)
    job = Job.objects.create(
        kind=award_jobs.CERTIFICATES,
        subject=award_jobs.subject(award),
        state="running",
        done=3,
        total=12,
    )
    client.force_login(personas.national_admin)
    page = client.get(ADMIN).content.decode()
    assert '<progress max="100" value="25">' in page
    assert f'hx-get="/penghargaan/2026/kelola/pekerjaan/{job.pk}/"' in page
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    partial = client.get(f"/penghargaan/2026/kelola/pekerjaan/{job.pk}/")
    assert partial.status_code == 200
    assert "(3/12)" in partial.content.decode() and "<html" not in partial.content.decode()


def test_a_failing_job_says_why_and_leaves_the_certificates_as_they_were(
    client, personas, award, monkeypatch
):
    plenary.sign_off(personas.national_admin, award)
    certificates.generate_certificates(None, award)
    before = sorted(Certificate.objects.values_list("number", "file", "title"))
    real = certificates.render_pdf
    calls = []

    def breaks_at_the_third(cert):
        calls.append(cert.number)
        if len(calls) == 3:
            raise MemoryError
        return real(cert)

    monkeypatch.setattr(certificates, "render_pdf", breaks_at_the_third)
    client.force_login(personas.national_admin)
    client.post(MAKE)

    job = Job.objects.get(kind=award_jobs.CERTIFICATES)
    assert job.state == "failed"
    assert job.error == "Kesalahan tak terduga (MemoryError); rincian ada di log server."
    assert sorted(Certificate.objects.values_list("number", "file", "title")) == before
    assert stored_pdfs() == files()  # the two PDFs already written were removed again
    assert AuditEntry.objects.filter(action="award.certificates_generated").count() == 1
    page = client.get(ADMIN).content.decode()
    assert "Gagal: Kesalahan tak terduga (MemoryError)" in page
    assert "Piagam yang ada tidak berubah." in page


def test_a_retry_rewrites_the_same_numbers_and_a_finished_job_does_nothing(personas, award):
    plenary.sign_off(personas.national_admin, award)
    job = award_jobs.enqueue_certificates(personas.national_admin, award)
    numbers = sorted(Certificate.objects.values_list("pk", "number"))
    first_files = files()

    Job.objects.filter(pk=job.pk).update(state="queued")
    award_jobs.certificates_job.call(str(job.pk), award.pk, personas.national_admin.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("done", 2)
    assert sorted(Certificate.objects.values_list("pk", "number")) == numbers
    assert files() != first_files and stored_pdfs() == files()  # the old PDFs removed

    award_jobs.certificates_job.call(str(job.pk), award.pk, personas.national_admin.pk)
    job.refresh_from_db()
    assert job.attempts == 2
    assert AuditEntry.objects.filter(action="award.certificates_generated").count() == 2


def test_it_refuses_before_the_plenary_signs_off(client, personas, award):
    client.force_login(personas.national_admin)
    response = client.post(MAKE)
    assert response.status_code == 400
    assert "Piagam hanya dibuat setelah pleno menetapkan pemenang." in response.content.decode()
    assert not Job.objects.exists()
    assert not Certificate.objects.exists()


def test_the_job_page_belongs_to_the_national_admin_and_to_its_award(client, personas, award):
    other = Job.objects.create(kind="period.recompute", subject="period:2026")
    client.force_login(personas.admin_a)
    assert client.get(f"/penghargaan/2026/kelola/pekerjaan/{other.pk}/").status_code == 403
    client.force_login(personas.national_admin)
    assert client.get(f"/penghargaan/2026/kelola/pekerjaan/{other.pk}/").status_code == 404
    assert client.get(f"/penghargaan/2026/kelola/pekerjaan/{uuid.uuid4()}/").status_code == 404


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_command_draws_a_bar_at_a_terminal_only(personas, award):
    plenary.sign_off(personas.national_admin, award)
    out, err = io.StringIO(), Terminal()
    call_command("award_certificates", "2026", stdout=out, stderr=err)
    count = Certificate.objects.count()
    assert err.getvalue().endswith(f"{'█' * 40} {count}/{count} piagam\n")
    assert out.getvalue() == f"{count} piagam dibuat untuk IGA 2026.\n"
    out, err = io.StringIO(), io.StringIO()
    call_command("award_certificates", "2026", stdout=out, stderr=err)
    assert (out.getvalue(), err.getvalue()) == (f"{count} piagam dibuat untuk IGA 2026.\n", "")
