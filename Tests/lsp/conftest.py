"""Shared set-up of the pytest-lsp suite: the server command, the client fixture and helpers.

Each test runs once per client capability set that pytest-lsp ships (Neovim 0.11,
VS Code, Emacs). The server command is $CEKURA_LSP_CMD (split on spaces), by
default the release build. Every await has a timeout: pytest-lsp has none.
"""
import asyncio
import os
import shlex
from pathlib import Path

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


