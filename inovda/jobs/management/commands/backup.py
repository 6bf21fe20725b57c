from inovda.jobs import backup
from inovda.jobs.management.zipcommand import ZipCommand


class Command(ZipCommand):
    help = "Cadangkan basis data dan semua berkas tersimpan ke satu zip dengan manifest SHA-256."

    def run(self, file: str) -> None:
        backup.backup(file, say=self.stdout.write)
