#!/usr/bin/env bash
# Query timings on an existing archive of the generated corpus (for example one made large with
# grow_archive.py): whole `dossier search` and `list` commands with hyperfine, then the in-process
# latencies of LatencyBench.
#
#   src/test/bench/queries.sh --db ARCHIVE [--runs N] [--data DIR] [--jar FILE]
#
# The archive should hold the generated corpus with the tag velmora on the articles that contain
# that word (run.sh's tag step does that). Writes queries.md into a results-queries-TIME folder.
set -euo pipefail
# The body is one block, read whole before it runs, so editing this file cannot disturb a run.
{
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
data="${TMPDIR:-/tmp}/dossier-bench"
db=""
runs=15
jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "queries.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$db" ] || [ ! -f "$db" ]; then
  echo "queries.sh: pass an existing archive with --db" >&2
  exit 2
fi
mkdir -p "$data"
data="$(cd "$data" && pwd)"
db="$(cd "$(dirname "$db")" && pwd)/$(basename "$db")"
if [ -z "$jar" ]; then
  "$repo/bin/dossier" --version >/dev/null
  jar="$repo/target/dossier.jar"
fi
out="$data/results-queries-$(date -u +%Y%m%dT%H%M%SZ)"
snap="$out/dossier-under-test"
mkdir -p "$snap/bin" "$snap/target" "$out/classes"
cp "$repo/bin/dossier" "$snap/bin/dossier"
cp "$jar" "$snap/target/dossier.jar"
cp "$(dirname "$jar")/dossier-lib.jar" "$snap/target/dossier-lib.jar" # the libraries on its class path
dossier="$snap/bin/dossier"
"$dossier" --version >/dev/null
javac -nowarn -d "$out/classes" -cp "$snap/target/dossier.jar" -sourcepath "$repo/src/test/java" \
  "$repo"/src/test/java/dossier/bench/*.java

D="$dossier --db $db"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== whole commands (load $load)" >&2
hyperfine --style basic --runs "$runs" --warmup 3 --export-json "$out/commands.json" \
  --command-name "dossier --version" "$dossier --version" \
  --command-name "search velmora" "$D search velmora" \
  --command-name "search tarnwick (rare)" "$D search tarnwick" \
  --command-name "search \"zintara lattice\"" "$D search '\"zintara lattice\"'" \
  --command-name "search ostrander tag:velmora" "$D search ostrander tag:velmora" \
  --command-name "search velmora date:2010" "$D search velmora date:2010" \
  --command-name "list --limit 20 tag:velmora date:2010..2012" "$D list --limit 20 tag:velmora date:2010..2012" \
  >"$out/commands.log" 2>&1 || { cat "$out/commands.log" >&2; exit 1; }
load2="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "== in-process (load $load2)" >&2
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$snap/target/dossier.jar:$out/classes" \
  dossier.bench.LatencyBench --db "$db" >"$out/latency.md"
load3="$(cut -d' ' -f1-3 /proc/loadavg)"
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); archive $(du -h "$db" | cut -f1), $(sqlite3 "$db" 'SELECT count(*) FROM articles') articles"
  echo "- dossier: $(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown), jar sha256 $(sha256sum "$jar" | cut -c1-12)"
  echo "- load average: $load before the commands, $load2 before the in-process run, $load3 after"
  echo
  echo "| command | median | min-max | CPU user+sys | runs |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  jq -r '.results[] | "| `\(.command)` | \(.median * 1000 | floor) ms | \(.min * 1000 | floor)-\(.max * 1000 | floor) ms | \((.user + .system) * 1000 | floor) ms | \(.times | length) |"' "$out/commands.json"
  echo
  cat "$out/latency.md"
} >"$out/queries.md"
cat "$out/queries.md"
exit
}
