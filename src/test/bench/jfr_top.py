#!/usr/bin/env python3
"""Where a dossier process spent its time, from a Java Flight Recording: the top methods by own
samples and by inclusive samples (Java and native-method samples together), per thread.

    DOSSIER_JAVA_OPTS="-XX:StartFlightRecording=filename=import.jfr,settings=profile" \\
        bin/dossier --db x.db import -q FOLDER
    src/test/bench/jfr_top.py import.jfr [N [THREAD_PREFIX [cpu]]]

THREAD_PREFIX keeps the samples of matching threads only (for example dossier-extract); "cpu"
keeps Java execution samples only, leaving out threads waiting in native code (a thread blocked
in SQLite or I/O is sampled as native whether or not it uses the CPU).

Inclusive shares answer "how much of the run is under this method"; a method that calls into
SQLite shows its native time through the JNI frames beneath it.
"""
import collections
import json
import subprocess
import sys


def frames(event):
    st = event["values"].get("stackTrace") or {}
    out = []
    for fr in st.get("frames") or []:
        m = fr["method"]
        cls = m["type"]["name"].replace("/", ".")
        out.append(f"{cls}.{m['name']}")
    return out


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    only = sys.argv[3] if len(sys.argv) > 3 else ""
    cpu_only = len(sys.argv) > 4 and sys.argv[4] == "cpu"
    raw = subprocess.run(
        ["jfr", "print", "--json", "--stack-depth", "64", "--events",
         "jdk.ExecutionSample,jdk.NativeMethodSample", path],
        check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    own = collections.Counter()
    incl = collections.Counter()
    threads = collections.Counter()
    kinds = collections.Counter()
    for e in events:
        fs = frames(e)
        if not fs:
            continue
        t = (e["values"].get("sampledThread") or e["values"].get("eventThread") or {})
        if only and not (t.get("javaName") or "").startswith(only):
            continue
        if cpu_only and e["type"] != "jdk.ExecutionSample":
            continue
        kinds[e["type"]] += 1
        threads[t.get("javaName") or t.get("osName") or "?"] += 1
        own[fs[0]] += 1
        for f in set(fs):
            incl[f] += 1
    n = sum(kinds.values())
    parts = ", ".join(k.split(".")[-1] + " " + str(v) for k, v in kinds.items())
    print(f"{n} samples ({parts})\n")
    print("threads: " + ", ".join(f"{k} {v * 100 / n:.0f}%" for k, v in threads.most_common(8)))
    print("\nown time (top of stack):")
    for f, c in own.most_common(top):
        print(f"  {c * 100 / n:5.1f}%  {f}")
    print("\ninclusive (anywhere on the stack), dossier, SQLite and Jsoup frames:")
    shown = 0
    for f, c in incl.most_common():
        if f.startswith(("dossier.", "org.sqlite.", "org.jsoup.", "java.util.zip", "java.nio.file")):
            print(f"  {c * 100 / n:5.1f}%  {f}")
            shown += 1
            if shown >= top:
                break


if __name__ == "__main__":
    main()
