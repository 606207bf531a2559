#!/usr/bin/env bash
# Instructions one whole command executes, all its threads together, counted by valgrind's
# callgrind: a figure that other work on the machine does not move (wall and CPU time do), for
# comparing two builds' start-up on a busy machine. Slow: a JVM runs about 50 times slower under it.
#
#   src/test/bench/instructions.sh [--runs N] COMMAND [ARG...]
#
# Prints each run's count and their median, in millions. The JIT compiles on its own thread, so
# counts of one command vary by about 2%; compare medians of a few runs. Give the java command
# itself (bin/dossier's exec line: run it with `bash -x` to see it), not the launcher, or callgrind
# counts bash.
set -euo pipefail
{
runs=3
if [ "${1:-}" = --runs ]; then
  runs="$2"
  shift 2
fi
if [ $# -eq 0 ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is missing" >&2; exit 2; }
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
counts=()
for ((i = 0; i < runs; i++)); do
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" >/dev/null 2>&1 || true
  n="$(awk '/^summary:/ {print $2}' "$out")"
  counts+=("$n")
  awk -v n="$n" 'BEGIN {printf "run: %.1f M\n", n / 1e6}'
done
printf '%s\n' "${counts[@]}" | sort -n | awk '{a[NR] = $1} END {printf "median: %.1f M instructions\n", a[int((NR + 1) / 2)] / 1e6}'
exit 0
}
