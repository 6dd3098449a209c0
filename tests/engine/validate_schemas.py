#!/usr/bin/python3
"""Checks the JSON Schemas editors use: every shipped content file validates against the
schema for its type, and fixtures with shape errors the schema can express are rejected.
Run by CTest with Debian's python3-jsonschema."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
schemas = {t: json.loads((root / "content/schema" / f"{t}.schema.json").read_text()) for t in ("scenario", "survey", "help", "locale")}
for s in schemas.values():
    jsonschema.Draft7Validator.check_schema(s)

failures = []
checked = 0
for path in sorted((root / "content").rglob("*.json")):
    if path.name.endswith(".schema.json"):
        continue
    doc = json.loads(path.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schemas[doc["type"]]).iter_errors(doc))
    checked += 1
    for e in errors[:3]:
        failures.append(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")

# Shape errors the schema must catch too (the checker reports them as well).
must_reject = ["unknown-key", "wrong-type", "missing-field", "bad-id", "image-without-label", "fact-without-source",
               "debrief-incomplete", "ending-without-help", "conflicting-fields", "bad-value", "review-incomplete",
               "format-version", "unknown-file-type", "bad-url", "empty-text"]
for name in must_reject:
    doc = json.loads((root / "tests/fixtures/diagnostics" / f"{name}.json").read_text(encoding="utf-8"))
    if jsonschema.Draft7Validator(schemas["scenario"]).is_valid(doc):
        failures.append(f"the scenario schema accepts the {name} fixture")

for f in failures:
    print(f)
print(f"validated {checked} content files and {len(must_reject)} fixtures against the schemas: {len(failures)} problems")
sys.exit(1 if failures else 0)
