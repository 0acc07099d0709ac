#!/usr/bin/env python3
"""inotify-latency.py -- how long the kernel takes to report a file renamed into a folder: the floor
under newsd's drop -> searchable latency.

    inotify-latency.py --dir DIR --tmp TMP [--n 300]

A listener process (python ctypes over inotify_init1 / inotify_add_watch) watches DIR for
IN_MOVED_TO and prints, per event, the name and CLOCK_MONOTONIC when read() returned. This process
writes each file into TMP (same filesystem, outside DIR) and renames it into DIR, taking t0 just
before rename(); drops are 5-25 ms apart so that events are not batched. Latency = read - t0.

Prints one JSON object: {"mode": "rename", "listener": "py", "n", "p50_us", "p90_us", "p99_us",
"max_us", "min_us"}. Python 3 standard library only.
"""
import argparse
import ctypes
import ctypes.util
import json
import os
import random
import struct
import subprocess
import sys
import time

IN_MOVED_TO = 0x00000080
IN_CLOEXEC = 0o2000000
EVENT = struct.Struct("iIII")


def listen(folder):
    """The listener: one line per IN_MOVED_TO event on stdout."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    fd = libc.inotify_init1(IN_CLOEXEC)
    if fd < 0 or libc.inotify_add_watch(fd, folder.encode(), IN_MOVED_TO) < 0:
        raise OSError(ctypes.get_errno(), "inotify")
    print("READY", flush=True)
    while True:
        buffer = os.read(fd, 65536)
        stamp = time.monotonic_ns()
        offset = 0
        lines = []
        while offset < len(buffer):
            _, _, _, length = EVENT.unpack_from(buffer, offset)
            name = buffer[offset + EVENT.size:offset + EVENT.size + length].rstrip(b"\0").decode()
            offset += EVENT.size + length
            lines.append("%s\t%d\n" % (name, stamp))
        sys.stdout.write("".join(lines))
        sys.stdout.flush()


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", required=True, help="the watched folder (made if missing)")
    ap.add_argument("--tmp", required=True, help="where files are written before the rename (same filesystem)")
    ap.add_argument("--n", type=int, default=300, help="drops (default 300)")
    ap.add_argument("--listen", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.listen:
        listen(args.listen)
        return
    os.makedirs(args.dir, exist_ok=True)
    os.makedirs(args.tmp, exist_ok=True)
    listener = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--dir", args.dir, "--tmp", args.tmp,
                                 "--listen", args.dir], stdout=subprocess.PIPE, text=True)
    try:
        if listener.stdout.readline().strip() != "READY":
            sys.exit("inotify-latency.py: the listener did not start")
        rnd = random.Random(7)
        latencies = []
        for k in range(args.n):
            name = "drop%06d.txt" % k
            staged = os.path.join(args.tmp, name)
            with open(staged, "w") as f:
                f.write("Drop %d\n\nA paragraph of text for the drop.\n" % k)
            t0 = time.monotonic_ns()
            os.rename(staged, os.path.join(args.dir, name))
            while True:
                got, stamp = listener.stdout.readline().rstrip("\n").split("\t")
                if got == name:
                    break
            latencies.append((int(stamp) - t0) / 1e3)
            time.sleep(rnd.uniform(0.005, 0.025))
    finally:
        listener.kill()
        listener.wait()
    print(json.dumps({"mode": "rename", "listener": "py", "n": len(latencies),
                      "p50_us": round(percentile(latencies, 50), 1), "p90_us": round(percentile(latencies, 90), 1),
                      "p99_us": round(percentile(latencies, 99), 1), "max_us": round(max(latencies), 1),
                      "min_us": round(min(latencies), 1)}))


if __name__ == "__main__":
    main()
