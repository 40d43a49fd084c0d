#!/usr/bin/env python3
"""Plays systemd for the real kiosk: binds a datagram socket, sets NOTIFY_SOCKET and
WATCHDOG_USEC, starts the kiosk full screen in its own Xvfb, and checks that READY=1 comes
after the first frame, that WATCHDOG=1 comes at half the watchdog interval, that the pings stop
while the kiosk is stopped (SIGSTOP: a hung renderer) and resume after SIGCONT, and that
STOPPING=1 comes on SIGTERM.
Usage: e2e_notify.py FACTS_KIOSK"""
import os, signal, socket, subprocess, sys, tempfile, time

kiosk = sys.argv[1]
work = tempfile.mkdtemp(prefix="facts-notify-")
results = []

def check(name, ok, detail=""):
    results.append(ok)
    print(("ok - " if ok else "not ok - ") + name + (f" ({detail})" if detail else ""), flush=True)

def free_display():
    n = 90
    while os.path.exists(f"/tmp/.X11-unix/X{n}") or os.path.exists(f"/tmp/.X{n}-lock"):
        n += 1
    return n

display = free_display()
xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
kiosk_proc = None
try:
    for _ in range(100):
        if subprocess.run(["xdpyinfo", "-display", f":{display}"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            break
        time.sleep(0.1)
    path = os.path.join(work, "notify.sock")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(path)
    sock.settimeout(0.2)
    log_path = os.path.join(work, "kiosk.log")
    env = dict(os.environ, DISPLAY=f":{display}", NOTIFY_SOCKET=path, WATCHDOG_USEC="1000000")
    log = open(log_path, "w")
    started = time.monotonic()
    kiosk_proc = subprocess.Popen([kiosk, "--state-dir", os.path.join(work, "state")], env=env,
                                  stdout=log, stderr=log)

    def receive(seconds):
        """Datagrams received within seconds, with their arrival times."""
        got, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                data = sock.recv(4096).decode()
                got.append((time.monotonic(), data))
            except socket.timeout:
                pass
        return got

    messages = receive(4.0)
    ready = [t for t, m in messages if "READY=1" in m]
    text = open(log_path).read()
    check("READY=1 sent", len(ready) == 1, f"{len(ready)} times")
    check("READY=1 after the first frame", "first frame" in text and bool(ready))
    pings = [t for t, m in messages if m == "WATCHDOG=1"]
    gaps = [b - a for a, b in zip(pings, pings[1:])]
    # The first ping may come early (at start-up); after it, one every 0.5 s.
    check("WATCHDOG=1 at half the interval", len(pings) >= 5 and all(0.35 < g < 0.8 for g in gaps[1:]),
          f"{len(pings)} pings, gaps {', '.join(f'{g:.2f}' for g in gaps)}")
    os.kill(kiosk_proc.pid, signal.SIGSTOP)
    stopped = receive(2.0)
    check("no pings while the kiosk is stopped", not any(m == "WATCHDOG=1" for _, m in stopped),
          f"{len(stopped)} datagrams")
    os.kill(kiosk_proc.pid, signal.SIGCONT)
    resumed = receive(2.0)
    check("pings resume after SIGCONT", sum(m == "WATCHDOG=1" for _, m in resumed) >= 2)
    kiosk_proc.terminate()
    kiosk_proc.wait(timeout=10)
    stopping = receive(0.5)
    check("STOPPING=1 on SIGTERM", any("STOPPING=1" in m for _, m in stopping))
    check("kiosk exits 0 on SIGTERM", kiosk_proc.returncode == 0, f"status {kiosk_proc.returncode}")
finally:
    if kiosk_proc and kiosk_proc.poll() is None:
        os.kill(kiosk_proc.pid, signal.SIGCONT)
        kiosk_proc.kill()
    xvfb.kill()
passed = sum(results)
failed = len(results) - passed
if failed:
    print(open(os.path.join(work, "kiosk.log")).read())
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
