"""The server over raw pipes: lifecycle error codes, garbage on standard input,
and how the process ends. No client library: bytes in, bytes out."""
import asyncio
import json
import os
import shlex
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = shlex.split(os.environ.get("CEKURA_LSP_CMD", str(ROOT / ".build" / "release" / "cekura-lsp")))
T = 10.0


class Pipe:
    def __init__(self, process):
        self.process = process

    @classmethod
    async def start(cls):
        process = await asyncio.create_subprocess_exec(
            *SERVER, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
        )
        return cls(process)

    def write_raw(self, data: bytes):
        self.process.stdin.write(data)

    def send(self, message: dict):
        body = json.dumps(message).encode()
        self.write_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    async def read(self) -> dict:
        async def one():
            length = None
            while True:
                line = await self.process.stdout.readline()
                if not line:
                    raise EOFError("server closed its output")
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode().partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            return json.loads(await self.process.stdout.readexactly(length))

        return await asyncio.wait_for(one(), T)

    async def response(self, id):
        while True:
            message = await self.read()
            if message.get("id") == id and "method" not in message:
                return message

    async def exit_status(self) -> int:
        return await asyncio.wait_for(self.process.wait(), T)


async def initialized() -> Pipe:
    pipe = await Pipe.start()
    pipe.send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
    assert "capabilities" in (await pipe.response(1))["result"]
    pipe.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    return pipe


async def test_request_before_initialize_is_refused():
    pipe = await Pipe.start()
    pipe.send({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {}})
    assert (await pipe.response(5))["error"]["code"] == -32002
    pipe.process.stdin.close()
    assert await pipe.exit_status() == 1


async def test_shutdown_then_exit_ends_with_zero_and_requests_in_between_are_refused():
    pipe = await initialized()
    pipe.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    assert (await pipe.response(2))["result"] is None
    pipe.send({"jsonrpc": "2.0", "id": 3, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": "file:///x"}}})
    assert (await pipe.response(3))["error"]["code"] == -32600
    pipe.send({"jsonrpc": "2.0", "method": "exit"})
    assert await pipe.exit_status() == 0


async def test_exit_without_shutdown_ends_with_one():
    pipe = await initialized()
    pipe.send({"jsonrpc": "2.0", "method": "exit"})
    assert await pipe.exit_status() == 1


async def test_garbage_on_stdin_is_answered_and_the_server_keeps_serving():
    pipe = await initialized()
    pipe.write_raw(b"Content-Length: 9\r\n\r\n{not json")
    error = await pipe.read()
    assert error["error"]["code"] == -32700 and error["id"] is None
    pipe.write_raw(b"Content-Length: 2\r\n\r\n[]")
    assert (await pipe.read())["error"]["code"] == -32600
    pipe.write_raw(b"X-Nonsense\r\n\r\n")  # a header block without Content-Length: logged and skipped
    pipe.send({"jsonrpc": "2.0", "id": 9, "method": "cekura/nothing"})
    assert (await pipe.response(9))["error"]["code"] == -32601
    pipe.send({"jsonrpc": "2.0", "id": 10, "method": "shutdown"})
    assert (await pipe.response(10))["result"] is None
    pipe.send({"jsonrpc": "2.0", "method": "exit"})
    assert await pipe.exit_status() == 0
    assert b"malformed header" in await pipe.process.stderr.read()


async def test_client_that_disappears_mid_message_ends_the_server():
    pipe = await initialized()
    pipe.write_raw(b'Content-Length: 500\r\n\r\n{"jsonrpc": "2.0", ')
    await pipe.process.stdin.drain()
    pipe.process.stdin.close()
    assert await pipe.exit_status() == 1


async def test_nothing_but_protocol_on_stdout():
    pipe = await initialized()
    pipe.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    await pipe.response(2)
    pipe.send({"jsonrpc": "2.0", "method": "exit"})
    assert await pipe.exit_status() == 0
    assert await pipe.process.stdout.read() == b""  # every byte so far was a framed message


async def test_thousand_pipelined_requests_are_all_answered():
    """An editor that writes 1,000 requests before reading any answer: the server
    neither deadlocks on its full output pipe nor drops one."""
    pipe = await initialized()
    text = '{"version": "1", "scenarios": [{"name": "\u6f22\u5b57 \U0001F680", "instructions": "i"}]}\n'
    pipe.send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
               "params": {"textDocument": {"uri": "file:///p/cekura.tests.json", "languageId": "json", "version": 1, "text": text}}})
    for number in range(1000):
        method = "textDocument/hover" if number % 2 else "textDocument/completion"
        pipe.send({"jsonrpc": "2.0", "id": 100 + number, "method": method,
                   "params": {"textDocument": {"uri": "file:///p/cekura.tests.json"}, "position": {"line": 0, "character": 3 + number % 20}}})
    await pipe.process.stdin.drain()
    answered = set()
    while len(answered) < 1000:
        message = await pipe.read()
        if "id" in message and "method" not in message:
            assert "error" not in message, message
            answered.add(message["id"])
    assert answered == set(range(100, 1100))
    pipe.send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    await pipe.response(2)
    pipe.send({"jsonrpc": "2.0", "method": "exit"})
    assert await pipe.exit_status() == 0
