"""Every environment variable the settings and gunicorn.conf.py read is listed in .env.example."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(r'(?:env(?:\.\w+)?|os\.environ\.get|_int)\(\s*"([A-Z][A-Z0-9_]+)"')


def test_env_example_lists_every_variable():
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    read = set()
    for name in ("inovda/settings.py", "gunicorn.conf.py"):
        read |= set(READS.findall((ROOT / name).read_text()))
    assert read - listed == set()
