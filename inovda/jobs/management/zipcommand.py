"""What ``inovda backup`` and ``inovda restore`` share: one zip file argument, and a refusal
(a bad archive, a file that cannot be read or written) ends the command with status 2."""

from django.core.management.base import BaseCommand, CommandError

from inovda.jobs import backup


class ZipCommand(BaseCommand):
    def run(self, file: str) -> None:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("file", help="berkas cadangan (.zip)")

    def handle(self, *args, file, **options):
        try:
            self.run(file)
        except (backup.BackupError, OSError) as exc:
            raise CommandError(str(exc), returncode=2) from exc
