"""The life of one period, in order: open → extend → assign → objection window → recompute →
publish → lock.

The verbs of each step stay with the floor that owns their rows (``regions.services`` opens and
extends, ``verification`` assigns and runs the objection window, ``results.services``
recomputes and freezes); this module is the one place that knows their order, tells the admin
page where a period stands, and decides whether it may be published.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone

from inovda.accounts.models import Assignment
from inovda.core.audit import log_action
from inovda.innovations.models import Innovation, Status
from inovda.innovations.workflow import REPORTED, TransitionRefused
from inovda.regions import services as regions
from inovda.regions.models import Period, PeriodExtension
from inovda.results.models import Publication, Result
from inovda.results.services import (
    Progress,
    ResultsError,
    latest_publication,
    publish_period,
    recompute_period,
)
from inovda.verification import objections
from inovda.verification.duties import VerificationError, set_status
from inovda.verification.models import Objection, ObjectionWindow


class LifecycleError(Exception):
    """A refused step of the period's life, with a message for the user (Bahasa Indonesia)."""


# What views catch to show a refusal instead of a server error.
Refused = (LifecycleError, regions.PeriodError, VerificationError, TransitionRefused, ResultsError)

# Statuses that still wait for a verifier: publishing would freeze them unjudged.
UNDECIDED = (Status.SUBMITTED, Status.IN_REVIEW)


def _require_national_admin(actor) -> None:
    if not getattr(actor, "is_authenticated", False) or not actor.is_national_admin:
        raise LifecycleError("Hanya admin nasional yang dapat melakukan ini.")


def _wib(moment: datetime) -> str:
    return f"{timezone.localtime(moment, regions.WIB):%d-%m-%Y %H:%M} WIB"


# --- the verbs, in the order of the period's life ---------------------------------------------

open_period = regions.open_period
extend_period = regions.extend_period
set_objection_window = objections.set_objection_window


def recompute(actor, period: Period, progress: Progress | None = None) -> list[Result]:
    """Score every region again from the verified answers; nothing is published."""
    _require_national_admin(actor)
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        results = recompute_period(period, progress=progress)
        log_action(actor, "period.recomputed", period, {"regions": len(results)})
    return results


@dataclass(frozen=True)
class Preflight:
    """What stops a publication (blockers) and what the admin should know first (warnings)."""

    blockers: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.blockers


def last_close(period: Period) -> datetime | None:
    """The latest moment any pemda may still report: the national close or an extension."""
    closes = [period.closes_at, *(e.closes_at for e in period.extensions.all())]
    known = [c for c in closes if c is not None]
    return max(known) if known else None


def status_counts(period: Period) -> dict[str, int]:
    rows = (
        Innovation.objects.filter(region__period=period)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def preflight(period: Period, now: datetime | None = None) -> Preflight:
    now = now or timezone.now()
    blockers: list[str] = []
    warnings: list[str] = []
    closes = last_close(period)
    if period.opens_at is None or closes is None:
        blockers.append("Masa pelaporan periode ini belum pernah dibuka.")
    elif closes >= now:
        blockers.append(f"Masa pelaporan masih berjalan sampai {_wib(closes)}.")
    window = ObjectionWindow.objects.filter(period=period).first()
    if window is None:
        warnings.append("Masa sanggah belum pernah dijadwalkan: pemda tidak dapat menyanggah.")
    elif window.closes_at >= now:
        blockers.append(f"Masa sanggah masih berjalan sampai {_wib(window.closes_at)}.")
    still_open = Objection.objects.filter(
        region__period=period, status=Objection.State.OPEN
    ).count()
    if still_open:
        blockers.append(f"Masih ada {still_open} sanggahan yang belum diputuskan.")
    counts = status_counts(period)
    for status in UNDECIDED:
        if counts.get(status):
            blockers.append(f"{counts[status]} inovasi masih berstatus {status.label}.")
    if counts.get(Status.RETURNED):
        warnings.append(
            f"{counts[Status.RETURNED]} inovasi berstatus {Status.RETURNED.label}: dihitung "
            "dengan level terverifikasi yang ada dan tidak dikunci."
        )
    previous = latest_publication(period)
    if previous is not None:
        warnings.append(
            f"Sudah ada publikasi {previous.number}; publikasi {previous.number + 1} akan "
            "menggantikannya di portal (yang lama tetap tersimpan)."
        )
    return Preflight(blockers, warnings)


def check_publish(actor, period: Period, seen: int) -> Publication | None:
    """What ``publish`` would refuse, asked before its job is queued: the publication made
    since the admin's confirmation page (nothing to do), or None when publishing may start."""
    _require_national_admin(actor)
    latest = latest_publication(period)
    latest_number = latest.number if latest else 0
    if latest is not None and latest_number > seen:
        return latest
    if seen != latest_number:
        raise LifecycleError("Halaman konfirmasi sudah usang: muat ulang lalu periksa lagi.")
    check = preflight(period)
    if not check.ok:
        raise LifecycleError("Belum dapat dipublikasikan: " + " ".join(check.blockers))
    return None


def publish(
    actor,
    period: Period,
    note: str = "",
    seen: int | None = None,
    progress: Progress | None = None,
) -> tuple[Publication, bool]:
    """Recompute, freeze the results as a new publication and lock the verified innovations.

    ``seen`` is the number of the latest publication the admin saw on the confirmation page
    (0 for none). When a publication has been made since, that one is returned instead of a
    second (a double click, a resent form): the answer says whether this call created it.
    """
    _require_national_admin(actor)
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        latest = latest_publication(period)
        latest_number = latest.number if latest else 0
        if seen is not None and latest is not None and latest_number > seen:
            return latest, False
        if seen is not None and seen != latest_number:
            raise LifecycleError("Halaman konfirmasi sudah usang: muat ulang lalu periksa lagi.")
        check = preflight(period)
        if not check.ok:
            raise LifecycleError("Belum dapat dipublikasikan: " + " ".join(check.blockers))
        recompute_period(period, progress=progress)
        publication = publish_period(period, actor=actor, note=note)
        verified = Innovation.objects.select_for_update(of=("self",)).filter(
            region__period=period, status=Status.VERIFIED
        )
        for innovation in verified:
            set_status(
                actor, innovation, Status.LOCKED, "innovation.locked", publication=publication.pk
            )
    return publication, True


def recompute_on_levels_changed(sender, period: Period, **kwargs) -> None:
    """An accepted objection changed verified levels: the period's results follow at once."""
    recompute_period(period)


# --- where the period stands ------------------------------------------------------------------

DONE, ACTIVE, TODO, OPTIONAL = "selesai", "berjalan", "belum", "opsional"
STATE_LABELS = {DONE: "Selesai", ACTIVE: "Berjalan", TODO: "Belum", OPTIONAL: "Opsional"}


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    state: str
    detail: str

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def _once(key: str, label: str, done: str | None, todo: str) -> Step:
    """A step done once it has happened (``done`` says when), else still to do."""
    return Step(key, label, DONE if done else TODO, done or todo)


def _assignment_step(period: Period) -> Step:
    codes = set(Assignment.objects.filter(period=period).values_list("region_code", flat=True))
    reporting = set(
        period.regions.filter(innovations__status__in=REPORTED)
        .values_list("current_code", flat=True)
        .distinct()
    )
    missing = len(reporting - codes)
    detail = f"{len(codes)} pemda punya verifikator"
    if missing:
        detail += f"; {missing} pemda yang melapor belum punya"
    state = TODO if not codes else ACTIVE if missing else DONE
    return Step("assign", "Penugasan verifikator", state, detail + ".")


def steps(period: Period, now: datetime | None = None) -> list[Step]:
    """The seven steps of the period's life and the state of each, for the admin page."""
    now = now or timezone.now()
    closes = last_close(period)
    if period.opens_at is None or closes is None:
        opened = Step("open", "Buka masa pelaporan", TODO, "Belum dibuka.")
    else:
        state = ACTIVE if period.opens_at <= now <= closes else DONE if closes < now else TODO
        opened = Step(
            "open", "Buka masa pelaporan", state, f"{_wib(period.opens_at)} s.d. {_wib(closes)}."
        )
    extensions = PeriodExtension.objects.filter(period=period).count()
    extended = Step(
        "extend",
        "Perpanjangan",
        OPTIONAL if not extensions else DONE,
        f"{extensions} perpanjangan." if extensions else "Tidak ada perpanjangan.",
    )
    window = ObjectionWindow.objects.filter(period=period).first()
    still_open = Objection.objects.filter(
        region__period=period, status=Objection.State.OPEN
    ).count()
    if window is None:
        objected = Step("window", "Masa sanggah", TODO, "Belum dijadwalkan.")
    else:
        state = DONE if window.closes_at < now and not still_open else ACTIVE
        if window.opens_at > now:
            state = TODO
        objected = Step(
            "window",
            "Masa sanggah",
            state,
            f"{_wib(window.opens_at)} s.d. {_wib(window.closes_at)}; "
            f"{still_open} sanggahan belum diputuskan.",
        )
    computed = Result.objects.filter(period=period).aggregate(at=Max("computed_at"))["at"]
    done = f"Terakhir dihitung {_wib(computed)}." if computed else None
    recomputed = _once("recompute", "Hitung ulang", done, "Belum pernah dihitung.")
    latest = latest_publication(period)
    done = f"Publikasi {latest.number}, {_wib(latest.published_at)}." if latest else None
    published = _once("publish", "Publikasi", done, "Belum ada.")
    counts = status_counts(period)
    locked, verified = counts.get(Status.LOCKED, 0), counts.get(Status.VERIFIED, 0)
    lock_state = TODO if not latest else ACTIVE if verified else DONE
    lock = Step(
        "lock",
        "Kunci inovasi terverifikasi",
        lock_state,
        f"{locked} inovasi dikunci; {verified} terverifikasi belum dikunci.",
    )
    return [opened, extended, _assignment_step(period), objected, recomputed, published, lock]
