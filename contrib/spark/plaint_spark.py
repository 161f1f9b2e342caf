"""Runs Plaint's map, summary and merge steps on Apache Spark (docs/scale-out.md).

    spark-submit --master local[2] --files /abs/path/plaint \
        contrib/spark/plaint_spark.py --config /abs/path/plaint.yml --out /abs/path/partials \
        --period 2026-10

Spark schedules the `plaint` processes; the ticket lines never pass through Spark. Spark never
reads the CSV exports (splitting CSV text would break quoted multi-line records and mangle
non-UTF-8 bytes), and it no longer carries the partial lines either: each map task writes its
lines, already cut into partitions by ticket key, to files in a job scratch folder on the shared
file system (under --out unless --scratch names one) and returns only their names. A summarize
task then sorts its partition's files with GNU sort straight into `plaint summarize`, and a merge
task sorts and reduces its share of the summary lines: Python starts the processes and waits for
them, and handles a line only to send it to its partition. A step that exits non-zero fails its
task, and so the job; nothing is written to --out until every step has succeeded, and the
scratch folder is removed whatever happens. --out receives `summary/` and `tickets/`; afterwards,
on one machine, reading only those:

    plaint report --config /abs/path/plaint.yml --from-partials /abs/path/partials --period 2026-10

Each stage's wall time, the CPU seconds of its `plaint` and `sort` processes and of Python, and
the bytes it wrote go to stderr as `plaint-spark:` lines.
"""

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
import uuid
import zlib

from pyspark import SparkConf, SparkContext, SparkFiles

# Lines are read and written in large blocks.
BLOCK = 1 << 20


def partial_key(line):
    """What a partial line is partitioned by: the lines of one ticket (kind, system, id), of one
    file (kind, file) or of one summary key (all fields but the count and its values) meet in one
    partition. `line` is bytes, with or without its line end."""
    line = line.rstrip(b"\n")
    if line.startswith(b"S\t"):
        return line.rsplit(b"\t", 2)[0]
    fields = line.split(b"\t", 3)
    return b"\t".join(fields[:3] if fields[0] == b"T" else fields[:2])


def partition_of(line, partitions):
    """The same partition in every process (Python's own hash of bytes may be salted per process)."""
    return zlib.crc32(partial_key(line)) % partitions


class StepFailed(RuntimeError):
    """A `plaint` or `sort` process exited non-zero: its task, and so the job, fails."""


def cpu_seconds(who):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


class Meter:
    """A task's wall time, the CPU of the processes it waited for, Python's own CPU, and the
    bytes it wrote: the job's profile, summed per stage by the driver."""

    def __init__(self):
        self.wall = time.monotonic()
        self.steps = cpu_seconds(resource.RUSAGE_CHILDREN)
        self.python = cpu_seconds(resource.RUSAGE_SELF)
        self.written = 0

    def done(self, **extra):
        return dict(
            wall=time.monotonic() - self.wall,
            steps=cpu_seconds(resource.RUSAGE_CHILDREN) - self.steps,
            python=cpu_seconds(resource.RUSAGE_SELF) - self.python,
            written=self.written,
            **extra,
        )


def start(command, **options):
    """A process of the job; one that cannot start (no such binary, not executable) fails the
    task as a step that exits non-zero does."""
    try:
        return subprocess.Popen(command, **options)
    except OSError as error:
        raise StepFailed(f"cannot start {' '.join(command[:2])}: {error.strerror}")


def check(process, what):
    status = process.wait()
    if status != 0:
        raise StepFailed(f"{what} exited with status {status}")


def sorting(files, directory):
    """GNU sort over `files` by their bytes (`LC_ALL=C`, the order `plaint` checks; a key ends at
    a tab, so whole lines sort by key), its output on a pipe."""
    return start(
        ["sort", "-S", "256M", "-T", directory, "--", *files],
        stdout=subprocess.PIPE,
        env=dict(os.environ, LC_ALL="C"),
    )


class Partitions:
    """Lines cut into `count` files by key, in a folder that gets its final name only when
    complete, so a retried or speculative task never leaves half a partition behind."""

    def __init__(self, folder, count):
        self.folder = folder
        self.building = f"{folder}.{uuid.uuid4().hex}"
        os.makedirs(self.building)
        self.outputs = [
            open(os.path.join(self.building, f"part-{p:05d}"), "wb", buffering=BLOCK)
            for p in range(count)
        ]

    def write(self, line):
        self.outputs[partition_of(line, len(self.outputs))].write(line)

    def close(self):
        for output in self.outputs:
            output.close()
        written = sum(os.path.getsize(output.name) for output in self.outputs)
        try:
            os.rename(self.building, self.folder)
        except OSError:  # another attempt of the same task got there first
            shutil.rmtree(self.building, ignore_errors=True)
        return written

    def abandon(self):
        for output in self.outputs:
            output.close()
        shutil.rmtree(self.building, ignore_errors=True)


def building(path):
    """A hidden name beside `path` for one attempt's output (the report skips hidden names);
    `os.replace` gives it `path` once complete, so two attempts never write into one file."""
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{uuid.uuid4().hex}")


def ending(line):
    return line if line.endswith(b"\n") else line + b"\n"


class Job:
    """What every task needs: the options and the paths, all of them on the shared file system
    but the binary (shipped with --files)."""

    def __init__(self, args, work, tasks_file):
        self.config = args.config
        self.period = args.period
        self.partitions = args.partitions
        self.executor_binary = args.executor_binary
        self.work = work
        self.tasks_file = tasks_file

    def binary(self):
        """The shipped binary on this executor; files shipped with --files may arrive without
        their executable bit."""
        binary = self.executor_binary or SparkFiles.get("plaint")
        if not os.path.isfile(binary):
            raise StepFailed(f"{binary}: no plaint binary on this executor")
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        return binary

    def local_tmp(self):
        return os.environ.get("TMPDIR", "/tmp")

    def map(self, item):
        """`plaint map` over one task; its lines go to the partition files of their keys."""
        index, task = item
        meter = Meter()
        folder = os.path.join(self.work, "map", f"task-{index:05d}")
        parts = Partitions(folder, self.partitions)
        command = [self.binary(), "map", "--config", self.config, "--quiet"]
        if self.period:
            # Only the reported period's texts are read: the other tickets' lines leave it out.
            command += ["--period", self.period]
        step = start(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=BLOCK,
        )
        try:
            try:
                step.stdin.write(task.encode("utf-8") + b"\n")
                step.stdin.close()
            except BrokenPipeError:
                pass  # the step ended before reading its task: its exit status says why
            for line in step.stdout:
                parts.write(ending(line))
            check(step, f"plaint map (task {index + 1})")
        except BaseException:
            step.kill()
            step.wait()
            parts.abandon()
            raise
        meter.written = parts.close()
        return meter.done(folder=folder)

    def partition_files(self, folders, partition):
        return [os.path.join(folder, f"part-{partition:05d}") for folder in folders]

    def summarize(self, item, staging):
        """Partition `p` of every map task sorted into `plaint summarize`. With --period, its
        ticket lines (the window's) are saved as they come and its summary lines cut into
        partitions for the merge; without, the sorted lines are kept for `plaint select`."""
        partition, folders = item
        meter = Meter()
        files = self.partition_files(folders, partition)
        command = [self.binary(), "summarize", "--config", self.config, "--quiet",
                   "--tasks", self.tasks_file]
        if self.period:
            command += ["--period", self.period, "--window-tickets"]
            source = sorting(files, self.local_tmp())
            step_input = source.stdout
        else:
            # Read twice (summarize now, select after the plan): sorted once, into the scratch.
            sorted_file = os.path.join(self.work, "sorted", f"part-{partition:05d}")
            attempt = building(sorted_file)
            with open(attempt, "wb") as out:
                sort = start(
                    ["sort", "-S", "256M", "-T", self.local_tmp(), "--", *files],
                    stdout=out, env=dict(os.environ, LC_ALL="C"))
                check(sort, f"sort (partition {partition})")
            os.replace(attempt, sorted_file)
            source = None
            step_input = open(sorted_file, "rb")
        step = start(command, stdin=step_input, stdout=subprocess.PIPE, bufsize=BLOCK)
        step_input.close()
        parts = Partitions(os.path.join(self.work, "summary", f"from-{partition:05d}"),
                           self.partitions)
        # Only --window-tickets writes ticket lines: the tickets/ of a run with --period.
        tickets = os.path.join(staging, "tickets", f"part-{partition:05d}")
        attempt = building(tickets) if self.period else os.devnull
        try:
            with open(attempt, "wb", buffering=BLOCK) as kept:
                for line in step.stdout:
                    line = ending(line)
                    if line.startswith(b"T\t"):
                        kept.write(line)
                    else:
                        parts.write(line)
            if source is not None:
                check(source, f"sort (partition {partition})")
            check(step, f"plaint summarize (partition {partition})")
        except BaseException:
            for process in (source, step):
                if process is not None:
                    process.kill()
                    process.wait()
            parts.abandon()
            if self.period and os.path.exists(attempt):
                os.remove(attempt)
            raise
        if self.period:
            os.replace(attempt, tickets)
        meter.written = parts.close() + (os.path.getsize(tickets) if self.period else 0)
        return meter.done(folder=parts.folder)

    def merge(self, item, staging):
        """Partition `p` of every summarize task's summary lines, sorted and merged by `plaint
        reduce` into summary/."""
        partition, folders = item
        meter = Meter()
        target = os.path.join(staging, "summary", f"part-{partition:05d}")
        attempt = building(target)
        source = sorting(self.partition_files(folders, partition), self.local_tmp())
        with open(attempt, "wb") as out:
            step = start([self.binary(), "reduce"], stdin=source.stdout, stdout=out)
            source.stdout.close()
            check(step, f"plaint reduce (partition {partition})")
            check(source, f"sort (partition {partition})")
        os.replace(attempt, target)
        meter.written = os.path.getsize(target)
        return meter.done()

    def select(self, partition, plan, staging):
        """Without --period: the tickets the plan names, from a partition's sorted lines."""
        meter = Meter()
        sorted_file = os.path.join(self.work, "sorted", f"part-{partition:05d}")
        target = os.path.join(staging, "tickets", f"part-{partition:05d}")
        attempt = building(target)
        with open(sorted_file, "rb") as lines, open(attempt, "wb") as out:
            step = start(
                [self.binary(), "select", "--config", self.config, "--quiet", "--plan", plan,
                 "--tasks", self.tasks_file],
                stdin=lines, stdout=out)
            check(step, f"plaint select (partition {partition})")
        os.replace(attempt, target)
        meter.written = os.path.getsize(target)
        return meter.done()


def run_stage(context, name, items, task, spent):
    """One Spark job of one task per item; returns the tasks' results, says on stderr what the
    stage cost, and adds its CPU seconds to `spent`."""
    started = time.monotonic()
    results = context.parallelize(items, len(items)).map(task).collect()
    wall = time.monotonic() - started
    for kind in ("steps", "python"):
        spent[kind] += sum(r[kind] for r in results)
    print(
        f"plaint-spark: {name}: {len(items)} tasks, {wall:.1f} s;"
        f" plaint and sort {sum(r['steps'] for r in results):.1f} CPU s,"
        f" Python {sum(r['python'] for r in results):.1f} CPU s,"
        f" {sum(r['written'] for r in results) / 1e6:.0f} MB written",
        file=sys.stderr, flush=True,
    )
    return results


def jvm_cpu_seconds():
    """The CPU seconds of the driver's JVM (the parent of this Python driver under
    spark-submit), or None where /proc does not say."""
    try:
        with open(f"/proc/{os.getppid()}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", required=True, help="absolute path of plaint.yml")
    parser.add_argument("--out", required=True, help="absolute folder for summary/ and tickets/")
    parser.add_argument("--partitions", type=int, default=4, help="summarize and merge partitions")
    parser.add_argument(
        "--period", help="the period to report (as plaint report --period); default: plaint's"
    )
    parser.add_argument(
        "--range-size", type=int, help="split exports larger than this many bytes into ranges"
    )
    parser.add_argument(
        "--scratch",
        help="absolute folder for the job's intermediate files, readable and writable at the "
        "same path on every executor (default: a hidden folder under --out); removed afterwards",
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
    if args.partitions < 1:
        sys.exit(f"--partitions {args.partitions}: give a positive number")
    out = os.path.abspath(args.out)
    for name in ("summary", "tickets"):
        if os.path.exists(os.path.join(out, name)):
            sys.exit(f"{os.path.join(out, name)} exists: remove it, or give another --out")
    started = time.monotonic()
    os.makedirs(out, exist_ok=True)
    # Everything goes to a hidden staging folder under --out (the report skips hidden names), and
    # summary/ and tickets/ are moved into --out only when every step has succeeded.
    staging = os.path.join(out, f".plaint-spark-{uuid.uuid4().hex}")
    work = os.path.join(os.path.abspath(args.scratch), os.path.basename(staging)) \
        if args.scratch else os.path.join(staging, ".work")  # hidden: the plan step skips it
    for folder in (os.path.join(staging, "summary"), os.path.join(staging, "tickets"),
                   os.path.join(work, "map"), os.path.join(work, "summary"),
                   os.path.join(work, "sorted")):
        os.makedirs(folder)
    context = None
    try:
        # `plaint shard` hashes and scans every export: it runs while the JVM starts. The driver
        # needs the shipped binary's path, so without --binary it waits for the context.
        shard_binary = args.binary
        shard = None

        def start_shard(binary):
            command = [binary, "shard", "--config", args.config]
            if args.range_size:
                command += ["--range-size", str(args.range_size)]
            return start(command, stdout=subprocess.PIPE)

        if shard_binary:
            shard = start_shard(shard_binary)
        # Executors' JVMs carry no ticket line either: the JIT's first tier is enough (the
        # driver's JVM is already running; spark-submit's --driver-java-options sets it there).
        conf = SparkConf().setAppName("plaint").setIfMissing(
            "spark.executor.extraJavaOptions", "-XX:TieredStopAtLevel=1")
        context = SparkContext.getOrCreate(conf)
        print(f"plaint-spark: context: {time.monotonic() - started:.1f} s after the start",
              file=sys.stderr, flush=True)
        if shard is None:
            shard_binary = SparkFiles.get("plaint")
            if os.path.exists(shard_binary):
                os.chmod(shard_binary, 0o755)
            shard = start_shard(shard_binary)
        printed = shard.communicate()[0]
        if shard.returncode != 0:
            raise StepFailed(f"plaint shard exited with status {shard.returncode}")
        # The tasks name each file's sha256: summarize leaves out a file identical to an earlier
        # one (as `plaint run` does) from them.
        tasks = printed.decode("utf-8").splitlines()
        if not tasks:
            raise StepFailed("plaint shard printed no tasks")
        tasks_file = os.path.join(work, "tasks.jsonl")
        with open(tasks_file, "w", encoding="utf-8") as out_file:
            out_file.write("\n".join(tasks) + "\n")

        job = Job(args, work, tasks_file)
        partitions = range(args.partitions)
        spent = {"steps": 0.0, "python": 0.0}
        mapped = [r["folder"] for r in
                  run_stage(context, "map", list(enumerate(tasks)), job.map, spent)]
        summarized = [r["folder"] for r in run_stage(
            context, "summarize", [(p, mapped) for p in partitions],
            lambda item: job.summarize(item, staging), spent)]
        shutil.rmtree(os.path.join(work, "map"), ignore_errors=True)
        run_stage(context, "merge", [(p, summarized) for p in partitions],
                  lambda item: job.merge(item, staging), spent)
        if not args.period:
            # Without a period, the driver judges before it knows which tickets the report shows
            # whole: the plan from the summary, then select over each partition's sorted lines.
            plan = os.path.join(work, "plan.json")
            subprocess.run(
                [shard_binary, "report", "--config", args.config, "--from-partials", staging,
                 "--plan", plan, "--quiet"],
                check=True,
            )
            run_stage(context, "select", list(partitions),
                      lambda partition: job.select(partition, plan, staging), spent)
        jvm = jvm_cpu_seconds()
        context.stop()
        context = None
        for name in ("summary", "tickets"):
            os.rename(os.path.join(staging, name), os.path.join(out, name))
        # The driver's own children (shard, the plan) are in RUSAGE_CHILDREN.
        driver = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN)
        total = spent["steps"] + spent["python"] + driver + (jvm or 0.0)
        print(
            f"plaint-spark: done in {time.monotonic() - started:.1f} s, {total:.1f} CPU s:"
            f" tasks' plaint and sort {spent['steps']:.1f}, tasks' Python {spent['python']:.1f},"
            f" driver (Python, shard, plan) {driver:.1f}"
            + (f", driver JVM {jvm:.1f}" if jvm is not None else ", driver JVM unknown"),
            file=sys.stderr, flush=True,
        )
    except (StepFailed, subprocess.CalledProcessError, OSError) as failure:
        sys.exit(f"plaint-spark: {failure}; nothing written to {out}")
    except Exception as failure:
        # A task's StepFailed reaches the driver inside Spark's own error: name the step.
        steps = [line.split("StepFailed: ", 1)[1] for line in str(failure).splitlines()
                 if "StepFailed: " in line]
        if steps:
            sys.exit(f"plaint-spark: {steps[0]}; nothing written to {out}")
        print(f"plaint-spark: {type(failure).__name__}; nothing written to {out}",
              file=sys.stderr, flush=True)
        raise
    finally:
        if context is not None:
            context.stop()
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
