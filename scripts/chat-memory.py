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
                        "--Endpoint:PerIpPerSecond=0", "--Chat:RequestsPerIpPerSecond=0", "--Endpoint:PerConversationPerMinute=0", "--Logging:LogLevel:Default=Warning"],
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
    samples = []
    for c in range(conversations):
        if c % max(1, conversations // 6) == 0:
            samples.append((c, round(rss_mb(), 1)))
        try:
            _, raw = call("POST", "/v3/directline/conversations")
        except urllib.error.HTTPError as e:
            # 503: the instance's conversation or queue budget is full, which is the cap under test
            statuses["start " + str(e.code)] = statuses.get("start " + str(e.code), 0) + 1
            continue
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
    samples.append((conversations, round(after, 1)))
    # the slope over the second half: past the first GC budgets, what each further conversation costs
    half = [p for p in samples if p[0] >= conversations // 2]
    slope = (half[-1][1] - half[0][1]) * 1024 / max(1, half[-1][0] - half[0][0])
    print(json.dumps({"conversations": conversations, "messagesEach": messages, "statuses": statuses,
                      "rssBeforeMb": round(before, 1), "rssAfterMb": round(after, 1),
                      "perConversationKb": round((after - before) * 1024 / conversations, 1),
                      "secondHalfKbPerConversation": round(slope, 1), "samples": samples}))
finally:
    bot.kill()
