"""Creating an assessment period, with its region roster fixed at that moment."""

from dataclasses import asdict

from django.db import IntegrityError, transaction

from inovda.regions.models import Period, Region
from inovda.regions.roster import roster_for_year
from inovda.rulebooks.loader import load_rulebook


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
