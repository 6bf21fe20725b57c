"""``inovda regions``: the region roster of an assessment year, from the project's own data.

It reads ``roster_for_year`` only, never the database, so it answers what a new period would
get; an existing period's fixed roster is in the Region table.
"""

import csv
import json
from dataclasses import asdict, fields
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from inovda.regions.clusters import GROUPS
from inovda.regions.roster import (
    FIRST_YEAR,
    RosterEntry,
    count_by_tingkat,
    in_cluster,
    roster_for_year,
)

LAST_YEAR = 2100


class Command(BaseCommand):
    help = "Daftar pemda otonom (provinsi, kabupaten, kota) untuk satu tahun penilaian."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        # A string, so a bad year gets our CommandError (exit code 2) rather than argparse's.
        parser.add_argument("--period", required=True, help="tahun penilaian, mis. 2020")
        parser.add_argument("--count", action="store_true", help="hanya jumlah per tingkat (JSON)")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument(
            "--cluster", choices=[c.value for c in GROUPS], help="hanya satu klaster"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        year = _year(options["period"])
        entries = [
            e
            for e in roster_for_year(year)
            if not options["cluster"] or in_cluster(e, options["cluster"])
        ]
        if options["count"]:
            self.stdout.write(json.dumps(count_by_tingkat(entries)))
        elif options["format"] == "csv":
            writer = csv.DictWriter(
                self.stdout, [f.name for f in fields(RosterEntry)], lineterminator="\n"
            )
            writer.writeheader()
            writer.writerows(_csv_row(e) for e in entries)
        else:
            for e in entries:
                self.stdout.write(json.dumps(asdict(e), ensure_ascii=False))


def _csv_row(entry: RosterEntry) -> dict[str, object]:
    # Same spelling of booleans as the JSON lines.
    return {k: str(v).lower() if isinstance(v, bool) else v for k, v in asdict(entry).items()}


def _year(raw: str) -> int:
    try:
        year = int(raw.strip())
    except ValueError:
        raise CommandError(
            f"--period harus berupa tahun (angka), bukan {raw!r}.", returncode=2
        ) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CommandError(
            f"--period {year} di luar rentang {FIRST_YEAR}-{LAST_YEAR}.", returncode=2
        )
    return year
