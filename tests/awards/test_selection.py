"""Nominee selection by the book: quotas, ties at the cut-off, a region in two clusters."""

from dataclasses import replace
from decimal import Decimal

from inovda.awards.book import Sourced, load_book
from inovda.awards.selection import Candidate, select


def cand(code, iid, ranks, predicate="sangat_inovatif"):
    return Candidate(code, f"Pemda {code}", Decimal(iid), predicate, ranks)


def book(**quotas):
    b = load_book(2021)
    clusters = tuple(
        replace(c, nominees=Sourced(quotas.get(c.id, c.nominees.value), c.nominees.source))
        for c in b.clusters
    )
    return replace(b, clusters=clusters)


def test_it_takes_the_quota_in_rank_order_and_names_the_next_in_line():
    rows = [cand(f"1{n}", 90 - n, {"kota": n + 1}) for n in range(5)]
    picks = select(book(kota=3), rows)
    kota = [p for p in picks if p.cluster == "kota"]
    assert [(p.candidate.code, p.reserve) for p in kota] == [
        ("10", False),
        ("11", False),
        ("12", False),
        ("13", True),
    ]
    assert kota[0].why == "Peringkat 1 klaster kota, IID 90"


def test_only_sangat_inovatif_regions_are_eligible():
    rows = [cand("10", 90, {"kota": 1}, "inovatif"), cand("11", 80, {"kota": 2})]
    picks = [p for p in select(book(kota=1), rows) if not p.reserve]
    assert [p.candidate.code for p in picks] == ["11"]


def test_ties_at_the_cut_off_are_all_nominated():
    rows = [cand("10", 90, {"kota": 1}), cand("11", 80, {"kota": 2}), cand("12", 80, {"kota": 2})]
    picks = [p for p in select(book(kota=2), rows) if p.cluster == "kota"]
    assert [(p.candidate.code, p.reserve) for p in picks] == [
        ("10", False),
        ("11", False),
        ("12", False),
    ]
    assert "seri di batas kuota" in picks[2].why


def test_a_region_in_two_clusters_is_nominated_once_tier_first():
    both = cand("20", 95, {"kabupaten": 1, "tertinggal": 1})
    other = cand("21", 70, {"tertinggal": 2, "kabupaten": 2})
    third = cand("22", 60, {"tertinggal": 3})
    picks = select(book(kabupaten=1, tertinggal=1), [both, other, third])
    nominated = [(p.cluster, p.candidate.code) for p in picks if not p.reserve]
    assert ("kabupaten", "20") in nominated
    assert ("tertinggal", "21") in nominated
    assert ("tertinggal", "20") not in nominated
