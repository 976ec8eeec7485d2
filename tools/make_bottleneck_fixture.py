#!/usr/bin/python3
"""Writes the reference for the "why the bottleneck is linear" lesson (MobileNetV2, Fig. 1).

Run from the repository root:  /usr/bin/python3 tools/make_bottleneck_fixture.py
Output (committed, a few KB): lessons/src/test/resources/bottleneck/spiral.txt

numpy draws its own 30x2 matrix T (so the Java test feeds it in rather than trusting Java's seeding),
builds the spiral independently, and computes, for several n, x' = pinv(T_n) relu(T_n x) with
np.linalg.pinv (SVD), the least-squares affine fit back onto x (np.linalg.lstsq), the share of points within 0.1 * outer radius, and the
relative error after that fit. Format: whitespace-separated lines tagged T / P / N / R.
"""
import os

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lessons", "src", "test", "resources",
                   "bottleneck", "spiral.txt")
COUNT = 200
NS = [2, 3, 5, 8, 15, 30]

rng = np.random.default_rng(20260602)
T = rng.standard_normal((30, 2))
t = np.arange(COUNT) / (COUNT - 1)
r = 0.1 + t
X = np.stack([r * np.cos(4 * np.pi * t), r * np.sin(4 * np.pi * t)], axis=1)

lines = []
for row in T:
    lines.append("T %.17g %.17g" % tuple(row))
for p in X:
    lines.append("P %.17g %.17g" % tuple(p))
for n in NS:
    Tn = T[:n]
    rec = (np.linalg.pinv(Tn) @ np.maximum(Tn @ X.T, 0)).T
    A = np.c_[rec, np.ones(COUNT)]
    M = np.linalg.lstsq(A, X, rcond=None)[0]
    e = np.linalg.norm(A @ M - X, axis=1)
    share = float((e <= 0.1 * np.linalg.norm(X, axis=1).max()).mean())
    rel = float(np.sqrt((e ** 2).sum() / (X ** 2).sum()))
    lines.append("N %d %.17g %.17g" % (n, share, rel))
    for k in (0, 57, 133, COUNT - 1):
        lines.append("R %d %d %.17g %.17g" % (n, k, rec[k, 0], rec[k, 1]))
with open(OUT, "w") as f:
    f.write("\n".join(lines) + "\n")
print(OUT)
for line in lines:
    if line.startswith("N"):
        print(line)
