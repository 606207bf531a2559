#!/usr/bin/env bash
# Whole-command imports of one corpus by several builds, alternating run by run in one sitting,
# beside the bare Python loop into FTS5 (sqlite_loop.py) and, when the corpus has a mail/ folder,
# `notmuch new`; CPU (user + sys) and wall from GNU time, medians at the end.
#
#   src/test/bench/import_ab.sh RUNS SET_DIR NAME=LAUNCHER [NAME=LAUNCHER ...]
#
# SET_DIR is a corpus written by CorpusGenerator (text/, and mail/ with --shapes text,mail);
# each LAUNCHER is a bin/dossier, best a frozen copy beside its own target/dossier.jar. Archives
# and results go under ${TMPDIR:-/tmp}/dossier-import-ab. NO_NOTMUCH=1 leaves notmuch out.
set -euo pipefail
if [ $# -lt 3 ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
runs=$1
set_dir="$(cd "$2" && pwd)"
shift 2
here="$(cd "$(dirname "$0")" && pwd)"
work="${TMPDIR:-/tmp}/dossier-import-ab"
mkdir -p "$work"
out="$work/runs-$(date -u +%Y%m%dT%H%M%SZ).tsv"
. "$here/notmuch_config.sh"
notmuch_config "$work/notmuch-config" "$set_dir/mail"
one() { # NAME COMMAND...: one timed run, a line of the results
  local name=$1
  shift
  /usr/bin/time -o "$work/time" -f "%U %S %e %M" "$@" >/dev/null 2>"$work/$name.err"
  local u s e m
  read -r u s e m <"$work/time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$(python3 -c "print(round($u + $s, 2))")" "$e" "$m" \
    "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
}
for _ in $(seq "$runs"); do
  for spec in "$@"; do
    name=${spec%%=*}
    db="$work/$name.db"
    rm -f "$db" "$db-wal" "$db-shm"
    one "$name" "${spec#*=}" --db "$db" import -q "$set_dir/text"
  done
  one loop python3 "$here/sqlite_loop.py" "$set_dir/text" "$work/loop.db"
  if [ -d "$set_dir/mail" ] && [ -z "${NO_NOTMUCH:-}" ]; then
    rm -rf "$set_dir/mail/.notmuch"
    one notmuch notmuch --config="$work/notmuch-config" new --quiet
  fi
done
echo "name	runs	CPU s	wall s	peak RSS MB	load average" >&2
python3 - "$out" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, cpu, wall, rss, load = line.rstrip("\n").split("\t")
    rows[name].append((float(cpu), float(wall), int(rss), float(load)))
for name, v in rows.items():
    med = lambda i: statistics.median(x[i] for x in v)
    loads = [x[3] for x in v]
    print(f"{name}\t{len(v)}\t{med(0):.2f}\t{med(1):.2f}\t{med(2) / 1024:.0f}\t{min(loads)} to {max(loads)}")
PY
