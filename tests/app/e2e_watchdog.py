#!/usr/bin/env python3
"""Plays systemd (NOTIFY_SOCKET, WATCHDOG_USEC) for the real kiosk under Xvfb and measures the
longest gap between WATCHDOG=1 pings while a USB update runs, on two packs signed by the real
minisign and built by the real builder:
  (a) many large images: as many 4096x4096 PNGs as the pixel budget allows;
  (b) a large pack: a few hundred MB of story text;
  (c) then a pack far over the pixel budget (40 such images), which must be refused.
Each must install (or be refused), be read once (not reloaded after the install) and the
longest gap must stay under 1 s. Then a SIGTERM in the middle of an update must stop the kiosk promptly and cleanly.
Everything is generated under TMPDIR and removed afterwards (kept when a check fails).
Usage: e2e_watchdog.py FACTS_KIOSK FIXTURE_SOURCES"""
import os, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from e2e_checks import check, finish, gradient_png  # noqa: E402
from fake_systemd import FakeSystemd as Systemd, longest_gap  # noqa: E402

kiosk, sources = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="facts-watchdog-")
MAX_GAP_S = 1.0
WATCHDOG_USEC = 200000             # a ping every 100 ms: a stall shows up to within 0.1 s
PIXEL_BUDGET = 120 * 1000 * 1000   # SCHEMA_MAX_TOTAL_PIXELS; data/README.md
SIDE = 4096
OVER_BUDGET_IMAGES = 33            # with the 7 above: 671 megapixels
BIG_TEXT_ROWS = 9000               # stories of ~45 KB each: ~400 MB, under the 512 MiB cap


def sources_copy(name, version):
    tree = os.path.join(work, name)
    shutil.copytree(sources, tree)
    with open(os.path.join(tree, "pack.csv"), "w") as f:
        f.write("version,title_en,title_sr_latn,title_sr_cyrl,created_at\n")
        f.write(f"{version},Example Pack {version},Primer paketa {version},,2026-01-02\n")
    return tree


def stories_header():
    return "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,show_until\n"


def make_images_pack():
    tree = sources_copy("images-src", 8)
    # The fixture's own logo is tiny; fill the rest of the budget with 4096x4096 images.
    count = PIXEL_BUDGET // (SIDE * SIDE)
    with open(os.path.join(tree, "stories.csv"), "w") as f:
        f.write(stories_header())
        for i in range(count):
            name = f"big-{i}.png"
            with open(os.path.join(tree, "images", name), "wb") as image:
                image.write(gradient_png(SIDE, SIDE, i))
            f.write(f"photo-{i},Photo {i},Fotografija {i},Example City,Primer grad,2020,"
                    f"A large example photo.,Velika primer fotografija.,{name},,\n")
    return tree, count


def make_text_pack():
    """BIG_TEXT_ROWS stories built by the builder, then given long bodies in place (the
    builder reads CSV files of at most 64 MiB; a pack may be larger)."""
    tree = sources_copy("text-src", 9)
    with open(os.path.join(tree, "stories.csv"), "w") as f:
        f.write(stories_header())
        for i in range(BIG_TEXT_ROWS):
            f.write(f"story-{i},Story {i},Prica {i},Example City,Primer grad,2020,Text.,Tekst.,,,\n")
    pack = build_and_sign(tree, "text.db", sign_it=False)
    body = ("Example text about example.org, a long story told at length. " * 300)[:15000]
    db = sqlite3.connect(pack)
    db.execute("UPDATE stories SET body_en = ?, body_sr_latn = ?, body_sr_cyrl = ?", (body, body, body))
    db.commit()
    db.close()
    sign(pack)
    return pack


def make_over_budget_pack(images_pack, image_count):
    """The images pack with OVER_BUDGET_IMAGES more copies of its big images: far over the
    pixel budget (a builder refuses to write it; a hand-made pack may still say so)."""
    pack = os.path.join(work, "over.db")
    shutil.copyfile(images_pack, pack)
    db = sqlite3.connect(pack)
    for i in range(OVER_BUDGET_IMAGES):
        db.execute("INSERT INTO images (name, format, width, height, data) SELECT ?, format, width, height, data "
                   "FROM images WHERE name = ?", (f"extra-{i}.png", f"big-{i % image_count}.png"))
    db.execute("UPDATE pack SET version = 10")
    db.commit()
    db.close()
    sign(pack)
    return pack


def sign(pack):
    subprocess.run(["minisign", "-S", "-s", os.path.join(work, "key.sec"), "-m", pack, "-t", "e2e pack"],
                   check=True, stdout=subprocess.DEVNULL)


def build_and_sign(tree, name, sign_it=True):
    pack = os.path.join(work, name)
    subprocess.run([kiosk, "pack", "build", tree, "-o", pack], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(tree)
    if sign_it:
        sign(pack)
    return pack


def insert_stick(pack, label):
    """Creates media/<label>/facts-kiosk atomically (the watcher never sees half a stick)."""
    folder = os.path.join(work, "media", label)
    os.makedirs(os.path.join(folder, "facts-kiosk.tmp"))
    os.link(pack, os.path.join(folder, "facts-kiosk.tmp", "content.db"))
    os.link(pack + ".minisig", os.path.join(folder, "facts-kiosk.tmp", "content.db.minisig"))
    os.rename(os.path.join(folder, "facts-kiosk.tmp"), os.path.join(folder, "facts-kiosk"))
    return folder


def log_text():
    with open(os.path.join(work, "kiosk.log"), errors="replace") as f:
        return f.read()


def wait_for_log(text, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in log_text():
            return True
        time.sleep(0.05)
    return False


OUTCOME = re.compile(r"\] update: (ok|refused|failed): (.*)")


def wait_for_outcome(before, seconds):
    """Waits for the app to log the outcome of one more update; true when it was refused."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        outcomes = OUTCOME.findall(log_text())
        if len(outcomes) > before:
            return outcomes[before][0] == "refused"
        time.sleep(0.05)
    return False


def start_kiosk(env):
    log = open(os.path.join(work, "kiosk.log"), "w")
    return subprocess.Popen([kiosk, "--mount-root", os.path.join(work, "media"), "--state-dir",
                             os.path.join(work, "state"), "--trusted-key", os.path.join(work, "key.pub"),
                             "--slide-seconds", "60"], env=env, stdout=log, stderr=log)


def measure(systemd, pack, label, expect, timeout):
    """Inserts a stick with pack; returns the longest ping gap from insertion until the new
    content has been on screen for 2 s with the pings flowing again, whether it installed, how
    many times a pack was loaded meanwhile, and how long it all took."""
    before = log_text().count("content: loaded")
    before_outcomes = len(OUTCOME.findall(log_text()))
    inserted = time.monotonic()
    folder = insert_stick(pack, label)
    installed = wait_for_log(expect, timeout) if expect else wait_for_outcome(before_outcomes, timeout)
    done = time.monotonic()
    while True:  # an old kiosk loads the pack again after installing it, without pinging
        time.sleep(0.1)
        now = time.monotonic()
        recent = systemd.pings(now - 0.3, now)
        if (now - done >= 2.0 and recent) or now - done > timeout:
            break
    gap = longest_gap(systemd.pings(inserted, now), inserted, now)
    loads = log_text().count("content: loaded") - before
    shutil.rmtree(folder)
    return gap, installed, loads, now - inserted


display = 120
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
    tree, image_count = make_images_pack()
    images_pack = build_and_sign(tree, "images.db")
    text_pack = make_text_pack()
    over_pack = make_over_budget_pack(images_pack, image_count)
    print(f"# packs: {image_count} images of {SIDE}x{SIDE} ({os.path.getsize(images_pack) / 1e6:.1f} MB), "
          f"text {os.path.getsize(text_pack) / 1e6:.0f} MB; made in {time.monotonic() - made:.0f} s", flush=True)

    systemd = Systemd(os.path.join(work, "notify.sock"))
    env = dict(os.environ, DISPLAY=f":{display}", SDL_FRAMEBUFFER_ACCELERATION="0",
               NOTIFY_SOCKET=os.path.join(work, "notify.sock"), WATCHDOG_USEC=str(WATCHDOG_USEC))
    kiosk_proc = start_kiosk(env)
    check("kiosk shows its first frame", wait_for_log("first frame", 20))
    time.sleep(0.5)

    gap, installed, loads, took = measure(systemd, images_pack, "images-stick",
                                          "update: ok: Content updated: version 8", 240)
    print(f"# images pack: longest watchdog gap {gap:.2f} s over {took:.1f} s", flush=True)
    check("images pack installed", installed)
    check("images pack read once", loads == 1, f"{loads} loads")
    check(f"images pack: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")

    gap, installed, loads, took = measure(systemd, text_pack, "text-stick",
                                          "update: ok: Content updated: version 9", 400)
    print(f"# large pack: longest watchdog gap {gap:.2f} s over {took:.1f} s", flush=True)
    check("large pack installed", installed)
    check("large pack read once", loads == 1, f"{loads} loads")
    check(f"large pack: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")

    gap, refused, loads, took = measure(systemd, over_pack, "over-stick", None, 240)
    print(f"# over-budget pack: longest watchdog gap {gap:.2f} s over {took:.1f} s", flush=True)
    check("over-budget pack refused, naming its megapixels", refused and "megapixels" in log_text())
    check(f"over-budget pack: longest watchdog gap under {MAX_GAP_S:.0f} s", gap < MAX_GAP_S, f"{gap:.2f} s")

    # SIGTERM while an update runs: the kiosk stops within 5 s, exits 0, leaves no staged copy.
    kiosk_proc.terminate()
    kiosk_proc.wait(timeout=60)
    check("kiosk exits 0 after the updates", kiosk_proc.returncode == 0, f"status {kiosk_proc.returncode}")
    shutil.rmtree(os.path.join(work, "state"))
    kiosk_proc = start_kiosk(env)
    check("restarted kiosk shows its first frame", wait_for_log("first frame", 20))
    folder = insert_stick(text_pack, "quit-stick")
    wait_for_log("pack found", 10)
    time.sleep(0.3)
    asked = time.monotonic()
    kiosk_proc.terminate()
    try:
        kiosk_proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pass
    took = time.monotonic() - asked
    check("SIGTERM during an update stops the kiosk within 5 s", kiosk_proc.returncode is not None and took < 5,
          f"{took:.1f} s")
    check("and it exits 0", kiosk_proc.returncode == 0, f"status {kiosk_proc.returncode}")
    left = [n for n in os.listdir(os.path.join(work, "state")) if "stag" in n]
    check("no staged copy left behind", not left, ", ".join(left))
    check("STOPPING=1 sent", systemd.seen("STOPPING=1"))
finally:
    if kiosk_proc and kiosk_proc.poll() is None:
        kiosk_proc.kill()
        kiosk_proc.wait()
    if systemd:
        systemd.stop()
    xvfb.kill()
    xvfb.wait()
finish(work, log_text().splitlines())
