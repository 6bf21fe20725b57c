"""The rules of a rulebook that its JSON Schema cannot express.

Each problem is a key path and a message; the loader adds the file name and the line.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from inovda.rulebooks.model import MAX_LEVEL, PREDICATES

KeyPath = tuple[str | int, ...]


def semantic_problems(data: dict[str, Any], path: Path) -> list[tuple[KeyPath, str]]:
    found: list[tuple[KeyPath, str]] = []

    def bad(message: str, *key: str | int) -> None:
        found.append((key, message))

    if path.stem.isdigit() and int(path.stem) != data["year"]:
        bad(f"{data['year']} does not match the file name {path.name}", "year")

    indicators = data["indicators"]
    first_seen: dict[str, int] = {}
    for k, ind in enumerate(indicators):
        if ind["id"] in first_seen:
            where = f"indicators[{first_seen[ind['id']]}]"
            bad(f"duplicate id {ind['id']!r} (first at {where})", "indicators", k, "id")
        first_seen.setdefault(ind["id"], k)
        basis_ids = [b["id"] for b in ind["bases"]]
        for j, bid in enumerate(basis_ids):
            if bid in basis_ids[:j]:
                bad(f"duplicate basis id {bid!r}", "indicators", k, "bases", j, "id")
    for aspect in ("spd", "sid"):
        if not any(i["aspect"] == aspect for i in indicators):
            bad(f"no {aspect.upper()} indicator", "indicators")

    bands = data["bands"]
    order = [b["predicate"] for b in bands]
    if order != sorted(order, key=PREDICATES.index) or len(set(order)) != len(order):
        bad(f"predicates must be distinct and listed highest first, got {order}", "bands")
    for k in range(1, len(bands)):
        cur, prev = bands[k]["min"], bands[k - 1]["min"]
        if Decimal(cur) >= Decimal(prev):
            bad(f"{cur!r} is not below the previous band's min {prev!r}", "bands", k, "min")

    elig = data["eligibility"]
    if elig["window_start"] and elig["window_end"] and elig["window_start"] > elig["window_end"]:
        bad("is before window_start", "eligibility", "window_end")

    agg, count = data["aggregation"], data["count_score"]
    method = agg["method"]
    for key in ("min_divisor", "max_total"):
        if method == "normalised" and agg[key] is None:
            bad("is required when method is 'normalised'", "aggregation", key)
        if method != "normalised" and agg[key] is not None:
            bad(f"must be null when method is {method!r}", "aggregation", key)
    if count is not None:
        if method != "normalised":
            bad(f"must be null when aggregation.method is {method!r}", "count_score")
        required, listed = count["yandas_required"]["value"], len(count["yandas"])
        if required > listed:
            at = ("count_score", "yandas_required", "value")
            bad(f"{required} is more than the {listed} yandas listed", *at)
    dev = elig["developed_window"]
    if dev is not None and dev["start"] > dev["end"]:
        bad("is before start", "eligibility", "developed_window", "end")
    found += _maxima_problems(data)
    return found


def _maxima_problems(data: dict[str, Any]) -> list[tuple[KeyPath, str]]:
    """Declared maxima against what weights × levels produce: a mistyped weight or total would
    silently mis-normalise every index, so each number that is off is named with its due value.
    """
    found: list[tuple[KeyPath, str]] = []
    indicators, count, agg = data["indicators"], data["count_score"], data["aggregation"]
    declared = data["maxima"]
    top: dict[str, Decimal] = {}
    for aspect, key in (("spd", "spd"), ("sid", "sid_per_innovation")):
        weights = sum(
            (Decimal(i["weight"]) for i in indicators if i["aspect"] == aspect), Decimal(0)
        )
        top[key] = weights * MAX_LEVEL
        if Decimal(declared[key]) != top[key]:
            why = f"{MAX_LEVEL} × the {aspect.upper()} weights (Σ {_plain(weights)})"
            found.append(
                (
                    ("maxima", key),
                    f"{declared[key]!r} but {why} give {_plain(top[key])}; "
                    f"it should be {_plain(top[key])}",
                )
            )
    top["count"] = Decimal(0)
    if count is None and declared["count"] is not None:
        found.append((("maxima", "count"), "must be null when count_score is null"))
    elif count is not None:
        per, cap = Decimal(count["per_innovation"]["value"]), count["cap"]["value"]
        top["count"] = per * cap
        if declared["count"] is None or Decimal(declared["count"]) != top["count"]:
            found.append(
                (
                    ("maxima", "count"),
                    f"{declared['count']!r} but per_innovation × cap ({_plain(per)} × {cap}) "
                    f"give {_plain(top['count'])}; it should be {_plain(top['count'])}",
                )
            )
    if agg["method"] == "normalised" and agg["max_total"] is not None:
        total = sum(top.values(), Decimal(0))
        parts = (
            f"SPD {_plain(top['spd'])} + SID {_plain(top['sid_per_innovation'])}"
            f" + jumlah inovasi {_plain(top['count'])}"
        )
        value = agg["max_total"]["value"]
        # Below: the index could pass 100. Above: no region could reach 100.
        if Decimal(value) != total:
            side = "below" if Decimal(value) < total else "above"
            found.append(
                (
                    ("aggregation", "max_total", "value"),
                    f"{value!r} is {side} the attainable maximum {_plain(total)} ({parts}); "
                    f"it should be {_plain(total)}",
                )
            )
    return found


def _plain(d: Decimal) -> str:
    return f"{d.normalize():f}"
