"""Period verbs: create (roster fixed at that moment), open with a reporting window, extend."""

from dataclasses import asdict
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import IntegrityError, transaction
from django.utils import timezone

from inovda.core.audit import log_action
from inovda.regions.models import Period, PeriodExtension, Region
from inovda.regions.roster import roster_for_year
from inovda.rulebooks.loader import load_rulebook

WIB = ZoneInfo("Asia/Jakarta")  # reporting windows are set and shown in WIB


class PeriodExists(Exception):
    """The year already has a period; its roster is never rebuilt."""

    def __init__(self, year: int) -> None:
        super().__init__(f"Periode {year} sudah ada; daftar pemdanya tidak dapat dibuat ulang.")
        self.year = year


def create_period(year: int, rulebook_year: int | None = None) -> Period:
    """Create ``year``'s period and copy its roster into Region rows, all or nothing."""
    rulebook = load_rulebook(year if rulebook_year is None else rulebook_year)
    entries = roster_for_year(year)
    with transaction.atomic():
        if Period.objects.filter(year=year).exists():
            raise PeriodExists(year)
        try:
            period = Period.objects.create(
                year=year, rulebook_year=rulebook.year, rulebook_hash=rulebook.content_hash
            )
        except IntegrityError as exc:  # a concurrent create_period won the race
            raise PeriodExists(year) from exc
        Region.objects.bulk_create(Region(period=period, **asdict(e)) for e in entries)
    return period


class PeriodError(Exception):
    """A period action that cannot be done; the message says why."""


def _wib(moment: datetime) -> str:
    return f"{timezone.localtime(moment, WIB):%d-%m-%Y %H:%M} WIB"


def open_period(
    actor, year: int, rulebook_year: int, opens_at: datetime, closes_at: datetime
) -> Period:
    """Create ``year``'s period (roster fixed now) with its reporting window."""
    if not actor.is_national_admin:
        raise PeriodError("Hanya admin nasional yang dapat membuka periode.")
    if closes_at <= opens_at:
        raise PeriodError("Waktu tutup harus setelah waktu buka.")
    with transaction.atomic():
        try:
            period = create_period(year, rulebook_year)
        except PeriodExists as exc:
            raise PeriodError(str(exc)) from exc
        period.opens_at, period.closes_at = opens_at, closes_at
        period.save(update_fields=["opens_at", "closes_at"])
        log_action(
            actor,
            "period.opened",
            period,
            {
                "rulebook_year": rulebook_year,
                "opens_at": opens_at.isoformat(),
                "closes_at": closes_at.isoformat(),
            },
        )
    return period


def extend_period(
    actor, period: Period, closes_at: datetime, reason: str, region_code: str = ""
) -> PeriodExtension:
    """A later close for every pemda (empty ``region_code``) or for one, by current code."""
    if not actor.is_national_admin:
        raise PeriodError("Hanya admin nasional yang dapat memperpanjang periode.")
    if not reason.strip():
        raise PeriodError("Alasan perpanjangan wajib diisi.")
    with transaction.atomic():
        period = Period.objects.select_for_update().get(pk=period.pk)
        if period.closes_at is None:
            raise PeriodError(f"{period} belum dibuka, jadi belum dapat diperpanjang.")
        if region_code and not period.regions.filter(current_code=region_code).exists():
            raise PeriodError(f"Kode pemda {region_code} tidak ada dalam daftar pemda {period}.")
        current = period.closes_at_for(region_code)
        if current is not None and closes_at <= current:
            raise PeriodError(
                f"Perpanjangan harus lebih lambat dari penutupan saat ini ({_wib(current)})."
            )
        extension = period.extensions.create(
            region_code=region_code, closes_at=closes_at, reason=reason.strip()
        )
        log_action(
            actor,
            "period.extended",
            period,
            {"region_code": region_code, "closes_at": closes_at.isoformat(), "reason": reason},
        )
    return extension
