from django.core.management.base import BaseCommand, CommandError

from inovda.interchange.format import dumps
from inovda.regions.models import Period
from inovda.results.public import latest_publication
from inovda.results.recap import PREDICATES, TINGKAT
from inovda.results.services import ResultsError, recap_from_results

LABELS = {
    "sangat_inovatif": "Sangat Inovatif",
    "inovatif": "Inovatif",
    "kurang_inovatif": "Kurang Inovatif",
    "tidak_dapat_dinilai": "Tidak Dapat Dinilai",
}


class Command(BaseCommand):
    help = "Rekap nasional satu periode (dari publikasi terakhir, atau hasil terhitung)."

    def add_arguments(self, parser):
        parser.add_argument("--period", type=int, required=True)
        parser.add_argument("--format", choices=["json", "table"], default="json")
        parser.add_argument(
            "--computed", action="store_true", help="pakai hasil terhitung, bukan publikasi"
        )

    def handle(self, *args, period, format, computed, **options):
        found = Period.objects.filter(year=period).first()
        if found is None:
            raise CommandError(f"Periode {period} tidak ada.", returncode=2)
        publication = None if computed else latest_publication(found)
        try:
            recap = publication.recap if publication else recap_from_results(found)
        except ResultsError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if format == "json":
            self.stdout.write(dumps(recap))
        else:
            self.stdout.write(table(recap))


def table(recap: dict) -> str:
    head = f"{'':24}{'Provinsi':>10}{'Kabupaten':>11}{'Kota':>8}{'Total':>8}"

    def row(label, counts):
        return f"{label:24}" + "".join(
            f"{counts[t]:>{w}}" for t, w in zip((*TINGKAT, "total"), (10, 11, 8, 8), strict=True)
        )

    lines = [f"Rekap IID {recap['period']}", head, row("Pemda otonom", recap["regions"])]
    lines.append(row("Berpartisipasi", recap["participating"]))
    lines += [row(LABELS[p], recap["predicates"][p]) for p in PREDICATES]
    lines.append(f"Partisipasi: {recap['participation_pct']} %")
    growth = recap["growth_pct"]
    lines.append(
        f"Inovasi dilaporkan: {recap['innovations']} (periode sebelumnya "
        f"{recap['innovations_previous']}, pertumbuhan {growth if growth is not None else '–'} %)"
    )
    return "\n".join(lines)
