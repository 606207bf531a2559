#!/usr/bin/env python3
"""Whole commands side by side: runs each command in turn, RUNS rounds, and prints the median
wall time and the median CPU time (user + system of the process) of each. Commands alternate run
by run, so a change in the machine's load falls on all of them alike.

usage: alternate.py RUNS COMMAND [';;' COMMAND ...]
e.g.   alternate.py 21 java -jar hello.jar ';;' A/bin/dossier --version ';;' B/bin/dossier --version
Output and errors of the commands are discarded; words are split on spaces (no shell).
"""
import os
import resource
import statistics
import subprocess
import sys
import time

if len(sys.argv) < 3:
    raise SystemExit(__doc__)
runs = int(sys.argv[1])
commands = [c.split() for c in " ".join(sys.argv[2:]).split(" ;; ")]
wall = [[] for _ in commands]
cpu = [[] for _ in commands]
load = os.getloadavg()[0]
for _ in range(runs):
    for i, argv in enumerate(commands):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall[i].append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[i].append((after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000)
print(f"load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; medians of {runs} runs")
for i, argv in enumerate(commands):
    name = " ".join(argv)
    print(f"{name[-70:]:<70} wall {statistics.median(wall[i]):7.1f} ms  CPU {statistics.median(cpu[i]):7.1f} ms")
