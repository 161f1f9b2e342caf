"""Runs Plaint's map, reduce and summary steps on Apache Spark (docs/scale-out.md).

    spark-submit --master local[2] --files /abs/path/plaint \
        contrib/spark/plaint_spark.py --config /abs/path/plaint.yml --out /abs/path/partials

Spark only moves task lines and partial lines between `plaint` processes: it never reads the CSV
exports itself (splitting CSV text would break quoted multi-line records and mangle non-UTF-8
bytes). Each executor runs the shipped binary through `pipe(..., checkCode=True)`, so a failing
step fails the job instead of losing rows. The cluster deduplicates the tickets, builds the
report's summary (mergeable counts) and picks out the few tickets the report shows whole; --out
receives `summary/` and `tickets/`. Afterwards, on one machine, reading only those:

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


def sorted_by_key(lines, partitions):
    """Each key's lines in one partition, sorted there (Spark sorts with spills to disk), so
    `plaint reduce` streams over them holding one key at a time. Python orders strings by code
    point, which is the byte order of UTF-8: the order `plaint reduce` checks."""
    return (
        lines.map(lambda line: (line, None))
        .repartitionAndSortWithinPartitions(
            partitions, partitionFunc=lambda line: portable_hash(partial_key(line))
        )
        .keys()
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

    def command(step):
        # Files shipped with --files may arrive without their executable bit.
        binary = shlex.quote(executor_binary)
        return "sh -c " + shlex.quote(f"chmod u+x {binary} 2>/dev/null; exec {binary} {step}")

    mapped = context.parallelize(tasks, len(tasks)).pipe(
        command(f"map --config {shlex.quote(args.config)} --quiet"), checkCode=True
    )
    reduced = sorted_by_key(mapped, args.partitions).pipe(command("reduce"), checkCode=True)
    reduced.persist(StorageLevel.MEMORY_AND_DISK)

    # Every file's accounting lines (one or a few per file), for the steps on every partition:
    # a file identical to an earlier one is left out, as `plaint run` leaves it out.
    scratch = tempfile.mkdtemp(prefix="plaint-spark-")
    accounting = os.path.join(scratch, "accounting.tsv")
    with open(accounting, "w", encoding="utf-8") as out:
        for line in sorted(reduced.filter(lambda line: line.startswith("A\t")).collect()):
            out.write(line + "\n")
    context.addFile(accounting)

    def shipped_file(name):
        return "./" + name if args.executor_binary else SparkFiles.get(name)

    config = shlex.quote(args.config)
    # With --period, what only the reported period needs is counted for it alone.
    through = f" --period {shlex.quote(args.period)}" if args.period else ""
    summary = sorted_by_key(
        reduced.pipe(
            command(
                f"summarize --config {config} --quiet{through}"
                f" --accounting {shlex.quote(shipped_file('accounting.tsv'))}"
            ),
            checkCode=True,
        ),
        args.partitions,
    ).pipe(command("reduce"), checkCode=True)
    summary.saveAsTextFile("file://" + os.path.join(args.out, "summary"))

    # The driver reads the summary alone to judge the period, and names what the report shows
    # whole; the cluster picks those tickets out.
    plan = os.path.join(scratch, "plan.json")
    period = ["--period", args.period] if args.period else []
    subprocess.run(
        [driver_binary, "report", "--config", args.config, "--from-partials", args.out,
         "--plan", plan, "--quiet"] + period,
        check=True,
    )
    context.addFile(plan)
    selected = reduced.pipe(
        command(
            f"select --config {config} --quiet --plan {shlex.quote(shipped_file('plan.json'))}"
            f" --accounting {shlex.quote(shipped_file('accounting.tsv'))}"
        ),
        checkCode=True,
    )
    selected.saveAsTextFile("file://" + os.path.join(args.out, "tickets"))
    spark.stop()


if __name__ == "__main__":
    main()
