"""The final score of a nominee and the ranking per cluster: pure.

final = w_index × index + w_presentation × presentation + w_field × field, weights from the
book. How the official plenary combines them was never published, so every page that shows
these numbers also shows ``book.ASSUMPTION_TEXT``. Ties on the final score are broken by the
book's ``tie_break`` components in order, then by region code, and the reason is recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from inovda.awards.book import AwardBook

TWO = Decimal("0.01")
COMPONENT_LABELS = {"index": "indeks", "presentation": "presentasi", "field": "validasi lapangan"}


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    iid: Decimal
    presentation: Decimal | None
    field: Decimal | None
    index: Decimal = Decimal(0)
    final: Decimal = Decimal(0)
    rank: int = 0
    winner: bool = False
    tie_note: str = ""


def mean(values: Iterable[Decimal]) -> Decimal | None:
    items = list(values)
    if not items:
        return None
    return (sum(items, Decimal(0)) / len(items)).quantize(TWO, ROUND_HALF_UP)


def weighted(book_aspects, scores: dict[str, int]) -> Decimal:
    total = sum((a.weight.value * Decimal(scores[a.id]) for a in book_aspects), Decimal(0))
    return Decimal(total).quantize(TWO, ROUND_HALF_UP)


def rank_cluster(book: AwardBook, cluster: str, rows: Iterable[Row]) -> list[Row]:
    items = list(rows)
    c = book.combination
    top = max((r.iid for r in items), default=Decimal(0))
    scored = []
    for r in items:
        index = r.iid
        if c.index_scale == "max_in_cluster":
            index = (r.iid / top * 100) if top else Decimal(0)
        index = index.quantize(TWO, ROUND_HALF_UP)
        final = (
            c.index.value * index
            + c.presentation.value * (r.presentation or 0)
            + c.field.value * (r.field or 0)
        ).quantize(TWO, ROUND_HALF_UP)
        scored.append(replace(r, index=index, final=final))
    order = book.tie_break.value

    def key(r: Row):
        return (-r.final, *(-(getattr(r, k) or 0) for k in order), r.code)

    scored.sort(key=key)
    winners = book.cluster(cluster).winners.value
    ranked = []
    for n, r in enumerate(scored):
        note = ""
        tied = [o for o in scored if o is not r and o.final == r.final]
        if tied:
            note = _tie_note(r, tied, order)
        ranked.append(replace(r, rank=n + 1, winner=n < winners, tie_note=note))
    return ranked


def _tie_note(row: Row, others: list[Row], order) -> str:
    names = ", ".join(o.name for o in others)
    for k in order:
        if any((getattr(o, k) or 0) != (getattr(row, k) or 0) for o in others):
            return f"Skor akhir seri dengan {names}; dipecah oleh skor {COMPONENT_LABELS[k]}."
    return f"Skor akhir seri dengan {names}; dipecah oleh kode wilayah."
