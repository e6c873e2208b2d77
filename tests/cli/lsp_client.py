"""lsp_client.py: a minimal Language Server Protocol client over pipes, for
the tests of `startklar lsp` (tests/cli/lsp.py) and the benchmark
(bench/lsp_edits.py): frames messages, waits for a response by id, and
keeps the notifications it received."""
import json
import subprocess


class Client:
    def __init__(self, argv, env=None):
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.next_id = 0
        self.notifications = []

    def send_raw(self, body):
        if isinstance(body, str):
            body = body.encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, msg):
        msg = dict(msg, jsonrpc="2.0")
        self.send_raw(json.dumps(msg, ensure_ascii=False))

    def read(self):
        length = None
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise EOFError("the server closed its output")
            line = line.strip()
            if not line:
                if length is not None:
                    break
                continue
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(self.proc.stdout.read(length))

    def request(self, method, params=None):
        self.next_id += 1
        mid = self.next_id
        self.send({"id": mid, "method": method, "params": params})
        return self.wait_response(mid)

    def wait_response(self, mid):
        while True:
            msg = self.read()
            if "method" in msg and "id" not in msg:
                self.notifications.append(msg)
            elif msg.get("id") == mid:
                return msg

    def notify(self, method, params=None):
        self.send({"method": method, "params": params})

    def diagnostics(self, uri):
        """The last diagnostics published for uri so far (after a round trip)."""
        found = None
        for n in self.notifications:
            if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri:
                found = n["params"]["diagnostics"]
        return found

    def sync(self):
        """A request answered after every notification sent before it."""
        return self.request("textDocument/hover", {"textDocument": {"uri": "file:///nonexistent/sync.yaml"},
                                                   "position": {"line": 0, "character": 0}})
