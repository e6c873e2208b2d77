#!/usr/bin/env python3
"""schema_validate.py: validates YAML documents against the JSON Schemas that
`startklar schema KIND` wrote, read the way an editor's YAML language server
reads them (YAML 1.2: dates stay strings, only true/false are booleans).

Usage: schema_validate.py SCHEMA_DIR valid|invalid FILE...
  valid:   every document of every file must validate against its kind's schema
  invalid: every file must hold a document its kind's schema rejects (a document
           of no known kind must be rejected by every kind's schema)
Prints one line per file and 'N passed, N failed'; exits 1 on a failure."""
import json
import os
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's timestamps and yes/no/on/off booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    __import__("re").compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def load_schemas(folder):
    schemas = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                schema = json.load(f)
            jsonschema.Draft202012Validator.check_schema(schema)
            schemas[name[:-5]] = jsonschema.Draft202012Validator(schema)
    return schemas


def problems(validator, doc):
    return ["%s: %s" % ("/".join(str(p) for p in e.absolute_path) or "(root)", e.message)
            for e in validator.iter_errors(doc)]


def check_file(schemas, path, want_valid):
    with open(path, encoding="utf-8") as f:
        docs = [d for d in yaml.load_all(f, Loader=Yaml12Loader) if d is not None]
    if not docs:
        return "holds no document"
    rejected = False
    for i, doc in enumerate(docs, 1):
        kind = doc.get("kind") if isinstance(doc, dict) else None
        validators = [schemas[kind]] if kind in schemas else list(schemas.values())
        found = [problems(v, doc) for v in validators]
        if kind not in schemas:
            if want_valid:
                return "document %d has no known kind (%r)" % (i, kind)
            rejected |= all(found)
        elif want_valid and found[0]:
            return "document %d: %s" % (i, "; ".join(found[0][:3]))
        else:
            rejected |= bool(found[0])
    if not want_valid and not rejected:
        return "the schema accepts it, the loader does not"
    return None


def main(argv):
    if len(argv) < 3 or argv[2] not in ("valid", "invalid"):
        print(__doc__)
        return 2
    schemas = load_schemas(argv[1])
    passed = failed = 0
    for path in argv[3:]:
        why = check_file(schemas, path, argv[2] == "valid")
        if why:
            failed += 1
            print("FAIL %s %s: %s" % (argv[2], path, why))
        else:
            passed += 1
            print("ok   %s %s" % (argv[2], path))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
