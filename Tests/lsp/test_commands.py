"""The Cekura API commands end to end: the server (with CEKURA_API_KEY in its environment and
`apiUrl` in its initialization options) against the stand-in API (Tests/api/standin.py), for the
Neovim, VS Code and Emacs capability sets: progress, reports, verdicts, edits, cancellation,
faults, catalogs, and a recognizable key that must appear in no output.

The server polls as it does for users (every 2 s), so results are made to finish on their
second poll.
"""
import ast
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import ROOT, SERVER, column, open_doc

KEY = "ck_live_SECRET_5e4d3c2b1a09"
HOME = tempfile.mkdtemp(prefix="cekura-lsp-home-")
CACHE = os.path.join(HOME, "cache")
ENV = {**os.environ, "HOME": HOME, "XDG_CACHE_HOME": CACHE, "CEKURA_API_KEY": KEY}
for name in ("CEKURA_API_URL", "CEKURA_AGENT_ID", "CEKURA_PROJECT_ID"):
    ENV.pop(name, None)
KEYLESS_ENV = {name: value for name, value in ENV.items() if name != "CEKURA_API_KEY"}
CLIENTS = ["neovim@v0.11.0", "visual-studio-code", "emacs"]
SLOW = 20.0  # a run: start, two polls 2 s apart, the run's detail

SUITE_URI = "file:///work/project/cekura.tests.json"
EVALUATOR_URI = "file:///work/project/refund.evaluator.json"
# The cursor stands in the first case, after astral and CJK text.
CASE_PREFIX = '{"version": "1", "suite": {"name": "Caf\u00e9 \u2615 \U0001F680"}, "scenarios": [{"name": "'
NAME = "\u6f22\u5b57 \U0001F389 Refund"
SUITE = (CASE_PREFIX + NAME + '", "instructions": "Ask for a refund.", "metrics": ["expected_outcome"]}, '
         '{"name": "Hours", "instructions": "Ask about opening hours."}]}\n')
EVALUATOR = ('{"agent": 12, "id": 39120, "name": "Refund \U0001F389", "personality": 3, "scenario_language": "en", '
             '"instructions": "Ask for a refund.", "expected_outcome_prompt": "The agent refunds.", "tool_ids": ["TOOL_END_CALL"]}\n')


class StandIn:
    """The stand-in API in a child process that ends when its input closes."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "Tests" / "api" / "standin.py"), "--port", "0", "--api-key", KEY, "--exit-on-stdin-eof"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.url = f"http://127.0.0.1:{int(self.process.stdout.readline())}"

    def control(self, command: dict):
        request = urllib.request.Request(self.url + "/_control", data=json.dumps(command).encode(), method="POST")
        urllib.request.urlopen(request, timeout=5).read()

    def requests(self) -> list:
        return json.loads(urllib.request.urlopen(self.url + "/_requests", timeout=5).read())

    def posts(self) -> list:
        return [request for request in self.requests() if request["method"] == "POST"]

    def stop(self):
        self.process.stdin.close()
        self.process.wait(5)


@pytest.fixture(scope="module")
def standin():
    server = StandIn()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def fresh_standin(standin):
    standin.control({"reset": True, "polls_to_finish": 2})


def options(standin, **extra):
    return {"cekura": {"apiUrl": standin.url, "agentId": 12, "diagnostics": {"debounceMs": 0}, **extra}}


async def initialize(request, lsp_client: LanguageClient, standin, **extra):
    capabilities = pytest_lsp.client_capabilities(request.param)
    result = await asyncio.wait_for(lsp_client.initialize_session(types.InitializeParams(
        capabilities=capabilities, initialization_options=options(standin, **extra), root_uri=ROOT.as_uri())), 10)
    lsp_client.encoding = result.capabilities.position_encoding or "utf-16"
    lsp_client.pulls = capabilities.text_document is not None and capabilities.text_document.diagnostic is not None
    lsp_client.shows_documents = bool(capabilities.window and capabilities.window.show_document)
    lsp_client.edits_applied = []
    lsp_client.message_requests = []

    @lsp_client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams):
        lsp_client.edits_applied.append(params)
        return types.ApplyWorkspaceEditResult(applied=True)

    @lsp_client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
    def message_request(params: types.ShowMessageRequestParams):
        lsp_client.message_requests.append(params)
        return types.MessageActionItem(title="End the calls")

    return result


@pytest_lsp.fixture(params=CLIENTS, config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(request, lsp_client: LanguageClient, standin):
    lsp_client.init_result = await initialize(request, lsp_client, standin)
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), 10)


@pytest_lsp.fixture(params=CLIENTS, config=ClientServerConfig(server_command=SERVER, server_env=KEYLESS_ENV))
async def keyless(request, lsp_client: LanguageClient, standin):
    await initialize(request, lsp_client, standin)
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), 10)


def argument(client: LanguageClient, uri: str, prefix: str, **extra) -> dict:
    return {"uri": uri, "position": {"line": 0, "character": column(prefix, client.encoding)}, **extra}


async def execute(client: LanguageClient, command: str, arg: dict, timeout: float = SLOW):
    return await asyncio.wait_for(
        client.workspace_execute_command_async(types.ExecuteCommandParams(command=command, arguments=[arg])), timeout)


async def failure(client: LanguageClient, command: str, arg: dict) -> JsonRpcException:
    with pytest.raises(JsonRpcException) as raised:
        await execute(client, command, arg)
    return raised.value


async def diagnostics_with(client: LanguageClient, uri: str, code: str):
    """The document's diagnostics once one has `code`: pulled, or pushed."""
    async def loop():
        while True:
            if client.pulls:
                try:
                    report = await client.text_document_diagnostic_async(
                        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri)))
                except JsonRpcException as error:
                    # New findings made the pull stale: a client asks again.
                    assert error.code == -32801
                    continue
                found = report.items
            else:
                found = client.diagnostics.get(uri, [])
            if any(d.code == code for d in found):
                return found
            await asyncio.sleep(0.05)
    return await asyncio.wait_for(loop(), 10)


def command_of(action) -> str:
    """The command name of a code action. lsprotocol reads every action that has a `command` as a
    Command (its union hook), writing a CodeAction's command object into the string."""
    if isinstance(action, types.Command) and action.command.startswith("{"):
        return ast.literal_eval(action.command)["command"]
    return action.command if isinstance(action, types.Command) else action.command.command


def everything_shown(client: LanguageClient) -> str:
    """What the editor got to show: messages, logs, diagnostics, progress, documents."""
    parts = [m.message for m in client.messages] + [m.message for m in client.log_messages]
    parts += [d.message for ds in client.diagnostics.values() for d in ds]
    parts += [repr(reports) for reports in client.progress_reports.values()]
    parts += [repr(shown) for shown in client.shown_documents] + [repr(e) for e in client.edits_applied]
    return "\n".join(parts)


# -- runs


async def test_run_text_shows_progress_verdict_summary_and_report(client: LanguageClient, standin):
    open_doc(client, SUITE_URI, SUITE)
    result = await execute(client, "cekura.runText", argument(client, SUITE_URI, CASE_PREFIX + NAME[:2]))
    assert result["resultId"] == 88231 and result["passed"] is True and result["summary"] == "passed 1 of 1 runs"
    assert [case["name"] for case in result["cases"]] == [NAME]

    start = standin.posts()[0]
    assert start["path"] == "/test_framework/v1/scenarios/run_scenarios_json/" and start["query"] == ""
    body = json.loads(start["body"])
    assert body["channel"] == "text" and body["agent_id"] == 12 and [case["name"] for case in body["spec"]["scenarios"]] == [NAME]
    headers = {name.lower(): value for name, value in start["headers"].items()}
    assert headers["x-cekura-api-key"] == KEY and headers["user-agent"].startswith("cekura-lsp/")

    # Progress: begun, queued, ended, on a token the server created.
    (reports,) = client.progress_reports.values()
    assert reports[0].kind == "begin" and reports[0].title == f"Cekura: text run of \u201c{NAME}\u201d" and reports[0].cancellable
    assert any(getattr(report, "message", None) == "queued" for report in reports)
    assert reports[-1].kind == "end" and reports[-1].message == "passed 1 of 1 runs"

    report = Path(CACHE) / "cekura-lsp" / "reports" / "result-88231.md"
    assert result["report"] == report.as_uri()
    text = report.read_text()
    assert "### Transcript" in text and "**Testing Agent:** Hi, my order arrived broken." in text
    assert "| Expected Outcome | 0 | Refund not issued. |" in text
    if client.shows_documents:
        (shown,) = client.shown_documents
        assert shown.uri == report.as_uri() and shown.take_focus is True and shown.external is False
    summary = client.messages[-1]
    assert summary.type == types.MessageType.Info
    assert summary.message.startswith(f"Cekura text run of \u201c{NAME}\u201d: passed 1 of 1 runs.")

    found = await diagnostics_with(client, SUITE_URI, "cekura-run")
    verdict = next(d for d in found if d.code == "cekura-run")
    assert verdict.severity == types.DiagnosticSeverity.Information
    assert verdict.range.start.character == column(CASE_PREFIX[:-1], client.encoding)
    assert KEY not in everything_shown(client) and KEY not in text


async def test_run_saved_text_runs_the_evaluator_by_its_id(client: LanguageClient, standin):
    open_doc(client, EVALUATOR_URI, EVALUATOR)
    result = await execute(client, "cekura.runSavedText", argument(client, EVALUATOR_URI, "{"))
    assert result["resultId"] == 88231
    (start,) = standin.posts()
    assert start["path"] == "/test_framework/v1/scenarios/run_scenarios_text/"
    assert json.loads(start["body"]) == {"agent_id": 12, "scenarios": [39120], "name": "cekura-lsp: \u201cRefund \U0001F389\u201d"}


async def test_cancelling_stops_polling_and_offers_to_end_the_calls(client: LanguageClient, standin):
    standin.control({"never_finish": True})
    open_doc(client, SUITE_URI, SUITE)
    params = types.ExecuteCommandParams(command="cekura.runText", arguments=[argument(client, SUITE_URI, CASE_PREFIX)])
    pending = asyncio.ensure_future(client.protocol.send_request_async(types.WORKSPACE_EXECUTE_COMMAND, params, msg_id="run-to-cancel"))

    async def running():
        while not any((getattr(r, "message", None) or "").startswith("running") for rs in client.progress_reports.values() for r in rs):
            await asyncio.sleep(0.05)
    await asyncio.wait_for(running(), 10)
    client.protocol.notify("$/cancelRequest", types.CancelParams(id="run-to-cancel"))
    with pytest.raises(JsonRpcException) as raised:
        await asyncio.wait_for(pending, 10)
    assert raised.value.code == -32800

    async def ended():
        while not any(m.message == "Ended the calls of result 88231." for m in client.messages):
            await asyncio.sleep(0.05)
    await asyncio.wait_for(ended(), 10)
    assert "result 88231" in client.message_requests[0].message
    polls = [r for r in standin.requests() if r["path"] == "/test_framework/v1/results/88231/"]
    assert any(r["path"] == "/test_framework/v1/results/88231/end_calls/" for r in standin.posts())
    await asyncio.sleep(2.5)
    assert len([r for r in standin.requests() if r["path"] == "/test_framework/v1/results/88231/"]) == len(polls), "polling stopped"


async def test_cancelling_from_the_progress_stops_the_run(client: LanguageClient, standin):
    standin.control({"never_finish": True})
    open_doc(client, SUITE_URI, SUITE)
    pending = asyncio.ensure_future(execute(client, "cekura.runText", argument(client, SUITE_URI, CASE_PREFIX)))

    async def token():
        while not client.progress_reports:
            await asyncio.sleep(0.05)
        return next(iter(client.progress_reports))
    client.window_work_done_progress_cancel(types.WorkDoneProgressCancelParams(token=await asyncio.wait_for(token(), 10)))
    with pytest.raises(JsonRpcException) as raised:
        await pending
    assert raised.value.code == -32800


# -- check against the API


async def test_check_remote_puts_each_api_problem_on_its_place(client: LanguageClient, standin):
    prefix = '{"version": "1", "scenarios": [{"name": "\u6f22\u5b57", "instructions": "i"}, {"name": "\U0001F389 Late", "instructions": "i", "metrics": ['
    open_doc(client, SUITE_URI, prefix + '"greeting_by_nam"]}]}\n')
    result = await execute(client, "cekura.checkRemote", argument(client, SUITE_URI, prefix))
    assert result["valid"] is False
    (problem,) = result["problems"]
    assert problem["path"] == "scenarios[0].metrics[0]"
    assert problem["range"]["start"] == {"line": 0, "character": column(prefix, client.encoding)}
    (sent,) = standin.posts()
    assert sent["query"] == "dry_run=true"
    found = await diagnostics_with(client, SUITE_URI, "cekura-api")
    error = next(d for d in found if d.code == "cekura-api")
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.range.start.character == column(prefix, client.encoding)
    assert "No metric with slug 'greeting_by_nam'" in error.message


async def test_check_remote_of_an_evaluator_gives_the_plan(client: LanguageClient, standin):
    open_doc(client, EVALUATOR_URI, EVALUATOR)
    result = await execute(client, "cekura.checkRemote", argument(client, EVALUATOR_URI, "{"))
    assert result["valid"] is True and result["plan"]["estimatedCost"] == 0.35 and result["leftOut"] == ["id"]
    spec = json.loads(standin.posts()[0]["body"])["spec"]
    assert spec == {"version": "1", "scenarios": [{"name": "Refund \U0001F389", "personality": 3, "language": "en",
                                                   "instructions": "Ask for a refund.", "expected_outcome": "The agent refunds.",
                                                   "tools": ["end_call"]}]}
    assert client.messages[-1].message.startswith("The Cekura API accepts \u201cRefund \U0001F389\u201d: 1 case, 1 run")
    found = await diagnostics_with(client, EVALUATOR_URI, "cekura-plan")
    hint = next(d for d in found if d.code == "cekura-plan")
    assert hint.severity == types.DiagnosticSeverity.Hint and "existing 3 \u201cNormal Male\u201d" in hint.message


# -- instructions


async def test_generate_instructions_writes_them_into_the_case(client: LanguageClient, standin):
    text = '{"version": "1", "scenarios": [{"name": "\U0001F389 Hours", "expected_outcome": "The agent gives the hours."}]}\n'
    open_doc(client, SUITE_URI, text)
    result = await execute(client, "cekura.generateInstructions", argument(client, SUITE_URI, '{"version": "1", "scenarios": [{"'))
    assert result["applied"] is True and result["instructions"] == "Mention order ORD-5512 and sound impatient."
    (applied,) = client.edits_applied
    edits = applied.edit.document_changes[0].edits if applied.edit.document_changes else applied.edit.changes[SUITE_URI]
    assert [edit.new_text for edit in edits] == [', "instructions": "Mention order ORD-5512 and sound impatient."']


async def test_improve_instructions_leaves_an_edited_document_alone(client: LanguageClient, standin):
    standin.control({"never_finish": True})
    open_doc(client, SUITE_URI, SUITE)
    pending = asyncio.ensure_future(execute(client, "cekura.improveInstructions",
                                            argument(client, SUITE_URI, CASE_PREFIX, feedback="Sound impatient.")))

    async def working():
        while not any(getattr(r, "percentage", None) == 50 for rs in client.progress_reports.values() for r in rs):
            await asyncio.sleep(0.05)
    await asyncio.wait_for(working(), 10)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=SUITE_URI, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=SUITE + " ")]))
    standin.control({"never_finish": False})
    result = await pending
    assert result["applied"] is False and result["instructions"].startswith("Ask for a refund.")
    assert client.edits_applied == []
    assert client.messages[-1].message.startswith("The document changed while Cekura wrote the instructions, so nothing was changed.")
    assert json.loads(standin.posts()[0]["body"]) == {"agent": 12, "extra_instructions": "Sound impatient.",
                                                     "current_instructions": "Ask for a refund."}


async def test_improve_needs_feedback(client: LanguageClient, standin):
    open_doc(client, SUITE_URI, SUITE)
    error = await failure(client, "cekura.improveInstructions", argument(client, SUITE_URI, CASE_PREFIX))
    assert error.code == -32602 and "feedback" in error.message
    assert standin.requests() == [] or all(r["method"] == "GET" for r in standin.requests())


# -- faults


@pytest.mark.parametrize("fault, message", [
    ({"status": 500, "body": {"detail": "boom"}}, "not answering properly (HTTP 500)"),
    ({"status": 429, "headers": {"Retry-After": "120"}}, "rate limiting this key; try again in 120 s"),
    ({"malformed": True}, "cannot read"),
    ({"drop": True}, "Cannot reach the Cekura API"),
    ({"status": 400, "body": ["Agent does not have a websocket URL"]}, "Agent 12 cannot run text scenarios"),
])
async def test_a_fault_when_starting_fails_the_command_with_its_message(client: LanguageClient, standin, fault, message):
    standin.control({"faults": [{"method": "POST", "path": "/test_framework/v1/scenarios/run_scenarios_json/", **fault}]})
    open_doc(client, SUITE_URI, SUITE)
    error = await failure(client, "cekura.runText", argument(client, SUITE_URI, CASE_PREFIX))
    assert error.code == -32803 and message in error.message
    assert len(standin.posts()) == 1, "a run start is never sent twice"
    assert KEY not in error.message and KEY not in everything_shown(client)


async def test_a_fault_while_polling_is_forgiven_once(client: LanguageClient, standin):
    standin.control({"faults": [{"method": "GET", "path": "/test_framework/v1/results/", "status": 503, "times": 1}]})
    open_doc(client, SUITE_URI, SUITE)
    result = await execute(client, "cekura.runText", argument(client, SUITE_URI, CASE_PREFIX), timeout=30)
    assert result["passed"] is True


async def test_a_rejected_key_is_named_by_its_source_never_shown(client: LanguageClient, standin):
    standin.control({"api_key": "another"})
    open_doc(client, SUITE_URI, SUITE)
    error = await failure(client, "cekura.checkRemote", argument(client, SUITE_URI, CASE_PREFIX))
    assert error.message.startswith("The Cekura API rejected an API key from CEKURA_API_KEY (HTTP 401")
    assert KEY not in error.message and KEY not in everything_shown(client)


async def test_without_an_agent_the_user_is_told_how_to_set_one(client: LanguageClient, standin):
    client.set_configuration({"cekura": {"agentId": None}})
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"cekura": {"agentId": None}}))
    await asyncio.sleep(0.3)
    open_doc(client, SUITE_URI, SUITE)
    error = await failure(client, "cekura.runText", argument(client, SUITE_URI, CASE_PREFIX))
    assert error.message.startswith("No agent to run against: set `agentId` in the cekura settings")
    assert standin.posts() == []


async def test_without_a_key_nothing_is_sent(keyless: LanguageClient, standin):
    open_doc(keyless, SUITE_URI, SUITE)
    with pytest.raises(JsonRpcException) as raised:
        await execute(keyless, "cekura.runText", argument(keyless, SUITE_URI, CASE_PREFIX))
    assert raised.value.message.startswith("No Cekura API key. Set CEKURA_API_KEY")
    with pytest.raises(JsonRpcException):
        await execute(keyless, "cekura.refreshCatalogs", {})
    await asyncio.sleep(0.3)
    assert standin.requests() == []


# -- lenses, actions, catalogs


async def test_code_lenses_and_actions_offer_the_commands(client: LanguageClient, standin):
    open_doc(client, SUITE_URI, SUITE)
    lenses = await asyncio.wait_for(client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=SUITE_URI))), 10)
    first_case = column(CASE_PREFIX[:-len('{"name": "')], client.encoding)
    at_case = [lens.command.command for lens in lenses if lens.range.start.character == first_case]
    assert at_case == ["cekura.runText", "cekura.checkRemote", "cekura.generateInstructions"]
    position = types.Position(line=0, character=column(CASE_PREFIX, client.encoding))
    actions = await asyncio.wait_for(client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=SUITE_URI), range=types.Range(start=position, end=position),
        context=types.CodeActionContext(diagnostics=[]))), 10)
    commands = [command_of(action) for action in actions if action.command]
    assert commands == ["cekura.runText", "cekura.checkRemote", "cekura.generateInstructions", "cekura.improveInstructions"]
    assert standin.posts() == [], "offering runs nothing"


async def test_catalogs_complete_hover_and_check(client: LanguageClient, standin):
    prefix = '{"version": "1", "scenarios": [{"name": "\u6f22\u5b57 \U0001F389", "instructions": "i", "metrics": ["greeting_by_nam"], "personality": '
    open_doc(client, SUITE_URI, prefix + "693}]}\n")
    refreshed = await execute(client, "cekura.refreshCatalogs", {})
    assert refreshed["personalities"] == 3 and refreshed["metrics"] == 2 and refreshed["testProfiles"] == 1
    found = await diagnostics_with(client, SUITE_URI, "metric-not-found")
    assert "did you mean `greeting_by_name`?" in next(d for d in found if d.code == "metric-not-found").message
    position = types.Position(line=0, character=column(prefix, client.encoding) + 1)
    document = types.TextDocumentIdentifier(uri=SUITE_URI)
    hover = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(text_document=document, position=position)), 10)
    contents = hover.contents.value if hasattr(hover.contents, "value") else hover.contents
    assert contents.startswith("**Normal Male** \u2014 personality 693")
    completion = await asyncio.wait_for(client.text_document_completion_async(
        types.CompletionParams(text_document=document, position=position)), 10)
    german = next(item for item in completion.items if item.label == "Geduldige Kundin")
    assert german.text_edit.new_text == "812" and german.detail.startswith("German (de)")
    assert all(request["method"] == "GET" for request in standin.requests()), "catalogs are only read"


async def test_opening_files_sends_only_catalog_reads(client: LanguageClient, standin):
    open_doc(client, SUITE_URI, SUITE)
    open_doc(client, "file:///work/project/package.json", '{"name": "x"}')
    await asyncio.sleep(1.0)
    paths = {request["path"] for request in standin.requests()}
    assert all(request["method"] == "GET" for request in standin.requests())
    assert paths <= {"/test_framework/v1/personalities/", "/test_framework/v2/metrics/", "/test_framework/v1/predefined-metrics/",
                     "/test_framework/v1/test-profiles/"}


# -- the key, over raw pipes: standard output and standard error, traces on


async def test_the_key_appears_in_no_output_of_the_process(standin):
    standin.control({"faults": [{"method": "POST", "path": "/test_framework/v1/scenarios/run_scenarios_json/", "status": 401,
                                 "body": {"detail": f"Key {KEY} is revoked"}, "times": 1}]})
    process = await asyncio.create_subprocess_exec(*SERVER, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE, env=ENV)

    def send(message: dict):
        body = json.dumps(message).encode()
        process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "capabilities": {}, "trace": "verbose", "initializationOptions": options(standin)}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": SUITE_URI, "languageId": "json", "version": 1, "text": SUITE}}})
    for id_, command in ((2, "cekura.runText"), (3, "cekura.runText"), (4, "cekura.refreshCatalogs")):
        send({"jsonrpc": "2.0", "id": id_, "method": "workspace/executeCommand", "params": {
            "command": command, "arguments": [{"uri": SUITE_URI, "position": {"line": 0, "character": column(CASE_PREFIX, "utf-16")}}]}})
    await asyncio.sleep(8)
    send({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
    send({"jsonrpc": "2.0", "method": "exit"})
    out, err = await asyncio.wait_for(process.communicate(), 20)
    assert b'"id":3' in out.replace(b" ", b""), "the second run answered"
    assert b"[redacted]" in out, "the server's echo of the key was masked"
    assert KEY.encode() not in out and KEY.encode() not in err
    for report in (Path(CACHE) / "cekura-lsp").rglob("*"):
        if report.is_file():
            assert KEY not in report.read_text()
