"""Turn a RegionScore into a plain breakdown: every point, its indicator and its decision, the
rules that turned them into the index, and what would move it."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

from inovda.scoring.engine import Line, RegionScore, round2
from inovda.scoring.whatif import Gain, WhatIf

READINGS = {
    "primary": "urusan utama setiap inovasi saja",
    "primary_and_related": "urusan utama dan urusan terkait setiap inovasi",
}


@lru_cache(maxsize=1024)
def _cents(value: Decimal) -> Decimal:
    """round2 for the few distinct weight × level values a rulebook has."""
    return round2(value)


def _line(line: Line) -> dict[str, Any]:
    out = {
        "level": line.level,
        "weight": line.weight,
        "points": _cents(line.points),
        "max_points": _cents(line.max_points),
        "decision": line.ref,
    }
    if not line.counted:
        out["counted"] = False
    return out


def count_rule(score: RegionScore) -> dict[str, Any]:
    """The count score as applied: the rule, the gate reading, the yandas covered and missing."""
    out: dict[str, Any] = {
        "innovations": score.innovations_counted,
        "yandas_covered": list(score.yandas_covered),
        "gate_met": score.count_gate_met,
        "score": round2(score.count_score),
    }
    rule = score.rulebook.count_score if score.rulebook is not None else None
    if rule is None:
        return out
    per, cap, required = rule.per_innovation.value, rule.cap.value, rule.yandas_required.value
    gate = (
        f", bila inovasi mencakup ≥ {required} dari {len(rule.yandas)} urusan wajib pelayanan "
        f"dasar ({READINGS[rule.gate_reading.value]})"
        if required
        else ""
    )
    return {
        **out,
        "rule": f"{per} × MIN(n, {cap}){gate}",
        "per_innovation": per,
        "cap": cap,
        "counted_n": min(score.innovations_counted, cap),
        "yandas": list(rule.yandas),
        "yandas_required": required,
        "yandas_missing": list(score.yandas_missing),
        "gate_reading": rule.gate_reading.value,
    }


def bands(score: RegionScore) -> list[dict[str, Any]]:
    """The band floors the IID is read against, highest first."""
    if score.rulebook is None:
        return []
    return [{"predicate": b.predicate, "min": b.min} for b in score.rulebook.bands]


def breakdown(score: RegionScore) -> dict[str, Any]:
    """JSON-ready (Decimals stay Decimals; the caller decides how to print them)."""
    innovations = []
    for s in score.innovation_scores:
        row: dict[str, Any] = {
            "key": s.key,
            "name": s.name,
            "eligible": s.eligible,
            "total": round2(s.total),
            "indicators": {line.indicator_id: _line(line) for line in s.lines},
        }
        if s.reason:
            row["reason"] = s.reason
        innovations.append(row)
    return {
        "spd": {line.indicator_id: _line(line) for line in score.spd_lines},
        "innovations": innovations,
        "sid_sum": round2(score.sid_sum),
        "divisor": score.divisor,
        "sid_indicators": round2(score.sid_indicators),
        "count": count_rule(score),
        "bands": bands(score),
    }


def summary(score: RegionScore) -> dict[str, Any]:
    """The headline numbers of a region, rounded for display (the band floors are in the
    breakdown, beside the lines that make the IID)."""
    return {
        "code": score.code,
        "spd": round2(score.spd),
        "sid": round2(score.sid),
        "count_score": round2(score.count_score),
        "total": round2(score.total),
        "iid": score.iid,
        "predicate": score.predicate,
    }


def _gain(g: Gain) -> dict[str, Any]:
    return {
        "reason": g.reason,
        "indicator": g.indicator_id,
        "innovation": g.innovation,
        "level": g.level,
        "target_level": g.target_level,
        "iid_gain": round2(g.index_gain),
    }


def what_if_dict(w: WhatIf, top: int = 10) -> dict[str, Any]:
    """The what-if as the score command prints it: the top single gains, the cheapest path
    to the next predicate and what adding innovations would do."""
    out: dict[str, Any] = {
        "next_predicate": w.next_predicate,
        "gap": w.gap,
        "gains": [_gain(g) for g in w.gains[:top]],
        "cheapest_path": {
            "levels": w.cheapest_cost,
            "steps": [_gain(g) for g in w.cheapest],
        },
    }
    a = w.adding
    if a is not None:
        out["adding_innovations"] = {
            "innovations_counted": a.innovations_counted,
            "below_divisor": a.below_divisor,
            "count_gain_each": round2(a.count_gain),
            "iid_gain_one_at_top": round2(a.gain_at_top),
            "iid_gain_one_at_mean": round2(a.gain_at_mean),
            "to_next_predicate_at_top": a.to_next_predicate,
        }
    return out
