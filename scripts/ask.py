#!/usr/bin/env python3
"""What a user of the web chat reads: asks a running bot questions over Direct Line and prints its replies as text.

Each line on stdin is one question in a fresh conversation. For every reply card it prints the texts in reading
order, the texts behind "Meer uitleg" and other fold-outs (indented, with the button's name), and the buttons.
Only talks to 127.0.0.1. Used by reviewers who must judge the answers as a user gets them, not the content files.

Usage: python3 scripts/ask.py http://127.0.0.1:PORT [--lang en] < questions.txt
"""
import json, sys, time, urllib.request

def call(base, method, path, token, body=None):
    req = urllib.request.Request(base + "/v3/directline" + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"} if token else {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=20) as r:
        data = r.read()
        return json.loads(data) if data else {}

def texts(node, depth, out):
    if isinstance(node, dict):
        kind = node.get("type", "")
        if kind == "TextBlock":
            out.append("  " * depth + node.get("text", ""))
        elif kind == "FactSet":
            out.extend("  " * depth + f"{f['title']}: {f['value']}" for f in node.get("facts", []))
        elif kind == "Action.ShowCard":
            out.append("  " * depth + f"[{node.get('title')}] ▸")
            texts(node.get("card", {}).get("body", []), depth + 1, out)
            texts(node.get("card", {}).get("actions", []), depth + 1, out)
            return
        elif kind.startswith("Action."):
            target = node.get("url", "")
            out.append("  " * depth + f"[{node.get('title')}]" + (f" → {target}" if target else ""))
            return
        for key in ("body", "items", "columns", "actions"):
            if key in node:
                texts(node[key], depth, out)
    elif isinstance(node, list):
        for item in node:
            texts(item, depth, out)

def ask(base, question, locale):
    if not base.startswith("http://127.0.0.1:"):
        sys.exit("only http://127.0.0.1:<port>")
    token = call(base, "POST", "/tokens/generate", None)["token"]
    conversation = call(base, "POST", "/conversations", token, {"locale": locale})
    cid = conversation["conversationId"]
    watermark = None

    def poll(wait):
        nonlocal watermark
        deadline, seen = time.time() + wait, []
        while time.time() < deadline:
            page = call(base, "GET", f"/conversations/{cid}/activities" + (f"?watermark={watermark}" if watermark else ""), token)
            watermark = page.get("watermark", watermark)
            seen += [a for a in page.get("activities", []) if a.get("from", {}).get("role") != "user" and a.get("type") == "message"]
            if seen and time.time() > deadline - wait + 1.5:
                break
            time.sleep(0.3)
        return seen

    poll(3)  # the welcome card
    call(base, "POST", f"/conversations/{cid}/activities", token, {"type": "message", "from": {"id": "reviewer", "role": "user"}, "text": question, "locale": locale})
    lines = []
    for activity in poll(6):
        if activity.get("text"):
            lines.append(activity["text"])
        for attachment in activity.get("attachments") or []:
            texts(attachment.get("content", {}), 0, lines)
    return lines

def wait_ready(base):
    for _ in range(120):
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=5) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"{base} is not ready")

def main():
    base = sys.argv[1].rstrip("/")
    wait_ready(base)
    locale = "en-US" if "--lang" in sys.argv and sys.argv[sys.argv.index("--lang") + 1] == "en" else "nl-NL"
    for question in (l.strip() for l in sys.stdin):
        if question:
            print(f"### {question}")
            print("\n".join(ask(base, question, locale)))
            print()

if __name__ == "__main__":
    main()
