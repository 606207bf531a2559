#!/usr/bin/env python3
"""Start-up of two builds of dossier side by side: dossier --version and dossier search WORD,
run through each build's own launcher (so each with its class-data sharing archive), the builds
alternating run by run. Prints the median wall and CPU time (user + system) of each.

usage: startup_ab.py A B --db ARCHIVE [--word WORD] [--runs 9]
A and B are folders laid out like a checkout, bin/dossier, target/dossier.jar and
target/dossier-lib.jar (copy the launcher and the jars into each); ARCHIVE is any archive, e.g. one with samples/ imported.
"""
import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("a")
ap.add_argument("b")
ap.add_argument("--db", required=True)
ap.add_argument("--word", default="Kelmar")
ap.add_argument("--runs", type=int, default=9)
args = ap.parse_args()

env = {k: v for k, v in os.environ.items() if not k.startswith(("DOSSIER_", "XDG_"))}
env["HOME"] = tempfile.mkdtemp(prefix="dossier-ab-")
builds = [args.a, args.b]
commands = {"--version": ["--version"], "search": ["--db", args.db, "search", args.word]}


def run(build, argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    p = subprocess.run([os.path.join(build, "bin/dossier")] + argv, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        raise SystemExit(p.stderr.decode())
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000
    return wall, cpu


# warm-up: each launcher makes its class-data archive, the page cache fills
for b in builds:
    for argv in commands.values():
        for _ in range(3):
            run(b, argv)
results = {(b, c): ([], []) for b in builds for c in commands}
load = os.getloadavg()[0]
for i in range(args.runs):
    for c, argv in commands.items():
        for b in builds if i % 2 == 0 else builds[::-1]:
            wall, cpu = run(b, argv)
            results[(b, c)][0].append(wall)
            results[(b, c)][1].append(cpu)
print("load average %.1f before, %.1f after" % (load, os.getloadavg()[0]))
for c in commands:
    for b in builds:
        wall, cpu = results[(b, c)]
        print("%-10s %-30s wall median %4.0f ms (%4.0f-%4.0f)  CPU median %4.0f ms"
              % (c, b, statistics.median(wall), min(wall), max(wall), statistics.median(cpu)))
