"""The `inovda` console script: Django's command line with Inovda's settings.

Every Inovda command (score, rulebook, regions, recompute, recap, demo, ...) is a management
command, so `inovda help` lists them all. Commands that need no database never open one.

The file-only commands (``FAST``) start without the project's settings, apps, system checks or
URLconf: loading all of those costs more than the work itself for a small input. They run the
same ``Command`` class with Django's own argument parser, so options, help text, output and exit
codes are those of ``inovda <command>`` through Django.
"""

import os
import sys

# Commands that read files only; each must keep working with no app registry and no database.
FAST = {
    "score": "inovda.regions.management.commands.score",
    "rulebook": "inovda.regions.management.commands.rulebook",
    "regions": "inovda.regions.management.commands.regions",
}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in FAST:
        run_fast(args[0], args[1:])
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inovda.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["inovda", *args])


def run_fast(name: str, args: list[str]) -> None:
    import importlib

    from django.conf import settings

    # Minimal settings: no translation machinery (the management layer would otherwise ask the
    # app registry for catalogues) and no databases to open or close.
    if not settings.configured:
        settings.configure(USE_I18N=False)
    command = importlib.import_module(FAST[name]).Command()
    command.run_from_argv(["inovda", name, *args])


if __name__ == "__main__":
    main()
