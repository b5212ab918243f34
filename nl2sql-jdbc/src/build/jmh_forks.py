#!/usr/bin/env python3
"""Summarises PassThroughBenchmark JSON results (./bench.sh -rf json -rff FILE) fork by fork.

For each database and operation: the raw driver's mean over forks, and for every other driver its mean,
its difference to raw, and a 95% bootstrap interval of that difference (forks resampled, 4,000 times,
fixed seed). Forks are the unit because one fork's JIT decisions move a point select by about 5% on a
2-core machine, more than the overheads being measured.

Usage: python3 src/build/jmh_forks.py FILE.json [FILE.json ...]
"""
import json
import random
import statistics as st
import sys
from collections import defaultdict

ORDER = ["floor", "nl2sql-off", "nl2sql-warn", "p6spy"]


def interval(raw, other, rounds=4000):
    rng = random.Random(1)
    ratios = []
    for _ in range(rounds):
        a = [rng.choice(raw) for _ in raw]
        b = [rng.choice(other) for _ in other]
        ratios.append(st.mean(b) / st.mean(a) - 1)
    ratios.sort()
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds)]


def main(paths):
    data = defaultdict(dict)
    for path in paths:
        with open(path) as f:
            for b in json.load(f):
                op = b["benchmark"].rsplit(".", 1)[-1]
                forks = [st.mean(fork) for fork in b["primaryMetric"]["rawData"]]
                data[(b["params"]["db"], op)][b["params"]["driver"]] = forks
    for (db, op), drivers in sorted(data.items()):
        raw = drivers.get("raw")
        if not raw:
            print(f"{db:8s} {op:22s} no raw driver in the results: nothing to compare with "
                  f"({', '.join(sorted(drivers))})")
            continue
        print(f"{db:8s} {op:22s} raw         {st.mean(raw):9.3f} us/op  ({len(raw)} forks, "
              f"{min(raw):.3f}-{max(raw):.3f})")
        for name in ORDER:
            if name in drivers:
                x = drivers[name]
                lo, hi = interval(raw, x)
                print(f"{'':31s} {name:11s} {st.mean(x):9.3f} us/op  {100 * (st.mean(x) / st.mean(raw) - 1):+6.1f}%"
                      f"  [{100 * lo:+.1f}%, {100 * hi:+.1f}%]  ({min(x):.3f}-{max(x):.3f})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
