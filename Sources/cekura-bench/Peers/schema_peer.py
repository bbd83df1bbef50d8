"""Peer for cekura-bench: a JSON Schema validator a CI user could run instead.

    python schema_peer.py {jsonschema_rs|jsonschema} SPEC SCHEMA [--warm-up N] [--runs N] [--budget-seconds S]

Builds the validator once (the schema is compiled outside the timing), then times
(a) validation of an already-parsed document and (b) json.loads of the bytes plus
validation, each over the same runs, with time.perf_counter_ns inside this process
so interpreter start-up and imports are not counted. Prints one JSON line:

    {"validator": ..., "version": ..., "valid": ..., "errors": ...,
     "validate_ms": median, "parse_validate_ms": median, "runs": ..., "warm_up": ...}

The timed validation is the validator's full check, `iter_errors` drained to the
end, which is what a CI job that reports every schema error runs; on a valid
document that is all the work either way. A measure stops early once it has used
--budget-seconds and has at least three samples (the pure-Python validator takes
far longer per run than the others); "runs" reports how many samples each median has.
"""

import argparse
import json
import statistics
import sys
import time
from importlib.metadata import version


def build_validator(name, schema):
    """Returns (iter_errors, package version) with the schema compiled once."""
    if name == "jsonschema_rs":
        import jsonschema_rs

        validator = jsonschema_rs.Draft202012Validator(schema)
        return validator.iter_errors, version("jsonschema-rs")
    if name == "jsonschema":
        import jsonschema

        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        return validator.iter_errors, version("jsonschema")
    raise SystemExit(f"schema_peer: unknown validator {name!r} (jsonschema_rs or jsonschema)")


def median_ms(work, warm_up, runs, budget_ns):
    """Median wall time of work() in milliseconds, and how many samples it took."""
    for _ in range(warm_up):
        work()
    samples = []
    started = time.perf_counter_ns()
    for _ in range(runs):
        start = time.perf_counter_ns()
        work()
        samples.append(time.perf_counter_ns() - start)
        if len(samples) >= 3 and time.perf_counter_ns() - started > budget_ns:
            break
    return statistics.median(samples) / 1_000_000, len(samples)


def main():
    parser = argparse.ArgumentParser(description="Time a JSON Schema validator on a spec file.")
    parser.add_argument("validator", choices=["jsonschema_rs", "jsonschema"])
    parser.add_argument("spec", help="the spec file to validate (the bytes cekura-bench measures)")
    parser.add_argument("schema", help="the test-suite JSON Schema (draft 2020-12)")
    parser.add_argument("--warm-up", type=int, default=3)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget-seconds", type=float, default=15.0)
    arguments = parser.parse_args()

    with open(arguments.schema, "rb") as file:
        schema = json.loads(file.read())
    with open(arguments.spec, "rb") as file:
        data = file.read()
    iter_errors, package_version = build_validator(arguments.validator, schema)
    document = json.loads(data)
    errors = sum(1 for _ in iter_errors(document))

    def validate():
        for _ in iter_errors(document):
            pass

    def parse_validate():
        for _ in iter_errors(json.loads(data)):
            pass

    budget_ns = int(arguments.budget_seconds * 1_000_000_000)
    warm_up = max(arguments.warm_up, 0)
    runs = max(arguments.runs, 1)
    validate_ms, validate_runs = median_ms(validate, warm_up, runs, budget_ns)
    parse_validate_ms, parse_validate_runs = median_ms(parse_validate, warm_up, runs, budget_ns)

    print(json.dumps({
        "validator": arguments.validator,
        "version": package_version,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "bytes": len(data),
        "valid": errors == 0,
        "errors": errors,
        "validate_ms": validate_ms,
        "parse_validate_ms": parse_validate_ms,
        "runs": min(validate_runs, parse_validate_runs),
        "warm_up": warm_up,
    }))


if __name__ == "__main__":
    main()
