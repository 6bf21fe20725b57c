from inovda.jobs import backup
from inovda.jobs.management.zipcommand import ZipCommand


class Command(ZipCommand):
    help = "Pulihkan cadangan ke basis data kosong yang sudah dimigrasi, setelah hash diperiksa."

    def run(self, file: str) -> None:
        backup.restore(file, say=self.stdout.write)
