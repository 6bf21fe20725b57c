"""The web's Excel import as a background job: the upload is kept in storage (local disk or the
object store, so any worker can read it), the job runs ``importer.import_innovations`` with
its progress, and the page shows the counts or every problem.

The import itself stays all or nothing (one transaction) and matches innovations by name, so
running it again changes nothing. A finished job is not run again; the same file uploaded again
while its job waits joins that job (the job's subject carries the file's hash); after a failure
a new upload starts a new job. The stored copy is removed when the job has ended, except after an
unexpected error, when a retry of the task may still need it.
"""

import hashlib
import logging
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tasks import task

from inovda.accounts.models import User
from inovda.innovations.importer import ImportRefused, import_innovations
from inovda.jobs import progress
from inovda.jobs.models import Job
from inovda.regions.models import Region

logger = logging.getLogger("inovda.jobs")
IMPORT = "innovations.import"
LABEL = "Impor inovasi"
FOLDER = "imports"


class ImportFailed(Exception):
    """The import refused the file: the job's reason; the rows are in ``Job.result``."""


def subject_prefix(region: Region) -> str:
    return f"import:{region.pk}:"


def enqueue_import(actor: Any, region: Region, data: bytes, filename: str) -> Job:
    """Queue the import of ``data`` (the uploaded file's bytes) into ``region``."""
    digest = hashlib.sha256(data).hexdigest()[:40]
    job, created = progress.start(IMPORT, subject_prefix(region) + digest, user=actor)
    if created:
        try:
            stored = default_storage.save(f"{FOLDER}/{job.pk}.xlsx", ContentFile(data))
            import_job.enqueue(str(job.pk), region.pk, getattr(actor, "pk", None), stored, filename)
        except Exception:
            progress.fail(job, "Berkas tidak dapat disimpan untuk diproses; silakan ulangi.")
            raise
    return job


@task()
def import_job(
    job_id: str, region_id: int, actor_id: int | None, stored: str, filename: str
) -> str:
    def work(report: progress.Reporter) -> str:
        region = Region.objects.select_related("period").get(pk=region_id)
        actor = User.objects.get(pk=actor_id) if actor_id else None
        try:
            with default_storage.open(stored, "rb") as file:
                outcome = import_innovations(
                    actor, region, file, progress=report, filename=filename
                )
        except ImportRefused as exc:
            report.result = {"problems": [[p.row, p.column, p.message] for p in exc.problems]}
            _discard(stored)
            raise ImportFailed(
                f"Impor dibatalkan: {len(exc.problems)} masalah; tidak ada data yang diimpor."
            ) from exc
        report.result = {
            "created": outcome.created,
            "updated": outcome.updated,
            "unchanged": outcome.unchanged,
        }
        _discard(stored)
        return (
            f"Impor selesai: {outcome.created} dibuat, {outcome.updated} diubah, "
            f"{outcome.unchanged} tetap."
        )

    return progress.execute(job_id, work, readable=ImportFailed)


def _discard(stored: str) -> None:
    try:
        default_storage.delete(stored)
    except Exception:  # a leftover copy is harmless; the import has been decided
        logger.warning("import upload %s not removed", stored, exc_info=True)


def job_for_region(region: Region, pk: Any) -> Job | None:
    """The region's import job, or None (another region's job, or another kind)."""
    return Job.objects.filter(
        pk=pk, kind=IMPORT, subject__startswith=subject_prefix(region)
    ).first()
