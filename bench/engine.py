"""Benchmark: the scoring engine alone on one region of 10,000 innovations (20 SID indicators
each), without and with the breakdown, and the what-if. Pure Python, no database.

Run: .venv/bin/python bench/engine.py [innovations]
"""

import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inovda.rulebooks.loader import load_rulebook
from inovda.scoring.engine import (
    Answer,
    InnovationInput,
    RegionInput,
    score_region,
    score_region_explained,
)
from inovda.scoring.explain import breakdown
from inovda.scoring.whatif import what_if


def region(rulebook, n, seed=2026):
    rng = random.Random(seed)
    yandas = rulebook.count_score.yandas if rulebook.count_score else ("1.01",)
    sid = [i.id for i in rulebook.sid_indicators]
    spd = {
        i.id: Answer(rng.randint(0, 3), f"answer:{k}")
        for k, i in enumerate(rulebook.spd_indicators)
    }
    return RegionInput(
        code="36.04",
        spd=spd,
        innovations=tuple(
            InnovationInput(
                name=f"Inovasi {k}",
                key=str(k),
                urusan=(yandas[k % len(yandas)],),
                eligible=k % 50 != 0,
                levels={i: Answer(rng.randint(0, 3), f"answer:{k}:{i}") for i in sid},
            )
            for k in range(n)
        ),
    )


def timed(label, fn, repeat=3):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        spent = time.perf_counter() - start
        best = spent if best is None else min(best, spent)
    print(f"{label:52} {best * 1000:9.1f} ms")
    return value


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    for year in (2026, 2020):
        rulebook = load_rulebook(year)
        data = region(rulebook, n)
        print(
            f"rulebook {year}, one region of {n} innovations × {len(rulebook.sid_indicators)} SID"
        )
        run(rulebook, data)
    rulebook = load_rulebook(2026)
    tracemalloc.start()
    breakdown(score_region(rulebook, region(rulebook, n)))
    print(
        f"{'peak memory, input + score + breakdown (2026)':52} "
        f"{tracemalloc.get_traced_memory()[1] / 2**20:9.1f} MB"
    )


def run(rulebook, data):
    fast = timed("score (fast path, no breakdown)", lambda: score_region(rulebook, data))
    timed("score + breakdown", lambda: breakdown(score_region(rulebook, data)))
    timed("explained path (every line first)", lambda: score_region_explained(rulebook, data))
    timed("what-if", lambda: what_if(rulebook, data))
    assert fast.iid == score_region_explained(rulebook, data).iid


if __name__ == "__main__":
    main()
