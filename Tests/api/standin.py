#!/usr/bin/env python3
"""A stand-in Cekura API for the tests: loopback only, standard library only.

    python3 Tests/api/standin.py --port 0 [--api-key KEY] [--exit-on-stdin-eof]

prints the chosen port on the first line of standard output, then serves http://127.0.0.1:PORT until
killed (or, with --exit-on-stdin-eof, until its standard input closes, so a test that dies leaves no
server behind). It answers the endpoints cekura-lsp calls in the shapes protocol-notes/cekura-api.md
describes: runs (text, spec, dry run), results that advance on every poll, run detail, end calls,
instruction generation with progress, and the catalogs. Every request needs `X-CEKURA-API-KEY` equal to
the stand-in's key (default `ck_standin_key`), or it answers 401.

Control (no key needed, never recorded):

  POST /_control {"reset": true}            forget faults, recorded requests, results; default settings
  POST /_control {"faults": [FAULT, ...]}   answer matching requests with a fault instead (appends)
  POST /_control {"api_key": "..."}         the key the stand-in accepts
  POST /_control {"polls_to_finish": N}     a result completes on its Nth poll (default 4)
  POST /_control {"never_finish": true}     results stay running forever
  POST /_control {"invalid_dry_run_status": 200}   answer an invalid dry run 200 {"valid": false, ...}
  GET  /_requests                           [{"method", "path", "query", "headers", "body"}, ...]

A FAULT matches on "method" (optional) and "path" (a prefix of the request path, optional) and applies
"times" times (every time when absent), the first match winning. What it does:

  {"status": 500, "body": <JSON> | "raw": "text", "headers": {"Retry-After": "2"}}   that answer
  {"malformed": true}          200 with a body cut off in the middle of the JSON
  {"drop": true}               headers promising a body, half of it, then the connection closes
  {"delay": 1.5}               wait, then answer normally ({"delay": 3600} for an answer that never comes)
"""

import argparse
import json
import socket
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TF = "/test_framework"

PERSONALITIES = [
    {"id": 3, "name": "Normal Male", "language": "en", "accent": "American", "provider": "cartesia",
     "voice_model": "sonic-3.5", "voice_id": "a0e99841", "background_noise": None, "speed": 1.0},
    {"id": 693, "name": "Normal Male", "language": "en", "accent": "American", "provider": "11labs",
     "voice_model": "eleven_turbo_v2_5"},
    {"id": 812, "name": "Geduldige Kundin", "language": "de", "accent": "German", "provider": "11labs",
     "voice_model": "eleven_multilingual_v2"},
]
METRICS = [
    {"id": 5, "slug": "expected_outcome", "name": "Expected Outcome", "description": "Did the call meet the outcome",
     "type": "basic", "eval_type": "binary", "agents": [12, 13], "simulation_enabled": True},
    {"id": 412, "slug": "greeting_by_name", "name": "Greeting by name", "description": "The agent greets by name",
     "type": "llm_judge", "eval_type": "binary", "agents": [12], "simulation_enabled": True},
]
TEST_PROFILES = [
    {"id": 41, "name": "Damaged order", "agent": 12, "project": 742,
     "information": {"main_agent_variables": {"order_id": "ORD-5512"},
                     "testing_agent_variables": {"customer_name": "Lee"}}},
]
PREDEFINED_METRICS = [
    {"id": 1, "name": "Latency", "slug": "latency", "description": "Response latency", "type": "basic",
     "eval_type": "numeric", "category": "Speech Quality", "cost": 0},
    {"id": 2, "name": "Interruptions", "slug": "interruptions", "description": "Times the agent interrupted",
     "type": "basic", "eval_type": "numeric", "category": "Conversation Quality", "cost": 0},
]
SCENARIOS = {39120: "Caller asks for a refund on a damaged order", 39121: "Caller asks for opening hours"}
# Agent 12 has a websocket URL (text runs work); agent 13 is voice only.
TEXT_AGENTS = {12}
VOICE_MODELS = {"sonic-3.5", "eleven_turbo_v2_5", "eleven_multilingual_v2"}


class State:
    def __init__(self, api_key):
        self.lock = threading.Lock()
        self.default_key = api_key
        self.reset()

    def reset(self):
        self.api_key = self.default_key
        self.faults = []
        self.requests = []
        self.results = {}
        self.runs = {}
        self.progress = {}
        self.polls_to_finish = 4
        self.never_finish = False
        self.invalid_dry_run_status = 400
        self.next_result = 88231
        self.next_run = 501877

    def take_fault(self, method, path):
        for fault in self.faults:
            if fault.get("method", method).upper() != method or not path.startswith(fault.get("path", "")):
                continue
            times = fault.get("times")
            if times is not None:
                if times <= 0:
                    continue
                fault["times"] = times - 1
            return fault
        return None


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that timed out or cancelled has hung up on a slow answer: expected here.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cekura-standin"

    def log_message(self, format, *args):
        pass  # quiet: the tests read the recorded requests instead

    # -- plumbing

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def do_PATCH(self):
        self.handle_any("PATCH")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def handle_any(self, method):
        state = self.server.state
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
        if parts.path == "/_control" and method == "POST":
            return self.control(json.loads(raw_body or "{}"))
        if parts.path == "/_requests" and method == "GET":
            with state.lock:
                return self.send_json(200, state.requests)
        with state.lock:
            state.requests.append({"method": method, "path": parts.path, "query": parts.query,
                                   "headers": {k: v for k, v in self.headers.items()}, "body": raw_body})
            fault = state.take_fault(method, parts.path)
        if fault is not None and self.apply_fault(fault):
            return
        if self.headers.get("X-CEKURA-API-KEY") != state.api_key:
            return self.send_json(401, {"detail": "Invalid API key."})
        try:
            body = json.loads(raw_body) if raw_body else {}
        except ValueError:
            return self.send_json(400, {"detail": "JSON parse error"})
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        with state.lock:
            status, answer = route(state, method, parts.path, query, body)
        self.send_json(status, answer)

    def apply_fault(self, fault):
        """Answers with the fault; False when the fault only delays the normal answer."""
        if "delay" in fault:
            time.sleep(float(fault["delay"]))
            return False
        if fault.get("malformed"):
            self.send_bytes(200, b'{"id": 88231, "status": "runn', {})
        elif fault.get("drop"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "400")
            self.end_headers()
            self.wfile.write(b'{"id": 88231, "status": "running", "runs": {')
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        elif "raw" in fault:
            self.send_bytes(fault.get("status", 200), fault["raw"].encode(), fault.get("headers", {}))
        else:
            self.send_json(fault.get("status", 200), fault.get("body", {}), fault.get("headers", {}))
        return True

    def control(self, command):
        state = self.server.state
        with state.lock:
            if command.get("reset"):
                state.reset()
            state.faults.extend(command.get("faults", []))
            for name in ("api_key", "polls_to_finish", "never_finish", "invalid_dry_run_status"):
                if name in command:
                    setattr(state, name, command[name])
        self.send_json(200, {"ok": True})

    def send_json(self, status, value, headers=None):
        self.send_bytes(status, json.dumps(value).encode(), headers or {})

    def send_bytes(self, status, data, headers):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)


# -- the API


def route(state, method, path, query, body):
    if method == "GET":
        if path == TF + "/v1/personalities/":
            language = query.get("language")
            return 200, [p for p in PERSONALITIES if language in (None, p["language"])]
        if path == TF + "/v2/metrics/":
            if "agent_id" not in query and "project_id" not in query:
                return 400, {"detail": "One of agent_id, project_id or assistant_id is required."}
            agent = query.get("agent_id")
            return 200, [m for m in METRICS if agent is None or int(agent) in m["agents"]]
        if path == TF + "/v1/test-profiles/":
            if "agent_id" not in query and "project_id" not in query:
                return 400, {"detail": "One of agent_id, project_id or assistant_id is required."}
            return 200, TEST_PROFILES
        if path == TF + "/v1/predefined-metrics/":
            return 200, PREDEFINED_METRICS
        if path == TF + "/v1/scenarios/instructions-progress/":
            return instructions_progress(state, query.get("progress_id"))
        resource, identifier = split_id(path)
        if resource == TF + "/v1/results/" and identifier in state.results:
            return 200, poll_result(state, state.results[identifier])
        if resource == TF + "/v1/runs/" and identifier in state.runs:
            return 200, run_detail(state, state.runs[identifier])
        return 404, {"detail": "Not found."}
    if method == "POST":
        if path == TF + "/v1/scenarios/run_scenarios_text/":
            return run_text(state, body)
        if path == TF + "/v1/scenarios/run_scenarios_json/":
            return run_spec(state, body, query.get("dry_run") == "true")
        if path == TF + "/v1/scenarios/improve_instructions/":
            errors = {f: ["This field is required."] for f in ("agent", "extra_instructions") if f not in body}
            return (400, errors) if errors else start_instructions(state, body.get("current_instructions", ""))
        if path == TF + "/v1/scenarios/generate-instructions/":
            if "agent_id" not in body:
                return 400, {"agent_id": ["This field is required."]}
            return start_instructions(state, "")
        if path.startswith(TF + "/v1/results/") and path.endswith("/end_calls/"):
            resource, identifier = split_id(path[: -len("end_calls/")])
            if identifier not in state.results:
                return 404, {"detail": "Not found."}
            state.results[identifier]["ended"] = True
            return 200, {"message": "Ending all calls."}
    return 404, {"detail": "Not found."}


def split_id(path):
    """`/…/results/88231/` → (`/…/results/`, 88231)."""
    head, _, tail = path.rstrip("/").rpartition("/")
    return head + "/", int(tail) if tail.isdigit() else None


def start_result(state, agent, scenarios, frequency, name, as_text):
    result_id = state.next_result
    state.next_result += 1
    runs = []
    for scenario, scenario_name in scenarios:
        for _ in range(frequency):
            run_id = state.next_run
            state.next_run += 1
            state.runs[run_id] = {"id": run_id, "result": result_id, "scenario": scenario, "name": scenario_name}
            runs.append(run_id)
    state.results[result_id] = {"id": result_id, "agent": agent, "name": name, "runs": runs, "polls": 0,
                                "ended": False, "as_text": as_text}
    return 200, {"id": result_id, "agent": agent, "name": name, "status": "in_progress", "run_as_text": as_text,
                 "runs": [{"id": r, "status": "pending", "scenario": state.runs[r]["scenario"],
                           "scenario_name": state.runs[r]["name"], "number": None, "inbound_number": None,
                           "test_profile_data": None} for r in runs],
                 "created_at": "2026-08-20T10:15:02Z"}


def run_text(state, body):
    agent = body.get("agent_id")
    if agent is None:
        return 400, {"agent_id": ["This field is required."]}
    chosen = body.get("scenarios") or []
    unknown = [s for s in chosen if s not in SCENARIOS]
    if unknown:
        return 400, {"scenarios": [f'Invalid pk "{unknown[0]}" - object does not exist.']}
    if agent not in TEXT_AGENTS:
        return 400, ["Agent does not have a websocket URL"]
    return start_result(state, agent, [(s, SCENARIOS[s]) for s in chosen], int(body.get("frequency") or 1),
                        body.get("name"), True)


def spec_errors(spec):
    errors = {}
    scenarios = spec.get("scenarios") if isinstance(spec, dict) else None
    if not isinstance(scenarios, list) or not scenarios:
        return {"scenarios": ["At least one scenario is required."]}
    slugs = {m["slug"] for m in METRICS}
    ids = {m["id"] for m in METRICS}
    for i, case in enumerate(scenarios):
        where = f"scenarios[{i}]"
        if not isinstance(case, dict):
            errors[where] = ["Expected an object."]
            continue
        if not case.get("instructions") and not case.get("conditional_actions"):
            errors[where + ".instructions"] = ["Instructions are required."]
        for j, metric in enumerate(case.get("metrics") or []):
            if isinstance(metric, str) and metric not in slugs:
                errors[f"{where}.metrics[{j}]"] = [
                    f"No metric with slug '{metric}' in project 742. Check the slug in the dashboard, "
                    "or reference the metric by its numeric ID."]
            elif isinstance(metric, int) and metric not in ids:
                errors[f"{where}.metrics[{j}]"] = [f"No metric with ID {metric} in project 742."]
        personality = case.get("personality")
        if isinstance(personality, int) and personality not in {p["id"] for p in PERSONALITIES}:
            errors[where + ".personality"] = [f"No personality with ID {personality}."]
        elif isinstance(personality, dict) and personality.get("voice_model") not in VOICE_MODELS:
            errors[where + ".personality.voice_model"] = [f"Unknown voice model '{personality.get('voice_model')}'."]
    return errors


def planned_personality(personality):
    if isinstance(personality, int):
        name = next(p["name"] for p in PERSONALITIES if p["id"] == personality)
        return {"mode": "existing", "id": personality, "name": name}
    if isinstance(personality, dict):
        return {"mode": "inline"}
    return {"mode": "project_default"}


def run_spec(state, body, dry_run):
    agent = body.get("agent_id")
    if agent is None:
        return 400, {"agent_id": ["This field is required."]}
    spec = body.get("spec")
    channel = body.get("channel", "voice")
    errors = spec_errors(spec)
    if errors:
        if dry_run and state.invalid_dry_run_status == 200:
            return 200, {"dry_run": True, "valid": False, "errors": errors}
        return 400, {"errors": errors}
    if channel == "text" and agent not in TEXT_AGENTS:
        return 400, ["Agent does not have a websocket URL"]
    frequency = int(body.get("frequency") or 1)
    cases = spec["scenarios"]
    if dry_run:
        planned = [{"key": (c.get("key") or c.get("name", f"case-{i}")).lower().replace(" ", "_"),
                    "name": c.get("name"), "type": "conditional_actions" if c.get("conditional_actions") else "instruction",
                    "frequency": int(c.get("frequency") or 1) * frequency,
                    "metric_ids": [m for m in c.get("metrics") or [] if isinstance(m, int)], "tags": c.get("tags") or [],
                    "personality": planned_personality(c.get("personality")), "test_profile": None}
                   for i, c in enumerate(cases)]
        total = sum(p["frequency"] for p in planned)
        return 200, {"dry_run": True, "valid": True,
                     "plan": {"agent_id": agent, "project_id": 742, "channel": channel,
                              "suite_name": body.get("name") or spec.get("name"), "scenario_count": len(cases),
                              "total_runs": total, "estimated_cost": round(0.35 * total, 2), "scenarios": planned,
                              "a_field_from_the_future": {"ignored": True}}}
    return start_result(state, agent, [(None, c.get("name", f"case {i}")) for i, c in enumerate(cases)], frequency,
                        body.get("name") or spec.get("name"), channel == "text")


def poll_result(state, result):
    """Queued, then running with one more run done each poll, then evaluating, then completed."""
    result["polls"] += 1
    polls = result["polls"]
    total = len(result["runs"])
    if result["ended"]:
        status, done = "cancelled", total
    elif state.never_finish:
        status, done = "running", 0
    elif polls == 1:
        status, done = "in_queue", 0
    elif polls >= state.polls_to_finish:
        status, done = "completed", total
    elif polls == state.polls_to_finish - 1:
        status, done = "evaluating", total
    else:
        status, done = "running", min(total, polls - 2)
    passed = done if status == "completed" else 0
    runs = {str(r): {"id": r, "scenario": state.runs[r]["scenario"],
                     "status": "completed" if i < done else ("running" if status == "running" else "pending"),
                     "success": True if i < passed else None}
            for i, r in enumerate(result["runs"])}
    # Counters are strings, as the OpenAPI types them.
    return {"id": result["id"], "name": result["name"], "agent": result["agent"], "status": status,
            "run_as_text": result["as_text"], "run_type": "Text" if result["as_text"] else "Voice",
            "total_runs_count": str(total), "completed_runs_count": str(done), "success_runs_count": str(passed),
            "failed_runs_count": "0", "met_expected_outcome_count": passed, "success_rate": 1.0 if passed else 0.0,
            "runs": runs, "scenarios": [], "created_at": "2026-08-20T10:15:02Z"}


def run_detail(state, run):
    return {"id": run["id"], "result_id": run["result"], "scenario": run["scenario"], "scenario_name": run["name"],
            "status": "completed", "success": False, "error_message": None, "duration": "01:12",
            "expected_outcome": {"score": 50.0,
                                 "explanation": ["The agent verified the order.", "The agent offered store credit only."],
                                 "outcome_alignments": [
                                     {"outcome": "The agent verifies the order.", "prompt_part": "verifies the order",
                                      "aligned": True},
                                     {"outcome": "The agent issues a refund, not store credit.",
                                      "prompt_part": "issues a refund", "aligned": False}]},
            "evaluation": {"metrics": [
                {"id": 5, "name": "Expected Outcome", "type": "binary", "score": 0, "explanation": ["Refund not issued."]},
                {"id": 77, "name": "Caller mood", "type": "enum", "enum": "annoyed", "value": "annoyed",
                 "explanation": ["Sighed twice."], "extra": {}}]},
            "transcript": "[00:00] Testing Agent: Hi, my order arrived broken.\n"
                          "[00:02] Main Agent: Sorry to hear that! I can offer store credit.",
            "transcript_object": [
                {"role": "Testing Agent", "content": "Hi, my order arrived broken.", "timestamp": 0.4},
                {"role": "Main Agent", "content": "Sorry to hear that! I can offer store credit.", "timestamp": 2.1}]}


def start_instructions(state, current):
    progress_id = str(uuid.uuid4())
    state.progress[progress_id] = {"polls": 0, "current": current}
    return 200, {"progress_id": progress_id, "project_id": 742}


def instructions_progress(state, progress_id):
    job = state.progress.get(progress_id)
    if job is None:
        return 404, {"detail": "Not found."}
    job["polls"] += 1
    if state.never_finish or job["polls"] < 2:
        return 200, {"status": "in_progress", "progress": 50}
    text = (job["current"] + " " if job["current"] else "") + "Mention order ORD-5512 and sound impatient."
    return 200, {"status": "completed", "progress": 100, "instructions": text}


def main():
    parser = argparse.ArgumentParser(description="Stand-in Cekura API for the tests")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--api-key", default="ck_standin_key")
    parser.add_argument("--exit-on-stdin-eof", action="store_true")
    arguments = parser.parse_args()

    server = Server(("127.0.0.1", arguments.port), Handler)
    server.state = State(arguments.api_key)
    print(server.server_address[1], flush=True)
    if arguments.exit_on_stdin_eof:
        def watch_stdin():
            sys.stdin.read()
            server.shutdown()
        threading.Thread(target=watch_stdin, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
