from django.core.management.base import BaseCommand, CommandError

from inovda.jobs import backup


class Command(BaseCommand):
    help = "Pulihkan cadangan ke basis data kosong yang sudah dimigrasi, setelah hash diperiksa."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas cadangan (.zip)")

    def handle(self, *args, file, **options):
        try:
            backup.restore(file, say=self.stdout.write)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(str(exc), returncode=2) from exc
