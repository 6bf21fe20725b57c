"""The period's long work as background jobs: recompute, and publish (which then builds the
publication's downloads). The admin page queues them and watches their progress.

Each job runs the same lifecycle verb a command line would, inside its own transaction, so a
failure leaves the period as it was. A retried job does nothing twice: a finished job is not
run again, and a publish retried after its publication was made finds it (``seen``) and only
completes the downloads.
"""

from django_tasks import task

from inovda.accounts.models import User
from inovda.jobs import progress
from inovda.jobs.models import Job
from inovda.regions.models import Period
from inovda.results import downloads, lifecycle
from inovda.results.models import Publication

RECOMPUTE, PUBLISH = "period.recompute", "period.publish"
DOWNLOADS = "publication.downloads"
LABELS = {RECOMPUTE: "Hitung ulang", PUBLISH: "Publikasi", DOWNLOADS: "Unduhan publikasi"}


def subject(period: Period) -> str:
    return f"period:{period.year}"


def _enqueue(kind: str, period: Period, actor, run, *args) -> Job:
    job, created = progress.start(kind, subject(period), user=actor)
    if created:
        # With the database backend the task row commits together with the caller's work.
        run.enqueue(str(job.pk), period.year, actor.pk, *args)
    return job


def enqueue_recompute(actor, period: Period) -> Job:
    return _enqueue(RECOMPUTE, period, actor, recompute_job)


def enqueue_publish(actor, period: Period, note: str, seen: int) -> Job:
    return _enqueue(PUBLISH, period, actor, publish_job, note, seen)


@task()
def recompute_job(job_id: str, year: int, actor_id: int) -> str:
    def work(report: progress.Reporter) -> str:
        period = Period.objects.get(year=year)
        actor = User.objects.get(pk=actor_id)
        results = lifecycle.recompute(actor, period, progress=report)
        return f"Hasil {len(results)} pemda dihitung ulang; belum dipublikasikan."

    return progress.execute(job_id, work, readable=lifecycle.Refused)


@task()
def publish_job(job_id: str, year: int, actor_id: int, note: str, seen: int) -> str:
    def work(report: progress.Reporter) -> str:
        period = Period.objects.get(year=year)
        actor = User.objects.get(pk=actor_id)
        # Run again after its publication was made (the downloads failed), ``seen`` finds that
        # publication instead of making a second one, and the downloads are completed.
        publication, created = lifecycle.publish(actor, period, note, seen=seen, progress=report)
        downloads.build(publication, report)
        if not created:
            return f"Publikasi {publication.number} sudah dibuat; tidak ada publikasi baru."
        return f"{period} dipublikasikan (publikasi {publication.number})."

    return progress.execute(job_id, work, readable=lifecycle.Refused)


def enqueue_downloads(publication: Publication) -> Job:
    """Build a publication's downloads in the background (one made outside the publish job,
    such as the demo's)."""
    job, created = progress.start(DOWNLOADS, f"publication:{publication.pk}")
    if created:
        build_downloads_job.enqueue(str(job.pk), publication.pk)
    return job


@task()
def build_downloads_job(job_id: str, publication_id: int) -> str:
    def work(report: progress.Reporter) -> str:
        publication = Publication.objects.select_related("period").get(pk=publication_id)
        manifest = downloads.build(publication, report)
        return f"{len(manifest)} unduhan {publication} siap."

    return progress.execute(job_id, work)


def latest(period: Period) -> Job | None:
    return progress.latest(subject(period))
