"""Benchmark: `inovda score` on one region of many innovations (20 SID indicators each).

Writes the input to a temporary file, runs the installed console script as a user would, and
prints wall time and peak memory with and without the breakdown. Run:
.venv/bin/python bench/score_command.py [innovations ...]   (default 10000)
"""

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SPD_IDS = "1 2a 2b 3 4 5a 5b 6 7 8 9 10a 10b 11a 11b 12 13a 13b 14 15".split()  # noqa: SIM905
SID_IDS = [str(i) for i in range(16, 36)]
URUSAN = ["1.01", "1.02", "1.03", "1.04", "1.05", "1.06", "2.07", "3.25"]
SCRIPT = Path(sys.executable).with_name("inovda")


def document(innovations: int, seed: int = 1) -> dict:
    rng = random.Random(seed)
    return {
        "format": "inovda/1",
        "period": 2026,
        "regions": [
            {
                "code": "36.04",
                "spd": {i: rng.randint(0, 3) for i in SPD_IDS},
                "innovations": [
                    {
                        "id": f"inv-{n}",
                        "name": f"Inovasi {n}",
                        "urusan": rng.sample(URUSAN, 2),
                        "levels": {i: rng.randint(0, 3) for i in SID_IDS},
                    }
                    for n in range(innovations)
                ],
            }
        ],
    }


def run(path: Path, *extra: str) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [str(SCRIPT), "score", "--rulebook", "2026", *extra, str(path)],
        capture_output=True,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if done.returncode:
        sys.exit(done.stderr.decode())
    return elapsed, len(done.stdout)


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000]
    print(f"{'innovations':>11}  {'mode':16} {'time':>8}  {'output':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"region-{size}.json"
            path.write_text(json.dumps(document(size)), encoding="utf-8")
            for label, extra in (("--no-breakdown", ("--no-breakdown",)), ("breakdown", ())):
                elapsed, size_out = run(path, *extra)
                print(f"{size:>11}  {label:16} {elapsed:7.2f}s  {size_out / 1e6:7.1f}MB")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of the largest run: {peak:.0f} MB")


if __name__ == "__main__":
    main()
