"""Turn a RegionScore into a plain breakdown: every point, its indicator and its decision."""

from __future__ import annotations

from typing import Any

from inovda.scoring.engine import Line, RegionScore, round2


def _line(line: Line) -> dict[str, Any]:
    return {
        "level": line.level,
        "weight": line.weight,
        "points": round2(line.points),
        "max_points": round2(line.max_points),
        "decision": line.ref,
    }


def breakdown(score: RegionScore) -> dict[str, Any]:
    """JSON-ready (Decimals stay Decimals; the caller decides how to print them)."""
    return {
        "spd": {line.indicator_id: _line(line) for line in score.spd_lines},
        "innovations": [
            {
                "key": s.key,
                "name": s.name,
                "eligible": s.eligible,
                "total": round2(s.total),
                "indicators": {line.indicator_id: _line(line) for line in s.lines},
            }
            for s in score.innovation_scores
        ],
        "sid_sum": round2(score.sid_sum),
        "divisor": score.divisor,
        "sid_indicators": round2(score.sid_indicators),
        "count": {
            "innovations": score.innovations_counted,
            "yandas_covered": list(score.yandas_covered),
            "gate_met": score.count_gate_met,
            "score": round2(score.count_score),
        },
    }


def summary(score: RegionScore) -> dict[str, Any]:
    """The headline numbers of a region, rounded for display."""
    return {
        "code": score.code,
        "spd": round2(score.spd),
        "sid": round2(score.sid),
        "count_score": round2(score.count_score),
        "total": round2(score.total),
        "iid": score.iid,
        "predicate": score.predicate,
    }
