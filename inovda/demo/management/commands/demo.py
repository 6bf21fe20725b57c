from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from inovda.demo.load import DemoAlreadyLoaded, load_demo
from inovda.jobs.progress import TerminalBar
from inovda.results.jobs import enqueue_downloads
from inovda.results.models import Publication


class Command(BaseCommand):
    help = "Data demo sintetis: `inovda demo load` memuatnya, `inovda demo accounts` akunnya."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["load", "accounts"])
        parser.add_argument("--quiet", action="store_true", help="tanpa progress bar")

    def handle(self, *args, action, quiet, **options):
        if not settings.DEMO:
            raise CommandError(
                "Data demo hanya untuk pengembangan (DEBUG=true atau INOVDA_DEMO=true).",
                returncode=2,
            )
        if action == "load":
            # A bar per step on a terminal; a log or a pipe gets the result lines alone.
            try:
                with TerminalBar(self.stderr, "", quiet=quiet) as bar:
                    load_demo(say=bar.say(self.stdout), stage=bar.stage)
            except DemoAlreadyLoaded as exc:
                self.stdout.write(f"{exc} Tidak ada yang diubah.")
                return
            # The worker (started by `make demo`) builds the downloads once, in the background.
            for publication in Publication.objects.all():
                enqueue_downloads(publication)
            self.stdout.write("Unduhan publikasi diantrekan untuk pekerja latar (inovda worker).")
        else:
            from inovda.demo.accounts import ensure_demo_accounts

            for line in ensure_demo_accounts():
                self.stdout.write(line)
