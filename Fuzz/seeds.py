"""Writes the seed corpus of a fuzz target from the rule fixtures and examples.

    python3 seeds.py TARGET CORPUS_DIR
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "Tests/ScenarioCheckTests/Fixtures").rglob("*.json")) + sorted((ROOT / "examples").rglob("*.json"))


def frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def documents():
    for path in SOURCES:
        yield path.read_bytes()


def actions():
    # A regular expression rather than a JSON parser: many fixtures are broken on purpose.
    for data in documents():
        for match in re.finditer(rb'"action"\s*:\s*"((?:[^"\\]|\\.)*)"', data):
            try:
                yield json.loads(b'"' + match.group(1) + b'"').encode()
            except ValueError:
                yield match.group(1)


def framing():
    for data in documents():
        text = data.decode("utf-8", "replace")
        yield frame({"jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": {"text": text[:200]}})
    yield b"Content-Length: 5\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}[]x"


def server():
    uri = "file:///f/cekura.tests.json"
    for number, data in enumerate(documents()):
        text = data.decode("utf-8", "replace")
        lines = text.split("\n")
        messages = [{"jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": {"textDocument": {"uri": uri, "languageId": "json", "version": 2, "text": text}}}]
        for index, method in enumerate(["textDocument/hover", "textDocument/completion", "textDocument/codeAction",
                                        "textDocument/formatting", "textDocument/diagnostic", "textDocument/documentSymbol",
                                        "textDocument/definition", "textDocument/inlayHint", "textDocument/semanticTokens/full"]):
            line = (number + index) % max(1, len(lines))
            position = {"line": line, "character": (number * 7 + index) % (len(lines[line]) + 1)}
            messages.append({"jsonrpc": "2.0", "id": 10 + index, "method": method,
                             "params": {"textDocument": {"uri": uri}, "position": position, "range": {"start": position, "end": position},
                                        "context": {"diagnostics": []}, "options": {"tabSize": 2, "insertSpaces": True}}})
        messages.append({"jsonrpc": "2.0", "method": "textDocument/didChange",
                         "params": {"textDocument": {"uri": uri, "version": 3},
                                    "contentChanges": [{"range": {"start": {"line": 0, "character": 1}, "end": {"line": 0, "character": 2}}, "text": "x"}]}})
        yield b"".join(frame(message) for message in messages)


def main():
    target, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
    corpus.mkdir(parents=True, exist_ok=True)
    produce = {"syntax": documents, "actions": actions, "framing": framing, "server": server}[target]
    for seed in produce():
        (corpus / ("seed-" + hashlib.sha1(seed).hexdigest())).write_bytes(seed)


main()
