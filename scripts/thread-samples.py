#!/usr/bin/env python3
"""thread-samples.py PERF.DATA [N]: CPU samples per thread of a `perf record -g` of `plaint run`, then
the parse threads' samples (the non-main threads with more than a tenth of the busiest one's)
grouped by shared object and by innermost function, top N. Issue 16 measured the parse threads
with it: perf record -F 999 -g -o perf.data .build/release/plaint run --config plaint.yml."""
import subprocess, sys, collections, re
data = sys.argv[1]
out = subprocess.run(["perf", "script", "-i", data, "-F", "tid,ip,sym,dso"], capture_output=True, text=True).stdout
rows = []
tid = None
for line in out.splitlines():
    if not line.strip():
        tid = None
        continue
    if not line.startswith("\t") and not line.startswith("    ") and line.strip().isdigit():
        tid = int(line.strip())
        first = True
        continue
    if tid is not None and first:
        m = re.match(r"\s*[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$", line)
        if m:
            rows.append((tid, m.group(1).strip(), m.group(2)))
        first = False
bytid = collections.Counter(t for t, _, _ in rows)
main = min(bytid)  # the main thread starts first
ranked = bytid.most_common()
print("threads:", ranked)
parse = [t for t, n in ranked if t != main and n > 0.1 * ranked[0][1]]
print("parse threads:", parse)
syms = collections.Counter()
dsos = collections.Counter()
for t, s, d in rows:
    if t in parse:
        syms[(s, d.split('/')[-1])] += 1
        dsos[d.split('/')[-1]] += 1
total = sum(syms.values())
print("parse-thread samples:", total)
for d, n in dsos.most_common(8): print(f"  {n:6d} {100*n/total:5.1f}%  {d}")
names = "\n".join(s for (s, d) in syms)
dem = subprocess.run(["swift", "demangle", "--simplified"], input=names, capture_output=True, text=True).stdout.splitlines()
demap = dict(zip([s for (s, d) in syms], dem))
for (s, d), n in syms.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 30):
    print(f"  {n:6d} {100*n/total:5.1f}%  {d[:14]:14} {demap.get(s, s)[:130]}")
