#!/usr/bin/env bash
# Times `plaint run` against the scale-out steps on one config and measures the peak RSS of every
# step (GNU time), checking that every way gives the same report bytes (all files but the
# manifest). Each map task runs as its own process, as on an executor; the sorted map lines are
# cut into four partitions by key for summarize, as Spark's partitions would be. The steps are
# those plaint_spark.py runs with --period: map, sort, summarize (merges each key's lines and
# writes the summary lines and the judged window's tickets in one pass), sort + reduce of the
# summary lines, and the report from those two alone.
#
#   scripts/scaleout-timing.sh bench/cube/1gb/plaint.yml 2026-10          # steps, as text
#   SPARK_VENV=.venv-spark scripts/scaleout-timing.sh CONFIG PERIOD        # and Spark local[2]
#   STREAMED=1 …  adds reduce and the report that streams every reduced ticket (no summary)
#   scripts/scaleout-timing.sh --table LABEL CONFIG PERIOD [LABEL CONFIG PERIOD …]
#       runs each and rewrites the table between the markers in docs/scale-out.md
#       (SCALEOUT_LOG=FILE keeps every run's full output)
#   scripts/scaleout-timing.sh --table-from LABEL LOG [LABEL LOG …]
#       the same table from the saved output of runs made separately
#   scripts/scaleout-timing.sh --bench 1 3
#       unattended: builds the release binaries, writes bench/cube/1gb and bench/cube/3gb when
#       missing (plaint-datagen export: 988,000 tickets a GB over 36 months, one file, which
#       plaint shard cuts into 64 MiB ranges), runs each at 2026-10 (Spark too when SPARK_VENV is
#       set) and rewrites the table; every run's output goes to bench/cube/timing-NGB.log
#
# Uses the release build (`swift build -c release --product plaint`); work files go to a
# temporary folder that is removed afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
plaint=${PLAINT:-$root/.build/release/plaint}

if [ "${1:-}" = "--bench" ]; then
  shift
  (cd "$root" && swift build -c release --product plaint && \
    swift build -c release --product plaint-datagen)
  args=()
  for size in "$@"; do
    dir=$root/bench/cube/${size}gb
    if [ ! -f "$dir/plaint.yml" ]; then
      mkdir -p "$dir"
      "$root/.build/release/plaint-datagen" export --rows $((988000 * size)) \
        --out "$dir/export.csv"
      cat > "$dir/plaint.yml" <<YAML
store: plaint.db
period: month
timezone: Europe/Berlin
sources:
  - path: export.csv
    profile: zendesk
key_accounts: $root/datasets/demo/key_accounts.csv
taxonomy: $root/datasets/demo/taxonomy.yml
reports:
  dir: reports
  formats: [html, md, json, csv]
YAML
    fi
    "$0" "$dir/plaint.yml" 2026-10 | tee "$root/bench/cube/timing-${size}GB.log"
    args+=("${size} GB" "$root/bench/cube/timing-${size}GB.log")
  done
  exec "$0" --table-from "${args[@]}"
fi

if [ "${1:-}" = "--table" ] || [ "${1:-}" = "--table-from" ]; then
  mode=$1
  shift
  rows=$(mktemp /tmp/plaint-scaleout-rows.XXXXXX)
  trap 'rm -f "$rows"' EXIT
  if [ "$mode" = "--table" ]; then
    while [ $# -ge 3 ]; do
      "$0" "$2" "$3" | tee -a "${SCALEOUT_LOG:-/dev/null}" | sed -n "s/^row: /| $1 | /p" >> "$rows"
      shift 3
    done
  else
    # --table-from LABEL LOG …: the rows of earlier runs' output (runs made side by side).
    while [ $# -ge 2 ]; do
      sed -n "s/^row: /| $1 | /p" "$2" >> "$rows"
      shift 2
    done
  fi
  python3 - "$root/docs/scale-out.md" "$rows" "$(uname -srm), $(nproc) cores" <<'EOF'
import sys
doc, rows, machine = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(doc, encoding="utf-8").read()
start, end = "<!-- scaleout-table:start -->", "<!-- scaleout-table:end -->"
table = ["| exports | step | processes | wall s | CPU s | peak RSS MB (largest process) |",
         "|---|---|---|---|---|---|"] + [line.rstrip("\n") for line in open(rows, encoding="utf-8")]
block = f"{start}\n{chr(10).join(table)}\n\nMeasured by `scripts/scaleout-timing.sh --table …` on {machine}.\n{end}"
head, _, rest = text.partition(start)
_, _, tail = rest.partition(end)
open(doc, "w", encoding="utf-8").write(head + block + tail)
EOF
  echo "docs/scale-out.md: table rewritten"
  exit 0
fi

config=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
period=${2:-last}
work=$(mktemp -d /tmp/plaint-scaleout.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
took() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }
# timed NAME COMMAND…: runs it under GNU time, keeping its peak RSS (KB) and CPU seconds (user
# and system, its reaped children included) in $work/rss-NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%M %U %S" -o "$work/rss-$name" "$@"
}
peak() { cat "$work"/rss-"$1"* | sort -n | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }
# CPU seconds of every process of a step: on a shared machine, what the step costs.
cpu() { cat "$work"/rss-"$1"* | awk '{ s += $2 + $3 } END { printf "%.1f", s }'; }
row() { echo "row: $1 | $2 | $3 | $5 | $4 |"; }
sorted=(env LC_ALL=C sort -S 256M -T "$work")
# Wall times on a shared machine say little without its load.
load() { echo "load: $1: $(cut -d' ' -f1-3 /proc/loadavg)"; }

load start
t0=$(now)
timed run "$plaint" run --config "$config" --store "$work/run.db" --reports-dir "$work/by-run" \
  --period "$period" --quiet > /dev/null
t1=$(now)
row "plaint run" 1 "$(took "$t0" "$t1")" "$(peak run)" "$(cpu run)"
"$plaint" shard --config "$config" > "$work/tasks.jsonl"
tasks=$(wc -l < "$work/tasks.jsonl")

# Map: one process per task, two at a time (the machine's cores); then all their lines sorted.
t2=$(now)
split -l 1 -d -a 4 "$work/tasks.jsonl" "$work/task-"
# With a period, as plaint_spark.py passes it: the other periods' tickets carry no text.
ls "$work"/task-???? | xargs -P 2 -I{} sh -c \
  '/usr/bin/time -f "%M %U %S" -o "{}.rss" "$0" map --config "$1" --period "$2" --quiet < "{}" > "{}.tsv"' \
  "$plaint" "$config" "$period"
for f in "$work"/task-*.rss; do cp "$f" "$work/rss-map-$(basename "$f")"; done
t3=$(now)
row "map (per task)" "$tasks" "$(took "$t2" "$t3")" "$(peak map)" "$(cpu map)"
timed sort "${sorted[@]}" -o "$work/mapped.tsv" "$work"/task-*.tsv
rm -f "$work"/task-*
# Four partitions, each a run of whole keys (a key is a line up to its third tab; a reject line
# is its own), as Spark's partitioner would send them.
lines=$(wc -l < "$work/mapped.tsv")
awk -F'\t' -v dir="$work" -v total="$lines" '
  { key = ($1 == "R") ? $0 : $1 FS $2 FS $3
    if (key != last) { part = int((NR - 1) * 4 / (total > 0 ? total : 1)); last = key }
    print > (dir "/part-" part ".tsv") }' "$work/mapped.tsv"
t4=$(now)
row "LC_ALL=C sort (GNU, -S 256M), cut into 4 partitions" 1 "$(took "$t3" "$t4")" "$(peak sort)" \
  "$(cpu sort)"

# Summarize: each partition's keys merged as they come, its summary lines and the window's
# tickets written in the one pass.
ls "$work"/part-*.tsv | xargs -P 2 -I{} sh -c \
  '/usr/bin/time -f "%M %U %S" -o "{}.rss" "$0" summarize --config "$1" --tasks "$2" --period "$3" --window-tickets --quiet < "{}" > "{}.out"' \
  "$plaint" "$config" "$work/tasks.jsonl" "$period"
for f in "$work"/part-*.rss; do mv "$f" "$work/rss-summarize-$(basename "$f")"; done
t5=$(now)
row "summarize, window tickets (per partition)" 4 "$(took "$t4" "$t5")" "$(peak summarize)" \
  "$(cpu summarize)"
mkdir -p "$work/partials/summary" "$work/partials/tickets"
for i in 0 1 2 3; do
  [ -f "$work/part-$i.tsv.out" ] || continue
  grep '^T' "$work/part-$i.tsv.out" > "$work/partials/tickets/part-$i" || true
  grep -v '^T' "$work/part-$i.tsv.out" > "$work/part-$i.summary" || true
  rm -f "$work/part-$i.tsv.out"
done
"${sorted[@]}" "$work"/part-*.summary | timed merge "$plaint" reduce \
  > "$work/partials/summary/part-0"
rm -f "$work"/part-*.summary
t6=$(now)
row "sort + reduce of the summary lines" 1 "$(took "$t5" "$t6")" "$(peak merge)" "$(cpu merge)"
timed report "$plaint" report --config "$config" --from-partials "$work/partials" \
  --reports-dir "$work/by-summary" --period "$period" --quiet > /dev/null
t7=$(now)
row "report --from-partials (summary + window tickets)" 1 "$(took "$t6" "$t7")" \
  "$(peak report)" "$(cpu report)"
row "the steps one after another (map to report)" 1 "$(took "$t2" "$t7")" "–" \
  "$(cat "$work"/rss-{map,sort,summarize,merge,report}* | awk '{ s += $2 + $3 } END { printf "%.1f", s }')"
echo "summary: $(wc -l < "$work/partials/summary/part-0") lines, $(du -m "$work/partials/summary" | cut -f1) MB; window tickets: $(cat "$work"/partials/tickets/* | wc -l) lines, $(du -m "$work/partials/tickets" | cut -f1) MB"
echo "summary lines by kind: $(cut -f1,2 "$work/partials/summary/part-0" | sort | uniq -c | tr -s ' \n\t' ' ')"
reported=$(ls "$work/by-run")
diff -r -x manifest.json "$work/by-run/$reported" "$work/by-summary/$reported"
echo "same report bytes: run, summary"

# The same report with no summary: reduce, then one machine streams every reduced ticket.
if [ -n "${STREAMED:-}" ]; then
  mkdir -p "$work/streamed"
  t8=$(now)
  timed reduce "$plaint" reduce "$work"/part-*.tsv > "$work/streamed/part-0.tsv"
  t9=$(now)
  row "reduce" 1 "$(took "$t8" "$t9")" "$(peak reduce)" "$(cpu reduce)"
  timed streamed "$plaint" report --config "$config" --from-partials "$work/streamed" \
    --reports-dir "$work/by-stream" --period "$period" --quiet > /dev/null
  t10=$(now)
  row "report --from-partials (reduced tickets, no summary)" 1 "$(took "$t9" "$t10")" \
    "$(peak streamed)" "$(cpu streamed)"
  diff -r -x manifest.json "$work/by-run/$reported" "$work/by-stream/$reported"
  echo "same report bytes: streamed"
fi
rm -f "$work"/part-*.tsv "$work/mapped.tsv"

load "after the steps"
if [ -n "${SPARK_VENV:-}" ]; then
  export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$SPARK_VENV/bin/python"
  t11=$(now)
  timed spark "$SPARK_VENV/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
    --driver-memory 1g --driver-java-options -XX:TieredStopAtLevel=1 \
    --conf spark.local.dir="$work" --files "$plaint" \
    "$root/contrib/spark/plaint_spark.py" \
    --config "$config" --out "$work/spark" --binary "$plaint" --period "$period" \
    > "$work/spark.log" 2>&1 || { tail -40 "$work/spark.log"; exit 1; }
  t12=$(now)
  # The job's own account of each stage (wall, CPU of its processes, bytes written) and of its
  # CPU in all: GNU time sees the JVM, not the Python workers and the plaint steps they start,
  # which it never reaps. (spark-submit passes the Python driver's stderr to its stdout.)
  grep '^plaint-spark:' "$work/spark.log" || true
  spark_cpu=$(sed -n 's/^plaint-spark: done in [0-9.]* s, \([0-9.]*\) CPU s.*/\1/p' "$work/spark.log")
  row "Spark local[2]: map, partition, summarize, summary merge (plaint_spark.py)" 2 \
    "$(took "$t11" "$t12")" "$(peak spark)" "${spark_cpu:-–}"
  timed fromspark "$plaint" report --config "$config" --from-partials "$work/spark" \
    --reports-dir "$work/by-spark" --period "$period" --quiet > /dev/null
  t13=$(now)
  row "report from Spark's summary/ and tickets/" 1 "$(took "$t12" "$t13")" \
    "$(peak fromspark)" "$(cpu fromspark)"
  row "Spark local[2], whole pipeline + report" 2 "$(took "$t11" "$t13")" "–" \
    "$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.1f}' if sys.argv[1] else '–')" "${spark_cpu:-}" "$(cpu fromspark)")"
  diff -r -x manifest.json "$work/by-run/$reported" "$work/by-spark/$reported"
  echo "same report bytes: Spark"
  python3 -c "import sys; print(f'Spark ÷ plaint run (wall): {float(sys.argv[1]) / float(sys.argv[2]):.2f}')" \
    "$(took "$t11" "$t13")" "$(took "$t0" "$t1")"
  load end
fi
