"""``inovda award_certificates YEAR``: every certificate of a signed award, outside the web."""

from django.core.management.base import BaseCommand, CommandError

from inovda.awards.certificates import generate_certificates
from inovda.awards.errors import AwardError
from inovda.awards.models import Award


class Command(BaseCommand):
    help = "Buat piagam PDF untuk semua pemenang dan daerah Sangat Inovatif suatu periode."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)

    def handle(self, *args, year, **options):
        award = Award.objects.filter(period__year=year).first()
        if award is None:
            raise CommandError(f"Belum ada penghargaan untuk periode {year}.")

        def progress(done, total):
            if done == total or done % 50 == 0:
                self.stdout.write(f"{done}/{total}")

        try:
            count = generate_certificates(None, award, progress)
        except AwardError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(self.style.SUCCESS(f"{count} piagam dibuat untuk IGA {year}."))
