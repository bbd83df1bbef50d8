"""cekura-lsp as editors drive it, over real stdio, with pytest-lsp.

Each test runs once per client capability set that pytest-lsp ships (Neovim 0.11,
VS Code, Emacs); conftest.py starts the server and holds the helpers.
"""
import asyncio

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import BAD_SUITE, GOOD_SUITE, OTHER_URI, PREFIX, SUITE_URI, T, column, diagnostics, open_doc


async def test_negotiates_position_encoding(client: LanguageClient):
    offered = client.capabilities.general and client.capabilities.general.position_encodings
    expected = "utf-8" if offered and "utf-8" in offered else "utf-16"
    assert client.encoding == expected


async def test_diagnostic_code_and_range_after_non_ascii(client: LanguageClient):
    open_doc(client, SUITE_URI, BAD_SUITE)
    found = await diagnostics(client, SUITE_URI)
    start = column(PREFIX, client.encoding)
    assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.character) for d in found] == [
        ("suite-version-invalid", 0, start, start + 1)
    ]
    assert found[0].source == "cekura" and found[0].severity == types.DiagnosticSeverity.Error


async def test_fix_clears_diagnostics(client: LanguageClient):
    open_doc(client, SUITE_URI, BAD_SUITE)
    await diagnostics(client, SUITE_URI)
    start = column(PREFIX, client.encoding)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=SUITE_URI, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=0, character=start), end=types.Position(line=0, character=start + 1)),
                    text='"1"',
                )
            ],
        )
    )
    assert not await diagnostics(client, SUITE_URI, nonempty=False)


async def test_unrelated_json_gets_no_diagnostics(client: LanguageClient):
    open_doc(client, OTHER_URI, '{"name": "web", "version": 1}\n')
    if client.pulls:
        assert not await diagnostics(client, OTHER_URI)
        return
    open_doc(client, SUITE_URI, BAD_SUITE)  # handled in order: once this one is published ...
    await diagnostics(client, SUITE_URI)
    assert not client.diagnostics.get(OTHER_URI)  # ... package.json has had its chance


async def test_unknown_request_gets_method_not_found(client: LanguageClient):
    with pytest.raises(Exception) as raised:
        await asyncio.wait_for(client.protocol.send_request_async("cekura/noSuchMethod", {}), T)
    assert "-32601" in str(raised.value) or "unknown method" in str(raised.value)


async def test_hover_on_key_after_non_ascii(client: LanguageClient):
    open_doc(client, SUITE_URI, GOOD_SUITE)
    character = column(PREFIX.rsplit('"version"', 1)[0], client.encoding) + 2  # inside "version"
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(text_document=types.TextDocumentIdentifier(uri=SUITE_URI), position=types.Position(line=0, character=character))
        ),
        T,
    )
    assert hover is not None
    text = hover.contents.value if hasattr(hover.contents, "value") else str(hover.contents)
    assert "**`version`**" in text


async def test_completion_of_a_value(client: LanguageClient):
    text = '{"version": "1", "scenarios": [{"name": "\u6f22\u5b57 \U0001F680", "type": ""}]}\n'
    open_doc(client, SUITE_URI, text)
    character = column(text[: text.index('"type": "') + len('"type": "')], client.encoding)
    result = await asyncio.wait_for(
        client.text_document_completion_async(
            types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=SUITE_URI), position=types.Position(line=0, character=character))
        ),
        T,
    )
    items = result.items if hasattr(result, "items") else result
    assert {"instruction", "conditional_actions"} <= {item.label for item in items}
