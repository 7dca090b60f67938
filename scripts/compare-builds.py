#!/usr/bin/env python3
"""Times two samskap binaries building the same sprint, in turn.

Usage: scripts/compare-builds.py OLD_BINARY NEW_BINARY SPRINT_DIR [RUNS]

A shared or virtual machine's speed drifts from minute to minute, so two
binaries timed one after the other can differ by more than the change
between them. Here their runs alternate, each into a folder of its own
(creating files right after deleting as many is slow on ext4), and the
medians are printed. SAMSKAP_BENCH_DIR=DIR cargo bench --bench build
leaves a sprint of 50 groups x 40 notes in DIR to compare on.
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def main() -> int:
    if len(sys.argv) not in (4, 5):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    old, new, sprint = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) == 5 else 12
    times = {"old": [], "new": []}
    binaries = {"old": old, "new": new}
    sites = tempfile.mkdtemp(prefix="samskap-compare-")
    try:
        for i in range(runs):
            order = ["old", "new"] if i % 2 else ["new", "old"]
            for which in order:
                start = time.perf_counter()
                run = subprocess.run(
                    [binaries[which], "-C", sprint, "build", "--today", "2027-05-10",
                     "-o", os.path.join(sites, f"{which}-{i}")],
                    capture_output=True,
                )
                times[which].append(time.perf_counter() - start)
                if run.returncode != 0:
                    sys.stderr.write(run.stderr.decode(errors="replace"))
                    return 1
    finally:
        shutil.rmtree(sites, ignore_errors=True)
    for which in ("old", "new"):
        t = times[which]
        print(f"{which}: median {statistics.median(t) * 1e3:.1f} ms, "
              f"min {min(t) * 1e3:.1f} ms ({runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
