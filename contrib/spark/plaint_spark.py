"""Runs Plaint's map, reduce and summary steps on Apache Spark (docs/scale-out.md).

    spark-submit --master local[2] --files /abs/path/plaint \
        contrib/spark/plaint_spark.py --config /abs/path/plaint.yml --out /abs/path/partials

Spark only moves task lines and partial lines between `plaint` processes: it never reads the CSV
exports itself (splitting CSV text would break quoted multi-line records and mangle non-UTF-8
bytes). Each executor runs the shipped binary through `pipe(..., checkCode=True)`, so a failing
step fails the job instead of losing rows. The cluster deduplicates the tickets, builds the
report's summary (mergeable counts) and picks out the few tickets the report shows whole; --out
receives `summary/` and `tickets/`. With --period, the ticket lines are read once after the
shuffle: `plaint summarize` merges each key's lines as they come, sorted, and writes the summary
lines and the judged window's tickets in the same pass. Afterwards, on one machine, reading only
those:

    plaint report --config /abs/path/plaint.yml --from-partials /abs/path/partials
"""

import argparse
import os
import shlex
import subprocess
import sys
import tempfile

from pyspark import SparkFiles, StorageLevel
try:
    from pyspark.rdd import portable_hash
except ImportError:  # pyspark 4 moved it
    from pyspark.core.rdd import portable_hash
from pyspark.sql import SparkSession


def partial_key(line):
    """Lines of one ticket (kind, system, id), of one file, or of one summary key (all fields but
    the count and values) meet in one reduce partition."""
    if line.startswith("S\t"):
        return line.rsplit("\t", 2)[0]
    fields = line.split("\t", 3)
    return "\t".join(fields[:3]) if fields[0] == "T" else "\t".join(fields[:2])


def by_key(lines, partitions):
    """Each key's lines in one partition, in no order: the executor's step sorts them itself
    (`sorted_step`), so Python never sorts or spills a line."""
    return (
        lines.map(lambda line: (line, None))
        .partitionBy(partitions, partitionFunc=lambda line: portable_hash(partial_key(line)))
        .keys()
    )


def sorted_by_key(lines, partitions):
    """Each key's lines in one partition, sorted there by Spark (with spills to disk), for a
    partition read twice. Python orders strings by code point, which is the byte order of UTF-8:
    the order `plaint reduce` checks."""
    return (
        lines.map(lambda line: (line, None))
        .repartitionAndSortWithinPartitions(
            partitions, partitionFunc=lambda line: portable_hash(partial_key(line))
        )
        .keys()
    )


def sorted_step(binary, step):
    """A shell line that sorts a partition's lines by their bytes with GNU sort (`LC_ALL=C`, the
    order `plaint` checks; a key ends at a tab, so whole lines sort by key) into a scratch file,
    then runs `plaint STEP` over it, holding one key at a time. Sorting to a file first means a
    failed sort fails the task (`sh` has no pipefail) instead of feeding a short input."""
    return (
        f'sorted=$(mktemp "${{TMPDIR:-/tmp}}/plaint-part.XXXXXX") || exit 1; '
        f'LC_ALL=C sort -S 256M -T "${{TMPDIR:-/tmp}}" -o "$sorted" || {{ rm -f "$sorted"; exit 1; }}; '
        f'{binary} {step} < "$sorted"; status=$?; rm -f "$sorted"; exit $status'
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="absolute path of plaint.yml")
    parser.add_argument("--out", required=True, help="absolute folder for the reduced partials")
    parser.add_argument("--partitions", type=int, default=4, help="reduce partitions")
    parser.add_argument(
        "--period", help="the period to report (as plaint report --period); default: plaint's"
    )
    parser.add_argument(
        "--range-size", type=int, help="split exports larger than this many bytes into ranges"
    )
    parser.add_argument(
        "--binary",
        help="the plaint binary for the driver's `plaint shard` (default: the one shipped with --files)",
    )
    parser.add_argument(
        "--executor-binary",
        help="how executors call the shipped binary: ./plaint on YARN or Kubernetes; "
        "by default the path SparkFiles gives (right for local mode)",
    )
    args = parser.parse_args()

    spark = SparkSession.builder.appName("plaint").getOrCreate()
    context = spark.sparkContext
    shipped = SparkFiles.get("plaint")
    driver_binary = args.binary or shipped
    executor_binary = args.executor_binary or shipped
    if os.path.exists(driver_binary):
        os.chmod(driver_binary, 0o755)

    # One task per file (or byte range): small lines, parallelised as they are.
    shard = [driver_binary, "shard", "--config", args.config]
    if args.range_size:
        shard += ["--range-size", str(args.range_size)]
    tasks = subprocess.run(
        shard,
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    if not tasks:
        sys.exit("plaint shard printed no tasks")
    # The tasks name each file's sha256: executors leave out a file identical to an earlier one
    # (as `plaint run` does) without waiting for any accounting line.
    scratch = tempfile.mkdtemp(prefix="plaint-spark-")
    task_file = os.path.join(scratch, "tasks.jsonl")
    with open(task_file, "w", encoding="utf-8") as out:
        out.write("\n".join(tasks) + "\n")
    context.addFile(task_file)

    def command(step, sort=False):
        # Files shipped with --files may arrive without their executable bit.
        binary = shlex.quote(executor_binary)
        run = sorted_step(binary, step) if sort else f"exec {binary} {step}"
        return "sh -c " + shlex.quote(f"chmod u+x {binary} 2>/dev/null; {run}")

    mapped = context.parallelize(tasks, len(tasks)).pipe(
        command(f"map --config {shlex.quote(args.config)} --quiet"), checkCode=True
    )

    def shipped_file(name):
        return "./" + name if args.executor_binary else SparkFiles.get(name)

    config = shlex.quote(args.config)
    tasks_option = f" --tasks {shlex.quote(shipped_file('tasks.jsonl'))}"
    # Each key's map lines meet in one partition, sorted there: `plaint summarize` merges them as
    # `plaint reduce` would, holding one key at a time, and counts each ticket as it settles.
    summary_dir = "file://" + os.path.join(args.out, "summary")
    tickets_dir = "file://" + os.path.join(args.out, "tickets")

    def merged(summary_lines):
        return by_key(summary_lines, args.partitions).pipe(
            command("reduce", sort=True), checkCode=True
        )

    if args.period:
        # One pass: the summary lines and, beside them, the ticket lines a report of the period
        # may show whole (the period's complaints, canaries, the window's open ones); the
        # report keeps those its judgement names. No plan, no second read of the tickets.
        summarized = by_key(mapped, args.partitions).pipe(
            command(
                f"summarize --config {config} --quiet --period {shlex.quote(args.period)}"
                f" --window-tickets{tasks_option}",
                sort=True,
            ),
            checkCode=True,
        )
        summarized.persist(StorageLevel.MEMORY_AND_DISK)
        merged(summarized.filter(lambda line: not line.startswith("T\t"))).saveAsTextFile(
            summary_dir
        )
        summarized.filter(lambda line: line.startswith("T\t")).saveAsTextFile(tickets_dir)
        spark.stop()
        return

    # Without a period, the driver must judge before it knows which tickets the report shows:
    # the sorted ticket lines are kept, summarized, planned from, then read once more by select.
    ordered = sorted_by_key(mapped, args.partitions)
    ordered.persist(StorageLevel.MEMORY_AND_DISK)
    merged(
        ordered.pipe(command(f"summarize --config {config} --quiet{tasks_option}"), checkCode=True)
    ).saveAsTextFile(summary_dir)
    plan = os.path.join(scratch, "plan.json")
    subprocess.run(
        [driver_binary, "report", "--config", args.config, "--from-partials", args.out,
         "--plan", plan, "--quiet"],
        check=True,
    )
    context.addFile(plan)
    selected = ordered.pipe(
        command(
            f"select --config {config} --quiet --plan {shlex.quote(shipped_file('plan.json'))}"
            f"{tasks_option}"
        ),
        checkCode=True,
    )
    selected.saveAsTextFile(tickets_dir)
    spark.stop()


if __name__ == "__main__":
    main()
