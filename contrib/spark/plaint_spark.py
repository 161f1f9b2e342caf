"""Runs Plaint's map and reduce steps on Apache Spark (docs/scale-out.md).

    spark-submit --master local[2] --files /abs/path/plaint \
        contrib/spark/plaint_spark.py --config /abs/path/plaint.yml --out /abs/path/partials

Spark only moves task lines and partial lines between `plaint` processes: it never reads the CSV
exports itself (splitting CSV text would break quoted multi-line records and mangle non-UTF-8
bytes). Each executor runs the shipped binary through `pipe(..., checkCode=True)`, so a failing
`plaint map` fails the job instead of losing rows. Afterwards, on one machine:

    plaint report --config /abs/path/plaint.yml --from-partials /abs/path/partials
"""

import argparse
import os
import shlex
import subprocess
import sys

from pyspark import SparkFiles
try:
    from pyspark.rdd import portable_hash
except ImportError:  # pyspark 4 moved it
    from pyspark.core.rdd import portable_hash
from pyspark.sql import SparkSession


def partial_key(line):
    """Lines of one ticket (kind, system, id) or of one file meet in one reduce partition."""
    fields = line.split("\t", 3)
    return "\t".join(fields[:3]) if fields[0] == "T" else "\t".join(fields[:2])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="absolute path of plaint.yml")
    parser.add_argument("--out", required=True, help="absolute folder for the reduced partials")
    parser.add_argument("--partitions", type=int, default=4, help="reduce partitions")
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
    # Lines of one key meet in one partition, sorted there (Spark sorts with spills to disk), so
    # `plaint reduce` streams over them holding one key at a time. Python orders strings by code
    # point, which is the byte order of UTF-8: the order `plaint reduce` checks.
    reduced = (
        mapped.map(lambda line: (line, None))
        .repartitionAndSortWithinPartitions(
            args.partitions, partitionFunc=lambda line: portable_hash(partial_key(line))
        )
        .keys()
        .pipe(command("reduce"), checkCode=True)
    )
    reduced.saveAsTextFile("file://" + args.out)
    spark.stop()


if __name__ == "__main__":
    main()
