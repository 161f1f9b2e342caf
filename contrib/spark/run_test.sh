#!/usr/bin/env bash
# make test-spark: the demo through Spark (local[2]) must give `plaint run`'s report, byte for
# byte but the manifest. Needs the venv `make test-spark` creates and a built plaint.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${PLAINT_BIN:-$root/.build/debug/plaint}
venv=${SPARK_VENV:-$root/.venv-spark}
config=$root/datasets/demo/plaint.yml
period=2026-10
work=$(mktemp -d /tmp/plaint-spark.XXXXXX)
trap 'rm -rf "$work"' EXIT
export SPARK_LOCAL_IP=127.0.0.1 PYSPARK_PYTHON="$venv/bin/python"
# The JVM carries no ticket line: its JIT's second tier would only cost CPU (docs/scale-out.md).
jvm="-XX:TieredStopAtLevel=1"

started=$(date +%s.%N)
"$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
  --driver-java-options "$jvm" --files "$bin" "$root/contrib/spark/plaint_spark.py" \
  --config "$config" --out "$work/partials" --binary "$bin" --range-size 1048576 \
  --period "$period" \
  2> "$work/spark.log" \
  || { tail -40 "$work/spark.log"; exit 1; }
"$bin" report --config "$config" --from-partials "$work/partials" \
  --reports-dir "$work/spark" --period "$period" --quiet
spark_seconds=$(python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$started")

started=$(date +%s.%N)
"$bin" run --config "$config" --store :memory: --reports-dir "$work/run" --period "$period" --quiet
run_seconds=$(python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$started")

diff -r -x manifest.json "$work/run/$period" "$work/spark/$period"
echo "test-spark: the Spark report equals plaint run's (spark ${spark_seconds}s, run ${run_seconds}s)"

# A step that fails on an executor fails the job, and --out receives nothing.
if "$venv/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false \
  --driver-java-options "$jvm" --files "$bin" "$root/contrib/spark/plaint_spark.py" \
  --config "$config" --out "$work/failed" --binary "$bin" --executor-binary /bin/false \
  --period "$period" > "$work/failed.log" 2>&1; then
  echo "test-spark: a failing map step did not fail the job"
  exit 1
fi
grep -q '^plaint-spark: plaint map (task [0-9]*) exited with status 1; nothing written' \
  "$work/failed.log" || { tail -20 "$work/failed.log"; echo "test-spark: no line naming the failed step"; exit 1; }
if [ -n "$(ls -A "$work/failed")" ]; then
  echo "test-spark: a failed job left files in --out:" $(ls -A "$work/failed")
  exit 1
fi
echo "test-spark: a failing step fails the job and leaves --out empty"
