"""``inovda award_certificates YEAR``: every certificate of a signed award, outside the web."""

from django.core.management.base import BaseCommand, CommandError

from inovda.awards.certificates import generate_certificates
from inovda.awards.errors import AwardError
from inovda.awards.models import Award
from inovda.jobs.progress import TerminalBar


class Command(BaseCommand):
    help = "Buat piagam PDF untuk semua pemenang dan daerah Sangat Inovatif suatu periode."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--quiet", action="store_true", help="tanpa progress bar")

    def handle(self, *args, year, quiet, **options):
        award = Award.objects.filter(period__year=year).first()
        if award is None:
            raise CommandError(f"Belum ada penghargaan untuk periode {year}.")
        # A bar on a terminal only; a log or a pipe gets the result line alone.
        try:
            with TerminalBar(self.stderr, "piagam", quiet=quiet) as bar:
                count = generate_certificates(None, award, bar if bar.on else None)
        except AwardError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"{count} piagam dibuat untuk IGA {year}."))
