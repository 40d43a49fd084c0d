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
