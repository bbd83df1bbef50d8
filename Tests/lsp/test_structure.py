"""Structure features as editors drive them: symbols, folding, selection ranges,
inlay hints and semantic tokens, each for the Neovim, VS Code and Emacs capability
sets (see conftest.py), with positions after emoji and CJK text."""
import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import OTHER_URI, SUITE_URI, T, column, open_doc

# A script after astral and CJK text; the followup (id 1) names condition 0.
SUITE = (
    '{"suite": {"name": "\U0001F680 \u6f22\u5b57"}, "version": "1", "scenarios": [\n'
    '  {"name": "Caf\u00e9 \u2615", "type": "conditional_actions", "conditional_actions": {"role": "r", "conditions": [\n'
    '    {"id": 0, "condition": "The agent greets you \U0001F389", "action": "Hi \u6f22\u5b57 <silence time=\\"1s\\"/> {{test_profile.name}}", "type": "standard", "fixed_message": true},\n'
    '    {"id": 1, "action": "ok \U0001F680 <endcall />", "condition": 0, "type": "action_followup", "fixed_message": true}]}}]}\n'
)
SCRIPT_URI = "file:///work/project/flows/parcel.cekura.json"
SCRIPT = '{"role": "\U0001F680", "conditions": [{"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi"}]}\n'


def position(needle: str, encoding: str, text: str = SUITE, plus: int = 0) -> types.Position:
    """Where `needle` starts in `text`, plus `plus` ASCII characters."""
    before = text[: text.index(needle)]
    line = before.count("\n")
    return types.Position(line=line, character=column(before.rsplit("\n", 1)[-1], encoding) + plus)


def doc(uri: str = SUITE_URI) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def test_document_symbols_nest_the_script(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    symbols = await asyncio.wait_for(client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc())), T)
    suite = symbols[0]
    assert suite.name == "\U0001F680 \u6f22\u5b57"
    assert suite.selection_range.start == position('"\U0001F680', client.encoding)
    case = suite.children[0]
    assert [c.name for c in case.children] == ["#0: The agent greets you \U0001F389", "#1 \u2192 #0"]
    assert case.children[1].selection_range.start == position('"id": 1', client.encoding, plus=6)


async def test_document_symbols_of_other_json_are_empty(client: LanguageClient):
    open_doc(client, OTHER_URI, '{"name": "web", "version": 1}\n')
    symbols = await asyncio.wait_for(client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc(OTHER_URI))), T)
    assert not symbols


async def test_workspace_symbols_across_open_documents(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    open_doc(client, SCRIPT_URI, SCRIPT)
    symbols = await asyncio.wait_for(client.workspace_symbol_async(types.WorkspaceSymbolParams(query="#0:")), T)
    assert [(s.location.uri, s.name) for s in symbols] == [
        (SUITE_URI, "#0: The agent greets you \U0001F389"),
        (SCRIPT_URI, "#0: FIRST_MESSAGE"),
    ]
    assert symbols[0].location.range.start == position('{"id": 0', client.encoding)
    assert symbols[0].container_name == "Caf\u00e9 \u2615"


async def test_folding_ranges_follow_the_client(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    ranges = await asyncio.wait_for(client.text_document_folding_range_async(types.FoldingRangeParams(text_document=doc())), T)
    folding = client.capabilities.text_document and client.capabilities.text_document.folding_range
    if folding and folding.line_folding_only:
        assert [(r.start_line, r.end_line, r.start_character, r.end_character) for r in ranges] == [(0, 2, None, None), (1, 2, None, None)]
        return
    last_line = SUITE.splitlines()[3]
    assert [(r.start_line, r.end_line, r.start_character, r.end_character) for r in ranges] == [
        (0, 3, 1, column(last_line[:-1], client.encoding)),
        (1, 3, 3, column(last_line[:-3], client.encoding)),
    ]


async def test_selection_ranges_grow_from_a_placeholder_key(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    inside = position("name}}", client.encoding, plus=2)
    ranges = await asyncio.wait_for(
        client.text_document_selection_range_async(types.SelectionRangeParams(text_document=doc(), positions=[inside])), T
    )
    chain = []
    selection = ranges[0]
    while selection:
        chain.append(selection.range)
        selection = selection.parent
    assert chain[0] == types.Range(start=position("name}}", client.encoding), end=position("name}}", client.encoding, plus=4))
    assert chain[1].start == position("test_profile.name", client.encoding)
    assert chain[2].start == position("{{test_profile", client.encoding)
    assert chain[-1].start == types.Position(line=0, character=0)


async def test_inlay_hint_after_a_followup_id(client: LanguageClient):
    open_doc(client, SUITE_URI, SUITE)
    whole = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=4, character=0))
    hints = await asyncio.wait_for(client.text_document_inlay_hint_async(types.InlayHintParams(text_document=doc(), range=whole)), T)
    assert [(h.label, h.position) for h in hints] == [
        ("\u2192 #0 The agent greets you \U0001F389", position('"condition": 0', client.encoding, plus=14))
    ]
    assert hints[0].tooltip.startswith("#0: The agent greets you")


def absolute(data, legend):
    """Relative token data as (line, character, length, type name)."""
    tokens, line, character = [], 0, 0
    for i in range(0, len(data), 5):
        line += data[i]
        character = character + data[i + 1] if data[i] == 0 else data[i + 1]
        tokens.append((line, character, data[i + 2], legend[data[i + 3]]))
    return tokens


def token(needle: str, length: int, kind: str, encoding: str):
    p = position(needle, encoding)
    return (p.line, p.character, length, kind)


async def test_semantic_tokens_colour_the_tag_language(client: LanguageClient):
    legend = client.server_caps.semantic_tokens_provider.legend.token_types
    open_doc(client, SUITE_URI, SUITE)
    full = await asyncio.wait_for(client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc())), T)
    e = client.encoding
    assert absolute(full.data, legend) == [
        token("<silence", 8, "keyword", e), token("time=", 4, "property", e), token('\\"1s', 6, "string", e),
        token("/> {{", 2, "keyword", e), token("{{test", 15, "macro", e), token("name}}", 4, "variable", e),
        token("}}", 2, "macro", e), token("<endcall", 8, "keyword", e), token('/>"', 2, "keyword", e),
    ]
    last_line = types.Range(start=types.Position(line=3, character=0), end=types.Position(line=4, character=0))
    ranged = await asyncio.wait_for(
        client.text_document_semantic_tokens_range_async(types.SemanticTokensRangeParams(text_document=doc(), range=last_line)), T
    )
    assert absolute(ranged.data, legend) == [token("<endcall", 8, "keyword", e), token('/>"', 2, "keyword", e)]
