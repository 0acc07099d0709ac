#!/usr/bin/env python3
"""CPU per ingested file: runs newsd from BIN_DIR on a copy of DIR (every *.txt / *.json under it,
COPIES times each under new names), waits until every file is handled, and prints the user and
system CPU time of the daemon and its parser workers divided by the number of files. Comparing two builds on one machine shows what
a parser change costs; the rest of the work (reading, SQLite) is the same for both.

    parse-cost.py BIN_DIR DIR [--copies N] [--repeat R]
"""
import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time


def cpu_seconds(pid):
    """User and system CPU of newsd and its parser workers (the children it runs now, and those it
    has reaped), in seconds."""
    def stat(p):
        return open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
    fields = stat(pid)
    ticks = sum(int(fields[k]) for k in (11, 12, 13, 14))
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                f = stat(entry)
            except OSError:
                continue
            if int(f[1]) == pid:
                ticks += int(f[11]) + int(f[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def once(bin_dir, files, copies):
    work = tempfile.mkdtemp(prefix="newsd-cost.")
    inbox = os.path.join(work, "inbox")
    os.makedirs(inbox)
    count = 0
    for c in range(copies):
        for f in files:
            shutil.copyfile(f, os.path.join(inbox, f"{c}-{count}-{os.path.basename(f)}"))
            count += 1
    sock = os.path.join(work, "sock")
    proc = subprocess.Popen([os.path.join(bin_dir, "newsd"), "--inbox", inbox, "--database", os.path.join(work, "db"),
                             "--socket", sock, "--log-level", "error"], stderr=subprocess.DEVNULL)
    try:
        while not os.path.exists(sock):
            time.sleep(0.05)
        while True:
            out = subprocess.run([os.path.join(bin_dir, "newsctl"), "--socket", sock, "--json", "status"],
                                 capture_output=True, text=True).stdout
            s = json.loads(out)
            if s["pending"] == 0 and s["state"] == "watching" and s["files"] >= count:
                break
            time.sleep(0.2)
        return cpu_seconds(proc.pid) / count
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("bin")
    ap.add_argument("dir")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    files = sorted(os.path.join(root, n) for root, _, names in os.walk(args.dir) for n in names
                   if n.endswith((".txt", ".json")))
    runs = [once(args.bin, files, args.copies) * 1000 for _ in range(args.repeat)]
    print(f"{len(files) * args.copies} files; CPU ms per file: min {min(runs):.2f}, "
          f"runs {', '.join(f'{r:.2f}' for r in runs)}")


if __name__ == "__main__":
    main()
