"""Deadline reminders by e-mail to the pemda that have reported no innovation yet: seven days
before their close, one day before, and at the close. Each reminder goes once per pemda, stage
and close (an extension moves the close, so its reminders go again); ``inovda remind`` runs
this hourly (docs/deploy.md) and a second run in the same hour sends nothing twice."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.utils import timezone

from inovda.accounts.models import PEMDA_ROLES, User
from inovda.innovations.models import Innovation
from inovda.innovations.workflow import REPORTED
from inovda.jobs.mail import notify, once
from inovda.regions.models import Period
from inovda.regions.services import WIB

# (stage, how long before the close it starts, what the e-mail says)
STAGES = [
    ("7hari", timedelta(days=7), "tujuh hari lagi"),
    ("1hari", timedelta(days=1), "besok"),
    ("tutup", timedelta(0), "sudah tiba"),
]
# The close reminder still goes out this long after the close (a run missed by the timer).
LATE = timedelta(days=1)


def stage_at(closes: datetime, now: datetime) -> tuple[str, str] | None:
    """The reminder due at ``now`` for a close at ``closes``, or None."""
    if now >= closes + LATE:
        return None
    for key, before, words in reversed(STAGES):
        if now >= closes - before:
            return key, words
    return None


def _wib(moment: datetime) -> str:
    return f"{timezone.localtime(moment, WIB):%d-%m-%Y %H:%M} WIB"


def send_reminders(now: datetime | None = None) -> int:
    """Queue the reminders due now; the number of e-mails queued."""
    now = now or timezone.now()
    sent = 0
    periods = Period.objects.filter(opens_at__lte=now).prefetch_related("extensions")
    for period in periods:
        reported = set(
            Innovation.objects.filter(region__period=period, status__in=REPORTED)
            .values_list("region_id", flat=True)
            .distinct()
        )
        addresses: dict[str, list[str]] = defaultdict(list)
        users = User.objects.filter(role__in=PEMDA_ROLES, is_active=True).exclude(email="")
        for code, email in users.values_list("region_code", "email"):
            addresses[code].append(email)
        for region in period.regions.exclude(pk__in=reported).filter(
            current_code__in=addresses.keys()
        ):
            closes = period.closes_at_for(region.current_code)
            due = stage_at(closes, now) if closes else None
            if due is None:
                continue
            stage, words = due
            key = f"reminder:{period.year}:{region.current_code}:{stage}:{closes.timestamp():.0f}"
            if not once(key):
                continue
            body = (
                f"Yth. pengelola Inovda {region.name},\n\n"
                f"Batas pelaporan {period} untuk {region.name} {words}: {_wib(closes)}.\n"
                "Sampai saat ini pemda Anda belum mengirim satu pun inovasi.\n\n"
                "Masuk ke Inovda untuk melengkapi dan mengirim data inovasi daerah Anda.\n"
            )
            subject = f"Pengingat batas pelaporan {period}: {_wib(closes)}"
            sent += notify(addresses[region.current_code], subject, body, f"reminder.{stage}")
    return sent
