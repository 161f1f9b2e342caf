#!/usr/bin/python3
"""Validates report.json files against schemas/report.schema.json (JSON Schema 2020-12).

Usage: schemas/validate.py REPORT.json...   — prints one line per violation, exits 1 if any.
Needs Debian's python3-jsonschema (`make setup` installs it).
"""
import json
import pathlib
import sys

import jsonschema

schema_path = pathlib.Path(__file__).with_name("report.schema.json")
schema = json.loads(schema_path.read_text(encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

failed = False
for name in sys.argv[1:]:
    report = json.loads(pathlib.Path(name).read_text(encoding="utf-8"))
    for error in sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path)):
        failed = True
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        print(f"{name}: {where}: {error.message}")
sys.exit(1 if failed else 0)
