"""Completion and hover in conditional-actions scripts, as editors drive them.

Each test runs for the Neovim 0.11, VS Code and Emacs capability sets (conftest.py). The scripts are on one line
after emoji and CJK text, so every column differs between the encodings the clients negotiate.
"""
import asyncio
import json

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import SUITE_URI, T, column, open_doc

SCRIPT_URI = "file:///work/project/flow.cekura.json"
EVALUATOR_URI = "file:///work/project/refund.scenario.json"
FIRST = {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi", "type": "standard", "fixed_message": True}


def script(action: str, **condition) -> dict:
    second = {"id": 1, "condition": "The agent asks 🚀", "action": action, "type": "standard", "fixed_message": True}
    second.update(condition)
    return {"role": "caller 漢字", "conditions": [FIRST, second]}


def one_line(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def position(client: LanguageClient, text: str, before: str, last: bool = False) -> types.Position:
    """The position right after the first (or last) `before` in a one-line `text`."""
    end = (text.rindex(before) if last else text.index(before)) + len(before)
    return types.Position(line=0, character=column(text[:end], client.encoding))


async def complete(client: LanguageClient, uri: str, at: types.Position) -> list:
    result = await asyncio.wait_for(
        client.text_document_completion_async(types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)), T
    )
    return result.items if hasattr(result, "items") else result


async def hover(client: LanguageClient, uri: str, at: types.Position):
    return await asyncio.wait_for(
        client.text_document_hover_async(types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at)), T
    )


def snippets(client: LanguageClient) -> bool:
    completion = client.capabilities.text_document and client.capabilities.text_document.completion
    return bool(completion and completion.completion_item and completion.completion_item.snippet_support)


def text_of(contents) -> str:
    return contents.value if hasattr(contents, "value") else str(contents)


async def test_announces_tag_and_placeholder_triggers(client: LanguageClient):
    provider = client.server_caps.completion_provider
    assert {"<", "{"} <= set(provider.trigger_characters)
    assert provider.resolve_provider is True


async def test_a_tag_after_less_than_replaces_the_partial_name(client: LanguageClient):
    text = one_line(script("🚀 漢字 <sil"))
    open_doc(client, SCRIPT_URI, text)
    items = await complete(client, SCRIPT_URI, position(client, text, "<sil"))
    assert [item.label for item in items] == ["silence"]
    edit = items[0].text_edit
    assert edit.range.start == position(client, text, "🚀 漢字 <")
    assert edit.range.end == position(client, text, "<sil")
    # The action is a JSON string: the attribute's quotes arrive escaped for it.
    assert edit.new_text == ('silence time=\\\\"$1\\\\" />' if snippets(client) else 'silence time=\\"\\" />')


async def test_closing_tag_of_an_open_block(client: LanguageClient):
    text = one_line(script("<spell>AB </"))
    open_doc(client, SCRIPT_URI, text)
    items = await complete(client, SCRIPT_URI, position(client, text, "AB </"))
    assert [(item.label, item.text_edit.new_text) for item in items] == [("</spell>", "/spell>")]


async def test_values_of_an_attribute(client: LanguageClient):
    text = one_line(script('<noise sound="c" />'))
    open_doc(client, SCRIPT_URI, text)
    items = await complete(client, SCRIPT_URI, position(client, text, 'sound=\\"c'))
    assert [item.label for item in items] == ["office", "beep", "cough1", "cough2"]
    assert all(item.documentation for item in items)


async def test_a_long_list_is_documented_on_resolve(client: LanguageClient):
    text = one_line(script('<background_noise sound="">Hi</background_noise>'))
    open_doc(client, SCRIPT_URI, text)
    items = await complete(client, SCRIPT_URI, position(client, text, 'sound=\\"'))
    assert len(items) == 30 and not any(item.documentation for item in items)
    resolved = await asyncio.wait_for(client.completion_item_resolve_async(items[1]), T)
    assert resolved.label == items[1].label
    assert "**`sound`** of `<background_noise>`" in text_of(resolved.documentation)


async def test_test_profile_keys_after_two_braces(client: LanguageClient):
    suite = {
        "version": "1",
        "scenarios": [{
            "name": "Café ☕", "type": "conditional_actions", "language": "en",
            "test_profile": {"caller_variables": {"account_id": "A-1"}},
            "conditional_actions": script("Mein Konto: {{"),
        }],
    }
    text = one_line(suite)
    open_doc(client, SUITE_URI, text)
    items = await complete(client, SUITE_URI, position(client, text, "Konto: {{"))
    item = next(item for item in items if item.label == "test_profile.account_id")
    assert item.text_edit.new_text == "test_profile.account_id}}"
    assert item.text_edit.range.start == position(client, text, "Konto: {{")


async def test_followup_ids(client: LanguageClient):
    text = one_line(script("Are you there?", condition="", type="action_followup"))
    open_doc(client, SCRIPT_URI, text)
    items = await complete(client, SCRIPT_URI, position(client, text, '"condition": "', last=True))
    assert [(item.label, item.text_edit.new_text, item.kind) for item in items] == [("0", "0", types.CompletionItemKind.Reference)]


async def test_hover_on_a_tag_inside_instructions(client: LanguageClient):
    inner = one_line(script('漢字 🚀 <silence time="1s" /> ok'))
    text = one_line({"name": "Café ☕", "scenario_type": "conditional_actions", "instructions": inner})
    open_doc(client, EVALUATOR_URI, text)
    found = await hover(client, EVALUATOR_URI, position(client, text, "<sil"))
    assert found is not None and "**`<silence>`**" in text_of(found.contents)
    # The range is the tag's, through two levels of escapes.
    assert found.range.start == position(client, text, "🚀 ")
    assert found.range.end == position(client, text, "/>")


async def test_hover_on_a_followup_id(client: LanguageClient):
    text = one_line(script("Are you there?", condition=0, type="action_followup"))
    open_doc(client, SCRIPT_URI, text)
    found = await hover(client, SCRIPT_URI, position(client, text, '"condition": ', last=True))
    assert found is not None
    assert "Follows condition `0`" in text_of(found.contents) and "FIRST_MESSAGE" in text_of(found.contents)
