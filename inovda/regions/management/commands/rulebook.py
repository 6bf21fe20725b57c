import json

from django.core.management.base import BaseCommand, CommandError

from inovda.rulebooks.loader import (
    RulebookError,
    available_years,
    load_rulebook,
    rulebook_to_dict,
)
from inovda.rulebooks.model import PREDICATE_LABELS, Rulebook


class Command(BaseCommand):
    help = "Tampilkan, daftar, atau periksa rulebook (aturan penilaian IID per tahun)."
    # Rulebooks are files: no system checks, so the command never needs a database.
    requires_system_checks = []

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        show = sub.add_parser("show", help="cetak satu rulebook")
        show.add_argument("rulebook", help="tahun (mis. 2026) atau path file rulebook")
        show.add_argument("--format", choices=["json", "text"], default="json")
        sub.add_parser("list", help="daftar tahun yang tersedia")
        check = sub.add_parser("check", help="validasi satu file rulebook")
        check.add_argument("path", help="path file rulebook (atau tahun)")

    def handle(self, *args, **options):
        try:
            if options["action"] == "list":
                for year in available_years():
                    self.stdout.write(f"{year}  {load_rulebook(year).title}")
            elif options["action"] == "check":
                rb = load_rulebook(options["path"])
                self.stdout.write(
                    f"OK {options['path']}: rulebook {rb.year}, {len(rb.spd_indicators)} SPD + "
                    f"{len(rb.sid_indicators)} SID indicators, sha256 {rb.content_hash}"
                )
            elif options["format"] == "text":
                self.stdout.write(_text(load_rulebook(options["rulebook"])))
            else:
                data = rulebook_to_dict(load_rulebook(options["rulebook"]))
                self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
        except RulebookError as exc:
            raise CommandError(str(exc), returncode=2) from exc


def _num(value) -> str:
    return f"{value.normalize():f}"


def _text(rb: Rulebook) -> str:
    agg, cs, el = rb.aggregation, rb.count_score, rb.eligibility
    lines = [rb.title, f"tahun {rb.year}  sha256 {rb.content_hash}"]
    if rb.approximate:
        lines.append("PERKIRAAN: sebagian angka hanya pengganti (lihat catatan dan sumber).")
    if rb.normalised:
        lines.append(
            f"agregasi: ternormalisasi, pembagi MAX({agg.min_divisor.value}, n), "
            f"skor maksimum {_num(agg.max_total.value)}"
        )
    else:
        lines.append("agregasi: jumlah mentah (SPD + Σ SID seluruh inovasi)")
    if cs is not None:
        gate = (
            f", bila ≥ {cs.yandas_required.value} dari {len(cs.yandas)} yandas"
            if cs.yandas_required.value
            else ""
        )
        lines.append(
            f"jumlah inovasi: {_num(cs.per_innovation.value)} × MIN(n, {cs.cap.value}){gate}"
        )
    lines.append(
        f"maks SPD {_num(rb.max_spd)}, maks SID per inovasi {_num(rb.max_sid_per_innovation)}"
    )
    lines.append(
        "predikat: "
        + "; ".join(f"{PREDICATE_LABELS[b.predicate]} ≥ {_num(b.min)}" for b in rb.bands)
    )
    lines.append(
        f"kelayakan: diterapkan {el.window_start or '?'} s.d. {el.window_end or '?'}, "
        f"rancang bangun ≥ {el.min_design_words or '-'} kata"
    )
    lines += ["", "catatan:", *(f"- {n}" for n in rb.notes), "", "indikator:"]
    for i in rb.indicators:
        wajib = "wajib" if i.mandatory else "     "
        lines.append(
            f"  {i.id:>4} {i.aspect.upper()} bobot {_num(i.weight):>4} {wajib} "
            f"[{i.source.confidence}] {i.name}"
        )
    return "\n".join(lines)
