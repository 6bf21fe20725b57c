"""The eligibility checklist of one innovation, from the rulebook and what the operator typed.

Pure: no Django, no database. The view hands in the form values (typed or half-typed), the
names of the region's other innovations and, where known, which indicators have evidence; the
checklist says, item by item, what is fine and exactly what is missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from inovda.rulebooks.model import Rulebook


@dataclass(frozen=True)
class Item:
    ok: bool
    message: str


def word_count(text: str) -> int:
    return len(text.split())


def normalise_name(name: str) -> str:
    """Names compare without case and extra spaces: "SI  Cantik" is "si cantik"."""
    return " ".join(name.split()).casefold()


def _as_date(value: date | str | None) -> date | str | None:
    """A date, None when empty, or the raw text when it is not a date (reported as such)."""
    if value is None or isinstance(value, date):
        return value
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value


def _as_level(value: int | str | None) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def check(
    rulebook: Rulebook,
    *,
    name: str = "",
    tanggal_penerapan: date | str | None = None,
    developed_on: date | str | None = None,
    rancang_bangun: str = "",
    levels: Mapping[str, int | str | None] | None = None,
    bases: Mapping[str, str] | None = None,
    with_evidence: Iterable[str] | None = None,
    other_names: Iterable[str] = (),
) -> list[Item]:
    """The checklist, in a fixed order: window, design narrative, indicators, name.

    ``levels`` and ``bases`` are keyed by indicator id. ``with_evidence`` lists the indicators
    that have evidence; ``None`` skips the evidence items (a form not yet saved has none).
    ``other_names`` are the names of the region's other innovations. ``developed_on`` (tanggal
    pengembangan) opens the rulebook's "developed" path for an innovation implemented before
    the window.
    """
    items = [*_window(rulebook, tanggal_penerapan, developed_on)]
    items += _design(rulebook, rancang_bangun)
    items += _indicators(rulebook, levels or {}, bases or {}, with_evidence)
    items += _name(name, other_names)
    return items


def _window(
    rulebook: Rulebook, value: date | str | None, developed_on: date | str | None = None
) -> list[Item]:
    start, end = rulebook.eligibility.window_start, rulebook.eligibility.window_end
    if start is None and end is None:
        return []
    window = f"{start.isoformat() if start else '…'} s.d. {end.isoformat() if end else '…'}"
    when = _as_date(value)
    if when is None:
        return [Item(False, f"Tanggal penerapan belum diisi (jendela {window})")]
    if isinstance(when, str):
        return [Item(False, f"Tanggal penerapan {when!r} bukan tanggal (format TTTT-BB-HH)")]
    if start is not None and when < start:
        developed = _developed(rulebook, when, _as_date(developed_on))
        if developed is not None:
            return [developed]
    if (start is not None and when < start) or (end is not None and when > end):
        return [Item(False, f"Tanggal penerapan {when.isoformat()} di luar jendela {window}")]
    return [Item(True, f"Tanggal penerapan {when.isoformat()} di dalam jendela {window}")]


def _developed(rulebook: Rulebook, applied: date, developed: date | str | None) -> Item | None:
    """The "developed" path, when the rulebook has one and a development date was given;
    None leaves the plain out-of-window message."""
    path = rulebook.eligibility.developed_window
    if path is None or developed is None:
        return None
    span = f"{path.start.isoformat()} s.d. {path.end.isoformat()}"
    if isinstance(developed, str):
        return Item(False, f"Tanggal pengembangan {developed!r} bukan tanggal (format TTTT-BB-HH)")
    before = f"Tanggal penerapan {applied.isoformat()} sebelum jendela"
    if path.start <= developed <= path.end:
        return Item(True, f"{before}, tetapi dikembangkan {developed.isoformat()} (dalam {span})")
    return Item(False, f"{before}; tanggal pengembangan {developed.isoformat()} di luar {span}")


def _design(rulebook: Rulebook, text: str) -> list[Item]:
    minimum = rulebook.eligibility.min_design_words
    if minimum is None:
        return []
    words = word_count(text or "")
    if words < minimum:
        return [Item(False, f"Rancang bangun {words} kata; minimal {minimum}")]
    return [Item(True, f"Rancang bangun {words} kata (minimal {minimum})")]


def _indicators(
    rulebook: Rulebook,
    levels: Mapping[str, int | str | None],
    bases: Mapping[str, str],
    with_evidence: Iterable[str] | None,
) -> list[Item]:
    evidence = None if with_evidence is None else set(with_evidence)
    items = []
    for indicator in rulebook.sid_indicators:
        level = _as_level(levels.get(indicator.id))
        if indicator.mandatory and level == 0:
            items.append(Item(False, f"Indikator wajib {indicator.id} belum diisi"))
        elif indicator.mandatory and evidence is not None and indicator.id not in evidence:
            items.append(Item(False, f"Indikator wajib {indicator.id} belum ada data dukung"))
        basis_ids = [b.id for b in indicator.bases]
        if basis_ids and level > 0 and bases.get(indicator.id, "") not in basis_ids:
            items.append(
                Item(
                    False,
                    f"Indikator {indicator.id}: pilih basis pengukuran ({', '.join(basis_ids)})",
                )
            )
    if not items:
        mandatory = [i.id for i in rulebook.sid_indicators if i.mandatory]
        if mandatory:
            items.append(Item(True, f"Indikator wajib terisi ({', '.join(mandatory)})"))
    return items


def _name(name: str, other_names: Iterable[str]) -> list[Item]:
    key = normalise_name(name or "")
    if not key:
        return [Item(False, "Nama inovasi belum diisi")]
    if key in {normalise_name(n) for n in other_names}:
        return [Item(False, "Nama sudah dipakai inovasi lain di pemda ini")]
    return [Item(True, "Nama belum dipakai inovasi lain di pemda ini")]


def all_ok(items: Iterable[Item]) -> bool:
    return all(item.ok for item in items)
