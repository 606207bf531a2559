#!/usr/bin/env python3
"""Turns one run.sh results folder into a Markdown report: every timing with its spread, its CPU
time (user + system, mean over the runs: far steadier than wall time on a shared machine), the load
average before it and peak memory, then each dossier figure beside its peer's from the same run.

usage: summarize.py RESULTS_DIR
"""
import json
import os
import statistics
import sys


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def fmt(seconds):
    if seconds >= 10:
        return f"{seconds:.1f} s"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def main():
    out = sys.argv[1]
    machine = dict(read_tsv(os.path.join(out, "machine.tsv")))
    articles = int(machine["size"].split("(")[1].split()[0])
    commands = read_tsv(os.path.join(out, "commands.tsv"))
    results = {}
    for name, load, cmd in commands:
        with open(os.path.join(out, name + ".json"), encoding="utf-8") as f:
            r = json.load(f)["results"][0]
        rss = []
        rss_path = os.path.join(out, name + ".rss")
        if os.path.exists(rss_path):
            with open(rss_path, encoding="utf-8") as f:
                rss = [int(x) for x in f.read().split() if x.isdigit()]
        results[name] = dict(r, load=load, cmd=cmd, rss=rss)

    print(f"### {machine['size']}, {machine['date']}\n")
    for key in ("cpus", "memory", "java", "dossier", "corpus", "tools"):
        if key in machine:
            print(f"- {key}: {machine[key]}")
    print()
    print(
        "| measurement | median | min-max | runs | CPU user+sys | articles/s | articles/CPU-s"
        " | peak RSS | load before |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, r in results.items():
        med = r["median"]
        cpu = r["user"] + r["system"]
        rate = cpu_rate = ""
        if name.startswith(("import", "sqlite-loop", "notmuch-new", "export")):
            rate = f"{articles / med:,.0f}"
            cpu_rate = f"{articles / cpu:,.0f}"
        rss = f"{statistics.median(r['rss']) / 1024:.0f} MB" if r["rss"] else ""
        print(
            f"| {name} | {fmt(med)} | {fmt(r['min'])}-{fmt(r['max'])} | {len(r['times'])} "
            f"| {fmt(cpu)} | {rate} | {cpu_rate} | {rss} | {r['load']} |"
        )
    pairs = read_tsv(os.path.join(out, "pairs.tsv"))
    if pairs:
        print(
            "\n| dossier | median | CPU | peer | median | CPU | peer / dossier, wall"
            " | peer / dossier, CPU |"
        )
        print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
        for a, b in pairs:
            if a in results and b in results:
                ra, rb = results[a], results[b]
                ma, mb = ra["median"], rb["median"]
                ca, cb = ra["user"] + ra["system"], rb["user"] + rb["system"]
                print(
                    f"| {a} | {fmt(ma)} | {fmt(ca)} | {b} | {fmt(mb)} | {fmt(cb)} "
                    f"| {mb / ma:.2f} | {cb / ca:.2f} |"
                )
    hits = read_tsv(os.path.join(out, "hits.tsv"))
    if hits:
        print("\nMatches behind the figures:\n")
        print("| " + " | ".join(hits[0]) + " |")
        print("|" + " --- |" * len(hits[0]))
        for row in hits[1:]:
            print("| " + " | ".join(row) + " |")
    review = read_tsv(os.path.join(out, "review.tsv"))
    if review:
        print("\nReview start-up, time to the first full screen under tmux:\n")
        print("| what | median | min-max | runs |")
        print("| --- | ---: | ---: | ---: |")
        for what, values in review[1:]:
            ms = [float(v) for v in values.split() if v != "NaN"]
            if ms:
                print(
                    f"| {what} | {statistics.median(ms):.0f} ms | {min(ms):.0f}-{max(ms):.0f} ms"
                    f" | {len(ms)} |"
                )
    lat = os.path.join(out, "latency.md")
    if os.path.exists(lat):
        load = dict(read_tsv(os.path.join(out, "latency.load")))
        print(
            f"\nIn-process latencies (load {load.get('load', '?')} before, "
            f"{load.get('load after', '?')} after):\n"
        )
        with open(lat, encoding="utf-8") as f:
            print(f.read().rstrip())
    sizes = read_tsv(os.path.join(out, "sizes.tsv"))
    if sizes:
        print("\nSizes: " + ", ".join(f"{a} {b}" for a, b in sizes))
    print("\nCommands:\n")
    for name, r in results.items():
        print(f"- {name}: `{r['cmd']}`")


if __name__ == "__main__":
    main()
