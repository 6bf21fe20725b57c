"""Certificate generation as a background job: the admin page queues it and watches its
progress. The job runs ``certificates.generate_certificates`` (all or nothing, idempotent);
a finished job is not run again, and a double click joins the job already queued."""

from django_tasks import task

from inovda.accounts.models import User
from inovda.awards.certificates import generate_certificates
from inovda.awards.errors import AwardError
from inovda.awards.models import Award
from inovda.jobs import progress
from inovda.jobs.models import Job

CERTIFICATES = "award.certificates"
LABELS = {CERTIFICATES: "Pembuatan piagam"}


def subject(award: Award) -> str:
    return f"award:{award.pk}"


def enqueue_certificates(actor, award: Award) -> Job:
    job, created = progress.start(CERTIFICATES, subject(award), user=actor)
    if created:
        certificates_job.enqueue(str(job.pk), award.pk, getattr(actor, "pk", None))
    return job


@task()
def certificates_job(job_id: str, award_id: int, actor_id: int | None) -> str:
    def work(report: progress.Reporter) -> str:
        award = Award.objects.select_related("period").get(pk=award_id)
        actor = User.objects.get(pk=actor_id) if actor_id else None
        count = generate_certificates(actor, award, report)
        return f"{count} piagam IGA {award.period.year} dibuat."

    return progress.execute(job_id, work, readable=AwardError)


def latest(award: Award) -> Job | None:
    return progress.latest(subject(award))
