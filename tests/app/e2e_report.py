#!/usr/bin/env python3
"""The status report POSTed to report_url by the real kiosk under Xvfb, to a real HTTP
receiver on 127.0.0.1 (an http.server subclass handling do_POST), with packs built by the
real builder and signed by the real minisign, while this script plays systemd's watchdog
(NOTIFY_SOCKET, WATCHDOG_USEC) as e2e_watchdog.py does:
  - a report arrives at start-up, right after an update attempt (with its result) and every
    report_minutes (1 here), not at every status.json write; it is the JSON of status.json,
    sent as application/json; the picture of the screen comes as a POST of its own (image/jpeg);
  - a receiver that is down and then one that stalls (accepts the connection, never answers)
    never delay the loop: the longest gap between watchdog pings stays under 1 s while update
    attempts post to it; status.json keeps being written; each kind of failure is logged once;
  - SIGTERM while a POST hangs on the stalled receiver stops the kiosk at once, cleanly.
Usage: e2e_report.py FACTS_KIOSK FIXTURE_SOURCES"""
import http.server, json, os, shutil, socket, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from e2e_checks import check, finish  # noqa: E402
from fake_systemd import FakeSystemd as Systemd, longest_gap  # noqa: E402

kiosk, sources = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="facts-report-")
MAX_GAP_S = 1.0
WATCHDOG_USEC = 200000       # a ping every 100 ms
REPORT_MINUTES = 1
STALL_S = 20                 # longer than the poster's 10 s timeout


class Receiver(http.server.ThreadingHTTPServer):
    """Records every POST: (monotonic time, path, Content-Type, parsed body or None)."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port):
        super().__init__(("127.0.0.1", port), Handler)
        self.posts = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.shutdown()
        self.server_close()

    def since(self, t):
        with self.lock:
            return [p for p in self.posts if p[0] >= t]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        try:
            doc = json.loads(body.decode("utf-8"))
        except ValueError:
            doc = None
        with self.server.lock:
            self.server.posts.append((time.monotonic(), self.path, self.headers.get("Content-Type"), doc))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def log_text():
    with open(os.path.join(work, "kiosk.log"), errors="replace") as f:
        return f.read()


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    return predicate()


def wait_for_log(text, seconds, count=1):
    return wait_for(lambda: log_text().count(text) >= count, seconds)


def make_pack(version):
    tree = os.path.join(work, f"src{version}")
    shutil.copytree(sources, tree)
    with open(os.path.join(tree, "pack.csv"), "w") as f:
        f.write("version,title_en,title_sr_latn,title_sr_cyrl,created_at\n")
        f.write(f"{version},Example Pack {version},Primer paketa {version},,2026-01-02\n")
    pack = os.path.join(work, f"v{version}.db")
    subprocess.run([kiosk, "pack", "build", tree, "-o", pack], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["minisign", "-S", "-s", os.path.join(work, "key.sec"), "-m", pack, "-t", "e2e pack"],
                   check=True, stdout=subprocess.DEVNULL)
    return pack


def insert_stick(pack, label):
    folder = os.path.join(work, "media", label)
    os.makedirs(os.path.join(folder, "facts-kiosk.tmp"))
    shutil.copyfile(pack, os.path.join(folder, "facts-kiosk.tmp", "content.db"))
    shutil.copyfile(pack + ".minisig", os.path.join(folder, "facts-kiosk.tmp", "content.db.minisig"))
    os.rename(os.path.join(folder, "facts-kiosk.tmp"), os.path.join(folder, "facts-kiosk"))
    return os.path.join(folder, "facts-kiosk")


def status_file():
    with open(os.path.join(work, "state", "status.json"), encoding="utf-8") as f:
        return json.load(f)


STABLE_KEYS = ("schema", "kiosk_id", "kiosk_id_from", "package_version", "pack", "last_update")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


display = 140
while os.path.exists(f"/tmp/.X11-unix/X{display}") or os.path.exists(f"/tmp/.X{display}-lock"):
    display += 1
xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "960x540x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
kiosk_proc = systemd = receiver = staller = None
try:
    for _ in range(100):
        if subprocess.run(["xdpyinfo", "-display", f":{display}"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            break
        time.sleep(0.1)
    subprocess.run(["minisign", "-G", "-W", "-p", os.path.join(work, "key.pub"), "-s",
                    os.path.join(work, "key.sec")], check=True, stdout=subprocess.DEVNULL)
    os.makedirs(os.path.join(work, "media"))
    bundled, newer = make_pack(5), make_pack(7)
    port = free_port()
    url = f"http://127.0.0.1:{port}/fleet/status"
    receiver = Receiver(port)
    systemd = Systemd(os.path.join(work, "notify.sock"))
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env.update(DISPLAY=f":{display}", SDL_FRAMEBUFFER_ACCELERATION="0", FACTS_BUNDLED_PACK=bundled,
               NOTIFY_SOCKET=os.path.join(work, "notify.sock"), WATCHDOG_USEC=str(WATCHDOG_USEC),
               no_proxy="127.0.0.1", NO_PROXY="127.0.0.1")
    started = time.monotonic()
    with open(os.path.join(work, "kiosk.log"), "w") as log:
        kiosk_proc = subprocess.Popen([kiosk, "--mount-root", os.path.join(work, "media"), "--state-dir",
                                       os.path.join(work, "state"), "--trusted-key", os.path.join(work, "key.pub"),
                                       "--slide-seconds", "60", "--status-seconds", "1", "--report-url", url,
                                       "--report-minutes", str(REPORT_MINUTES)], env=env, stdout=log, stderr=log)
    check("kiosk shows its first frame", wait_for_log("first frame", 20))

    # 1. At start-up: the first report, the JSON of status.json.
    first = wait_for(lambda: receiver.since(started), 5)
    check("a report at start-up", first)
    if first:
        t_first, path, content_type, doc = first[0]
        print(f"# first report {t_first - started:.1f} s after the start", flush=True)
        check("POSTed to the configured path as application/json", path == "/fleet/status" and
              content_type == "application/json", f"{path} {content_type}")
        check("the body is valid JSON", doc is not None)
        doc = doc or {}
        check("it says the bundled pack, no update yet", doc.get("pack", {}).get("version") == 5 and
              doc.get("last_update", 1) is None, json.dumps(doc)[:200])
        on_disk = status_file()
        check("it is the JSON of status.json", all(doc.get(k) == on_disk.get(k) for k in STABLE_KEYS))

    # 2. Right after an update attempt, with its result.
    stick = insert_stick(newer, "s7")
    check("signed stick installed", wait_for_log("update: ok: Content updated: version 7", 15))
    logged = time.monotonic()
    after = wait_for(lambda: [p for p in receiver.since(started) if p[3] and p[3].get("last_update")], 3)
    check("a report right after the attempt", after, f"{(after[0][0] - logged):.2f} s after" if after else "")
    if after:
        doc = after[0][3]
        update = doc["last_update"]
        check("with the attempt's result and the new pack", doc["pack"]["version"] == 7 and update["result"] == "ok"
              and update["message_id"] == "installed" and update["pack_version"] == 7 and update["source"] == stick,
              json.dumps(update)[:300])
        on_disk = status_file()
        check("the same as status.json", all(doc.get(k) == on_disk.get(k) for k in STABLE_KEYS))
    shutil.rmtree(os.path.dirname(stick))

    # 3. Every report_minutes, not at every status.json write (every second here).
    if first:
        periodic = wait_for(lambda: [p for p in receiver.since(first[0][0] + 30)], REPORT_MINUTES * 60 + 15)
        interval = periodic[0][0] - first[0][0] if periodic else 0
        print(f"# periodic report {interval:.1f} s after the first", flush=True)
        check(f"the next report after {REPORT_MINUTES} minute", periodic and abs(interval - REPORT_MINUTES * 60) < 3,
              f"{interval:.1f} s")
        count = len([p for p in receiver.since(started) if p[2] == "application/json"])
        check("three reports in all: start-up, the attempt, the minute", count == 3, f"{count}")
        pictures = [p for p in receiver.since(started) if p[2] == "image/jpeg"]
        check("and the picture of the screen, 5 s after the start, as a POST of its own (image/jpeg)",
              len(pictures) == 1 and pictures[0][3] is None and pictures[0][1] == "/fleet/status", f"{len(pictures)}")
        mtime = os.stat(os.path.join(work, "state", "status.json")).st_mtime
        check("while status.json is written every second", time.time() - mtime < 2.5, f"{time.time() - mtime:.1f} s old")

    # 4. The receiver is down: attempts post into nothing; the loop never waits.
    receiver.stop()
    down_from = time.monotonic()
    before = log_text().count("update: refused")
    for i in range(2):
        insert_stick(newer, f"down{i}")
        wait_for_log("update: refused", 10, before + i + 1)
        time.sleep(1.5)
    down_until = time.monotonic()
    gap = systemd.longest_gap(down_from, down_until)
    print(f"# receiver down: longest watchdog gap {gap:.2f} s over {down_until - down_from:.1f} s", flush=True)
    check(f"receiver down: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")
    lines = [l for l in log_text().splitlines() if "report: cannot send the status" in l]
    check("receiver down: said once", len(lines) == 1 and "cannot connect" in lines[0], " | ".join(lines))

    # 5. The receiver stalls: it takes the connection and never answers.
    staller = socket.socket()
    staller.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    staller.bind(("127.0.0.1", port))
    staller.listen(16)  # never accepted: the kernel completes the handshake, nobody reads
    stall_from = time.monotonic()
    before = log_text().count("update: refused")
    for i in range(3):
        insert_stick(newer, f"stall{i}")
        wait_for_log("update: refused", 10, before + i + 1)
        time.sleep(max(0.0, stall_from + 4 * (i + 1) - time.monotonic()))
    time.sleep(max(0.0, stall_from + STALL_S - time.monotonic()))
    stall_until = time.monotonic()
    gap = systemd.longest_gap(stall_from, stall_until)
    print(f"# receiver stalls: longest watchdog gap {gap:.2f} s over {stall_until - stall_from:.1f} s", flush=True)
    check(f"receiver stalls: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")
    mtime = os.stat(os.path.join(work, "state", "status.json")).st_mtime
    check("status.json still written every second", time.time() - mtime < 2.5, f"{time.time() - mtime:.1f} s old")
    check("the stall is logged once, as a timeout",
          sum("report: cannot send the status" in l and "timed out" in l for l in log_text().splitlines()) == 1)

    # 6. SIGTERM while a POST hangs on the stalled receiver.
    before = log_text().count("update: refused")
    insert_stick(newer, "last")
    wait_for_log("update: refused", 10, before + 1)
    time.sleep(0.5)
    asked = time.monotonic()
    kiosk_proc.terminate()
    try:
        kiosk_proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    took = time.monotonic() - asked
    print(f"# SIGTERM during a stalled POST: stopped in {took:.2f} s", flush=True)
    check("SIGTERM during a stalled POST stops the kiosk within 2 s", kiosk_proc.returncode is not None and took < 2,
          f"{took:.2f} s")
    check("and it exits 0", kiosk_proc.returncode == 0, f"status {kiosk_proc.returncode}")
finally:
    if kiosk_proc and kiosk_proc.poll() is None:
        kiosk_proc.kill()
        kiosk_proc.wait()
    if staller:
        staller.close()
    if systemd:
        systemd.stop()
    xvfb.kill()
    xvfb.wait()
finish(work, [l for l in log_text().splitlines() if "deck:" not in l])
