#!/usr/bin/env bash
# Where the time of one `dossier search` goes: the whole command next to programs that pay one part
# of it each (the JVM, picocli, sqlite-jdbc with its native library), with and without class-data
# sharing, plus a timeline of class loading and native library loading inside the real command.
#
#   src/test/bench/startup.sh --db ARCHIVE [--word WORD] [--runs N] [--data DIR] [--jar FILE]
#
# ARCHIVE is a dossier archive to search (run.sh leaves one in DATA/work-SIZE/text.db). The
# dossier measured is a frozen copy of bin/dossier with --jar FILE (for example the copy run.sh
# measured, DATA/work-SIZE/dossier-under-test/target/dossier.jar) or with the jar bin/dossier builds. Writes startup.md into a results-startup-TIME folder under DATA.
set -euo pipefail
# The body is one block, read whole before it runs, so editing this file cannot disturb a run.
{

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
data="${TMPDIR:-/tmp}/dossier-bench"
db=""
word="velmora"
runs=30
jar=""
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db="$2"; shift 2 ;;
    --word) word="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$db" ] || [ ! -f "$db" ]; then
  echo "startup.sh: pass an existing archive with --db (run.sh leaves one in DATA/work-SIZE/text.db)" >&2
  exit 2
fi
command -v hyperfine >/dev/null || { echo "startup.sh: hyperfine is missing (run.sh installs it)" >&2; exit 2; }
python="$(python3 -c 'import sys; print(sys.executable)')"
mkdir -p "$data"
data="$(cd "$data" && pwd)"
db="$(cd "$(dirname "$db")" && pwd)/$(basename "$db")"

snap="$data/startup-dossier-under-test"
if [ -z "$jar" ]; then
  "$repo/bin/dossier" --version >/dev/null
  jar="$repo/target/dossier.jar"
fi
rm -rf "$snap"
mkdir -p "$snap/bin" "$snap/target"
cp "$repo/bin/dossier" "$snap/bin/dossier"
cp "$jar" "$snap/target/dossier.jar"
cp "$(dirname "$jar")/dossier-lib.jar" "$snap/target/dossier-lib.jar" # the libraries on its class path
dossier="$snap/bin/dossier"
jar="$snap/target/dossier.jar"
jsa="$snap/target/dossier.jsa"
"$dossier" --version >/dev/null
classes="$data/startup-bench-classes"
rm -rf "$classes"
mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$jar" -sourcepath "$repo/src/test/java" "$repo"/src/test/java/dossier/bench/*.java

out="$data/results-startup-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
flags="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss8m" # the launcher's flags
cp_="$jar:$classes"
native="$(find "${XDG_CACHE_HOME:-$HOME/.cache}/dossier/native" -name 'libsqlitejdbc.so' 2>/dev/null | head -1 || true)"
nativeflags=""
[ -n "$native" ] && nativeflags="-Dorg.sqlite.lib.path=$(dirname "$native") -Dorg.sqlite.lib.name=libsqlitejdbc.so"

names=()
cmds=()
add() { names+=("$1"); cmds+=("$2"); }
add "java -version" "java $flags -version"
add "hello world" "java $flags -cp $classes dossier.bench.StartupProbe hello"
add "hello world, default JVM flags" "java -cp $classes dossier.bench.StartupProbe hello"
add "hello world, dossier.jar on the class path" "java $flags -cp $cp_ dossier.bench.StartupProbe hello"
add "picocli: parse a small command" "java $flags -cp $cp_ dossier.bench.StartupProbe picocli"
add "sqlite-jdbc: open + FTS5 count, library extracted to /tmp" "java $flags -cp $cp_ dossier.bench.StartupProbe sqlite $db $word"
[ -n "$nativeflags" ] && add "sqlite-jdbc: open + FTS5 count, cached library" "java $flags $nativeflags -cp $cp_ dossier.bench.StartupProbe sqlite $db $word"
add "dossier --version" "$dossier --version"
add "dossier search (bin/dossier, AppCDS)" "$dossier --db $db search $word"
add "dossier search, java -jar with the same flags (no launcher script)" "java $flags -XX:SharedArchiveFile=$jsa -Xshare:auto -Xlog:disable -Xlog:all=error:stderr -jar $jar --db $db search $word"
add "dossier search, JDK's default CDS only (DOSSIER_NO_CDS=1)" "DOSSIER_NO_CDS=1 $dossier --db $db search $word"
add "dossier search, no CDS at all (-Xshare:off)" "DOSSIER_NO_CDS=1 DOSSIER_JAVA_OPTS=-Xshare:off $dossier --db $db search $word"
add "the launcher's staleness check (find over src/main)" "find $repo/pom.xml $repo/src/main -newer $jar -print -quit"

load="$(cut -d' ' -f1-3 /proc/loadavg)"
args=(--style basic --runs "$runs" --warmup 3 --export-json "$out/startup.json")
for i in "${!names[@]}"; do args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
echo "== start-up (load $load)" >&2
hyperfine "${args[@]}" >"$out/startup.log" 2>&1 || { cat "$out/startup.log" >&2; exit 1; }
printf '%s\n' "$load" >"$out/load.txt"
cut -d' ' -f1-3 /proc/loadavg >>"$out/load.txt"

# inside the real command: when each part's first class loads, and when the native library does
timeline_runs=$((runs < 15 ? runs : 15))
for i in $(seq 1 "$timeline_runs"); do
  DOSSIER_JAVA_OPTS="-Xlog:class+load=info,library=info,startuptime=info:file=$out/timeline-$i.log:uptimenanos,tags" \
    "$dossier" --db "$db" search "$word" >/dev/null
done
for i in $(seq 1 "$timeline_runs"); do
  DOSSIER_NO_CDS=1 DOSSIER_JAVA_OPTS="-Xlog:class+load=info,library=info,startuptime=info:file=$out/timeline-nocds-$i.log:uptimenanos,tags" \
    "$dossier" --db "$db" search "$word" >/dev/null
done
{
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(head -1 "$out/load.txt") before, $(tail -1 "$out/load.txt") after"
  echo "- cpus: $(nproc); java: $(java -version 2>&1 | sed -n 2p)"
  echo "- dossier: $(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown), jar sha256 $(sha256sum "$jar" | cut -c1-12); archive: $(du -h "$db" | cut -f1)"
  echo
  "$python" "$here/startup_report.py" "$out"
} >"$out/startup.md"
cat "$out/startup.md"

exit
}
