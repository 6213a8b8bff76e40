#!/usr/bin/env bash
# CI for the intranet chat (issue 8): the /chat page end to end in Debian's headless Chromium.
# Expects the solution to be built (bot/bin/Debug/net10.0). Never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "ci: installing chromium (Debian package)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi

(cd e2e-webchat && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

dll=bot/bin/Debug/net10.0/VpWijzer.Bot.dll
[ -f "$dll" ] || dotnet build bot -warnaserror
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
dotnet "$dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
bot_pid=$!
trap 'kill "$bot_pid" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$bot_pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.5
done

echo "ci: chat e2e against http://127.0.0.1:$port (screenshots in e2e-webchat/output/)"
(cd e2e-webchat && BOT_URL="http://127.0.0.1:$port" node chat.e2e.mjs)
# Which message lands at "possible" depends on the trained screener: ask it, with the classifier the bot uses.
possible=$(python3 - "$dll" <<'PY'
import json, subprocess, sys
candidates = ["ik ben er klaar mee, met alles", "ik wil niet meer naar mijn werk", "ik heb geen zin meer in mijn werk",
              "ik weet echt niet meer hoe ik verder moet", "het hoeft voor mij allemaal niet meer zo", "ik ben het zo zat, ik kan niet meer",
              "niemand zou het merken als ik er morgen niet ben", "ik heb alles geregeld op het werk, mijn spullen zijn opgeruimd"]
out = subprocess.run(["dotnet", sys.argv[1], "kb", "ask"], input="\n".join(candidates) + "\n", capture_output=True, text=True, check=True).stdout.splitlines()
print(next(c for c, l in zip(candidates, out) if json.loads(l)["safety"] == "possible" and json.loads(l)["language"] == "nl"))
PY
)
echo "ci: safety levels e2e (crisis, someone else, possible: \"$possible\") at 400x800 and desktop"
(cd e2e-webchat && BOT_URL="http://127.0.0.1:$port" POSSIBLE_TEXT="$possible" node safety.e2e.mjs)
