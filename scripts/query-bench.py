#!/usr/bin/env python3
"""query-bench.py -- query latency of newsd at scale, beside raw FTS5 on the same database.

Ingests a corpus into a fresh newsd (or reuses the database of an earlier run), waits until the
daemon has merged its full-text index's segments (it does so once the inbox is idle), then times the
benchmark set of `query` calls over one persistent connection, the same queries as raw FTS5
(`fts: true`) through newsd, the text part straight on SQLite (python3's sqlite3, read-only, bm25
ORDER BY rank LIMIT 20 with snippets, as a plain FTS5 application would), and whole
`newsctl query` processes on the idle daemon (hyperfine when installed).

  query-bench.py --bin-dir .build-release/release --corpus DIR [--work DIR] [--reps 200]
  query-bench.py --bin-dir .build-release/release --generator scripts/gen-corpus.py --count 100000
  make bench SCALE=1000000      # the same at a million articles, timed at 100,000 on the way

--corpus DIR        a folder of article files (e.g. from gen-corpus; a manifest.jsonl in it is skipped)
--generator PATH    make the corpus first: PATH --out WORK/corpus --count N --seed 42
                    --manifest WORK/manifest.jsonl (the manifest stays out of the corpus)
--stages N[,N…]     time the queries first when N files are ingested, then after the next stage,
                    and last with the whole corpus (files in name order; e.g. --stages 100000 with
                    a 1,000,000-file corpus times 100,000 and 1,000,000 articles in one run)
--reuse             keep WORK/newsd.db when it already holds the corpus (no ingest)

Output: a markdown table on stdout, the raw figures as JSON in WORK/query-bench.json.
"""
import argparse
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time

import newsd_sqlite

SINCE = "2025-05-20T00:00:00Z"


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class Rpc:
    """One persistent control connection."""

    def __init__(self, path, timeout=120.0):
        self.s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.s.settimeout(timeout)
        self.s.connect(path)
        self.buf = b""
        self.n = 0

    def call(self, method, params=None):
        self.n += 1
        req = {"jsonrpc": "2.0", "id": self.n, "method": method}
        if params is not None:
            req["params"] = params
        self.s.sendall(json.dumps(req).encode() + b"\n")
        while b"\n" not in self.buf:
            chunk = self.s.recv(1 << 20)
            if not chunk:
                raise RuntimeError("newsd closed the connection")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        msg = json.loads(line)
        if "error" in msg:
            raise RuntimeError("%s: %s" % (method, msg["error"]))
        return msg["result"]

    def close(self):
        self.s.close()


def corpus_files(folder):
    # gen-corpus's manifest (the true fields) is not an article file, even when it lies in the folder.
    return sorted(f for f in os.listdir(folder)
                  if not f.startswith(".") and f != "manifest.jsonl" and os.path.isfile(os.path.join(folder, f)))


def link_files(corpus, inbox, names):
    for name in names:
        try:
            os.link(os.path.join(corpus, name), os.path.join(inbox, name))
        except FileExistsError:
            pass
        except OSError:
            shutil.copy(os.path.join(corpus, name), os.path.join(inbox, name))


def wait_idle(d, sock, t0, least):
    """Waits until newsd has nothing pending and holds at least `least` articles, twice in a row
    (events of files just linked may not have reached it yet)."""
    idle = 0
    while True:
        if d.poll() is not None:
            raise RuntimeError("newsd exited during ingest")
        try:
            s = Rpc(sock).call("status")
        except (OSError, RuntimeError):
            time.sleep(0.2)
            continue
        if s["pending"] == 0 and s["state"] == "watching" and s["articles"] >= least:
            idle += 1
            if idle == 2:
                return s
        else:
            idle = 0
        if time.time() - t0 > 4 * 3600:
            raise RuntimeError("ingest did not finish within four hours")
        time.sleep(1)


def wait_merged(work, before, timeout=1800):
    """Waits until newsd has logged one more finished merge of its full-text index than `before`
    (it merges the segments an ingest left, in steps, once the inbox is idle): the queries are
    timed on the index as a daemon left alone keeps it. Returns the log line."""
    path = os.path.join(work, "newsd.log")
    started = time.time()
    while time.time() - started < timeout:
        with open(path, errors="replace") as f:
            lines = [l for l in f if "event=index-merged" in l]
        if len(lines) > before:
            return lines[-1].strip()
        time.sleep(1)
    log("warning: no index merge finished within %d s; timing the index as it is" % timeout)
    return None


def merges_logged(work):
    with open(os.path.join(work, "newsd.log"), errors="replace") as f:
        return sum("event=index-merged" in l for l in f)


def ingest(args, corpus, work, first):
    """A fresh daemon on an empty database ingests the first `first` files of the corpus (hard
    links in its inbox)."""
    db = os.path.join(work, "newsd.db")
    inbox = os.path.join(work, "inbox")
    sock = os.path.join(work, "newsd.sock")
    files = corpus_files(corpus)
    config = os.path.join(work, "newsd.json")
    with open(config, "w") as f:
        json.dump({"max_file_bytes": 67108864}, f)
    if args.reuse and os.path.exists(db):
        log("reusing %s" % db)
    else:
        for p in (db, db + "-wal", db + "-shm"):
            if os.path.exists(p):
                os.unlink(p)
        shutil.rmtree(inbox, ignore_errors=True)
        os.makedirs(inbox)
        link_files(corpus, inbox, files[:first])
    os.makedirs(inbox, exist_ok=True)
    d = subprocess.Popen([os.path.join(args.bin_dir, "newsd"), "--config", config, "--inbox", inbox,
                          "--database", db, "--socket", sock, "--log-level", "info"],
                         stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "newsd.log"), "w"))
    t0 = time.time()
    while not os.path.exists(sock):
        time.sleep(0.05)
        if d.poll() is not None:
            raise RuntimeError("newsd exited: see %s/newsd.log" % work)
    s = wait_idle(d, sock, t0, 1 if args.reuse else int(first * 0.98))
    log("ingested: %d articles, %.0f s" % (s["articles"], time.time() - t0))
    if not args.reuse:
        log("index: %s" % wait_merged(work, 0))
    return d, sock, db, s["articles"]


def corpus_terms(db):
    """A rare word (in 1 to 20 articles) and a prefix (several words, 1,000 to 20,000 articles) of
    this archive, from its full-text vocabulary: the first in alphabetical order, so the same
    corpus gives the same choice. Falls back to a word no corpus has and `sanction*`."""
    con = newsd_sqlite.register(sqlite3.connect("file:%s?mode=ro" % db, uri=True))
    con.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, row)")
    words = [(t, n) for t, n in con.execute("SELECT term, doc FROM temp.vocab")
             if len(t) >= 6 and t.isalpha() and t.isascii() and not t.startswith("src") and t != "newsdcopy"]
    con.close()
    rare = next((t for t, n in sorted(words) if n <= 20), "vaihegriaore")
    prefixes = {}
    for t, n in words:
        count, terms = prefixes.get(t[:5], (0, 0))
        prefixes[t[:5]] = (count + n, terms + 1)
    prefix = next((p for p, (n, k) in sorted(prefixes.items()) if k >= 2 and 1000 <= n <= 20000), "sanction")
    return rare, prefix + "*"


def dated_source(rpc, sources):
    """The outlet with the most articles since SINCE among the ten largest (the source filters are
    timed with and without a date filter, so it must have dated articles)."""
    best, most = None, -1
    for s in [s["source"] for s in sources if s.get("source")][:10]:
        n = rpc.call("query", {"source": s, "since": SINCE, "limit": 1})["total"]
        if n > most:
            best, most = s, n
    return best or "Sky News"


def cases(source, rare="Vaihegriaore", prefix="sanction*"):
    """(name, params) of the benchmark set."""
    return [
        ("common term", {"text": "ceasefire"}),
        ("common term + source", {"text": "ceasefire", "source": source}),
        ("common term + since", {"text": "ceasefire", "since": SINCE}),
        ("phrase + source + since", {"text": '"prime minister"', "source": source, "since": SINCE}),
        ("rare term", {"text": rare}),
        ("two terms", {"text": "inflation tariffs"}),
        ("prefix", {"text": prefix}),
        ("typed: hyphen, field, date", {"text": "Trump-Putin source:%s after:2025-05-01" % source.replace(" ", "")}),
        ("newest-first listing", {}),
        ("newest-first + source", {"source": source}),
    ]


def time_rpc(rpc, params, reps):
    first = rpc.call("query", params)
    lat = []
    for _ in range(reps):
        t0 = time.perf_counter()
        rpc.call("query", params)
        lat.append((time.perf_counter() - t0) * 1e3)
    return first, lat


def raw_sqlite(db, text, reps):
    """The text alone as a plain FTS5 application runs it: bm25 over every match, LIMIT 20."""
    con = newsd_sqlite.register(sqlite3.connect("file:%s?mode=ro" % db, uri=True))
    sql = ("SELECT a.id, a.title, snippet(articles_fts, -1, '**', '**', '…', 16) FROM articles_fts "
           "JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20")
    con.execute(sql, (text,)).fetchall()
    lat = []
    started = time.perf_counter()
    for _ in range(reps):
        if len(lat) >= 10 and time.perf_counter() - started > 30:
            break  # at a million articles a run takes seconds: 30 s of them (at least 10) will do
        t0 = time.perf_counter()
        con.execute(sql, (text,)).fetchall()
        con.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (text,)).fetchone()
        lat.append((time.perf_counter() - t0) * 1e3)
    con.close()
    return lat


def newsctl_processes(args, sock, work, rare):
    """Whole `newsctl` processes on the idle daemon: a common and a rare term, and `status`."""
    newsctl = os.path.join(args.bin_dir, "newsctl")
    cmds = [[newsctl, "--socket", sock, "query", "ceasefire"], [newsctl, "--socket", sock, "query", rare],
            [newsctl, "--json", "--socket", sock, "status"]]
    if shutil.which("hyperfine"):
        out = os.path.join(work, "hyperfine.json")
        subprocess.run(["hyperfine", "-N", "--warmup", "20", "--runs", str(args.reps), "--export-json", out]
                       + [" ".join(c) for c in cmds] + ["/bin/true"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        res = json.load(open(out))["results"]
        return {r["command"]: {"p50_ms": r["median"] * 1e3, "mean_ms": r["mean"] * 1e3,
                               "p95_ms": pct(r["times"], 95) * 1e3} for r in res}
    timed = {}
    for cmd in cmds:
        lat = []
        for _ in range(args.reps):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            lat.append((time.perf_counter() - t0) * 1e3)
        timed[" ".join(cmd)] = {"p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95)}
    return timed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--corpus")
    ap.add_argument("--generator")
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "newsd-query-bench"))
    ap.add_argument("--reps", type=int, default=200)
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--stages", default="")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    corpus = args.corpus
    if not corpus:
        if not args.generator:
            ap.error("give --corpus DIR or --generator PATH")
        corpus = os.path.join(args.work, "corpus")
        if not os.path.isdir(corpus) or len(corpus_files(corpus)) < args.count:
            subprocess.run([sys.executable, args.generator, "--out", corpus, "--count", str(args.count),
                            "--seed", str(args.seed), "--no-huge", "--quiet",
                            "--manifest", os.path.join(args.work, "manifest.jsonl")], check=True)
    files = corpus_files(corpus)
    stages = sorted(n for n in (int(x) for x in args.stages.split(",") if x) if 0 < n < len(files)) if args.stages else []
    if args.reuse:
        stages = []
    stages.append(len(files))
    daemon, sock, db, articles = ingest(args, corpus, args.work, stages[0])
    results = []
    try:
        for number, stage in enumerate(stages):
            if number > 0:
                t0 = time.time()
                link_files(corpus, os.path.join(args.work, "inbox"), files[stages[number - 1]:stage])
                merged = merges_logged(args.work)
                articles = wait_idle(daemon, sock, t0, max(articles + 1, int(stage * 0.98)))["articles"]
                log("index: %s" % wait_merged(args.work, merged))
                log("ingested: %d articles, %.0f s more" % (articles, time.time() - t0))
            results.append(measure(args, sock, db, articles))
    finally:
        daemon.terminate()
        daemon.wait()
    json.dump(results if len(results) > 1 else results[0], open(os.path.join(args.work, "query-bench.json"), "w"), indent=1)
    for out in results:
        report(out, args)


def measure(args, sock, db, articles):
    """The benchmark set at the daemon's present size."""
    rpc = Rpc(sock)
    sources = rpc.call("sources")
    source = dated_source(rpc, sources)
    rare, prefix = corpus_terms(db)
    rows = []
    for name, params in cases(source, rare, prefix):
        params = dict(params, limit=20)
        first, lat = time_rpc(rpc, params, args.reps)
        row = {"name": name, "params": params, "hits": first["total"],
               "estimate": bool(first.get("total_is_estimate")), "p50_ms": pct(lat, 50),
               "p95_ms": pct(lat, 95), "max_ms": max(lat)}
        text = params.get("text")
        if text and set(params) == {"text", "limit"} and ":" not in text:
            _, raw = time_rpc(rpc, dict(params, fts=True), args.reps)
            row["newsd_fts_p50_ms"], row["newsd_fts_p95_ms"] = pct(raw, 50), pct(raw, 95)
            ref = raw_sqlite(db, text, args.reps)
            row["sqlite_p50_ms"], row["sqlite_p95_ms"], row["sqlite_runs"] = pct(ref, 50), pct(ref, 95), len(ref)
        rows.append(row)
        log("%-28s hits %-7s p50 %6.2f p95 %6.2f ms" % (name, row["hits"], row["p50_ms"], row["p95_ms"]))
    rpc.close()
    processes = newsctl_processes(args, sock, args.work, rare)
    return {"articles": articles, "reps": args.reps, "source": source, "queries": rows, "processes": processes,
            "load": open("/proc/loadavg").read().split()[:3], "sock": sock}


def report(out, args):
    sock = out["sock"]
    print("%d articles, %d timed runs each over one connection, limit 20; source filter `%s`, since %s; "
          "load average %s.\n" % (out["articles"], out["reps"], out["source"], SINCE, " ".join(out["load"])))
    print("| query | hits | p50 ms | p95 ms | max ms | raw FTS5 via newsd p50 / p95 | SQLite alone p50 / p95 |")
    print("|---|---|---|---|---|---|---|")
    for r in out["queries"]:
        hits = ("~%d" % r["hits"]) if r["estimate"] else str(r["hits"])
        text = r["params"].get("text", "")
        label = "%s `%s`" % (r["name"], text) if text else r["name"]
        fts = "%.2f / %.2f" % (r["newsd_fts_p50_ms"], r["newsd_fts_p95_ms"]) if "newsd_fts_p50_ms" in r else "–"
        ref = "%.2f / %.2f" % (r["sqlite_p50_ms"], r["sqlite_p95_ms"]) if "sqlite_p50_ms" in r else "–"
        if r.get("sqlite_runs", out["reps"]) < out["reps"]:
            ref += " (%d runs)" % r["sqlite_runs"]
        print("| %s | %s | %.2f | %.2f | %.2f | %s | %s |" % (label, hits, r["p50_ms"], r["p95_ms"], r["max_ms"], fts, ref))
    print()
    print("| process | p50 ms | p95 ms |")
    print("|---|---|---|")
    for cmd, p in out["processes"].items():
        print("| `%s` | %.2f | %.2f |" % (cmd.replace(sock, "S").replace(args.bin_dir + "/", ""), p["p50_ms"], p["p95_ms"]))
    print()


if __name__ == "__main__":
    main()
