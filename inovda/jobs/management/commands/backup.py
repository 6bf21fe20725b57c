from django.core.management.base import BaseCommand, CommandError

from inovda.jobs import backup


class Command(BaseCommand):
    help = "Cadangkan basis data dan semua berkas tersimpan ke satu zip dengan manifest SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas cadangan (.zip)")

    def handle(self, *args, file, **options):
        try:
            backup.backup(file, say=self.stdout.write)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(str(exc), returncode=2) from exc
