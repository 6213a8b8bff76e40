#!/usr/bin/env python3
"""Black-box check of the running bot (demo mode): only HTTP in, only HTTP out.

Starts the built bot as a separate process on a free loopback port, and a tiny stand-in Bot
Connector that records everything the bot sends. Then it chats like a person would, only
through the cards: asks a question, books a conversation with a VP, and checks that:
  - the answer and every step arrive as Adaptive Cards,
  - glass-walled or open-view rooms are never offered,
  - the booking is confirmed,
  - the VP gets a proactive 1:1 conversation and a handoff card,
  - nothing the employee typed (a sentinel) appears in anything the bot sent to anyone,
    and nothing is echoed back to the employee.
Usage: python3 scripts/blackbox.py [path/to/VpWijzer.Bot.dll] [--redis=host:port]. With --redis, two bot processes share the Redis store and take turns. Exits non-zero on any failure.
"""
import json, os, socket, subprocess, sys, threading, time, urllib.parse, urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SENTINEL = "SENTINEL-bb-4f2e"
GLASS = ["Aquarium", "Glazen Box", "Ontmoetingsplein", "Esdoorn", "Hazelaar"]
received, lock, ids = [], threading.Lock(), [0]


class Connector(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
            return b"".join(chunks).decode()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()

    def _answer(self, payload, status=200):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self._body()
        with lock:
            received.append(("POST", urllib.parse.unquote(self.path), body))
            ids[0] += 1
            n = ids[0]
        if self.path.rstrip("/") == "/v3/conversations":
            self._answer({"id": f"a:vp-conversation-{n}", "activityId": f"act-{n}"})
        else:
            self._answer({"id": f"reply-{n}"})

    def do_PUT(self):
        body = self._body()
        with lock:
            received.append(("PUT", urllib.parse.unquote(self.path), body))
        self._answer({"id": "updated"})

    def do_GET(self):
        self._answer({}, 404)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(message):
    print(f"blackbox: FAIL: {message}")
    sys.exit(1)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--redis=")]
    redis = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--redis=")), None)
    dll = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "bot", "bin", "Debug", "net10.0", "VpWijzer.Bot.dll")
    connector_port = free_port()
    server = ThreadingHTTPServer(("127.0.0.1", connector_port), Connector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    service_url = f"http://127.0.0.1:{connector_port}/"
    # With --redis=host:port: two bot processes share the Redis state store and take turns on one conversation.
    state = ["--State:Store=Redis", f"--State:RedisConnection={redis}"] if redis else []
    ports = [free_port() for _ in range(2 if redis else 1)]
    bots = [subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Trace", *state],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for port in ports]
    logs = []
    for bot in bots:
        threading.Thread(target=lambda b=bot: logs.extend(b.stdout), daemon=True).start()
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        # Two instances train their models side by side on a CI machine: allow two minutes, not a fixed count of tries.
        for base in bases:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if urllib.request.urlopen(base + "/readyz", timeout=1).status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    fail("the bot did not become ready within 120 s")
                time.sleep(0.1)

        conversation, seq = "a:employee-bb", [0]

        def send(activity):
            seq[0] += 1
            activity.update({"id": f"m{seq[0]}", "channelId": "msteams", "serviceUrl": service_url, "locale": "nl-NL",
                             "from": {"id": "29:employee", "name": "Bea Blackbox", "aadObjectId": "11111111-2222-3333-4444-555555555555"},
                             "recipient": {"id": "28:bot", "name": "VP-wijzer"},
                             "conversation": {"id": conversation, "conversationType": "personal", "tenantId": "tenant-bb"}})
            with lock:
                before = len(received)
            base = bases[seq[0] % len(bases)]
            req = urllib.request.Request(base + "/api/messages", json.dumps(activity).encode(), {"Content-Type": "application/json"})
            if urllib.request.urlopen(req, timeout=15).status != 200:
                fail("the bot did not answer 200")
            with lock:
                new = received[before:]
            cards = [a["content"] for _, path, body in new if conversation in path
                     for a in (json.loads(body).get("attachments") or [])]
            return cards

        def actions(card):
            found = []
            def walk(node):
                if isinstance(node, dict):
                    if node.get("type") in ("Action.Submit", "Action.Execute"):
                        found.append(node)
                    for v in node.values():
                        walk(v)
                elif isinstance(node, list):
                    for v in node:
                        walk(v)
            walk(card)
            return found

        def click(cards, title, inputs=None):
            for card in reversed(cards):
                for action in actions(card):
                    if title.lower() in action.get("title", "").lower():
                        value = dict(action["data"])
                        value.update(inputs or {})
                        return send({"type": "message", "value": value})
            fail(f"no button '{title}' on the last cards")

        cards = send({"type": "message", "text": f"{SENTINEL} mijn collega Zonnebloemhart lacht me steeds uit, is dit pesten?"})
        if not cards or "Pesten" not in json.dumps(cards[-1]):
            fail("the question did not get the bullying answer card")
        cards = send({"type": "message", "text": "Ik wil een afspraak met een vertrouwenspersoon"})
        for title in ["Verder", "Kies Anna", "Op kantoor"]:
            cards = click(cards, title)
        slots_text = json.dumps(cards, ensure_ascii=False)
        if "booking.slot" not in slots_text:
            fail("no slots offered")
        for room in GLASS:
            if room in slots_text:
                fail(f"a room that must never be offered was offered: {room}")
        for title in ["Dit tijdstip", "Reservering zonder naam", "Overslaan", "Ja, maak de afspraak"]:
            cards = click(cards, title)
        if "Je afspraak staat" not in json.dumps(cards, ensure_ascii=False):
            fail("the booking was not confirmed")

        with lock:
            everything = list(received)
        creates = [b for m, p, b in everything if p.rstrip("/") == "/v3/conversations"]
        if not creates or "00000000-0000-0000-0000-0000000000a1" not in creates[-1]:
            fail("no proactive 1:1 conversation was created for the VP")
        to_vp = [b for m, p, b in everything if "vp-conversation" in p]
        if not any("Afspraak via VP-wijzer" in b for b in to_vp):
            fail("the VP did not receive a handoff card")
        sent = "\n".join(b for _, _, b in everything)
        if SENTINEL in sent or "Zonnebloemhart" in sent or "Bea Blackbox" in sent:
            fail("text the employee typed, or their name, appears in what the bot sent")
        log_text = "".join(logs)
        if SENTINEL in log_text or "Bea Blackbox" in log_text or "11111111-2222-3333-4444-555555555555" in log_text:
            fail("the sentinel, the name or the object id appears in the bot's Trace log")
        if redis:
            host, port = redis.rsplit(":", 1)
            keys = subprocess.run(["redis-cli", "-h", host, "-p", port, "--scan"], capture_output=True, text=True, check=True).stdout.split()
            dump = "".join(subprocess.run(["redis-cli", "-h", host, "-p", port, "dump", k], capture_output=True, text=True, errors="replace").stdout for k in keys)
            if not keys:
                fail("nothing was stored in Redis: the instances did not share state")
            if SENTINEL in dump or "Zonnebloemhart" in dump or "Bea Blackbox" in dump or "11111111-2222-3333-4444-555555555555" in dump:
                fail("text the employee typed, their name or object id is stored in Redis")
            print(f"blackbox: two instances shared one conversation through Redis ({len(keys)} keys, none holding typed text or identity)")
        print(f"blackbox: OK — {len(everything)} requests to the connector, booking confirmed, VP handoff card sent, "
              f"no sentinel in anything sent or logged ({len(logs)} log lines at Trace)")
    finally:
        for bot in bots:
            bot.terminate()
            try:
                bot.wait(timeout=10)
            except subprocess.TimeoutExpired:
                bot.kill()
        server.shutdown()


if __name__ == "__main__":
    main()
