from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from inovda.interchange import format as interchange
from inovda.interchange.jsonout import write_json
from inovda.regions.roster import roster_for_year
from inovda.rulebooks.loader import RulebookError, load_rulebook
from inovda.scoring.engine import score_region
from inovda.scoring.explain import breakdown, summary, what_if_dict
from inovda.scoring.whatif import what_if


class Command(BaseCommand):
    help = "Nilai satu file interchange inovda/1 dengan sebuah rulebook; cetak JSON hasilnya."
    # Files in, JSON out: no system checks, so the command never needs the project loaded.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="file JSON, atau - untuk stdin")
        parser.add_argument("--rulebook", required=True, help="tahun rulebook atau path file")
        parser.add_argument("--what-if", action="store_true", help="tambahkan analisis what-if")
        parser.add_argument("--no-breakdown", action="store_true", help="tanpa rincian")

    stdin = None  # tests may hand in a byte stream; None reads sys.stdin

    def handle(self, *args, **options):
        source = options["file"]
        try:
            rulebook = load_rulebook(options["rulebook"])
            text = interchange.read_input(source, self.stdin)
            data = interchange.loads(text, source="stdin" if source == "-" else source)
            period = data.get("period") if isinstance(data, dict) else None
            known = _roster_codes(period)
            document = interchange.parse(data, rulebook, known)
        except (RulebookError, interchange.InterchangeError, OSError, UnicodeError) as exc:
            raise CommandError(str(exc), returncode=2) from exc

        out = {
            "rulebook": str(rulebook.year),
            "rulebook_hash": rulebook.content_hash,
            # Scored and written one region at a time, so no more than one is held in memory.
            "regions": _results(rulebook, document, options),
        }
        write_json(out, lambda text: self.stdout.write(text, ending=""))
        self.stdout.write("")


def _results(rulebook, document, options) -> Iterator[dict[str, Any]]:
    for region in document.regions:
        score = score_region(rulebook, region)
        result = summary(score)
        if not options["no_breakdown"]:
            result["breakdown"] = breakdown(score)
        if options["what_if"]:
            result["what_if"] = what_if_dict(what_if(rulebook, region))
        yield result


def _roster_codes(period):
    """Codes of the period's roster, or None when the period itself is bad (the schema
    check then reports it)."""
    try:
        return {e.code for e in roster_for_year(period)} if isinstance(period, int) else None
    except ValueError:
        return None
