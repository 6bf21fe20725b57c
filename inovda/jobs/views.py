"""The progress partial of a background job, for the pages that started it: each page's own
gate decides who may look, and the job must belong to that page's subject."""

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib.auth.decorators import login_required
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


def job_status_view(
    gate: Callable[..., Any],
    subject: Callable[[Any], str],
    labels: Mapping[str, str],
    template: str,
    *,
    name: str,
):
    """The view of an object's job partial: the URL's arguments other than the job's ``pk`` go
    to ``gate(user, ...)``, which finds the object or refuses; the job must be of
    ``subject(object)``. The template gets the object as ``name`` and the URL's arguments."""

    @login_required
    def job_status(request, pk, **url_args):
        obj = gate(request.user, **url_args)
        return job_partial(request, pk, subject(obj), labels, template, **{name: obj}, **url_args)

    return job_status
