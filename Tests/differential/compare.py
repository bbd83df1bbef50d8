#!/usr/bin/env python3
"""Compares `cekura-lsp check` with the published test-suite JSON Schema, file by file.

    compare.py --checker PATH/TO/cekura-lsp FOLDER [--schema FILE] [--expect-failures]

Every FOLDER/case-*.json (written by generate_suites.py) is validated with jsonschema's
Draft202012Validator (no format checker: the suite schema uses no `format`), and the checker runs once
over the whole folder (`check --format json FOLDER`). Per file:

  (a) the schema rejects => the checker reports at least one error. A schema error explained by a
      known divergence (KNOWN_DIVERGENCES) does not count as a rejection; it wants that divergence's
      warning on its path instead.
  (b) the schema accepts => every error the checker reports has a code the schema cannot express
      (not in SCHEMA_EXPRESSIBLE_ERROR_CODES).
  (c) locations: the schema errors at each instance path need a checker error of their own whose range
      lies on that path (the value, with its key); and where the schema rejects, every checker error
      with a schema-expressible code must sit on, or one member below, the path of a schema error.

Disagreements are sorted into the categories of CATEGORIES; a file counts once per category.

The files are valid JSON (Python's json module, which the Cekura API uses, reads them), so the schema
sees what the API sees: for a key written twice, the last value.

Exit status: 0 when everything agrees (or with --expect-failures), 1 on any disagreement, 2 when the
harness itself cannot run (checker missing or crashing, a file that is not JSON).
"""

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jsonschema import Draft202012Validator

HERE = Path(__file__).resolve().parent
DEFAULT_SCHEMA = HERE.parent.parent / "protocol-notes" / "schemas" / "test-suite-v1.schema.json"

# ---------------------------------------------------------------------------------------------
# Codes

# Error codes for rules the schema expresses (the validator's names for them). On a file the schema
# accepts, none of these may appear as an error; on a file it rejects, they must sit where it complains.
SCHEMA_EXPRESSIBLE_ERROR_CODES = {
    "required-property", "unknown-property", "type-mismatch", "enum-mismatch", "value-out-of-range",
    "string-too-long", "string-too-short", "too-many-items", "too-few-items", "metric-slug-invalid",
    "suite-version-invalid", "suite-instructions-required", "suite-script-required", "suite-language-required",
    "suite-agent-id-forbidden", "suite-channel-forbidden", "suite-credentials-forbidden",
    "personality-inline-incomplete", "personality-field-not-inline", "personality-accent-not-settable",
    "test-profile-empty",
}

# Error codes for rules the schema cannot express, so the checker may report them on a file the schema
# accepts. The script and tag-language codes are not settled yet (they come with the next issue; the
# names below are the rulebook's suggestions): any code outside SCHEMA_EXPRESSIBLE_ERROR_CODES is
# accepted, and codes missing from this table are listed in the summary so that they get a line here.
# Some script rules reuse schema-expressible codes (C1 `required-property` for `role`, C10 and FN6
# `enum-mismatch`, FN8 `value-out-of-range`); that is why the generator keeps every script valid.
NON_SCHEMA_ERROR_CODES = {
    # The schema types `conditional_actions` as a bare object; the script rules (rulebook §5) are ours.
    "conditions-missing": "script: conditions missing, not an array or empty (C2)",
    "first-message-condition": "script: the first condition is not FIRST_MESSAGE (C3)",
    "first-message-id": "script: the first condition's id is not 0 (C4)",
    "first-message-not-fixed": "script: the first condition is not fixed_message (C5)",
    "condition-field-missing": "script: a condition lacks id/condition/action/type/fixed_message (C6)",
    "condition-id-type": "script: a condition id that is not an integer (C7)",
    "condition-id-duplicate": "script: two conditions share an id (C8)",
    "action-empty": "script: an empty action after id 0 (C9)",
    "followup-condition-not-id": "script: an action_followup whose condition is not an id (F1)",
    "standard-condition-is-id": "script: a standard condition holding an id (F2)",
    "followup-target-missing": "script: a followup naming a condition that does not exist (F3)",
    "followup-self-reference": "script: a followup naming itself (F4)",
    "followup-cycle": "script: followups in a cycle (F5)",
    "function-name-invalid": "script functions: a bad or missing name (FN1)",
    "function-name-duplicate": "script functions: two functions with one name (FN2)",
    "function-type-invalid": "script functions: type missing or not rest_api (FN3)",
    "function-url-invalid": "script functions: config.url missing or not http(s) (FN4)",
    "function-param-type": "script functions: a header or query value not a string or number (FN9)",
    "response-mapping-invalid": "script functions: a response_mapping entry of the wrong shape (FN10)",
    "jsonpath-unsupported": "script functions: a JSONPath outside the supported subset (FN11)",
    "function-chain-order": "script functions: a config using its own outputs (FN19)",
    "function-unknown": "script functions: a tag or placeholder naming an undeclared function (FN12)",
    "function-output-unknown": "script functions: a placeholder naming an unmapped output (FN13)",
    "function-placeholder-not-fixed": "script functions: {{function...}} in a non-fixed action (FN14)",
    "function-on-first-message": "script functions: a function tag or placeholder on id 0 (FN15)",
    # The tag language inside actions (rulebook §6) is text inside strings, beyond any schema.
    "tag-attribute-duplicate": "tags: an attribute written twice",
    "tag-attribute-unquoted": "tags: an attribute value without quotes",
    "tag-not-closed": "tags: a self-closing tag written without its slash",
    "tag-unbalanced": "tags: a block tag without its closing tag, or a stray closing tag",
    "tag-nested": "tags: a tag nested where nesting is not allowed (§6.4)",
    "tag-must-be-whole-action": "tags: ivr or voicemail with other content in the action",
    "tag-must-start-action": "tags: speed, volume or interruption not at the start of the action",
    "interruption-needs-followup": "tags: interruption on a condition that is not an action_followup",
    "ivr-text-contains-tag": "tags: hold or audio inside an ivr text",
    "voice-text-and-block": "tags: a voice tag with both text and block content",
    "voice-id-format": "tags: a voice id in the wrong format for its provider",
    "tag-attribute-missing": "tags: a tag without an attribute it requires",
    "tag-attribute-empty": "tags: an attribute with an empty value, or none",
    "tag-time-format": "tags: a duration not written as seconds (\"2s\")",
    "tag-needs-fixed-message": "tags: <audio> on a condition that is not fixed_message",
    "dtmf-digits-invalid": "tags: DTMF digits outside 0-9 * # A-D",
    "sound-unknown": "tags: a background or noise sound the platform does not have",
    "audio-id-missing": "tags: <audio> without the id of a clip",
    # A spec's size is counted in bytes of the file, which no JSON Schema keyword sees.
    "spec-too-large": "the file is over 1 MiB (rulebook §3.1)",
}

# The syntax codes (protocol-notes/diagnostics.md). Every generated file is valid JSON as Python's json
# module reads it (and so does the API), so an error with one of these codes is a checker bug too.
SYNTAX_CODES = {
    "empty-document", "trailing-content", "unexpected-token", "missing-comma", "missing-colon",
    "missing-value", "missing-key", "trailing-comma", "extra-comma", "unclosed-object", "unclosed-array",
    "unterminated-string", "unquoted-key", "unquoted-string", "single-quoted-string", "comment",
    "invalid-escape", "lone-surrogate", "control-character-in-string", "leading-zero", "invalid-number",
    "non-finite-number", "invalid-literal", "byte-order-mark", "invalid-utf8", "nesting-too-deep",
    "duplicate-key", "document-too-large",
}


# ---------------------------------------------------------------------------------------------
# Known divergences: schema errors where our rules deliberately say something else


def language_only_in_defaults(error, document):
    """S4 (rulebook §3.3): a conditional_actions case without `language`, with `defaults.language` set.
    The schema requires `language` on the case itself; TAC says defaults apply to every case, so the
    checker warns instead of rejecting. Recognised by the case's if/then `required` and its message."""
    return (error.validator == "required"
            and error.validator_value == ["conditional_actions", "language"]
            and error.message == "'language' is a required property"
            and isinstance(document.get("defaults"), dict)
            and "language" in document["defaults"])


# (warning code the checker must report on the schema error's path instead of an error, test)
KNOWN_DIVERGENCES = [
    ("suite-language-from-defaults", language_only_in_defaults),
]


def instructions_required_while_type_is_invalid(error, document):
    """A case whose `type` is not one of the schema's values: the schema's if/else then also requires
    `instructions`. The checker reports the bad `type` (with a did-you-mean) and holds back
    `suite-instructions-required` until the type is valid, since a misspelt "conditional-actions"
    means a script, not missing instructions. The file is still rejected: by the error on `type`."""
    if error.validator != "required" or error.message != "'instructions' is a required property":
        return False
    path = list(error.absolute_path)
    if len(path) != 2 or path[0] != "scenarios":
        return False
    case = document["scenarios"][path[1]]
    return "type" in case and case["type"] not in ("instruction", "conditional_actions",
                                                   "real_world_fixed", "real_world_smart")


# Schema errors the checker deliberately reports as part of another error in the same place; they
# need no error of their own (the other error still makes the file rejected).
DEFERRED_COMPLAINTS = [
    instructions_required_while_type_is_invalid,
]


def divergence_for(error, document):
    for warning_code, explains in KNOWN_DIVERGENCES:
        if explains(error, document):
            return warning_code
    return None


# ---------------------------------------------------------------------------------------------
# Byte spans of the values in a file


@dataclass
class Span:
    """Where one JSON value sits, in bytes: `member_start` is its key's opening quote for an object
    member (so the span covers `"key": value`), the value's own start otherwise."""
    member_start: int
    start: int
    end: int
    children: object = None  # dict (object members, the last of duplicate keys) or list (elements)

    def covers(self, start, end):
        return self.member_start <= start and end <= self.end


class SpanLocator:
    """A small recursive-descent reader of *valid* JSON that records the byte span of every value.

    json.JSONDecoder gives values but no positions; this gives positions and decodes nothing but keys.
    A key written twice keeps its last span, as the API (and so the schema) keeps its last value."""

    WHITESPACE = b" \t\r\n"
    SCALAR_END = b",]} \t\r\n"

    def __init__(self, data):
        self.data = data

    def root(self):
        start = self.skip_whitespace(0)
        span, _ = self.value(start, start)
        return span

    def skip_whitespace(self, position):
        while position < len(self.data) and self.data[position] in self.WHITESPACE:
            position += 1
        return position

    def value(self, position, member_start):
        opening = self.data[position:position + 1]
        if opening == b"{":
            return self.object(position, member_start)
        if opening == b"[":
            return self.array(position, member_start)
        end = self.string_end(position) if opening == b'"' else self.scalar_end(position)
        return Span(member_start, position, end), end

    def string_end(self, position):
        position += 1
        while self.data[position:position + 1] != b'"':
            position += 2 if self.data[position:position + 1] == b"\\" else 1
        return position + 1

    def scalar_end(self, position):
        while position < len(self.data) and self.data[position] not in self.SCALAR_END:
            position += 1
        return position

    def object(self, start, member_start):
        members = {}
        position = self.skip_whitespace(start + 1)
        while self.data[position:position + 1] != b"}":
            key_start = position
            key_end = self.string_end(key_start)
            key = json.loads(self.data[key_start:key_end])
            position = self.skip_whitespace(key_end)
            assert self.data[position:position + 1] == b":", position
            position = self.skip_whitespace(position + 1)
            members[key], position = self.value(position, key_start)
            position = self.skip_next(position, b"}")
        return Span(member_start, start, position + 1, members), position + 1

    def array(self, start, member_start):
        elements = []
        position = self.skip_whitespace(start + 1)
        while self.data[position:position + 1] != b"]":
            element, position = self.value(position, position)
            elements.append(element)
            position = self.skip_next(position, b"]")
        return Span(member_start, start, position + 1, elements), position + 1

    def skip_next(self, position, closing):
        """Skip whitespace and a comma; stop at the closing bracket."""
        position = self.skip_whitespace(position)
        if self.data[position:position + 1] == b",":
            return self.skip_whitespace(position + 1)
        assert self.data[position:position + 1] == closing, position
        return position


def span_at(root, path):
    span = root
    for step in path:
        try:
            span = span.children[step]
        except (KeyError, IndexError, TypeError):
            raise HarnessError(f"the span locator does not find {format_path(path)}")
    return span


def path_covering(root, start, end):
    """The deepest path whose span covers the byte range (for naming where a diagnostic sits)."""
    path, span = (), root
    while True:
        steps = span.children.items() if isinstance(span.children, dict) else enumerate(span.children or [])
        inner = [(step, child) for step, child in steps if child.covers(start, end)]
        if not inner:
            return path
        step, span = inner[-1]
        path += (step,)


# ---------------------------------------------------------------------------------------------
# LSP positions (0-based lines, UTF-16 columns) to byte offsets


class PositionConverter:
    def __init__(self, data):
        self.data = data
        self.lines = self.line_bounds(data)  # (start, end without the line break)

    @staticmethod
    def line_bounds(data):
        """Lines end at \\n, \\r\\n or \\r, as LSP counts them."""
        bounds, start, position = [], 0, 0
        while position < len(data):
            byte = data[position]
            if byte in (0x0A, 0x0D):
                bounds.append((start, position))
                position += 2 if data[position:position + 2] == b"\r\n" else 1
                start = position
            else:
                position += 1
        bounds.append((start, len(data)))
        return bounds

    def byte_offset(self, position):
        line, character = position["line"], position["character"]
        if line >= len(self.lines):
            return len(self.data)
        start, end = self.lines[line]
        # Count UTF-16 units by encoding (a generated file may be one 40 kB line); slicing past the
        # line's end clamps to it, as LSP says, and a cut surrogate pair is dropped.
        units = self.data[start:end].decode("utf-8").encode("utf-16-le")
        prefix = units[:2 * character].decode("utf-16-le", errors="ignore")
        return start + len(prefix.encode("utf-8"))


# ---------------------------------------------------------------------------------------------
# The two sides


@dataclass
class SchemaComplaint:
    path: tuple
    keyword: str      # "required", "oneOf/pattern", ...
    message: str
    divergence: str   # warning code of a known divergence that explains it, or None


@dataclass
class CheckerDiagnostic:
    severity: str
    code: str
    start: int
    end: int
    path: tuple       # the deepest value whose span covers the range


def format_path(path):
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or "(root)"


def general_path(path):
    """The path without its array indexes (`scenarios[].name`), for tallies."""
    text = ""
    for step in path:
        text += "[]" if isinstance(step, int) or step == "[]" else (f".{step}" if text else step)
    return text or "(root)"


def shorten(text, limit=150):
    return text if len(text) <= limit else text[:limit - 1] + "…"


def describe_schema_error(error):
    """Keyword and message; for oneOf (personality, test_profile, metrics items), the errors of the
    branches whose type fits the value, which say what is actually wrong."""
    if error.validator == "enum" and len(error.validator_value) > 8:
        return "enum", shorten(f"{error.instance!r} is not one of the {len(error.validator_value)} allowed values")
    if error.validator != "oneOf" or not error.context:
        return error.validator, shorten(error.message)
    branch_types = [sub for sub in error.context if sub.validator == "type" and not sub.relative_path]
    fitting = [sub for sub in error.context if all(sub is not branch for branch in branch_types)]
    if not fitting:
        allowed = " or ".join(sub.validator_value for sub in branch_types)
        return "type", shorten(f"{error.instance!r} is not of type {allowed}")
    keywords = sorted({sub.validator for sub in fitting})
    messages = "; ".join(format_path(tuple(sub.relative_path)) + ": " + sub.message if sub.relative_path
                         else sub.message for sub in fitting)
    return "oneOf/" + "+".join(keywords), shorten(messages)


def schema_complaints(validator, document, violated):
    """The schema's errors for one document; adds the constraints they violate to `violated`."""
    complaints = []
    for error in validator.iter_errors(document):
        violated.update(violated_constraints(error))
        if any(deferred(error, document) for deferred in DEFERRED_COMPLAINTS):
            continue
        keyword, message = describe_schema_error(error)
        complaints.append(SchemaComplaint(tuple(error.absolute_path), keyword, message,
                                          divergence_for(error, document)))
    return sorted(complaints, key=lambda complaint: (format_path(complaint.path), complaint.message))


# ---------------------------------------------------------------------------------------------
# Coverage: which constraints of the schema the generated files violate at least once. A constraint
# is (where, keyword), `where` being the instance path without indexes, and each name of a `required`
# counting on its own. This checks the generator, not the checker: a constraint no file violates is a
# rule this test cannot see.

CONSTRAINT_KEYWORDS = {"type", "enum", "const", "minimum", "maximum", "minLength", "maxLength", "pattern",
                       "minItems", "maxItems", "additionalProperties", "minProperties"}


def schema_constraints(schema):
    constraints = set()

    def walk(node, path):
        if "$ref" in node:  # only local references ("#/$defs/...") in this schema
            target = schema
            for step in node["$ref"].removeprefix("#/").split("/"):
                target = target[step]
            walk(target, path)
        constraints.update((path, keyword) for keyword in CONSTRAINT_KEYWORDS & node.keys())
        constraints.update((path, f"required {name}") for name in node.get("required", []))
        for name, child in node.get("properties", {}).items():
            walk(child, path + (name,))
        if "items" in node:
            walk(node["items"], path + ("[]",))
        for child in node.get("oneOf", []) + [node[key] for key in ("then", "else") if key in node]:
            walk(child, path)

    walk(schema, ())
    return constraints


def violated_constraints(error):
    """The constraints behind an error and, for oneOf, behind each of its branches' errors."""
    path = tuple("[]" if isinstance(step, int) else step for step in error.absolute_path)
    if error.validator == "required":
        name = re.match(r"^'(.*)' is a required property$", error.message).group(1)
        yield path, f"required {name}"
    elif error.validator in CONSTRAINT_KEYWORDS:
        yield path, error.validator
    for branch_error in error.context or []:
        yield from violated_constraints(branch_error)


# Constraints the generator leaves alone on purpose.
NOT_GENERATED = {
    ((), "type"): "a root that is not an object is not a Cekura file; the checker rightly skips it",
}


def print_coverage(schema, violated):
    constraints = schema_constraints(schema) - NOT_GENERATED.keys()
    missing = sorted(constraints - violated)
    print(f"\nschema constraints violated by at least one file: {len(constraints) - len(missing)} "
          f"of {len(constraints)}")
    for path, keyword in missing:
        print(f"    never violated: {keyword} at {general_path(path)}")


def run_checker(checker, folder):
    """One run over the folder; returns {file name: {"kind", "diagnostics"}}."""
    completed = subprocess.run([str(checker), "check", "--format", "json", str(folder)],
                               capture_output=True, text=True, encoding="utf-8")
    if completed.returncode not in (0, 1):
        raise HarnessError(f"{checker} exited {completed.returncode}: {completed.stderr.strip()}")
    try:
        report = json.loads(completed.stdout)
    except ValueError:
        raise HarnessError(f"{checker} did not print a JSON report: {shorten(completed.stdout)!r}")
    return {Path(entry["path"]).name: entry for entry in report["files"]}


def checker_diagnostics(entry, data, root):
    converter = PositionConverter(data)
    diagnostics = []
    for diagnostic in entry["diagnostics"]:
        start = converter.byte_offset(diagnostic["range"]["start"])
        end = converter.byte_offset(diagnostic["range"]["end"])
        diagnostics.append(CheckerDiagnostic(diagnostic["severity"], diagnostic["code"], start, end,
                                             path_covering(root, start, end)))
    return diagnostics


class HarnessError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Comparing one file

CATEGORIES = {
    "missed-rejection": "the schema rejects; the checker reports no error",
    "missed-divergence-warning": "a known divergence: the checker should warn on the path instead",
    "spurious-error": "the schema accepts (apart from known divergences); the checker reports an error "
                      "with a schema-expressible code",
    "location-miss": "the schema rejects and the checker reports errors, but none of its own on this "
                     "schema error's path",
    "error-off-schema-path": "the schema rejects; the checker reports a schema-expressible error away from "
                             "every schema error's path",
    "syntax-error-on-valid-json": "the file is valid JSON; the checker reports a syntax error",
    "not-checked-as-suite": "the checker did not check the file as a test-suite spec",
}


@dataclass
class FileResult:
    name: str
    complaints: list
    diagnostics: list
    disagreements: dict = field(default_factory=dict)  # category -> what it is about (list)

    def disagree(self, category, about):
        self.disagreements.setdefault(category, []).append(about)


def on_path(diagnostic, path):
    """The diagnostic's range lies on the value at `path` (its member span: key and value)."""
    return diagnostic.path[:len(path)] == path


def unlocated_complaints(complaints, errors):
    """The schema errors the checker's errors do not account for, place by place.

    The schema errors at one path (0.5 breaks both `type` and `minimum`) need one checker error on that
    path, of their own: a missing `instructions` is not accounted for by the error on the same case's
    bad `tools[1]`, which answers the schema error at `tools[1]`. Found as a bipartite matching (Kuhn's
    augmenting paths), so that an error on `tools[16]` can answer the `maxItems` of `tools` when the
    enum error at `tools[16]` has another error of its own."""
    groups = {}
    for complaint in complaints:
        groups.setdefault(complaint.path, []).append(complaint)
    candidates = {path: [index for index, error in enumerate(errors) if on_path(error, path)]
                  for path in groups}
    owner = {}  # error index -> the group it answers

    def assign(group, tried):
        for index in candidates[group]:
            if index not in tried:
                tried.add(index)
                if index not in owner or assign(owner[index], tried):
                    owner[index] = group
                    return True
        return False

    # Deepest first, so that when errors run short the one left unanswered is the outer complaint
    # (the missing `instructions`), not the one the error sits on.
    deepest_first = sorted(groups, key=len, reverse=True)
    return [complaint for group in deepest_first if not assign(group, set()) for complaint in groups[group]]


def justifies(complaint, diagnostic):
    """The complaint explains an error on its value or on one of that value's members (the unknown key
    of an `additionalProperties`, the element past a `maxItems`, the field of an inline personality),
    but not one deeper inside: a complaint about the root does not excuse an error in `scenarios[0].name`."""
    return on_path(diagnostic, complaint.path) and len(diagnostic.path) <= len(complaint.path) + 1


def compare_file(name, data, complaints, entry):
    root = SpanLocator(data).root()
    result = FileResult(name, complaints, [])
    if entry is None or entry["kind"] != "test-suite":
        result.disagree("not-checked-as-suite", entry["kind"] if entry else "missing from the report")
        return result
    for complaint in complaints:
        span_at(root, complaint.path)  # every path the schema names must be found in the text
    result.diagnostics = checker_diagnostics(entry, data, root)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    expressible_errors = [d for d in errors if d.code in SCHEMA_EXPRESSIBLE_ERROR_CODES]

    for diagnostic in errors:
        if diagnostic.code in SYNTAX_CODES:
            result.disagree("syntax-error-on-valid-json", diagnostic)

    for complaint in [c for c in complaints if c.divergence]:
        warnings = [d for d in result.diagnostics if d.code == complaint.divergence]
        if not any(on_path(d, complaint.path) for d in warnings):
            result.disagree("missed-divergence-warning", complaint)

    rejections = [c for c in complaints if not c.divergence]
    if not rejections:
        for diagnostic in expressible_errors:
            result.disagree("spurious-error", diagnostic)
        return result
    if not errors:
        for complaint in rejections:
            result.disagree("missed-rejection", complaint)
        return result
    for complaint in unlocated_complaints(rejections, errors):
        result.disagree("location-miss", complaint)
    for diagnostic in expressible_errors:
        if not any(justifies(complaint, diagnostic) for complaint in rejections):
            result.disagree("error-off-schema-path", diagnostic)
    return result


# ---------------------------------------------------------------------------------------------
# Summary


def describe_complaint(complaint):
    return f"{format_path(complaint.path)}: {complaint.message} [{complaint.keyword}]"


def describe_diagnostic(diagnostic):
    return f"{diagnostic.severity} {diagnostic.code} at {format_path(diagnostic.path)}"


def tally_key(about):
    """What a disagreement is about, without indexes: the validator's to-do item."""
    if isinstance(about, SchemaComplaint):
        return f"schema {about.keyword} at {general_path(about.path)}"
    if isinstance(about, CheckerDiagnostic):
        return f"checker {about.code} at {general_path(about.path)}"
    return f"kind {about}"


def pick_examples(results, category, limit=5):
    """Up to `limit` files, preferring ones whose first item is of a kind not shown yet."""
    chosen, seen = [], set()
    candidates = [r for r in results if category in r.disagreements]
    for result in candidates:
        key = tally_key(result.disagreements[category][0])
        if key not in seen:
            seen.add(key)
            chosen.append(result)
        if len(chosen) == limit:
            return chosen
    for result in candidates:
        if result not in chosen and len(chosen) < limit:
            chosen.append(result)
    return chosen


def print_example(result, category, mutations):
    print(f"    {result.name}   mutations: {mutations.get(result.name, '?')}")
    for about in result.disagreements[category][:4]:
        if isinstance(about, SchemaComplaint):
            print(f"      schema:  {describe_complaint(about)}")
        elif isinstance(about, CheckerDiagnostic):
            print(f"      checker: {describe_diagnostic(about)}")
        else:
            print(f"      kind:    {about}")
    others = [c for c in result.complaints if all(c is not about for about in result.disagreements[category])]
    for complaint in others[:3]:
        print(f"      (schema also: {describe_complaint(complaint)})")
    codes = ", ".join(f"{d.severity[0]}:{d.code}" for d in result.diagnostics) or "(none)"
    print(f"      checker reported: {shorten(codes, 200)}")


def print_summary(results, mutations, unlisted_codes):
    rejected = [r for r in results if any(not c.divergence for c in r.complaints)]
    diverging_only = [r for r in results if r.complaints and r not in rejected]
    agreeing = [r for r in results if not r.disagreements]
    print(f"files: {len(results)}  (schema rejects {len(rejected)}, accepts {len(results) - len(rejected)}"
          f" of which {len(diverging_only)} only through a known divergence)")
    print(f"agreements: {len(agreeing)} files")
    disagreeing = len(results) - len(agreeing)
    print(f"disagreements: {disagreeing} files")
    for category, meaning in CATEGORIES.items():
        files = [r for r in results if category in r.disagreements]
        if not files:
            continue
        items = sum(len(r.disagreements[category]) for r in files)
        print(f"\n  {category}: {len(files)} files, {items} items — {meaning}")
        tally = Counter(tally_key(about) for r in files for about in r.disagreements[category])
        for key, count in tally.most_common(12):
            print(f"    {count:6d}  {key}")
        if len(tally) > 12:
            print(f"    ... and {len(tally) - 12} more kinds")
        print("   examples:")
        for result in pick_examples(results, category):
            print_example(result, category, mutations)
    if unlisted_codes:
        print("\nerror codes accepted on schema-valid files but not in NON_SCHEMA_ERROR_CODES "
              f"(give each a line there): {', '.join(sorted(unlisted_codes))}")
    return disagreeing


def read_mutations(folder):
    """{file name: mutations} and the generator's command line, from the generator's manifest."""
    manifest = folder / "mutations.tsv"
    if not manifest.exists():
        return {}, "unknown generator"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    header = next((line[1:].strip() for line in lines if line.startswith("#")), "unknown generator")
    return dict(line.split("\t", 1) for line in lines if "\t" in line and not line.startswith("#")), header


def unlisted_error_codes(results):
    return {d.code for r in results if not any(not c.divergence for c in r.complaints)
            for d in r.diagnostics if d.severity == "error" and d.code not in SCHEMA_EXPRESSIBLE_ERROR_CODES
            and d.code not in NON_SCHEMA_ERROR_CODES and d.code not in SYNTAX_CODES}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--checker", type=Path, required=True, help="the cekura-lsp binary")
    parser.add_argument("--schema", type=Path, default=DEFAULT_SCHEMA)
    parser.add_argument("--expect-failures", action="store_true",
                        help="print the summary but exit 0 on disagreements (while the validator is incomplete)")
    args = parser.parse_args()

    try:
        schema = json.loads(args.schema.read_text(encoding="utf-8"))
        validator = Draft202012Validator(schema)
        violated = set()
        files = sorted(args.folder.glob("case-*.json"))
        if not files:
            raise HarnessError(f"no case-*.json files in {args.folder}")
        report = run_checker(args.checker, args.folder)
        results = []
        for path in files:
            data = path.read_bytes()
            try:
                document = json.loads(data)
            except ValueError as error:
                raise HarnessError(f"{path.name} is not valid JSON ({error}); fix the generator")
            results.append(compare_file(path.name, data, schema_complaints(validator, document, violated),
                                        report.get(path.name)))
    except (HarnessError, OSError) as error:
        print(f"compare.py: {error}", file=sys.stderr)
        return 2

    mutations, generator = read_mutations(args.folder)
    print(f"differential test: {args.folder} ({generator}) against {args.schema.name}, checker {args.checker}")
    disagreeing = print_summary(results, mutations, unlisted_error_codes(results))
    print_coverage(schema, violated)
    if not disagreeing:
        print("\nresult: the checker agrees with the schema on every file")
        return 0
    if args.expect_failures:
        print(f"\nresult: {disagreeing} files disagree (exit 0: --expect-failures)")
        return 0
    print(f"\nresult: {disagreeing} files disagree")
    return 1


if __name__ == "__main__":
    sys.exit(main())
