#!/usr/bin/env python3
"""Derives the CSV fixtures of this folder from one GeoTecINIT recording (CC BY 4.0; see README.md).

usage: derive.py SOURCE.csv   (the converted file geotec_s01_01_pocket_left_back_inv.csv)
Writes the five fixtures next to this script. Only the first ROWS data rows are used.
"""
import csv, math, os, sys

ROWS = 600
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(sys.argv[1])))[:ROWS]
axes = ("ax", "ay", "az")
rates = ("gx", "gy", "gz")


def write(name, time, accel=1.0, gyro=1.0, extra=False):
    with open(os.path.join(here, name), "w", newline="") as f:
        f.write("t,ax,ay,az,gx,gy,gz" + (",label,t_orig" if extra else "") + "\n")
        for r in rows:
            cells = [time(r)] + ["%.6f" % (float(r[k]) * accel) for k in axes] + ["%.6f" % (float(r[k]) * gyro) for k in rates]
            if extra:
                cells += [r["label"], r["t_orig"]]
            f.write(",".join(cells) + "\n")


# The rows as converted (s, m/s², rad/s, t on the uniform clock), with the label and original time.
write("geotec-s01-si.csv", lambda r: r["t"], extra=True)
# The real Android log: whole-millisecond arrival times, as the phone wrote them.
write("geotec-s01-android-ms.csv", lambda r: "%d" % round(float(r["t_orig"]) * 1000))
# The same rows in other units.
write("geotec-s01-g.csv", lambda r: r["t"], accel=1 / 9.80665)
write("geotec-s01-degs.csv", lambda r: r["t"], gyro=180 / math.pi)
write("geotec-s01-us.csv", lambda r: "%d" % round(float(r["t"]) * 1e6))
