#!/usr/bin/env python3
"""Prints every article a running newsd holds as JSON lines, as `newsctl --json show` would.

    dump-articles.py SOCKET [MANIFEST]

Quarantined files follow as {"path": ..., "error": ...}. With a MANIFEST of scripts/gen-corpus.py, each listed
file that is neither an article nor quarantined is looked up with `status PATH` and printed as
{"path": ..., "error": "state <state>: ..."} so that an evaluator can tell "handled without an
article" (an empty file is not an article yet) from "missing".
"""
import json
import socket
import sys


class Client:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(path)
        self.file = self.sock.makefile("rwb")
        self.next_id = 1

    def call(self, method, **params):
        request = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params:
            request["params"] = params
        self.next_id += 1
        self.file.write(json.dumps(request).encode() + b"\n")
        self.file.flush()
        answer = json.loads(self.file.readline())
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']['data']['name']}: {answer['error']['message']}")
        return answer["result"]


def main():
    client = Client(sys.argv[1])
    seen = set()
    offset = 0
    while True:
        page = client.call("query", limit=10000, offset=offset, all=True)["results"]
        for hit in page:
            doc = client.call("show", id=hit["id"])
            seen.add(doc["path"])
            print(json.dumps(doc, ensure_ascii=False))
        if len(page) < 10000:
            break
        offset += len(page)
    for f in client.call("failed"):
        seen.add(f["path"])
        print(json.dumps({"path": f["path"], "error": f["error"]}, ensure_ascii=False))
    if len(sys.argv) > 2:
        for line in open(sys.argv[2], encoding="utf-8"):
            name = json.loads(line)["file"]
            if name in seen:
                continue
            try:
                st = client.call("status", path=name)
                print(json.dumps({"path": name, "error": f"state {st['state']}: no article in {st['size']} bytes"}))
            except RuntimeError:
                pass  # never seen: the evaluator counts it missing


if __name__ == "__main__":
    main()
