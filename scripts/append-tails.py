#!/usr/bin/env python3
"""append-tails.py -- grows the files of a corpus the way a writer appends to an article, then waits
until newsd has read every new byte.

    append-tails.py SOCKET INBOX APPENDS [--timeout 600]

APPENDS is the --appends folder of scripts/gen-corpus.py: for each file in it, its bytes are
appended to the file of the same name in INBOX (one write, file opened with O_APPEND). Then
`status PATH` is polled through SOCKET until each grown file's committed offset is its new size.
Prints how many files grew; exits 1 when newsd has not caught up within --timeout seconds.
"""
import argparse
import json
import os
import socket
import sys
import time


def call(sock_path, method, **params):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(sock_path)
        s.sendall(json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode() + b"\n")
        answer = json.loads(s.makefile("rb").readline())
    if "error" in answer:
        raise RuntimeError("%s: %s" % (method, answer["error"].get("message")))
    return answer["result"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("socket")
    ap.add_argument("inbox")
    ap.add_argument("appends")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    sizes = {}
    for name in sorted(os.listdir(args.appends)):
        with open(os.path.join(args.appends, name), "rb") as f:
            tail = f.read()
        with open(os.path.join(args.inbox, name), "ab") as f:
            f.write(tail)
        sizes[name] = os.path.getsize(os.path.join(args.inbox, name))
    deadline = time.monotonic() + args.timeout
    waiting = dict(sizes)
    while waiting and time.monotonic() < deadline:
        for name, size in list(waiting.items()):
            if call(args.socket, "status", path=os.path.join(args.inbox, name)).get("offset") == size:
                del waiting[name]
        if waiting:
            time.sleep(0.2)
    print("append-tails: %d files grew; %d not read to their end" % (len(sizes), len(waiting)))
    sys.exit(1 if waiting else 0)


if __name__ == "__main__":
    main()
