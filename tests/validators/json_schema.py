#!/usr/bin/env python3
"""Validate workbook YAML files against samskap's JSON Schema with a real
validator (jsonschema), independent of samskap's own loader.

usage: json_schema.py SCHEMA.json FILE.yaml...
Prints one line per problem and exits 1 if any file is invalid."""

import json
import sys

from jsonschema import Draft202012Validator
from ruamel.yaml import YAML


def main() -> int:
    schema_path, *files = sys.argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    # Raises if the schema itself is not a valid 2020-12 schema.
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    yaml = YAML(typ="safe")  # YAML 1.2, like samskap's parser
    problems = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = yaml.load(f)
        for error in validator.iter_errors(document):
            where = "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: {where}: {error.message}")
            problems += 1
    print(f"{len(files)} files checked, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
