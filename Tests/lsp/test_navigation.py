"""Definition, references, highlights and rename of script symbols, as editors ask for them.

Each test runs for the Neovim, VS Code and Emacs capability sets (conftest.py). The
names stand after emoji and CJK text, so a column in the wrong encoding shows.
"""
import asyncio

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import SUITE_URI, T, column, open_doc

EVALUATOR_URI = "file:///work/project/refund.scenario.json"

# A suite whose script declares `lookup`, runs it with a tag and reads its output
# `eta`; the test data defines `pin`, read by the script and by another case.
SUITE = (
    '{"version": "1",\n'
    ' "defaults": {"test_profile": {"caller_variables": {"pin": "1234"}}},\n'
    ' "scenarios": [\n'
    '  {"name": "\U0001F680 \u6f22\u5b57", "type": "conditional_actions", "language": "en", "conditional_actions": {"role": "r",\n'
    '   "functions": [{"name": "lookup", "type": "rest_api", "auto_run": false,\n'
    '     "config": {"url": "https://api.example.com/{{test_profile.pin}}", "response_mapping": {"eta": "$.eta"}}}],\n'
    '   "conditions": [\n'
    '    {"id": 0, "condition": "FIRST_MESSAGE", "action": "\U0001F680 Hi", "type": "standard", "fixed_message": true},\n'
    '    {"id": 1, "condition": "\u6f22\u5b57 asks", "action": "\U0001F680 <function name=\\"lookup\\"/> {{function.lookup.eta}}", "type": "standard", "fixed_message": true},\n'
    '    {"id": 2, "condition": 1, "action": "\u6f22\u5b57 ok <endcall/>", "type": "action_followup", "fixed_message": true}]}},\n'
    '  {"name": "\u6f22\u5b57 \U0001F680", "instructions": "Read {{test_profile.pin}} aloud"}]}\n'
)

# The script as a JSON string in an evaluator's `instructions`.
EVALUATOR = (
    '{"name": "\U0001F680 \u6f22\u5b57", "scenario_type": "conditional_actions", "instructions": '
    '"{\\"role\\": \\"r\\", \\"conditions\\": [{\\"id\\": 0, \\"action\\": \\"\U0001F680\\"}, '
    '{\\"id\\": 1, \\"condition\\": 0, \\"type\\": \\"action_followup\\"}]}"}\n'
)


def position(text: str, index: int, encoding: str) -> types.Position:
    """The LSP position of a character index of `text`."""
    line = text.count("\n", 0, index)
    start = text.rfind("\n", 0, index) + 1
    return types.Position(line=line, character=column(text[start:index], encoding))


def span(text: str, index: int, length: int, encoding: str) -> types.Range:
    return types.Range(start=position(text, index, encoding), end=position(text, index + length, encoding))


def index_of(text: str, at: types.Position, encoding: str) -> int:
    """The character index of an LSP position (the inverse of `position`)."""
    index = 0
    for _ in range(at.line):
        index = text.index("\n", index) + 1
    units = 0
    while units < at.character:
        units += column(text[index], encoding)
        index += 1
    return index


def apply(text: str, edits, encoding: str) -> str:
    spans = sorted(((index_of(text, e.range.start, encoding), index_of(text, e.range.end, encoding), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def cursor(text: str, before: str, encoding: str) -> types.Position:
    """Just after the first `before` in `text`."""
    return position(text, text.index(before) + len(before), encoding)


async def request_at(client: LanguageClient, send, params, uri: str, text: str, before: str, **more):
    """Sends a request with `params` of that type, the cursor just after the first `before` in `text`."""
    at = cursor(text, before, client.encoding)
    return await asyncio.wait_for(send(params(text_document=types.TextDocumentIdentifier(uri=uri), position=at, **more)), T)


def edits_of(edit: types.WorkspaceEdit, uri: str, version: int):
    """The edits of a one-document WorkspaceEdit, in whichever form the client takes."""
    if not edit.document_changes:
        return edit.changes[uri]
    (change,) = edit.document_changes
    assert change.text_document.uri == uri and change.text_document.version == version
    return change.edits


async def test_definition_of_a_function_tag(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    result = await request_at(client, client.text_document_definition_async, types.DefinitionParams, SUITE_URI, SUITE, 'name=\\"look')
    declared = span(SUITE, SUITE.index('"lookup"') + 1, 6, client.encoding)
    assert len(result) == 1
    target = result[0]
    if isinstance(target, types.LocationLink):
        assert target.target_uri == SUITE_URI and target.target_selection_range == declared
        assert target.origin_selection_range == span(SUITE, SUITE.index('name=\\"lookup') + 7, 6, client.encoding)
    else:
        assert target == types.Location(uri=SUITE_URI, range=declared)


async def test_references_of_a_test_profile_key_across_cases(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    result = await request_at(client, client.text_document_references_async, types.ReferenceParams, SUITE_URI, SUITE, '{"pi',
                              context=types.ReferenceContext(include_declaration=True))
    starts = [SUITE.index('"pin"') + 1, SUITE.index("{{test_profile.pin}}") + 15, SUITE.rindex("{{test_profile.pin}}") + 15]
    assert list(result) == [types.Location(uri=SUITE_URI, range=span(SUITE, start, 3, client.encoding)) for start in starts]


async def test_highlights_mark_the_definition_as_written(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    result = await request_at(client, client.text_document_document_highlight_async, types.DocumentHighlightParams, SUITE_URI, SUITE,
                              '"condition": 1')
    assert [(h.range, h.kind) for h in result] == [
        (span(SUITE, SUITE.index('"id": 1') + 6, 1, client.encoding), types.DocumentHighlightKind.Write),
        (span(SUITE, SUITE.index('"condition": 1') + 13, 1, client.encoding), types.DocumentHighlightKind.Read),
    ]


async def test_prepare_rename_gives_the_name(client: LanguageClient):
    rename = client.capabilities.text_document.rename
    if not (rename and rename.prepare_support):
        pytest.skip("this client does not send prepareRename")
    open_doc(client, SUITE_URI, SUITE)
    result = await request_at(client, client.text_document_prepare_rename_async, types.PrepareRenameParams, SUITE_URI, SUITE,
                              "{{function.lookup.e")
    assert result.placeholder == "eta"
    assert result.range == span(SUITE, SUITE.index("{{function.lookup.eta") + 18, 3, client.encoding)


async def test_rename_edits_every_use(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE, version=3)
    edit = await request_at(client, client.text_document_rename_async, types.RenameParams, SUITE_URI, SUITE, "{{function.look",
                            new_name="find_order")
    edits = edits_of(edit, SUITE_URI, version=3)
    assert len(edits) == 3
    assert apply(SUITE, edits, client.encoding) == SUITE.replace("lookup", "find_order")


async def test_rename_refuses_an_id_in_use(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    with pytest.raises(Exception) as raised:
        await request_at(client, client.text_document_rename_async, types.RenameParams, SUITE_URI, SUITE, '"condition": 1', new_name="2")
    assert "another condition already has id 2" in str(raised.value)


async def test_rename_inside_instructions(client: LanguageClient):
    open_doc(client, EVALUATOR_URI, EVALUATOR)
    edit = await request_at(client, client.text_document_rename_async, types.RenameParams, EVALUATOR_URI, EVALUATOR,
                            '\\"condition\\": ', new_name="10")
    edits = edits_of(edit, EVALUATOR_URI, version=1)
    expected = EVALUATOR.replace('\\"id\\": 0', '\\"id\\": 10').replace('\\"condition\\": 0', '\\"condition\\": 10')
    assert apply(EVALUATOR, edits, client.encoding) == expected
