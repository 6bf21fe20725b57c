from django.core.management.base import BaseCommand, CommandError

from inovda.jobs.progress import TerminalBar
from inovda.regions.models import Period
from inovda.results.services import recompute_period


class Command(BaseCommand):
    help = "Hitung ulang hasil seluruh pemda pada satu periode dari jawaban terverifikasi."

    def add_arguments(self, parser):
        parser.add_argument("--period", type=int, required=True, help="tahun periode")
        parser.add_argument("--quiet", action="store_true", help="tanpa progress bar")

    def handle(self, *args, period, quiet, **options):
        found = Period.objects.filter(year=period).first()
        if found is None:
            raise CommandError(f"Periode {period} tidak ada.", returncode=2)
        # The bar is for a person at a terminal; logs and pipes get the summary line only.
        with TerminalBar(self.stderr, "pemda", quiet=quiet) as bar:
            results = recompute_period(found, progress=bar if bar.on else None)
        counts: dict[str, int] = {}
        for r in results:
            counts[r.predicate] = counts.get(r.predicate, 0) + 1
        summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        self.stdout.write(f"{found}: {len(results)} pemda dihitung ({summary}).")
