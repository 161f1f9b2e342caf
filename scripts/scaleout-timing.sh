#!/usr/bin/env bash
# Times `plaint run` against the scale-out steps on one config and measures the peak RSS of every
# step (GNU time), checking that every way gives the same report bytes (all files but the
# manifest). Each map task runs as its own process, as on an executor; the reduced partials are
# cut into four partitions for summarize and select, as Spark's partitions would be.
#
#   scripts/scaleout-timing.sh bench/cube/1gb/plaint.yml 2026-10          # steps, as text
#   SPARK_VENV=.venv-spark scripts/scaleout-timing.sh CONFIG PERIOD        # and Spark local[2]
#   SKIP_STREAMED=1 …  leaves out the report that streams every reduced ticket (no summary)
#   scripts/scaleout-timing.sh --table LABEL CONFIG PERIOD [LABEL CONFIG PERIOD …]
#       runs each and rewrites the table between the markers in docs/scale-out.md
#       (SCALEOUT_LOG=FILE keeps every run's full output)
#   scripts/scaleout-timing.sh --table-from LABEL LOG [LABEL LOG …]
#       the same table from the saved output of runs made separately
#
# Uses the release build (`swift build -c release --product plaint`); work files go to a
# temporary folder that is removed afterwards.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
plaint=${PLAINT:-$root/.build/release/plaint}

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
table = ["| exports | step | processes | wall s | peak RSS MB (largest process) |",
         "|---|---|---|---|---|"] + [line.rstrip("\n") for line in open(rows, encoding="utf-8")]
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
# timed NAME COMMAND…: runs it under GNU time, keeping its peak RSS (KB) in $work/rss-NAME.
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%M" -o "$work/rss-$name" "$@"
}
peak() { sort -n "$work"/rss-"$1"* | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }
row() { echo "row: $1 | $2 | $3 | $4 |"; }
sorted=(env LC_ALL=C sort -S 256M -T "$work")

t0=$(now)
timed run "$plaint" run --config "$config" --store "$work/run.db" --reports-dir "$work/by-run" \
  --period "$period" --quiet > /dev/null
t1=$(now)
row "plaint run" 1 "$(took "$t0" "$t1")" "$(peak run)"
"$plaint" shard --config "$config" > "$work/tasks.jsonl"
tasks=$(wc -l < "$work/tasks.jsonl")

# Map: one process per task, two at a time (the machine's cores); then all their lines sorted.
t2=$(now)
split -l 1 -d -a 4 "$work/tasks.jsonl" "$work/task-"
ls "$work"/task-* | xargs -P 2 -I{} sh -c \
  '/usr/bin/time -f "%M" -o "{}.rss" "$0" map --config "$1" --quiet < "{}" > "{}.tsv"' \
  "$plaint" "$config"
for f in "$work"/task-*.rss; do cp "$f" "$work/rss-map-$(basename "$f")"; done
t3=$(now)
row "map (per task)" "$tasks" "$(took "$t2" "$t3")" "$(peak map)"
timed sort "${sorted[@]}" -o "$work/mapped.tsv" "$work"/task-*.tsv
rm -f "$work"/task-*
t4=$(now)
row "LC_ALL=C sort (GNU, -S 256M)" 1 "$(took "$t3" "$t4")" "$(peak sort)"
timed reduce "$plaint" reduce "$work/mapped.tsv" > "$work/reduced.tsv"
rm -f "$work/mapped.tsv"
t5=$(now)
row "reduce" 1 "$(took "$t4" "$t5")" "$(peak reduce)"

# Four partitions of the reduced lines (round robin keeps each sorted), every file's accounting.
grep '^A' "$work/reduced.tsv" > "$work/accounting.tsv" || true
awk -v dir="$work" '{ print > (dir "/part-" (NR % 4) ".tsv") }' "$work/reduced.tsv"
t6=$(now)
ls "$work"/part-*.tsv | xargs -P 2 -I{} sh -c \
  '/usr/bin/time -f "%M" -o "{}.rss" "$0" summarize --config "$1" --accounting "$2" --period "$3" --quiet < "{}" > "{}.summary"' \
  "$plaint" "$config" "$work/accounting.tsv" "$period"
for f in "$work"/part-*.rss; do mv "$f" "$work/rss-summarize-$(basename "$f")"; done
t7=$(now)
row "summarize (per partition)" 4 "$(took "$t6" "$t7")" "$(peak summarize)"
mkdir -p "$work/partials/summary" "$work/partials/tickets"
"${sorted[@]}" "$work"/part-*.summary | timed merge "$plaint" reduce \
  > "$work/partials/summary/part-0"
rm -f "$work"/part-*.summary
t8=$(now)
row "sort + reduce of the summary lines" 1 "$(took "$t7" "$t8")" "$(peak merge)"
timed plan "$plaint" report --config "$config" --from-partials "$work/partials" \
  --plan "$work/plan.json" --period "$period" --quiet
t9=$(now)
row "report --plan (reads the summary)" 1 "$(took "$t8" "$t9")" "$(peak plan)"
for i in 0 1 2 3; do
  timed "select-$i" "$plaint" select --config "$config" --plan "$work/plan.json" \
    --accounting "$work/accounting.tsv" --quiet < "$work/part-$i.tsv" \
    > "$work/partials/tickets/part-$i"
done
t10=$(now)
row "select (per partition)" 4 "$(took "$t9" "$t10")" "$(peak select)"
timed report "$plaint" report --config "$config" --from-partials "$work/partials" \
  --reports-dir "$work/by-summary" --period "$period" --quiet > /dev/null
t11=$(now)
row "report --from-partials (summary + selected tickets)" 1 "$(took "$t10" "$t11")" \
  "$(peak report)"
echo "summary: $(wc -l < "$work/partials/summary/part-0") lines, $(du -m "$work/partials/summary" | cut -f1) MB; selected tickets: $(cat "$work"/partials/tickets/* | wc -l)"
echo "summary lines by kind: $(cut -f1,2 "$work/partials/summary/part-0" | sort | uniq -c | tr -s ' \n\t' ' ')"
rm -f "$work"/part-*.tsv
reported=$(ls "$work/by-run")
diff -r -x manifest.json "$work/by-run/$reported" "$work/by-summary/$reported"
echo "same report bytes: run, summary"

# The same report with no summary: one machine streams every reduced ticket (twice).
if [ -z "${SKIP_STREAMED:-}" ]; then
  mkdir -p "$work/streamed"
  mv "$work/reduced.tsv" "$work/streamed/part-0.tsv"
  t12=$(now)
  timed streamed "$plaint" report --config "$config" --from-partials "$work/streamed" \
    --reports-dir "$work/by-stream" --period "$period" --quiet > /dev/null
  t13=$(now)
  row "report --from-partials (reduced tickets, no summary)" 1 "$(took "$t12" "$t13")" \
    "$(peak streamed)"
  diff -r -x manifest.json "$work/by-run/$reported" "$work/by-stream/$reported"
  echo "same report bytes: streamed"
fi

if [ -n "${SPARK_VENV:-}" ]; then
  export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$SPARK_VENV/bin/python"
  t14=$(now)
  "$SPARK_VENV/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
    --driver-memory 1g --files "$plaint" "$root/contrib/spark/plaint_spark.py" \
    --config "$config" --out "$work/spark" --binary "$plaint" --period "$period" \
    2> "$work/spark.log" || { tail -40 "$work/spark.log"; exit 1; }
  "$plaint" report --config "$config" --from-partials "$work/spark" \
    --reports-dir "$work/by-spark" --period "$period" --quiet > /dev/null
  t15=$(now)
  row "Spark local[2], whole pipeline + report" 2 "$(took "$t14" "$t15")" "–"
  diff -r -x manifest.json "$work/by-run/$reported" "$work/by-spark/$reported"
  echo "same report bytes: Spark"
fi
