#!/usr/bin/env python3
"""parse_many (threads, GIL released) against a loop over parse, on the corpus.

    .venv/bin/python scripts/bench-python.py [CORPUS]

Prints the best of 3 runs of each and the speed-up; checks the results are equal.
"""

import os
import sys
import time
from pathlib import Path

import baogao

root = Path(__file__).resolve().parents[1]
corpus = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BAOGAO_CORPUS", root.parent / "shared" / "corpus"))
texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))] or [baogao.sample_report()] * 20
mb = sum(len(t.encode()) for t in texts) / 1e6


def best(f, n=3):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


loop_t, loop = best(lambda: [baogao.parse(t) for t in texts])
many_t, many = best(lambda: baogao.parse_many(texts))
assert [r.to_json() for r in loop] == [r.to_json() for r in many], "parse_many differs from parse"
print(
    f"{len(texts)} reports, {mb:.2f} MB, {os.cpu_count()} cores: loop {loop_t * 1e3:.0f} ms, "
    f"parse_many {many_t * 1e3:.0f} ms → speed-up {loop_t / many_t:.2f}x"
)
