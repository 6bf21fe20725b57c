"""``inovda awardbook show YEAR`` and ``inovda awardbook check [YEAR|FILE ...]``."""

from django.core.management.base import BaseCommand, CommandError

from inovda.awards.book import (
    ASSUMPTION_TEXT,
    PRESENTER_LABELS,
    BookError,
    available_years,
    load_book,
)


class Command(BaseCommand):
    help = "Tampilkan atau periksa buku penghargaan (IGA) per tahun."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        show = sub.add_parser("show", help="tampilkan satu buku")
        show.add_argument("book", help="tahun atau path berkas")
        check = sub.add_parser("check", help="periksa buku (semua bila tanpa argumen)")
        check.add_argument("books", nargs="*")

    def handle(self, *args, **options):
        if options["action"] == "show":
            self._show(options["book"])
        else:
            self._check(options["books"] or [str(y) for y in available_years()])

    def _check(self, names):
        failed = False
        for name in names:
            try:
                book = load_book(name)
            except BookError as exc:
                failed = True
                self.stderr.write(str(exc))
            else:
                self.stdout.write(f"{name}: OK ({book.title}, sha256 {book.hash[:12]})")
        if failed:
            raise CommandError("Ada buku penghargaan yang tidak valid.")

    def _show(self, name):
        try:
            book = load_book(name)
        except BookError as exc:
            raise CommandError(str(exc)) from None
        out = self.stdout.write
        out(f"{book.title} (tahun {book.year})")
        for note in book.notes:
            out(f"  - {note}")
        out("Klaster (nominasi / pemenang):")
        for rule in book.clusters:
            out(
                f"  {rule.id:<11} {rule.nominees.value:>3} [{rule.nominees.source.label}]"
                f" / {rule.winners.value:>3} [{rule.winners.source.label}]"
            )
        out(f"Syarat: {', '.join(book.eligibility)} [{book.eligibility_source.label}]")
        for title, held, aspects in (
            ("Presentasi", book.presentation_held, book.presentation_aspects),
            ("Validasi lapangan", book.field_held, book.field_aspects),
        ):
            out(f"{title}: {'diadakan' if held else 'tidak diadakan'}")
            for a in aspects:
                out(f"  {a.name}: {a.weight.value} [{a.weight.source.label}]")
        c = book.combination
        out(
            f"Gabungan: indeks {c.index.value}, presentasi {c.presentation.value}, "
            f"validasi {c.field.value}"
        )
        if c.assumption:
            out(f"  {ASSUMPTION_TEXT}")
        out(f"Seri di batas kuota: {book.cutoff_ties.value}")
        out(f"Pemecah seri: {', '.join(book.tie_break.value)}, lalu kode wilayah")
        out(f"Daerah di dua klaster: {book.two_clusters.value}")
        out("Penyaji: " + ", ".join(PRESENTER_LABELS[p] for p in book.presenters.value))
