#!/usr/bin/env python3
"""code-order.py -- which functions newsd runs, in the order the release build lays them out.

    code-order.py --bin-dir BIN_DIR [--out deploy/newsd.order] [--files N] [--rate HZ] [--fresh]

The kernel maps a program's code by the 64 KiB around each page that runs (fault-around), so a
daemon that runs a few thousand functions scattered through a large binary holds most of it. Laid
out together, the functions it runs take a few MiB. This script runs BIN_DIR/newsd (a `make release`
build: Swift's runtime linked in, every function in a section of its own) under `perf record`
through what a service does -- starts and stops (repeated, for the code that runs once), a catch-up
of generated articles with duplicates and malformed files, the seeds and a saved web page one by
one, an append, every kind of request good and bad, a follower, a reload, a stop, a restart on the
same database -- and writes the functions it saw run (sampled, or faulting a page in), the daemon's
first and then those only its parser workers ran, one per line, as lld's `--symbol-ordering-file`
reads them. The names the file already holds stay first, so running it again on a build laid out
by it adds what the last layout still left scattered (`--fresh` starts from nothing).

A function the file does not name is placed as usual and a name it holds that is gone is ignored:
the file is a layout hint, never needed for a correct build. Needs perf (Debian's linux-perf) and
root or perf_event_paranoid <= 1. Regenerate after large changes and commit the file. KEEP=1 keeps
the work folder (the corpus, the database, perf.data) for a look afterwards.
"""
import argparse
import collections
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def ctl(bin_dir, sock, *args, timeout=60):
    """One newsctl command; its exit status (errors are part of the workload)."""
    return subprocess.run([os.path.join(bin_dir, "newsctl"), "--socket", sock, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, timeout=timeout).returncode


def status(bin_dir, sock):
    out = subprocess.run([os.path.join(bin_dir, "newsctl"), "--socket", sock, "--json", "status"],
                         capture_output=True, text=True, timeout=60)
    return json.loads(out.stdout) if out.returncode == 0 else None


def wait_for(predicate, timeout=300):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if predicate():
                return True
        except (OSError, ValueError):
            pass
        time.sleep(0.2)
    return False


def workload(bin_dir, work, files):
    """Drives one newsd through a service's life; returns when it has stopped."""
    inbox, db, sock = os.path.join(work, "inbox"), os.path.join(work, "db"), os.path.join(work, "sock")
    os.makedirs(inbox, exist_ok=True)
    config = os.path.join(work, "config.json")
    with open(config, "w") as f:
        json.dump({"after_ingest": "archive", "duplicates": True, "stories": True}, f)
    corpus = os.path.join(work, "corpus")
    subprocess.run([sys.executable, os.path.join(HERE, "gen-corpus.py"), "--out", corpus, "--count", str(files),
                    "--malformed-fraction", "0.05", "--no-huge", "--manifest", os.path.join(work, "manifest.jsonl"),
                    "--quiet"], check=True)
    argv = [os.path.join(bin_dir, "newsd"), "--config", config, "--inbox", inbox, "--database", db,
            "--socket", sock, "--log-level", "info"]

    def start():
        p = subprocess.Popen(argv, stderr=subprocess.DEVNULL)
        if not wait_for(lambda: status(bin_dir, sock) is not None, 60):
            raise SystemExit("newsd did not answer")
        return p

    def stop(p):
        p.send_signal(signal.SIGTERM)
        p.wait(60)

    def settled(n):
        st = status(bin_dir, sock)
        return st is not None and st.get("pending") == 0 and st.get("files", 0) >= n

    # Starts and stops on an empty inbox: the code that runs once.
    for _ in range(8):
        stop(start())
    p = start()
    # A catch-up: the corpus in one go, then the seeds and a saved page one by one.
    names = sorted(os.listdir(corpus))
    for name in names:
        shutil.copy(os.path.join(corpus, name), os.path.join(inbox, name))
    wait_for(lambda: settled(len(names)), 900)
    extra = [os.path.join(HERE, "..", "seeds", n) for n in sorted(os.listdir(os.path.join(HERE, "..", "seeds")))]
    # A saved web page (the workers' HTML reader; the daemon stores it as any article).
    page = os.path.join(work, "page.html")
    with open(page, "w") as f:
        f.write('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks resume - The Daily</title>'
                '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks resume",'
                ' "datePublished": "2025-05-19T10:00:00Z", "author": {"name": "Ana Ruiz"}}</script></head>'
                '<body><nav><a href="/">Home</a></nav><article><h1>Talks resume</h1>'
                + "".join(f"<p>Paragraph {i} of the talks, which resumed in Geneva on Monday, officials said.</p>"
                          for i in range(12))
                + '</article><footer>Contact us</footer></body></html>')
    extra.append(page)
    for path in extra:
        ctl(bin_dir, sock, "ingest", path)
    # An append to a file, in two parts.
    live = os.path.join(inbox, "live.txt")
    with open(live, "w") as f:
        f.write("Live: the story so far\n\nThe first paragraph of a story that grows.\n")
    time.sleep(1)
    with open(live, "a") as f:
        f.write("A second paragraph arrives later, said Ana Ruiz, the mayor.\n")
    time.sleep(2)
    # Every kind of request, good and bad.
    for q in ["ceasefire", '"prime minister"', "inflation tariffs", "sanction*", "title:talks", "person:Putin",
              "-war peace", "a OR b", "zzzzqq", "a" * 3000]:
        ctl(bin_dir, sock, "query", q)
        ctl(bin_dir, sock, "--json", "query", q, "--source", "Sky News", "--since", "2025-01-01", "--limit", "5")
    ctl(bin_dir, sock, "query")
    ctl(bin_dir, sock, "query", "--fts", "NEAR(")
    for args in [["status"], ["--json", "status"], ["status", live], ["show", "1"], ["--json", "show", "2"],
                 ["show", "999999999"], ["sources"], ["entities"], ["failed"], ["metrics"], ["hello"], ["stories"],
                 ["story", "1"], ["show", "--story", "1"], ["pause"], ["resume"], ["rescan"], ["reload"],
                 ["retry", "--all"], ["reindex"], ["relink"]]:
        ctl(bin_dir, sock, *args)
    follower = subprocess.Popen([os.path.join(bin_dir, "newsctl"), "--socket", sock, "follow"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    with open(os.path.join(inbox, "followed.txt"), "w") as f:
        f.write("A story dropped while followed\n\nIts only paragraph, long enough to be one.\n")
    time.sleep(2)
    follower.terminate()
    follower.wait()
    p.send_signal(signal.SIGHUP)
    time.sleep(2)
    stop(p)
    # A restart on the same database and inbox: the reconcile.
    p = start()
    wait_for(lambda: settled(1), 120)
    ctl(bin_dir, sock, "query", "ceasefire")
    stop(p)


def read_order(path):
    """The daemon's and the workers' symbols of an order file, in its order."""
    daemon, worker, part = [], [], None
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line.startswith("# daemon"):
                    part = daemon
                elif line.startswith("# workers"):
                    part = worker
                elif line and not line.startswith("#") and part is not None:
                    part.append(line)
    return daemon, worker


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "deploy", "newsd.order"))
    ap.add_argument("--files", type=int, default=3000)
    ap.add_argument("--rate", type=int, default=20000, help="perf samples a second (default 20000)")
    ap.add_argument("--fresh", action="store_true", help="start from nothing instead of what --out holds")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--work", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        workload(args.bin_dir, args.work, args.files)
        return
    work = tempfile.mkdtemp(prefix="newsd-order.")
    try:
        data = os.path.join(work, "perf.data")
        # Samples of the running code, and every page fault: a function that faults is one that runs
        # (its first instruction on a page not mapped yet, or its first touch of data), which
        # samples miss when it runs once.
        subprocess.run(["perf", "record", "-q", "-e", f"cpu-clock/freq={args.rate}/", "-e", "page-faults/period=1/",
                        "-o", data, "--", sys.executable, os.path.abspath(__file__), "--inner",
                        "--bin-dir", args.bin_dir, "--work", work, "--files", str(args.files)], check=True)
        binary = os.path.realpath(os.path.join(args.bin_dir, "newsd"))
        out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,pid,ip,sym,dso", "--no-demangle"],
                             capture_output=True, text=True, check=True).stdout
        daemon, worker = collections.Counter(), collections.Counter()
        for line in out.splitlines():
            line = line.strip()
            if not line.endswith(")") or "(" not in line:
                continue
            head, dso = line[:-1].rsplit("(", 1)
            if os.path.realpath(dso.strip()) != binary:
                continue
            # `COMM PID IP SYMBOL (DSO)`
            fields = head.split(None, 3)
            if len(fields) < 4:
                continue
            comm, sym = fields[0], fields[3].strip()
            if sym.startswith("[unknown]") or "+0x" in sym:
                continue
            # A parser worker is `/proc/self/exe` run again: its command name is `exe`.
            (worker if comm == "exe" else daemon)[sym] += 1
        # What the file held stays first (a layout that changes little from one run to the next);
        # then what this run found, most sampled first.
        old_daemon, old_worker = ([], []) if args.fresh else read_order(args.out)
        seen = set(old_daemon)
        new_daemon = [s for s, _ in daemon.most_common() if s not in seen]
        seen.update(new_daemon)
        workers = [s for s in old_worker if s not in seen]
        seen.update(workers)
        new_worker = [s for s, _ in worker.most_common() if s not in seen]
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write("# Functions newsd runs, in the order the release build lays them out (lld's\n"
                    "# --symbol-ordering-file); made by scripts/code-order.py, see docs/BENCHMARKS.md.\n")
            f.write("# daemon\n")
            for sym in old_daemon + new_daemon:
                f.write(sym + "\n")
            f.write("# workers\n")
            for sym in workers + new_worker:
                f.write(sym + "\n")
        print(f"daemon: {len(daemon)} functions seen, {len(new_daemon)} new; workers: {len(worker)} seen, "
              f"{len(new_worker)} new -> {os.path.normpath(args.out)}")
    finally:
        if not os.environ.get("KEEP"):
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
