#!/usr/bin/env python3
"""Writes big.csv for the orientation benchmark: COPIES copies of a BROAD excerpt, each copy's
times shifted to follow the last (one continuous 285.7 Hz clock), the other cells as written.

  bench/make-big-csv.py SOURCE.csv OUT.csv [COPIES]    (default 26: 557,154 rows, 64.6 MB from excerpt 16)
"""
import sys

source, out = sys.argv[1], sys.argv[2]
copies = int(sys.argv[3]) if len(sys.argv) > 3 else 26
with open(source) as f:
    header = f.readline()
    rows = [line.rstrip("\n").split(",", 1) for line in f if line.strip()]
times = [float(t) for t, _ in rows]
period = (times[-1] - times[0]) / (len(times) - 1)
span = times[-1] - times[0] + period  # copy k starts one period after copy k-1 ends
with open(out, "w") as f:
    f.write(header)
    for k in range(copies):
        shift = k * span
        f.writelines(f"{t + shift:.5f},{rest}\n" for t, (_, rest) in zip(times, rows))
