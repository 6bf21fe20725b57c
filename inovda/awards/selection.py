"""Who is nominated, by the book's rule: pure, over plain rows of a publication.

Per cluster, the eligible regions (predicate allowed by the book) in published rank order
take the quota; at the cut-off, ties are all taken (``include_all``) or broken by region code
(``lower_code_first``). A region ranked in two clusters (a kabupaten that is also tertinggal)
is nominated once, in the cluster the book's ``two_clusters`` rule tries first, unless the
rule is ``both``. The first eligible region left out is recorded as next in line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from inovda.awards.book import TIERS, AwardBook


@dataclass(frozen=True)
class Candidate:
    code: str
    name: str
    iid: Decimal
    predicate: str
    ranks: dict[str, int]  # cluster → published rank; absent when not ranked there
    ref: Any = None  # the row it came from


@dataclass(frozen=True)
class Pick:
    cluster: str
    candidate: Candidate
    rank: int
    reserve: bool
    why: str


def cluster_order(book: AwardBook) -> list[str]:
    ids = [rule.id for rule in book.clusters]
    if book.two_clusters.value == "group_first":
        return [c for c in ids if c not in TIERS] + [c for c in ids if c in TIERS]
    if book.two_clusters.value == "tier_first":
        return [c for c in ids if c in TIERS] + [c for c in ids if c not in TIERS]
    return ids


def select(book: AwardBook, candidates: Iterable[Candidate]) -> list[Pick]:
    rows = list(candidates)
    taken: set[str] = set()
    picks: list[Pick] = []
    for cluster in cluster_order(book):
        quota = book.cluster(cluster).nominees.value
        pool = sorted(
            (
                c
                for c in rows
                if cluster in c.ranks
                and c.predicate in book.eligibility
                and (book.two_clusters.value == "both" or c.code not in taken)
            ),
            key=lambda c: (c.ranks[cluster], c.code),
        )
        chosen = _cut(book, pool, quota)
        for c in chosen:
            tied = len(chosen) > quota and c.iid == chosen[-1].iid
            why = f"Peringkat {c.ranks[cluster]} klaster {cluster}, IID {c.iid}"
            if tied:
                why += "; seri di batas kuota, semua yang seri ikut"
            picks.append(Pick(cluster, c, c.ranks[cluster], False, why))
            taken.add(c.code)
        rest = pool[len(chosen) :]
        if rest:
            nxt = rest[0]
            why = f"Berikutnya: peringkat {nxt.ranks[cluster]}, IID {nxt.iid}"
            picks.append(Pick(cluster, nxt, nxt.ranks[cluster], True, why))
    return picks


def _cut(book: AwardBook, pool: Sequence[Candidate], quota: int) -> list[Candidate]:
    chosen = list(pool[:quota])
    if quota and book.cutoff_ties.value == "include_all" and len(chosen) == quota:
        for c in pool[quota:]:
            if c.iid != chosen[-1].iid:
                break
            chosen.append(c)
    return chosen
