#!/usr/bin/env python3
"""Misbehaving web servers for the update-URL tests (nginx plays the well-behaved one).
Serves ROOT on 127.0.0.1:PORT. A request for /<case>/<file> is answered from ROOT/<case>/<file>,
and for content.db the case decides how:
  /stall/...      200 with the real Content-Length, half the body, then nothing (at most 120 s);
  /short/...      200 with the real Content-Length, half the body, then the connection closes;
  /nolength/...   200 without Content-Length: the file, then zeros, NOLENGTH_BYTES in all, then close;
  anything else   the file as it is.
Every other file (the signature) is sent whole. Usage: web_helper.py PORT ROOT"""
import http.server
import os
import socketserver
import sys
import time

PORT, ROOT = int(sys.argv[1]), sys.argv[2]
NOLENGTH_BYTES = 24 * 1024 * 1024
STALL_LIMIT_S = 120


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        sys.stderr.write("%s %s\n" % (time.strftime("%H:%M:%S"), format % args))

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        path = os.path.join(ROOT, *parts) if parts and all(p not in ("", "..") for p in parts) else ""
        if not path or not os.path.isfile(path):
            self.send_error(404)
            return
        with open(path, "rb") as f:
            data = f.read()
        case = parts[0]
        if parts[-1] != "content.db" or case not in ("stall", "short", "nolength"):
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if case == "nolength":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)
            left = NOLENGTH_BYTES - len(data)
            chunk = bytes(64 * 1024)
            try:
                while left > 0:
                    self.wfile.write(chunk[:min(left, len(chunk))])
                    left -= len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        if case == "short":
            self.close_connection = True
            return
        deadline = time.monotonic() + STALL_LIMIT_S
        try:
            while time.monotonic() < deadline:
                time.sleep(0.2)
                # A closed client shows up as a readable socket with nothing to read.
                self.connection.settimeout(0.0)
                try:
                    if self.connection.recv(1) == b"":
                        break
                except BlockingIOError:
                    pass
        except OSError:
            pass
        self.close_connection = True


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


Server(("127.0.0.1", PORT), Handler).serve_forever()
