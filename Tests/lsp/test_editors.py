"""cekura-lsp as editors drive it, over real stdio, with pytest-lsp.

Each test runs once per client capability set that pytest-lsp ships (Neovim 0.11,
VS Code, Emacs). The server command is $CEKURA_LSP_CMD (split on spaces), by
default the release build. Every await has a timeout: pytest-lsp has none.
"""
import asyncio
import os
import shlex
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = Path(__file__).resolve().parents[2]
SERVER = shlex.split(os.environ.get("CEKURA_LSP_CMD", str(ROOT / ".build" / "release" / "cekura-lsp")))
T = 10.0
SUITE_URI = "file:///work/project/cekura.tests.json"
OTHER_URI = "file:///work/project/package.json"
# The wrong value follows accented, BMP, astral and CJK text, so its column differs per encoding.
PREFIX = '{"suite": {"name": "Caf\u00e9 \u2615 \U0001F680 \u6f22\u5b57"}, "version": '
BAD_SUITE = PREFIX + '1, "scenarios": [{"name": "n", "instructions": "i"}]}\n'
GOOD_SUITE = BAD_SUITE.replace('"version": 1', '"version": "1"')
OPTIONS = {"cekura": {"diagnostics": {"debounceMs": 0}}}


def column(prefix: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(prefix.encode("utf-8"))
    if encoding == "utf-32":
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


@pytest_lsp.fixture(
    params=["neovim@v0.11.0", "visual-studio-code", "emacs"],
    config=ClientServerConfig(server_command=SERVER),
)
async def client(request, lsp_client: LanguageClient):
    capabilities = pytest_lsp.client_capabilities(request.param)
    result = await asyncio.wait_for(
        lsp_client.initialize_session(
            types.InitializeParams(capabilities=capabilities, initialization_options=OPTIONS, root_uri=ROOT.as_uri())
        ),
        T,
    )
    lsp_client.server_caps = result.capabilities
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    lsp_client.pulls = capabilities.text_document is not None and capabilities.text_document.diagnostic is not None
    yield
    # shutdown + exit, then waits for the process: a server that ignores exit fails here.
    await asyncio.wait_for(lsp_client.shutdown_session(), T)


def open_doc(client: LanguageClient, uri: str, text: str, version: int = 1) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="json", version=version, text=text))
    )


async def diagnostics(client: LanguageClient, uri: str, nonempty: bool = True):
    """Pulls when the client pulls (the server then pushes nothing), else waits for the push."""
    if client.pulls:
        report = await asyncio.wait_for(
            client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))), T
        )
        return report.items

    async def loop():
        while uri not in client.diagnostics or bool(client.diagnostics[uri]) != nonempty:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(loop(), T)


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
