#!/usr/bin/env python3
"""Measures what unread chat queues cost (issue 16, M2): N anonymous conversations, each posting M questions and
never polling, so every reply stays queued up to Chat:MaxQueuedBytesPerConversation. Prints RSS before and after.

    python3 scripts/chat-memory.py bot/bin/Debug/net10.0/VpWijzer.Bot.dll [conversations] [messages]
"""
import json, socket, subprocess, sys, time, urllib.request

dll = sys.argv[1]
conversations = int(sys.argv[2]) if len(sys.argv) > 2 else 300
messages = int(sys.argv[3]) if len(sys.argv) > 3 else 20
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
bot = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{port}", "--Chat:StartsPerIpPerMinute=0", "--Chat:StartsPerIpBurst=100000",
                        "--Endpoint:PerIpPerSecond=0", "--Endpoint:PerConversationPerMinute=0", "--Logging:LogLevel:Default=Warning"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
base = f"http://127.0.0.1:{port}"

def rss_mb():
    for line in open(f"/proc/{bot.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

def call(method, path, token=None, body=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read()

try:
    deadline = time.monotonic() + 120
    while True:
        try:
            if urllib.request.urlopen(base + "/readyz", timeout=1).status == 200:
                break
        except OSError:
            pass
        if time.monotonic() > deadline:
            sys.exit("bot not ready")
        time.sleep(0.1)
    # warm up one conversation so the first-use costs are not counted
    _, raw = call("POST", "/v3/directline/conversations")
    warm = json.loads(raw)
    call("POST", f"/v3/directline/conversations/{warm['conversationId']}/activities", warm["token"], {"type": "message", "text": "help", "from": {"id": "u"}})
    time.sleep(2)
    before = rss_mb()
    statuses = {}
    for c in range(conversations):
        _, raw = call("POST", "/v3/directline/conversations")
        conv = json.loads(raw)
        for m in range(messages):
            try:
                status, _ = call("POST", f"/v3/directline/conversations/{conv['conversationId']}/activities", conv["token"],
                                 {"type": "message", "text": "wat doet een vertrouwenspersoon" if m % 2 else "help", "from": {"id": "u"}})
            except urllib.error.HTTPError as e:
                status = e.code
            statuses[status] = statuses.get(status, 0) + 1
    time.sleep(2)
    after = rss_mb()
    print(json.dumps({"conversations": conversations, "messagesEach": messages, "statuses": statuses,
                      "rssBeforeMb": round(before, 1), "rssAfterMb": round(after, 1),
                      "perConversationKb": round((after - before) * 1024 / conversations, 1)}))
finally:
    bot.kill()
