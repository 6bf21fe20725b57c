"""The `inovda` console script: Django's command line with Inovda's settings.

Every Inovda command (score, rulebook, regions, recompute, recap, demo, ...) is a management
command, so `inovda help` lists them all. Commands that need no database never open one.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inovda.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["inovda", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
