"""Ranks per cluster. Tie rule (docs/results.md): standard competition ranking by the rounded
IID — equal IIDs share a rank and the next rank is skipped (1, 2, 2, 4). Regions that are
Tidak Dapat Dinilai get no rank."""

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

T = TypeVar("T")


def competition_ranks(items: Iterable[T], iid: Callable[[T], Decimal]) -> dict[int, int]:
    """Map id(item) → rank among the given items."""
    ordered = sorted(items, key=iid, reverse=True)
    ranks: dict[int, int] = {}
    previous: Decimal | None = None
    rank = 0
    for position, item in enumerate(ordered, start=1):
        value = iid(item)
        if value != previous:
            rank, previous = position, value
        ranks[id(item)] = rank
    return ranks
