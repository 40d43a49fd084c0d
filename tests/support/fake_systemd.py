"""fake_systemd.py — plays systemd's side of the notify protocol for the e2e tests.

A test starts the kiosk with NOTIFY_SOCKET pointing at FakeSystemd(path).sock's path; a thread
stamps every datagram as it arrives, so the gaps between WATCHDOG=1 pings can be measured."""
import socket, threading, time


class FakeSystemd:
    """The notify socket, read by a thread that stamps every datagram as it arrives."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.sock.settimeout(0.05)
        self.messages = []
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self):
        while self.running:
            try:
                data = self.sock.recv(4096).decode()
            except socket.timeout:
                continue
            with self.lock:
                self.messages.append((time.monotonic(), data))

    def pings(self, since, until):
        """Times of the WATCHDOG=1 pings in [since, until]."""
        with self.lock:
            return [t for t, m in self.messages if m == "WATCHDOG=1" and since <= t <= until]

    def seen(self, text):
        with self.lock:
            return any(text in m for _, m in self.messages)

    def longest_gap(self, since, until):
        """Longest time without a ping in [since, until], edges included."""
        return longest_gap(self.pings(since, until), since, until)

    def stop(self):
        self.running = False
        self.thread.join()
        self.sock.close()


def longest_gap(pings, since, until):
    """Longest time without a ping in [since, until], edges included."""
    points = [since] + pings + [until]
    return max(b - a for a, b in zip(points, points[1:]))


# From a shell script (tests/staff/e2e_import.sh, tests/bench/bench_import.sh):
#   fake_systemd.py listen SOCKET      plays systemd on SOCKET until SIGTERM; on SIGTERM prints
#                                      every datagram as "<monotonic seconds> <text>"
#   fake_systemd.py mark SOCKET NAME   sends "MARK=NAME" to it, stamped like the pings
#   fake_systemd.py gap FILE FROM TO   the longest time without WATCHDOG=1 between the marks
#                                      FROM and TO of a listen's output, in seconds, and the
#                                      number of pings between them
def _main(argv):
    import signal, sys
    if len(argv) == 3 and argv[1] == "listen":
        systemd = FakeSystemd(argv[2])
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        while not stop.wait(0.1):
            pass
        systemd.stop()
        with systemd.lock:
            for t, m in systemd.messages:
                print(f"{t:.6f} {m}")
        return 0
    if len(argv) == 4 and argv[1] == "mark":
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.sendto(f"MARK={argv[3]}".encode(), argv[2])
        return 0
    if len(argv) == 5 and argv[1] == "gap":
        stamped = []
        with open(argv[2]) as f:
            for line in f:
                t, _, m = line.rstrip("\n").partition(" ")
                stamped.append((float(t), m))
        marks = {m[len("MARK="):]: t for t, m in stamped if m.startswith("MARK=")}
        if argv[3] not in marks or argv[4] not in marks:
            print("no such mark", file=sys.stderr)
            return 1
        since, until = marks[argv[3]], marks[argv[4]]
        pings = [t for t, m in stamped if m == "WATCHDOG=1" and since <= t <= until]
        print(f"{longest_gap(pings, since, until):.3f} {len(pings)}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    import sys
    sys.exit(_main(sys.argv))
