#!/usr/bin/env python3
"""Plays systemd (NOTIFY_SOCKET, WATCHDOG_USEC) for the real kiosk under Xvfb while it pulls a
large pack from a real nginx (run through tests/update/with_web.sh, which starts it; see
tests/support/web.sh), and measures the longest gap between WATCHDOG=1 pings:
  (a) polls that find nothing (404) and polls of a server that is down;
  (b) a large pack (big images and a hundred MB of text, built by the real builder, signed by
      the real minisign) downloaded at 16 MB/s (nginx limit_rate), checked and installed.
The longest gap must stay under 1 s throughout, and the pack must be on screen. Then a SIGTERM
during a download stops the kiosk promptly and cleanly.
Usage: with_web.sh e2e_url_watchdog.py FACTS_KIOSK FIXTURE_SOURCES"""
import os, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from e2e_checks import check, finish, gradient_png  # noqa: E402
from fake_systemd import FakeSystemd as Systemd, longest_gap  # noqa: E402

kiosk, sources = sys.argv[1], sys.argv[2]
web_root, http, down = os.environ["FACTS_WEB_ROOT"], os.environ["FACTS_WEB_HTTP"], os.environ["FACTS_WEB_DOWN"]
work = tempfile.mkdtemp(prefix="facts-url-watchdog-")
MAX_GAP_S = 1.0
WATCHDOG_USEC = 200000  # a ping every 100 ms
SIDE = 4096
IMAGES = 3
TEXT_ROWS = 3000        # stories of ~3 x 15 KB


def make_pack():
    tree = os.path.join(work, "src")
    shutil.copytree(sources, tree)
    with open(os.path.join(tree, "pack.csv"), "w") as f:
        f.write("version,title_en,title_sr_latn,title_sr_cyrl,created_at\n")
        f.write("8,Example Pack 8,Primer paketa 8,,2026-01-02\n")
    with open(os.path.join(tree, "stories.csv"), "w") as f:
        f.write("id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,show_until\n")
        for i in range(IMAGES):
            name = f"big-{i}.png"
            with open(os.path.join(tree, "images", name), "wb") as image:
                image.write(gradient_png(SIDE, SIDE, i))
            f.write(f"photo-{i},Photo {i},Fotografija {i},Example City,Primer grad,2020,A photo.,Fotografija.,{name},,\n")
        for i in range(TEXT_ROWS):
            f.write(f"story-{i},Story {i},Prica {i},Example City,Primer grad,2020,Text.,Tekst.,,,\n")
    pack = os.path.join(work, "content.db")
    subprocess.run([kiosk, "pack", "build", tree, "-o", pack], check=True, stdout=subprocess.DEVNULL)
    body = ("Example text about example.org, a long story told at length. " * 300)[:15000]
    db = sqlite3.connect(pack)
    db.execute("UPDATE stories SET body_en = ?, body_sr_latn = ?, body_sr_cyrl = ? WHERE id LIKE 'story-%'",
               (body, body, body))
    db.commit()
    db.close()
    subprocess.run(["minisign", "-S", "-s", os.path.join(work, "key.sec"), "-m", pack, "-t", "e2e pack 8"],
                   check=True, stdout=subprocess.DEVNULL)
    return pack


def publish(pack):
    folder = os.path.join(web_root, "facts")
    os.makedirs(folder, exist_ok=True)
    for name in ("content.db", "content.db.minisig"):
        shutil.copyfile(pack + name[len("content.db"):], os.path.join(folder, "." + name))
        os.rename(os.path.join(folder, "." + name), os.path.join(folder, name))


def log_text():
    with open(os.path.join(work, "kiosk.log"), errors="replace") as f:
        return f.read()


def wait_for_log(text, seconds, count=1):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log_text().count(text) >= count:
            return True
        time.sleep(0.05)
    return False


def start_kiosk(env, url):
    log = open(os.path.join(work, "kiosk.log"), "w")
    return subprocess.Popen([kiosk, "--update-url", url, "--url-poll-seconds", "10", "--mount-root",
                             os.path.join(work, "media"), "--state-dir", os.path.join(work, "state"),
                             "--trusted-key", os.path.join(work, "key.pub"), "--slide-seconds", "60"],
                            env=env, stdout=log, stderr=log)


display = 140
while os.path.exists(f"/tmp/.X11-unix/X{display}") or os.path.exists(f"/tmp/.X{display}-lock"):
    display += 1
xvfb = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
kiosk_proc = None
systemd = None
try:
    for _ in range(100):
        if subprocess.run(["xdpyinfo", "-display", f":{display}"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            break
        time.sleep(0.1)
    subprocess.run(["minisign", "-G", "-W", "-p", os.path.join(work, "key.pub"), "-s",
                    os.path.join(work, "key.sec")], check=True, stdout=subprocess.DEVNULL)
    os.makedirs(os.path.join(work, "media"))
    made = time.monotonic()
    pack = make_pack()
    size_mb = os.path.getsize(pack) / 1e6
    print(f"# pack: {IMAGES} images of {SIDE}x{SIDE} and {TEXT_ROWS} long stories, {size_mb:.0f} MB; "
          f"made in {time.monotonic() - made:.0f} s", flush=True)

    systemd = Systemd(os.path.join(work, "notify.sock"))
    env = dict(os.environ, DISPLAY=f":{display}", SDL_FRAMEBUFFER_ACCELERATION="0",
               NOTIFY_SOCKET=os.path.join(work, "notify.sock"), WATCHDOG_USEC=str(WATCHDOG_USEC))

    # (a) A server that is down, then nothing published (404): quiet polls.
    kiosk_proc = start_kiosk(env, f"{down}/facts/")
    check("kiosk shows its first frame", wait_for_log("first frame", 20))
    since = time.monotonic()
    check("polls of a server that is down", wait_for_log("Couldn't connect to server", 25, 2))
    now = time.monotonic()
    gap = longest_gap(systemd.pings(since, now), since, now)
    print(f"# server down, 2 polls: longest watchdog gap {gap:.2f} s over {now - since:.1f} s", flush=True)
    check(f"server down: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")
    kiosk_proc.terminate()
    kiosk_proc.wait(timeout=30)

    # (b) The large pack, paced at 16 MB/s.
    kiosk_proc = start_kiosk(env, f"{http}/paced/")
    check("kiosk restarts", wait_for_log("first frame", 20))
    time.sleep(0.5)
    published = time.monotonic()
    publish(pack)
    installed = wait_for_log("update: ok: Content updated: version 8", 300)
    shown = wait_for_log("update: showing the new pack (version 8)", 10)
    on_screen = time.monotonic()
    time.sleep(2.0)
    now = time.monotonic()
    gap = longest_gap(systemd.pings(published, now), published, now)
    received = [line for line in log_text().splitlines() if "received" in line]
    print(f"# {size_mb:.0f} MB pack from the URL: on screen {on_screen - published:.1f} s after it was published; "
          f"{received[-1].split('update: ')[-1] if received else 'no download logged'}", flush=True)
    print(f"# URL update: longest watchdog gap {gap:.2f} s over {now - published:.1f} s", flush=True)
    check("large pack installed from the URL", installed)
    check("and on screen", shown)
    check("read once (by the acceptance check)", log_text().count("(version 8)") >= 1 and
          log_text().count("content: loaded") == 2, f"{log_text().count('content: loaded')} loads")
    check(f"URL update: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")
    kiosk_proc.terminate()
    kiosk_proc.wait(timeout=60)
    check("kiosk exits 0 after the update", kiosk_proc.returncode == 0, f"status {kiosk_proc.returncode}")

    # A SIGTERM during a download: the kiosk stops within 5 s, exits 0, leaves no staged copy.
    shutil.rmtree(os.path.join(work, "state"))
    kiosk_proc = start_kiosk(env, f"{http}/paced/")
    check("restarted kiosk shows its first frame", wait_for_log("first frame", 20))
    wait_for_log("downloading content.db", 20)
    time.sleep(1.0)
    asked = time.monotonic()
    kiosk_proc.terminate()
    try:
        kiosk_proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass
    took = time.monotonic() - asked
    check("SIGTERM during a download stops the kiosk within 5 s", kiosk_proc.returncode is not None and took < 5,
          f"{took:.1f} s")
    check("and it exits 0", kiosk_proc.returncode == 0, f"status {kiosk_proc.returncode}")
    left = [n for n in os.listdir(os.path.join(work, "state")) if "stag" in n]
    check("no staged copy left behind", not left, ", ".join(left))
finally:
    if kiosk_proc and kiosk_proc.poll() is None:
        kiosk_proc.kill()
        kiosk_proc.wait()
    if systemd:
        systemd.stop()
    xvfb.kill()
    xvfb.wait()
finish(work, log_text().splitlines())
