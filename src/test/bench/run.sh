#!/usr/bin/env bash
# Benchmarks dossier against its peers on one corpus size, end to end, and writes a report.
#
#   src/test/bench/run.sh --corpus PATH/TO/corpora/bbc [options] SIZE
#
# SIZE is "source" (the stories of the corpus folder themselves) or a count such as 10k, 100k, 1m
# of generated articles. Corpora, archives and results go under --data (default
# ${TMPDIR:-/tmp}/dossier-bench), never into the repository. Missing tools (hyperfine, sqlite3,
# notmuch, ripgrep, tmux, GNU time) are installed with apt-get when run as root.
#
# Options:
#   --corpus DIR     folder of source stories (headline, blank line, paragraphs), e.g. corpora/bbc
#   --data DIR       working folder (corpora, archives, results)
#   --runs N         runs of each long command (imports, tag, export); default by size
#   --qruns N        runs of each short command (search, list, start-up); default 20
#   --skip LIST      comma-separated steps to leave out: import (reuse the archives of an earlier
#                    run), html, notmuch, peers, review, latency, export, batch
#   --jar FILE       the dossier.jar to measure (default: the one bin/dossier builds)
#   --keep           keep the generated corpus (default: keep; use --clean to delete it at the end)
#   --clean          delete the generated corpus and archives when done (results stay)
set -euo pipefail
# The body is one block, read whole before it runs, so editing this file cannot disturb a run.
{

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

corpus=""
data="${TMPDIR:-/tmp}/dossier-bench"
runs=""
qruns=20
skip=","
jar=""
clean=0
size=""
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --qruns) qruns="$2"; shift 2 ;;
    --skip) skip=",$2,"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --keep) clean=0; shift ;;
    --clean) clean=1; shift ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) size="$1"; shift ;;
  esac
done
if [ -z "$size" ] || [ -z "$corpus" ]; then
  echo "usage: run.sh --corpus DIR [options] SIZE   (SIZE: source, 10k, 100k, 1m; see --help)" >&2
  exit 2
fi
if [ ! -d "$corpus" ]; then
  echo "run.sh: corpus folder $corpus is missing: pass the folder of source stories with --corpus" >&2
  exit 2
fi
corpus="$(cd "$corpus" && pwd)"
skipped() { case "$skip" in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

if [ -z "$runs" ]; then
  case "$size" in
    source) runs=10 ;;
    10k) runs=5 ;;
    100k) runs=3 ;;
    *) runs=1 ;;
  esac
fi

# --- tools -----------------------------------------------------------------------------------
need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v notmuch >/dev/null || need+=(notmuch)
command -v rg >/dev/null || need+=(ripgrep)
command -v tmux >/dev/null || need+=(tmux)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing ${need[*]}..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
  else
    echo "run.sh: please install ${need[*]} (Debian packages)" >&2
    exit 2
  fi
fi
python="$(python3 -c 'import sys; print(sys.executable)')"

# --- the dossier under test: a frozen copy of the launcher and jar ---------------------------
# Other work may rebuild target/ while this runs; measuring a private copy keeps every figure of a
# run about one build. The copy is bin/dossier itself (same JVM flags, same class-data sharing
# archive made on first use), next to a copy of the jar.
if [ -z "$jar" ]; then
  "$repo/bin/dossier" --version >/dev/null
  jar="$repo/target/dossier.jar"
fi
mkdir -p "$data/work-$size"
data="$(cd "$data" && pwd)"
snap="$data/work-$size/dossier-under-test"
rm -rf "$snap"
mkdir -p "$snap/bin" "$snap/target"
cp "$repo/bin/dossier" "$snap/bin/dossier"
cp "$jar" "$snap/target/dossier.jar"
cp "$(dirname "$jar")/dossier-lib.jar" "$snap/target/dossier-lib.jar" # the libraries on its class path
dossier="$snap/bin/dossier"
"$dossier" --version >/dev/null # makes the class-data sharing archive, as a first use does

# bench classes, compiled against that jar
classes="$data/work-$size/bench-classes"
rm -rf "$classes"
mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$snap/target/dossier.jar" "$repo"/src/test/java/dossier/bench/*.java \
  "$repo"/src/test/java/dossier/fetch/PageServer.java "$repo"/src/test/java/dossier/ingest/Pdfs.java

# --- corpus ----------------------------------------------------------------------------------
set_dir="$data/corpus-$size"
if [ ! -f "$set_dir/manifest.tsv" ]; then
  echo "generating the $size corpus in $set_dir..." >&2
  rm -rf "$set_dir"
  count="$size"
  shapes=text
  skipped html || shapes+=,html
  skipped notmuch || skipped peers || shapes+=,mail
  java -cp "$classes" dossier.bench.CorpusGenerator --source "$corpus" --out "$set_dir" \
    --count "$count" --shapes "$shapes"
fi
articles="$(awk -F'\t' '$1=="articles"{print $2}' "$set_dir/manifest.tsv")"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$data/results-$size-$stamp"
work="$data/work-$size"
mkdir -p "$out" "$work"
echo "results in $out" >&2

{
  echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "size	$size ($articles articles)"
  echo "cpus	$(nproc)"
  echo "memory	$(free -h | awk '/^Mem:/{print $2 " total, " $7 " available"}')"
  echo "java	$(java -version 2>&1 | sed -n 2p)"
  echo "dossier	$(cd "$repo" && git describe --always --dirty 2>/dev/null || echo unknown), jar sha256 $(sha256sum "$snap/target/dossier.jar" | cut -c1-12)"
  echo "corpus	$(for f in text html mail; do [ -d "$set_dir/$f" ] && printf '%s %s ' "$f" "$(du -sh "$set_dir/$f" | cut -f1)"; done)"
  echo "tools	$(hyperfine --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1), $(notmuch --version), $(rg --version | sed -n 1p), python $("$python" -c 'import sqlite3,sys; print(sys.version.split()[0], "with SQLite", sqlite3.sqlite_version)')"
} >"$out/machine.tsv"

# measure NAME RUNS WARMUP PREPARE COMMAND: hyperfine's figures, the load average before the
# run, and (with RSS=1 in the environment) each run's peak memory from GNU time.
measure() {
  local name="$1" n="$2" warm="$3" prep="$4" cmd="$5"
  local load
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "${RSS:-0}" = 1 ]; then
    rm -f "$out/$name.rss"
    cmd="/usr/bin/time -f %M -a -o $out/$name.rss $cmd"
  fi
  local args=(--style basic --runs "$n" --warmup "$warm" --export-json "$out/$name.json"
    --command-name "$name")
  [ -n "$prep" ] && args+=(--prepare "$prep")
  echo "== $name (load $load)" >&2
  hyperfine "${args[@]}" "$cmd" >"$out/$name.log" 2>&1 || {
    cat "$out/$name.log" >&2
    echo "run.sh: $name failed" >&2
    return 1
  }
  grep -E 'Time|Range' "$out/$name.log" >&2 || true
  printf '%s\t%s\t%s\n' "$name" "$load" "$cmd" >>"$out/commands.tsv"
}
# pair DOSSIER PEER: a row of the comparison table
pair() { printf '%s\t%s\n' "$1" "$2" >>"$out/pairs.tsv"; }

q() { printf '%q' "$1"; }
D="$dossier --db"
db="$work/text.db"
hdb="$work/html.db"
rmdb() { printf 'rm -f %s %s-wal %s-shm' "$1" "$1" "$1"; }
nmcfg="$work/notmuch-config"
. "$here/notmuch_config.sh"
notmuch_config "$nmcfg" "$set_dir/mail"
NM="notmuch --config=$nmcfg"
sqldb="$work/loop.db"

# --- import ----------------------------------------------------------------------------------
# (--skip import reuses the archives of an earlier run, to measure the rest again quickly)
if ! skipped import; then
  RSS=1 measure import-text "$runs" 0 "$(rmdb "$db")" "$D $db import -q $set_dir/text"
  if ! skipped html; then
    hruns="$runs"
    [ "$articles" -ge 100000 ] && hruns=1
    RSS=1 measure import-html "$hruns" 0 "$(rmdb "$hdb")" "$D $hdb import -q $set_dir/html"
  fi
  if ! skipped peers; then
    RSS=1 measure sqlite-loop-import "$runs" 0 "" "$python $here/sqlite_loop.py $set_dir/text $sqldb"
    pair import-text sqlite-loop-import
    if ! skipped notmuch; then
      nruns="$runs"
      [ "$articles" -ge 10000 ] && nruns=1
      RSS=1 measure notmuch-new "$nruns" 0 "rm -rf $set_dir/mail/.notmuch" "$NM new --quiet"
      pair import-text notmuch-new
    fi
  fi
fi

# --- tag by query (the word in 16% of generated articles) -------------------------------------
tagword=velmora
[ "$size" = source ] && tagword=government
RSS=1 measure tag-query "$runs" 0 "$D $db tag -q -- -$tagword -- tag:$tagword" \
  "$D $db tag -q +$tagword -- $tagword"
if ! skipped peers && ! skipped notmuch; then
  measure notmuch-tag "$runs" 0 "$NM tag -$tagword -- tag:$tagword" \
    "$NM tag +$tagword -- $tagword"
  pair tag-query notmuch-tag
fi

# --- search and list ---------------------------------------------------------------------------
if [ "$size" = source ]; then
  word=government phrase='"prime minister"' rare=ipod tagq="labour tag:$tagword"
  dateq="" listq="tag:$tagword"
else
  word=velmora phrase='"zintara lattice"' rare=tarnwick tagq="ostrander tag:$tagword"
  dateq="velmora date:2010" listq="tag:$tagword date:2010..2012"
fi
measure search-word "$qruns" 3 "" "$D $db search $word"
measure search-rare "$qruns" 3 "" "$D $db search $rare"
measure search-phrase "$qruns" 3 "" "$D $db search $(q "$phrase")"
measure search-tag "$qruns" 3 "" "$D $db search $tagq"
[ -n "$dateq" ] && measure search-date "$qruns" 3 "" "$D $db search $dateq"
measure list-filter "$qruns" 3 "" "$D $db list --limit 20 $listq"
measure list-ids-word "$qruns" 3 "" "$D $db list --format ids $word"
measure version "$qruns" 3 "" "$dossier --version"
if ! skipped peers; then
  fts() { printf "SELECT count(*) FROM articles WHERE articles MATCH '%s'; SELECT rowid, title, snippet(articles, 1, '[', ']', '...', 12) FROM articles WHERE articles MATCH '%s' ORDER BY rank LIMIT 20;" "$1" "$1"; }
  measure sqlite3-word "$qruns" 3 "" "sqlite3 $sqldb $(q "$(fts "$word")")"
  measure sqlite3-phrase "$qruns" 3 "" "sqlite3 $sqldb $(q "$(fts "$(printf '%s' "$phrase" | sed "s/'/''/g")")")"
  pair search-word sqlite3-word
  pair search-phrase sqlite3-phrase
  measure rg-word "$qruns" 3 "" "rg -il $word $set_dir/text"
  measure rg-phrase "$qruns" 3 "" "rg -il $(q "${phrase//\"/}") $set_dir/text"
  pair search-word rg-word
  pair search-phrase rg-phrase
  if ! skipped notmuch; then
    measure notmuch-search-word "$qruns" 3 "" "$NM search $word"
    measure notmuch-search-word-20 "$qruns" 3 "" "$NM search --limit=20 $word"
    measure notmuch-count-word "$qruns" 3 "" "$NM count $word"
    measure notmuch-search-phrase "$qruns" 3 "" "$NM search --limit=20 $(q "$phrase")"
    pair search-word notmuch-search-word-20
    pair list-ids-word notmuch-search-word
    pair search-phrase notmuch-search-phrase
    if [ -n "$dateq" ]; then
      measure notmuch-search-date "$qruns" 3 "" "$NM search --limit=20 velmora date:2010-01-01..2010-12-31"
      pair search-date notmuch-search-date
    fi
  fi
fi
# the hit counts behind those figures, to check the commands did the work
{
  echo "query	dossier	rg files	sqlite3 (no stemming)	notmuch"
  for w in "$word" "$rare" "$phrase"; do
    dn="$($dossier --db "$db" list --format ids "$w" | wc -l)"
    rn="$(rg -il "${w//\"/}" "$set_dir/text" | wc -l || true)"
    sn="$(skipped peers || sqlite3 "$sqldb" "SELECT count(*) FROM articles WHERE articles MATCH '$(printf '%s' "$w" | sed "s/'/''/g")'")"
    nn="$(skipped peers || skipped notmuch || $NM count "$w")"
    echo "$w	$dn	$rn	$sn	$nn"
  done
} >"$out/hits.tsv"

# --- tag --batch: 10,000 lines, one article each ------------------------------------------------
if ! skipped batch; then
  $dossier --db "$db" list --format ids --sort oldest --limit 10000 \
    | awk '{print "+batch -- id:" $1}' >"$work/batch.txt"
  measure tag-batch "$runs" 0 "$D $db tag -q -- -batch -- tag:batch" \
    "$D $db tag -q --batch < $work/batch.txt"
  if ! skipped peers && ! skipped notmuch; then
    $NM search --output=messages --sort=oldest-first --limit=10000 '*' \
      | awk '{print "+batch -- " $1}' >"$work/nm-batch.txt"
    measure notmuch-tag-batch "$runs" 0 "$NM tag -batch -- tag:batch" \
      "$NM tag --batch --input=$work/nm-batch.txt"
    pair tag-batch notmuch-tag-batch
  fi
fi

# --- export --------------------------------------------------------------------------------------
if ! skipped export && $dossier export --help >/dev/null 2>&1; then
  RSS=1 measure export-ndjson "$runs" 0 "" "$D $db export -q --format ndjson -o $work/export.ndjson"
  RSS=1 measure export-ndjson-no-originals "$runs" 0 "" \
    "$D $db export -q --format ndjson --no-originals -o $work/export-slim.ndjson"
  if ! skipped peers; then
    measure sqlite3-json-dump "$runs" 0 "" \
      "sqlite3 -json $sqldb 'SELECT rowid, title, body FROM articles' > $work/dump.json"
    pair export-ndjson-no-originals sqlite3-json-dump
  fi
fi

# --- review: time to the first full screen under tmux --------------------------------------------
# From just before tmux starts the command to the moment the pane shows the list and the key bar.
# tmux starting a shell that prints the same bar is the floor, measured the same way.
first_screen() { # CMD: prints milliseconds
  local cmd="$1" s="bench-$$" t0 t1
  t0="$(date +%s%N)"
  tmux new-session -d -s "$s" -x 120 -y 40 "$cmd"
  for _ in $(seq 1 3000); do
    local pane
    pane="$(tmux capture-pane -p -t "$s" 2>/dev/null || true)"
    if [[ "$pane" == *"? help"* && "$pane" == *"articles"* ]]; then
      t1="$(date +%s%N)"
      tmux kill-session -t "$s" 2>/dev/null || true
      echo $(((t1 - t0) / 1000000))
      return 0
    fi
    sleep 0.005
  done
  tmux kill-session -t "$s" 2>/dev/null || true
  echo "NaN"
}
if ! skipped review; then
  {
    echo "what	runs (ms)"
    floor=()
    rev=()
    for _ in $(seq 1 "$((qruns / 2))"); do
      floor+=("$(first_screen "printf '0 articles\n? help\n'; sleep 30")")
      rev+=("$(first_screen "$dossier --db $db review")")
    done
    echo "tmux floor	${floor[*]}"
    echo "review first screen	${rev[*]}"
  } >"$out/review.tsv"
  cat "$out/review.tsv" >&2
fi

# --- in-process latencies --------------------------------------------------------------------------
if ! skipped latency; then
  lat=(--db "$db")
  if [ "$size" = source ]; then
    lat+=(--query "word=search:$word" --query "rare word=search:$rare"
      --query "phrase=search:$phrase" --query "word + tag=search:$tagq"
      --query "list tag=list:$listq" --query "list all, newest=list:")
  fi
  echo "== in-process latencies (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  printf 'load\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >"$out/latency.load"
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$snap/target/dossier.jar:$classes" \
    dossier.bench.LatencyBench "${lat[@]}" | tee "$out/latency.md" >&2
  printf 'load after\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/latency.load"
fi

# --- archive sizes --------------------------------------------------------------------------------
{
  for f in "$db" "$hdb" "$sqldb"; do [ -f "$f" ] && echo "$(basename "$f")	$(du -h "$f" | cut -f1)"; done
  [ -d "$set_dir/mail/.notmuch" ] && echo "notmuch database	$(du -sh "$set_dir/mail/.notmuch" | cut -f1)"
} >"$out/sizes.tsv" || true

"$python" "$here/summarize.py" "$out" >"$out/report.md"
cat "$out/report.md"

if [ "$clean" = 1 ]; then
  rm -rf "$set_dir" "$work"
fi

exit
}
