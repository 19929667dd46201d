#!/usr/bin/env python3
"""A minimal OTLP/HTTP receiver for the telemetry benchmark: accepts POST /v1/traces, /v1/metrics and /v1/logs
(protobuf bodies), answers 200 with an empty export response, and counts requests and bytes per signal. On SIGTERM it
writes the counts as JSON to the file given as second argument. It decodes nothing: it measures what exporting costs
the silo, not what a backend does with the data.
Usage: otlp_sink.py PORT COUNTS_JSON"""
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, counts_file = int(sys.argv[1]), sys.argv[2]
counts = {}
lock = threading.Lock()


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        with lock:
            entry = counts.setdefault(self.path, {"requests": 0, "bytes": 0})
            entry["requests"] += 1
            entry["bytes"] += len(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", port), Sink)


def stop(*_):
    with lock:
        with open(counts_file, "w") as f:
            json.dump(counts, f)
    threading.Thread(target=server.shutdown).start()


signal.signal(signal.SIGTERM, stop)
server.serve_forever()
