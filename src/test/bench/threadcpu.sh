#!/usr/bin/env bash
# CPU time of a command split by thread name (main, dossier-extract, compiler, GC, ...), read from
# /proc while it runs: on a loaded machine wall time says little, CPU time says where the work is.
#
#   src/test/bench/threadcpu.sh bin/dossier --db x.db import -q FOLDER
#
# Threads are read every 0.1 s; a thread that lives less than that is missed.
set -euo pipefail
{
if [ $# -eq 0 ]; then
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
tck="$(getconf CLK_TCK)"
snap="$(mktemp)"
"$@" &
pid=$!
t0="$(date +%s%N)"
while kill -0 "$pid" 2>/dev/null; do
  for st in /proc/"$pid"/task/*/stat; do
    # fields after the command name: state is 3rd, utime 14th, stime 15th
    line="$(cat "$st" 2>/dev/null)" || continue
    tid="${line%% *}"
    comm="${line#*(}"; comm="${comm%)*}"
    rest="${line##*) }"
    read -r -a f <<<"$rest"
    echo "$tid	$comm	$((f[11] + f[12]))"
  done >"$snap.new" 2>/dev/null || true
  [ -s "$snap.new" ] && cat "$snap.new" >>"$snap"
  sleep 0.1
done
wait "$pid" || rc=$?
t1="$(date +%s%N)"
awk -F'\t' -v tck="$tck" -v wall="$(((t1 - t0) / 1000000))" '
  { last[$1] = $3; name[$1] = $2 }
  END {
    for (t in last) { n = name[t]; sub(/[-#]?[0-9]+$/, "", n); cpu[n] += last[t]; total += last[t] }
    printf "wall %.2f s, CPU %.2f s (threads seen by polling)\n", wall / 1000, total / tck
    for (n in cpu) printf "%8.2f s  %5.1f%%  %s\n", cpu[n] / tck, 100 * cpu[n] / (total ? total : 1), n | "sort -rn"
  }' "$snap" >&2
rm -f "$snap" "$snap.new"
exit "${rc:-0}"
}
