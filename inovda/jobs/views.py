"""The progress partial of a background job, for the pages that started it: each page's own
gate decides who may look, and the job must belong to that page's subject."""

from collections.abc import Mapping
from typing import Any

from django.http import Http404
from django.shortcuts import render

from inovda.jobs.models import Job


def job_partial(
    request, pk: Any, subject: str, labels: Mapping[str, str], template: str, **context
):
    """The partial a page polls (htmx) while its job runs; 404 for a job of another subject."""
    job = Job.objects.filter(pk=pk, subject=subject).first()
    if job is None:
        raise Http404("Pekerjaan tidak ditemukan.")
    context |= {"job": job, "job_label": labels.get(job.kind, job.kind)}
    return render(request, template, context)
