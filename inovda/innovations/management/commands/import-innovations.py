from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from inovda.innovations.import_template import build_template
from inovda.innovations.importer import ImportRefused, import_innovations
from inovda.jobs.progress import TerminalBar
from inovda.regions.models import Period
from inovda.rulebooks.loader import load_rulebook


class Command(BaseCommand):
    help = (
        "Impor inovasi satu pemda dari berkas XLSX (semua atau tidak sama sekali), "
        "atau tulis template XLSX-nya dengan --template."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="berkas XLSX yang diisi dari template")
        parser.add_argument("--period", type=int, required=True, help="tahun periode")
        parser.add_argument("--region", help="kode pemda pada periode itu, mis. 36.04")
        parser.add_argument("--template", metavar="OUT.xlsx", help="tulis template ke berkas ini")
        parser.add_argument("--quiet", action="store_true", help="tanpa progress bar")

    def handle(self, *args, file, period, region, template, quiet, **options):
        found = Period.objects.filter(year=period).first()
        if found is None:
            raise CommandError(f"Periode {period} tidak ada.", returncode=2)
        if template:
            Path(template).write_bytes(build_template(load_rulebook(found.rulebook_year)))
            self.stdout.write(f"Template periode {period} ditulis ke {template}.")
            return
        if not region or not file:
            raise CommandError("Sebutkan --region dan berkas XLSX.", returncode=2)
        target = found.regions.filter(code=region).first()
        if target is None:
            raise CommandError(f"Pemda {region} tidak ada pada periode {period}.", returncode=2)
        if not found.is_open_for(target.current_code, timezone.now()):
            self.stderr.write(
                f"Peringatan: masa pelaporan {found} ditutup untuk {target.name}; "
                "impor lewat baris perintah tetap dijalankan."
            )

        # A bar on a terminal only; a log or a pipe gets the result line alone.
        try:
            with TerminalBar(self.stderr, "baris", quiet=quiet) as bar:
                report = import_innovations(None, target, file, progress=bar if bar.on else None)
        except ImportRefused as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"Impor dibatalkan: {len(exc.problems)} masalah; tidak ada yang diimpor.",
                returncode=2,
            ) from exc
        self.stdout.write(
            f"{target.name} ({target.code}), periode {period}: {report.created} dibuat, "
            f"{report.updated} diubah, {report.unchanged} tetap."
        )
