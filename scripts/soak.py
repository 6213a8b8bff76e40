#!/usr/bin/env python3
"""Soak: steady load on the real bot for a while, watching memory and state expiry.

Starts redis-server (free port) and the published bot with State:Store=Redis and a short idle
TTL, plus a stand-in connector; sends Teams-shaped activities at a fixed rate from many
conversations for DURATION seconds; samples the bot's RSS (/proc) and Redis DBSIZE every 10 s,
then idles past the TTL to show the state entries expire. Prints a table for docs/BENCHMARKS.md.
Usage: python3 scripts/soak.py path/to/VpWijzer.Bot.dll [duration_s=600] [rate_per_s=100]
Only loopback traffic; ends only the processes it started.
"""
import json, socket, subprocess, sys, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

QUESTIONS = ["is dit pesten?", "wat doet een vertrouwenspersoon", "blijft dit geheim?", "help", "I was insulted by a client",
             "kan het gesprek ook telefonisch", "mijn chef maakt seksuele grappen", "wat is discriminatie", "menu"]


class Connector(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    count = 0

    def log_message(self, *a):
        pass

    def do_POST(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                self.rfile.read(size + 2) if size else self.rfile.readline()
                if size == 0:
                    break
        else:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Connector.count += 1
        body = b'{"id":"r"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    """Resident memory in MB, or None when the process is gone (a zombie has no VmRSS line)."""
    try:
        f = open(f"/proc/{pid}/status")
    except OSError:
        return None
    with f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return None


def dbsize(port):
    out = subprocess.run(["redis-cli", "-p", str(port), "dbsize"], capture_output=True, text=True).stdout.strip()
    return int(out or 0)


def main():
    dll = sys.argv[1]
    duration = int(sys.argv[2]) if len(sys.argv) > 2 else 600
    rate = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    ttl_s = 60
    rport, cport, bport = free_port(), free_port(), free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(rport), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL)
    server = ThreadingHTTPServer(("127.0.0.1", cport), Connector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    bot = subprocess.Popen(["dotnet", dll, "--urls", f"http://127.0.0.1:{bport}", "--State:Store=Redis", f"--State:RedisConnection=127.0.0.1:{rport}",
                            f"--State:IdleTtl=00:{ttl_s // 60:02d}:{ttl_s % 60:02d}", "--Logging:LogLevel:Default=Warning"], stdout=subprocess.DEVNULL, stderr=open("/tmp/soak-bot.err", "w"))
    try:
        base = f"http://127.0.0.1:{bport}"
        for _ in range(300):
            try:
                if urllib.request.urlopen(base + "/readyz", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.05)
        samples, counts = [], {"sent": 0, "errors": 0}
        count_lock = threading.Lock()

        def post(i, elapsed):
            activity = {"type": "message", "id": f"m{i}", "channelId": "msteams", "serviceUrl": f"http://127.0.0.1:{cport}/", "locale": "nl-NL",
                        "text": QUESTIONS[i % len(QUESTIONS)], "from": {"id": f"u{i % 2000}"}, "recipient": {"id": "28:bot"},
                        "conversation": {"id": f"soak-{i % 2000}-{int(elapsed // 120)}"}}
            ok = False
            try:
                r = urllib.request.urlopen(urllib.request.Request(base + "/api/messages", json.dumps(activity).encode(), {"Content-Type": "application/json"}), timeout=10)
                ok = r.status == 200
            except OSError:
                pass
            with count_lock:
                counts["sent"] += 1
                counts["errors"] += 0 if ok else 1

        start = time.time()
        next_sample = start
        i = 0
        with ThreadPoolExecutor(max_workers=16) as pool:
            while time.time() - start < duration:
                tick = time.time()
                for _ in range(rate // 10):
                    i += 1
                    pool.submit(post, i, tick - start)
                if bot.poll() is not None:
                    sys.exit(f"the bot exited with code {bot.returncode} after {time.time() - start:.0f}s; see /tmp/soak-bot.err")
                if time.time() >= next_sample:
                    samples.append((round(time.time() - start), rss_mb(bot.pid), dbsize(rport), counts["sent"], counts["errors"]))
                    next_sample += 10
                time.sleep(max(0, 0.1 - (time.time() - tick)))
        sent, errors = counts["sent"], counts["errors"]
        end_load = time.time()
        while time.time() - end_load < ttl_s + 15:
            time.sleep(5)
        after = (round(time.time() - start), rss_mb(bot.pid), dbsize(rport), sent, errors)
        if bot.poll() is not None:
            sys.exit(f"the bot exited with code {bot.returncode}; see /tmp/soak-bot.err")
        print("t_s\trss_mb\tstate_entries\tsent\terrors")
        for s in samples[::6] + [samples[-1], after]:
            print("\t".join(str(round(x, 1)) if isinstance(x, float) else str(x) for x in s))
        steady = [s[1] for s in samples if s[0] >= 120 and s[1]]
        if steady:
            print(f"RSS after warm-up (t>=120s, the first conversation-id window): min {min(steady):.0f} MB, max {max(steady):.0f} MB, spread {100 * (max(steady) - min(steady)) / min(steady):.1f} %")
        print(f"requests {sent}, errors {errors}, connector replies {Connector.count}, state entries at end of load {samples[-1][2]}, {ttl_s + 15}s after load {after[2]}")
    finally:
        bot.terminate()
        bot.wait(timeout=15)
        redis.terminate()
        redis.wait(timeout=15)
        server.shutdown()


if __name__ == "__main__":
    main()
