#!/usr/bin/env python3
"""formcheck orientation against numpy + VQF on the same CSV file, side by side in one run
(make bench-vqf; run by the venv's python, which has numpy and vqf).

  bench/compare-vqf.py FORMCHECK FILE.csv [RUNS]

Each round runs, one after the other, as child processes:
- numpy + VQF: `numpy.loadtxt` of the file (delimiter ",", skiprows 1), then the C++ VQF's
  `VQF.updateBatch(gyr, acc)` at the file's period — the causal filter, what
  `formcheck orientation --mode live` (the default) prints; VQF's parameters set to formcheck's
  defaults (tauAcc 3 s, biasForgettingTime 50 s, biasSigmaMotion 0.05 °/s, biasClip 3 °/s). Its
  time is taken inside the child, from before loadtxt to after updateBatch: the interpreter's start
  and numpy's import are not counted, nor is any output written.
- formcheck: `FORMCHECK orientation FILE --format csv > /dev/null` — the whole process: start,
  the CSV's header, units and clock, every row parsed, the filter, the CSV text written.

Both: CPU (user + sys, from the child's rusage or time.process_time) and wall. The best of RUNS
rounds of each (default 5), and the ratio numpy+VQF / formcheck of the best CPU and of the best wall.
"""
import os
import subprocess
import sys
import time

formcheck, path = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5

VQF_CHILD = r"""
import sys, time
import numpy, vqf
path = sys.argv[1]
c0, w0 = time.process_time(), time.perf_counter()
data = numpy.loadtxt(path, delimiter=",", skiprows=1)
with open(path) as f:
    names = [n.strip() for n in f.readline().split(",")]
col = {n: i for i, n in enumerate(names)}
t = data[:, col["t"]]
acc = numpy.ascontiguousarray(data[:, [col["ax"], col["ay"], col["az"]]])
gyr = numpy.ascontiguousarray(data[:, [col["gx"], col["gy"], col["gz"]]])
ts = float(numpy.median(numpy.diff(t[:16])))
f = vqf.VQF(ts, tauAcc=3.0, biasForgettingTime=50.0, biasSigmaMotion=0.05, biasClip=3.0)
out = f.updateBatch(gyr, acc)
q = out["quat6D"]
c1, w1 = time.process_time(), time.perf_counter()
print(c1 - c0, w1 - w0, len(q), q[-1, 0])
"""


def run_vqf():
    r = subprocess.run([sys.executable, "-c", VQF_CHILD, path], check=True, capture_output=True, text=True)
    cpu, wall, n, _ = r.stdout.split()
    return float(cpu), float(wall), int(n)


def run_formcheck():
    before = os.times()
    w0 = time.perf_counter()
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen([formcheck, "orientation", path, "--format", "csv"], stdout=null)
        _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - w0
    if status != 0:
        sys.exit(f"compare-vqf: formcheck exited with status {status}")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


size = os.path.getsize(path)
print(f"compare-vqf: {path}, {size / 1e6:.1f} MB; {runs} rounds; load before: {os.getloadavg()[0]:.2f}")
vqf_best = [float("inf"), float("inf")]
fc_best = [float("inf"), float("inf")]
rss = 0
for k in range(runs):
    cpu, wall, n = run_vqf()
    vqf_best = [min(vqf_best[0], cpu), min(vqf_best[1], wall)]
    fcpu, fwall, maxrss = run_formcheck()
    fc_best = [min(fc_best[0], fcpu), min(fc_best[1], fwall)]
    rss = max(rss, maxrss)
    print(f"  round {k + 1}: numpy+VQF {cpu:.3f} s CPU {wall:.3f} s wall ({n} rows) | formcheck {fcpu:.3f} s CPU {fwall:.3f} s wall, peak RSS {maxrss / 1024:.0f} MB")
print(f"best: numpy.loadtxt + VQF.updateBatch {vqf_best[0]:.3f} s CPU, {vqf_best[1]:.3f} s wall")
print(f"best: formcheck orientation --format csv {fc_best[0]:.3f} s CPU, {fc_best[1]:.3f} s wall (peak RSS {rss / 1024:.0f} MB)")
print(f"formcheck is {vqf_best[0] / fc_best[0]:.2f}x faster (CPU), {vqf_best[1] / fc_best[1]:.2f}x (wall); load after: {os.getloadavg()[0]:.2f}")
