import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from inovda.interchange import format as interchange
from inovda.regions.roster import roster_for_year
from inovda.rulebooks.loader import RulebookError, load_rulebook
from inovda.scoring.engine import round2, score_region
from inovda.scoring.explain import breakdown, summary
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

    def handle(self, *args, **options):
        source = options["file"]
        try:
            rulebook = load_rulebook(options["rulebook"])
            text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
            data = interchange.loads(text, source=source)
            period = data.get("period") if isinstance(data, dict) else None
            known = _roster_codes(period)
            document = interchange.parse(data, rulebook, known)
        except (RulebookError, interchange.InterchangeError, OSError, UnicodeError) as exc:
            raise CommandError(str(exc), returncode=2) from exc

        results = []
        for region in document.regions:
            score = score_region(rulebook, region)
            result = summary(score)
            if not options["no_breakdown"]:
                result["breakdown"] = breakdown(score)
            if options["what_if"]:
                result["what_if"] = _what_if(rulebook, region)
            results.append(result)
        out = {"rulebook": str(rulebook.year), "rulebook_hash": rulebook.content_hash}
        self.stdout.write(interchange.dumps({**out, "regions": results}))


def _roster_codes(period):
    """Codes of the period's roster, or None when the period itself is bad (the schema
    check then reports it)."""
    try:
        return {e.code for e in roster_for_year(period)} if isinstance(period, int) else None
    except ValueError:
        return None


def _what_if(rulebook, region):
    w = what_if(rulebook, region)
    return {
        "next_predicate": w.next_predicate,
        "gap": w.gap,
        "gains": [
            {
                "reason": g.reason,
                "indicator": g.indicator_id,
                "innovation": g.innovation,
                "level": g.level,
                "target_level": g.target_level,
                "iid_gain": round2(g.index_gain),
            }
            for g in w.gains[:10]
        ],
    }
