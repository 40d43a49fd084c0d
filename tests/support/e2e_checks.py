"""Shared parts of the Python end-to-end tests (tests/app/e2e_*.py): numbered checks printed as
"ok - ..." / "not ok - ...", the closing summary, and a generated PNG."""
import shutil
import struct
import sys
import zlib

results = []


def check(name, ok, detail=""):
    """One check: printed at once, counted for finish()."""
    results.append(bool(ok))
    print(("ok - " if ok else "not ok - ") + name + (f" ({detail})" if detail else ""), flush=True)


def finish(work, log_lines):
    """Prints the last 60 log lines and keeps work when a check failed (else removes it), then
    "N passed, N failed", and exits 1 when any check failed."""
    passed = sum(results)
    failed = len(results) - passed
    if failed:
        print("--- kiosk log (last 60 lines)")
        print("\n".join(log_lines[-60:]))
        print(f"kept {work}")
    else:
        shutil.rmtree(work)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


def gradient_png(width, height, seed):
    """A width x height RGB PNG whose rows differ (a moving gradient), compressed fast."""
    base = bytes((x * 7 + seed * 31) & 0xFF for x in range(3 * width + 3 * height + 256))
    raw = zlib.compressobj(1)
    out = [raw.compress(b"\0" + base[3 * y: 3 * y + 3 * width]) for y in range(height)]
    out.append(raw.flush())

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(out)) + chunk(b"IEND", b"")
