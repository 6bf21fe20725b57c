from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inovda.interchange.format import document_to_dict, dumps
from inovda.regions.models import Period
from inovda.results.services import load_inputs


class Command(BaseCommand):
    help = "Ekspor jawaban terverifikasi satu periode dalam format inovda/1."

    def add_arguments(self, parser):
        parser.add_argument("--period", type=int, required=True)
        parser.add_argument("--region", action="append", help="kode pemda (boleh berulang)")
        parser.add_argument("--output", help="file tujuan (bawaan: stdout)")

    def handle(self, *args, period, region, output, **options):
        found = Period.objects.filter(year=period).first()
        if found is None:
            raise CommandError(f"Periode {period} tidak ada.", returncode=2)
        regions, inputs, _ = load_inputs(found)
        wanted = set(region or [])
        unknown = wanted - {r.code for r in regions}
        if unknown:
            raise CommandError(
                "\n".join(
                    f"kode pemda {c!r} tidak ada dalam periode {period}" for c in sorted(unknown)
                ),
                returncode=2,
            )
        chosen = [inputs[r.pk] for r in regions if not wanted or r.code in wanted]
        text = dumps(document_to_dict(period, chosen))
        if output:
            Path(output).write_text(text + "\n", encoding="utf-8")
        else:
            self.stdout.write(text)
