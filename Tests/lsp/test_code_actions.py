"""Quick fixes, source.fixAll and formatting, as each client asks for them."""
import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import BAD_SUITE, GOOD_SUITE, PREFIX, SUITE_URI, T, column, open_doc


def apply(text: str, edits, encoding: str) -> str:
    """Applies LSP TextEdits the way an editor does, from the last to the first."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        if encoding == "utf-8":
            prefix = line.encode("utf-8")[: position.character].decode("utf-8")
        elif encoding == "utf-16":
            prefix = line.encode("utf-16-le")[: 2 * position.character].decode("utf-16-le")
        else:
            prefix = line[: position.character]
        return sum(len(earlier) + 1 for earlier in lines[: position.line]) + len(prefix)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        start, end = offset(edit.range.start), offset(edit.range.end)
        text = text[:start] + edit.new_text + text[end:]
    return text


def edits_of(client: LanguageClient, edit: types.WorkspaceEdit):
    if edit.document_changes:
        return edit.document_changes[0].edits
    return edit.changes[SUITE_URI]


async def code_actions(client: LanguageClient, start: int, end: int, only=None):
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=SUITE_URI),
        range=types.Range(start=types.Position(line=0, character=start), end=types.Position(line=0, character=end)),
        context=types.CodeActionContext(diagnostics=[], only=only),
    )
    return await asyncio.wait_for(client.text_document_code_action_async(params), T) or []


async def test_quick_fix_after_non_ascii_repairs_the_version(client: LanguageClient):
    open_doc(client, SUITE_URI, BAD_SUITE)
    start = column(PREFIX, client.encoding)
    actions = await code_actions(client, start, start + 1, only=[types.CodeActionKind.QuickFix])
    fix = next(action for action in actions if action.kind == types.CodeActionKind.QuickFix)
    assert fix.title == 'Write "1"'
    assert fix.diagnostics[0].code == "suite-version-invalid"
    assert apply(BAD_SUITE, edits_of(client, fix.edit), client.encoding) == GOOD_SUITE


async def test_fix_all_applies_the_safe_fixes(client: LanguageClient):
    text = '{"version": 1, "scenarios": [{"name": "\u6f22\u5b57 \U0001F680", "instructions": "i", "colour": "blue",}]}\n'
    open_doc(client, SUITE_URI, text)
    actions = await code_actions(client, 0, 0, only=[types.CodeActionKind.SourceFixAll])
    assert [action.kind for action in actions] == [types.CodeActionKind.SourceFixAll]
    fixed = apply(text, edits_of(client, actions[0].edit), client.encoding)
    # The version and the trailing comma are repaired; the unknown field stays for the user to decide.
    assert fixed == '{"version": "1", "scenarios": [{"name": "\u6f22\u5b57 \U0001F680", "instructions": "i", "colour": "blue"}]}\n'


async def test_formatting_reflows_and_keeps_values(client: LanguageClient):
    text = '{"suite": {"name": "Caf\u00e9 \U0001F680"},"version":"1","scenarios":[]}\n'
    open_doc(client, SUITE_URI, text)
    edits = await asyncio.wait_for(
        client.text_document_formatting_async(
            types.DocumentFormattingParams(
                text_document=types.TextDocumentIdentifier(uri=SUITE_URI), options=types.FormattingOptions(tab_size=2, insert_spaces=True)
            )
        ),
        T,
    )
    assert apply(text, edits, client.encoding) == (
        '{\n  "suite": {\n    "name": "Caf\u00e9 \U0001F680"\n  },\n  "version": "1",\n  "scenarios": []\n}\n'
    )
