"""Writes the labels of the CFPB case: id,issue for every complaint with a narrative.

    python3 scripts/cfpb-case/labels.py EXPORTS_DIR > labels.csv

Reads every CSV in EXPORTS_DIR (junk lines before the header are skipped); a record cut off at
the end of a truncated file is left out, as Plaint rejects it.
"""
import csv
import glob
import io
import os
import sys


def complaints(directory):
    """(id, issue, narrative) of each complaint with a narrative, in file order, ids unique."""
    seen = set()
    for path in sorted(glob.glob(os.path.join(directory, "*.csv"))):
        with open(path, newline="", encoding="utf-8") as handle:
            text = handle.read()
        start = text.find("Date received,")
        reader = csv.DictReader(io.StringIO(text[start:]))
        rows = []
        try:
            for row in reader:
                rows.append(row)
        except csv.Error:
            pass
        for row in rows:
            if row.get("Complaint ID") is None or row.get("Issue") is None:
                continue
            narrative = (row.get("Consumer complaint narrative") or "").strip()
            key = row["Complaint ID"].strip()
            if not narrative or not key or key in seen:
                continue
            seen.add(key)
            yield key, row["Issue"].strip(), narrative


if __name__ == "__main__":
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["id", "issue"])
    for key, issue, _ in complaints(sys.argv[1]):
        writer.writerow([key, issue])
