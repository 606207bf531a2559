#!/usr/bin/env python3
"""Markdown for startup.sh: the whole-process timings, then a timeline of one `dossier search`
from its -Xlog output (class loading, native libraries, VM creation), medians over the runs, with
and without the class-data sharing archive.

usage: startup_report.py RESULTS_DIR
"""
import glob
import json
import os
import re
import statistics
import sys

LINE = re.compile(r"^\[(\d+)ns\](?:\[([^\]]*)\])?\s*(.*)$")

MILESTONES = [
    ("VM created (Create VM logged)", lambda tag, msg: msg.startswith("Create VM, ")),
    ("dossier.Main loaded", lambda tag, msg: msg.startswith("dossier.Main ")),
    ("first picocli class loaded", lambda tag, msg: msg.startswith("picocli.")),
    ("SearchCommand loaded", lambda tag, msg: msg.startswith("dossier.cli.SearchCommand ")),
    ("org.sqlite.JDBC loaded", lambda tag, msg: msg.startswith("org.sqlite.JDBC ")),
    ("SQLite native library loaded", lambda tag, msg: "Loaded library" in msg and "sqlitejdbc" in msg),
    ("first query-compiler class loaded", lambda tag, msg: msg.startswith("dossier.query.")),
    ("exit begins (java.lang.Shutdown loaded)", lambda tag, msg: msg.startswith("java.lang.Shutdown ")),
]


def parse(path):
    marks = {}
    sources = {}
    jar_times = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LINE.match(line.rstrip("\n"))
            if not m:
                continue
            t, tag, msg = int(m.group(1)) / 1e6, (m.group(2) or "").strip(), m.group(3)
            for name, test in MILESTONES:
                if name not in marks and test(tag, msg):
                    marks[name] = t
            if " source: " in msg:
                src = msg.split(" source: ", 1)[1]
                if src == "shared objects file":
                    kind = "JDK's CDS archive"
                elif src.startswith("shared objects file (top)"):
                    kind = "dossier's AppCDS archive"
                elif src.startswith("jrt:"):
                    kind = "JDK modules (parsed)"
                elif src.startswith("file:"):
                    kind = "dossier.jar (parsed and verified)"
                    jar_times.append(t)
                else:
                    kind = "generated at run time (lambdas, proxies)"
                sources[kind] = sources.get(kind, 0) + 1
    return marks, sources, jar_times


def timeline(logs):
    parsed = [parse(p) for p in logs]
    marks = {}
    for name, _ in MILESTONES:
        values = [p[0][name] for p in parsed if name in p[0]]
        marks[name] = statistics.median(values) if values else None
    kinds = sorted({k for p in parsed for k in p[1]})
    counts = {k: statistics.median([p[1].get(k, 0) for p in parsed]) for k in kinds}
    spans = [p[2][-1] - p[2][0] for p in parsed if p[2]]
    span = statistics.median(spans) if spans else 0
    return marks, counts, span, len(parsed)


def main():
    out = sys.argv[1]
    with open(os.path.join(out, "startup.json"), encoding="utf-8") as f:
        results = json.load(f)["results"]
    print("| process | median | min-max | CPU user+sys | runs |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for r in results:
        print(
            f"| {r['command']} | {r['median'] * 1000:.0f} ms | {r['min'] * 1000:.0f}-"
            f"{r['max'] * 1000:.0f} ms | {(r['user'] + r['system']) * 1000:.0f} ms"
            f" | {len(r['times'])} |"
        )
    cds = timeline(sorted(glob.glob(os.path.join(out, "timeline-[0-9]*.log"))))
    nocds = timeline(sorted(glob.glob(os.path.join(out, "timeline-nocds-*.log"))))
    print(
        f"\nInside `dossier search` (-Xlog uptime, medians of {cds[3]} runs with dossier's "
        f"AppCDS archive and {nocds[3]} with the JDK's default archive only):\n"
    )
    print("| milestone | with AppCDS | JDK CDS only |")
    print("| --- | ---: | ---: |")
    for name, _ in MILESTONES:
        a, b = cds[0][name], nocds[0][name]
        fa = f"{a:.0f} ms" if a is not None else "-"
        fb = f"{b:.0f} ms" if b is not None else "-"
        print(f"| {name} | {fa} | {fb} |")
    print("\n| classes loaded from | with AppCDS | JDK CDS only |")
    print("| --- | ---: | ---: |")
    for k in sorted(set(cds[1]) | set(nocds[1])):
        print(f"| {k} | {cds[1].get(k, 0):.0f} | {nocds[1].get(k, 0):.0f} |")
    print(
        f"\nFirst to last class parsed from dossier.jar: {cds[2]:.0f} ms with AppCDS, "
        f"{nocds[2]:.0f} ms without."
    )


if __name__ == "__main__":
    main()
