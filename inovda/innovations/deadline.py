"""The reporting deadline a pemda sees on every page of its workspace: the national close, or
its own later extension, in words ("Batas pelaporan: 31 Maret 2026 23:59 WIB (sisa 10 hari)")."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format

from inovda.regions.models import Region


@dataclass(frozen=True)
class Deadline:
    opens_at: datetime | None
    closes_at: datetime | None
    extended: bool
    now: datetime

    @property
    def is_open(self) -> bool:
        return bool(
            self.opens_at and self.closes_at and self.opens_at <= self.now <= self.closes_at
        )

    @property
    def is_closed(self) -> bool:
        return self.closes_at is not None and self.now > self.closes_at

    @property
    def days_left(self) -> int:
        if self.closes_at is None:
            return 0
        return (timezone.localdate(self.closes_at) - timezone.localdate(self.now)).days

    @property
    def closes_text(self) -> str:
        return _when(self.closes_at) if self.closes_at else ""

    @property
    def text(self) -> str:
        if self.closes_at is None or self.opens_at is None:
            return "Masa pelaporan belum dibuka."
        extension = " (perpanjangan untuk pemda Anda)" if self.extended else ""
        if self.is_closed:
            return (
                f"Masa pelaporan telah ditutup pada {self.closes_text}{extension}: data dapat "
                "dilihat tetapi tidak dapat diubah lagi."
            )
        if self.now < self.opens_at:
            return f"Masa pelaporan dibuka {_when(self.opens_at)}; batas {self.closes_text}."
        days = self.days_left
        left = "hari terakhir" if days <= 0 else f"sisa {days} hari"
        return f"Batas pelaporan: {self.closes_text}{extension} ({left})"


def _when(moment: datetime) -> str:
    local = timezone.localtime(moment)
    zone = local.tzname() if local.tzname() in ("WIB", "WITA", "WIT") else _zone_name(local)
    return f"{date_format(local, 'j F Y')} {local:%H:%M} {zone}"


def _zone_name(local: datetime) -> str:
    # Indonesia's three zones by UTC offset; anything else keeps its own abbreviation.
    hours = local.utcoffset().total_seconds() / 3600 if local.utcoffset() else 0
    return {7: "WIB", 8: "WITA", 9: "WIT"}.get(int(hours), local.tzname() or "")


def deadline_for(region: Region, now: datetime | None = None) -> Deadline:
    period = region.period
    if hasattr(region, "extension_closes_at"):  # annotated by the gate: no query
        extension = region.extension_closes_at
        closes = period.closes_at
        if extension is not None and (closes is None or extension > closes):
            closes = extension
    else:
        closes = period.closes_at_for(region.current_code)
    extended = closes is not None and period.closes_at is not None and closes > period.closes_at
    return Deadline(period.opens_at, closes, extended, now or timezone.now())
