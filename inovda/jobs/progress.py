"""Start a job, run it with a progress reporter, and record how it ended; and the same
progress drawn as a bar on a terminal (``TerminalBar``) for the commands.

A job's work usually runs inside ``transaction.atomic()``; progress written there would stay
invisible until the work commits. On PostgreSQL the reporter writes through a second,
autocommit connection; on SQLite (one writer at a time) it waits for the block to end, so the
bar moves in steps there.
"""

import logging
import socket
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import OutputWrapper
from django.db import DEFAULT_DB_ALIAS, DatabaseError, IntegrityError, connection, connections
from django.db import transaction as db_transaction
from django.db.models import Min
from django.utils import timezone

from inovda.jobs.models import Job, WorkerBeat

logger = logging.getLogger("inovda.jobs")
State = Job.State
UNFINISHED = (State.QUEUED, State.RUNNING)
# A progress row is written at most this often, and always at the last step.
WRITE_EVERY = 0.5


def stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "JOB_STALE_SECONDS", 900))


def start(kind: str, subject: str, *, user: Any = None) -> tuple[Job, bool]:
    """A new queued job, or the unfinished one of this kind on this subject (a double click
    joins it). A job whose worker died long ago is marked failed and replaced."""
    user = user if getattr(user, "is_authenticated", False) else None
    for _ in range(2):
        current = Job.objects.filter(kind=kind, subject=subject, state__in=UNFINISHED).first()
        if current is not None:
            if current.updated_at >= timezone.now() - stale_after():
                return current, False
            fail(current, "Pekerjaan terhenti tanpa kabar (pekerja berhenti?); silakan ulangi.")
        try:
            with db_transaction.atomic():
                return Job.objects.create(kind=kind, subject=subject, requested_by=user), True
        except IntegrityError:  # created concurrently: join that one
            continue
    raise RuntimeError(f"job {kind} {subject}: could not start")


def fail(job: Job, reason: str, result: dict[str, Any] | None = None) -> None:
    values: dict[str, Any] = {"result": result} if result is not None else {}
    Job.objects.filter(pk=job.pk).update(
        state=State.FAILED,
        error=reason,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
        **values,
    )


class Reporter:
    """Called as ``report(done, total)`` or ``report(done, total, "message")``. The work may
    leave data for the page in ``result`` (stored when the job ends, done or failed)."""

    def __init__(self, job_id: Any):
        self.job_id = job_id
        self._last = 0.0
        self._side: Any = None
        self.done = self.total = 0
        self.result: dict[str, Any] = {}

    def __call__(self, done: int, total: int, message: str | None = None) -> None:
        self.done, self.total = done, total
        now = time.monotonic()
        if done < total and message is None and now - self._last < WRITE_EVERY:
            return
        self._last = now
        values: dict[str, Any] = {"done": done, "total": total, "updated_at": timezone.now()}
        if message is not None:
            values["message"] = message[:255]
        if not connection.in_atomic_block:
            Job.objects.filter(pk=self.job_id).update(**values)
        elif connection.vendor == "postgresql":
            self._write_aside(values)

    def _write_aside(self, values: dict[str, Any]) -> None:
        try:
            if self._side is None:
                self._side = connections.create_connection(DEFAULT_DB_ALIAS)
            fields = [Job._meta.get_field(name) for name in values]
            quote = self._side.ops.quote_name
            assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
            params = [f.get_db_prep_value(values[f.name], self._side) for f in fields]
            params.append(Job._meta.pk.get_db_prep_value(self.job_id, self._side))
            with self._side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {quote(Job._meta.db_table)} SET {assignments} "  # noqa: S608
                    f"WHERE {quote(Job._meta.pk.column)} = %s",
                    params,
                )
        except DatabaseError:
            logger.warning("job %s: progress not written", self.job_id, exc_info=True)

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None


Readable = type[BaseException] | tuple[type[BaseException], ...]


def execute(job_id: Any, work: Callable[[Reporter], str], readable: Readable = ()) -> str:
    """Run ``work`` for the job and record its end. A finished job is not run again (a retried
    task does nothing twice). A failure keeps its reason: the message of a refusal the user can
    act on (``readable``), else the kind of error, the details going to the log only."""
    job = Job.objects.get(pk=job_id)
    if job.state == State.DONE:
        return job.message
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        state=State.RUNNING,
        started_at=now,
        updated_at=now,
        error="",
        result={},
        attempts=job.attempts + 1,
    )
    report = Reporter(job.pk)
    try:
        message = work(report)
    except BaseException as exc:
        if isinstance(exc, readable):
            reason = str(exc)
        else:
            reason = f"Kesalahan tak terduga ({type(exc).__name__}); rincian ada di log server."
        logger.exception("job %s %s %s failed", job.pk, job.kind, job.subject)
        fail(job, reason, report.result)
        raise
    finally:
        report.close()
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        state=State.DONE,
        message=message[:255],
        result=report.result,
        done=report.total,
        total=report.total,
        finished_at=now,
        updated_at=now,
    )
    logger.info("job %s %s %s done: %s", job.pk, job.kind, job.subject, message)
    return message


def latest(subject: str) -> Job | None:
    return Job.objects.filter(subject=subject).first()


def queue() -> dict[str, Any]:
    """How many jobs wait or run, and since when the oldest waits (for the admin's page)."""
    waiting = Job.objects.filter(state=State.QUEUED)
    oldest = waiting.aggregate(at=Min("created_at"))["at"]
    return {
        "queued": waiting.count(),
        "running": Job.objects.filter(state=State.RUNNING).count(),
        "oldest_age": (timezone.now() - oldest) if oldest else None,
    }


def beat(worker_id: str) -> None:
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id[:64], defaults={"host": socket.gethostname(), "beat_at": timezone.now()}
    )


def last_beat() -> WorkerBeat | None:
    return WorkerBeat.objects.order_by("-beat_at").first()


class TerminalBar:
    """A progress bar for a person at a terminal: ``bar(done, total)`` or ``bar(done, total,
    "label")``, drawn on ``stream`` (a command's stderr) in place with carriage returns. When the
    stream is not a terminal (a log, a pipe, cron) or ``quiet`` is set it draws nothing, so the
    command's result lines stay its only output. ``say`` prints a line (to stdout) after
    clearing the bar; ``close`` ends the bar's line. Use it as a context manager."""

    WIDTH = 40
    DRAW_EVERY = 0.1  # seconds between two drawings; the first and last step always drawn

    def __init__(self, stream: Any, unit: str, *, quiet: bool = False):
        self.stream = stream
        self.unit = unit
        isatty = getattr(stream, "isatty", None)
        self.on = not quiet and callable(isatty) and bool(isatty())
        self._drawn = ""
        self._last = 0.0

    def __call__(self, done: int, total: int, label: str | None = None) -> None:
        if not self.on or total <= 0:
            return
        now = time.monotonic()
        if 1 < done < total and now - self._last < self.DRAW_EVERY:
            return
        self._last = now
        filled = self.WIDTH * min(done, total) // total
        bar = "█" * filled + "·" * (self.WIDTH - filled)
        line = f"{bar} {done}/{total}" + (f" {self.unit}" if self.unit else "")
        line += f" — {label}" if label else ""
        self._write("\r" + line.ljust(len(self._drawn)))
        self._drawn = line

    def stage(self, label: str) -> Callable[..., None]:
        """A reporter for one stage of a longer run: the bar restarts with this label."""

        def report(done: int, total: int, message: str | None = None) -> None:
            self(done, total, label)

        return report

    def clear(self) -> None:
        if self._drawn:
            self._write("\r" + " " * len(self._drawn) + "\r")
            self._drawn = ""

    def close(self) -> None:
        if self._drawn:
            self._write("\n")
            self._drawn = ""

    def say(self, out: Any) -> Callable[[str], None]:
        def say(line: str) -> None:
            self.clear()
            out.write(line)

        return say

    def _write(self, text: str) -> None:
        if isinstance(self.stream, OutputWrapper):  # a command's stderr: no colour, no newline
            self.stream.write(text, style_func=lambda s: s, ending="")
        else:
            self.stream.write(text)
        self.stream.flush()

    def __enter__(self) -> "TerminalBar":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
