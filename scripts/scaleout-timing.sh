#!/usr/bin/env bash
# Times `plaint run` against `plaint shard | map (two processes) | reduce | report --from-partials`
# on one config, and checks that both give the same report bytes (all files but the manifest).
#
#   scripts/scaleout-timing.sh bench/run-1000mb/plaint.yml 2026-10
#
# Uses the release build (`swift build -c release --product plaint`); work files go to a
# temporary folder that is removed afterwards.
set -euo pipefail
config=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
period=${2:-last}
root=$(cd "$(dirname "$0")/.." && pwd)
plaint=${PLAINT:-$root/.build/release/plaint}
work=$(mktemp -d /tmp/plaint-scaleout.XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
took() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

t0=$(now)
/usr/bin/time -f "run: %e s, peak %M KB" "$plaint" run --config "$config" --store "$work/run.db" \
  --reports-dir "$work/by-run" --period "$period" --quiet
t1=$(now)
"$plaint" shard --config "$config" > "$work/tasks.jsonl"
t2=$(now)
awk 'NR % 2 == 1' "$work/tasks.jsonl" > "$work/tasks-0.jsonl"
awk 'NR % 2 == 0' "$work/tasks.jsonl" > "$work/tasks-1.jsonl"
for i in 0 1; do
  /usr/bin/time -f "map $i: %e s, peak %M KB" "$plaint" map --config "$config" --quiet \
    < "$work/tasks-$i.jsonl" > "$work/map-$i.tsv" &
done
wait
t3=$(now)
mkdir "$work/partials"
/usr/bin/time -f "reduce: %e s, peak %M KB" "$plaint" reduce "$work/map-0.tsv" "$work/map-1.tsv" \
  > "$work/partials/part-0.tsv"
t4=$(now)
/usr/bin/time -f "report: %e s, peak %M KB" "$plaint" report --config "$config" \
  --from-partials "$work/partials" --reports-dir "$work/by-partials" --period "$period" --quiet
t5=$(now)
echo "run $(took "$t0" "$t1") s; scale-out $(took "$t1" "$t5") s (shard $(took "$t1" "$t2"), map $(took "$t2" "$t3"), reduce $(took "$t3" "$t4"), report $(took "$t4" "$t5")); $(wc -l < "$work/tasks.jsonl") tasks"
reported=$(ls "$work/by-run")
diff -r -x manifest.json "$work/by-run/$reported" "$work/by-partials/$reported"
echo "same report bytes"
