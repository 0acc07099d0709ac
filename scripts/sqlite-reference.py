#!/usr/bin/env python3
"""sqlite-reference.py -- the raw-SQLite reference of `make bench`: the least work that stores a corpus
in SQLite with full-text search, to hold newsd's figures against.

    sqlite-reference.py --corpus DIR --db FILE [--mode batch|readonly] [--limit N] [--queries N] [--queries-only]

Loads the .txt files of DIR (sorted by name, the first --limit of them) with python3's sqlite3
module into one metadata table and one FTS5 table (title, body; unicode61), in WAL mode with
synchronous=NORMAL and one transaction for everything (--mode batch), or only reads and parses
them (--mode readonly, the floor of reading and parsing). The parse is minimal but does what any
ingester must: drop a UTF-8 byte-order mark, decode UTF-8 (bad bytes replaced), turn CRLF into LF,
take the title (first non-blank line, skipping datelines and a `Summary` line, without a leading
`- `), the dateline and a `By …` line among the first lines, and hash the bytes.

--queries N runs each query of QUERIES N times after one warm-up (ranked by bm25 with a snippet,
ranked without one, and newest first; LIMIT 20), with `rare term` a capitalised word found in one
to five documents, and N random words of the corpus once each. bench.py sends the same texts to
newsd. --queries-only skips loading and queries an existing --db.

Prints one JSON object on stdout (files, mb, seconds, files_per_s, mb_per_s, and "queries": {
"<name> [<text>] <way>": {hits, n, p50_ms, p95_ms, p99_ms}}), and a summary on stderr.
Python 3 standard library only.
"""
import argparse
import hashlib
import json
import os
import random
import re
import sqlite3
import sys
import time

# The reference's schema (schema-cost.py writes rows into it too).
SCHEMA = """
CREATE TABLE docs(
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  title TEXT,
  dateline TEXT,
  byline TEXT,
  size INTEGER NOT NULL,
  mtime_ns INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  ingested_at REAL NOT NULL
);
CREATE INDEX docs_by_sha256 ON docs(sha256);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61');
"""
INSERT_DOC = ("INSERT INTO docs(path, title, dateline, byline, size, mtime_ns, sha256, ingested_at) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
INSERT_FTS = "INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)"

# (name, FTS5 text); None is filled with a rare word of the corpus.
QUERIES = [
    ("common term", "ceasefire"),
    ("two terms AND", "inflation tariffs"),
    ("phrase", '"prime minister"'),
    ("rare term", None),
]
WAYS = [
    ("ranked+snippet", "SELECT d.id, d.path, d.title, snippet(fts, 1, '[', ']', '…', 12) FROM fts "
                       "JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ? ORDER BY rank LIMIT 20"),
    ("ranked, no snippet", "SELECT d.id, d.path, d.title FROM fts JOIN docs d ON d.id = fts.rowid "
                           "WHERE fts MATCH ? ORDER BY rank LIMIT 20"),
    ("newest-first", "SELECT d.id, d.path, d.title FROM fts JOIN docs d ON d.id = fts.rowid "
                     "WHERE fts MATCH ? ORDER BY fts.rowid DESC LIMIT 20"),
]
COUNT = "SELECT count(*) FROM fts WHERE fts MATCH ?"

DATELINE = re.compile(r"^((Updated|Published) \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d [A-Z]{2,4}"
                      r"|[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4} \d\d:\d\d, UK)$")


def parse(data):
    """(title, dateline, byline, text) of a file's bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="replace")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    title = dateline = byline = None
    for line in text.split("\n", 12)[:12]:
        line = line.strip()
        if not line or line == "Summary":
            continue
        if DATELINE.match(line):
            dateline = dateline or line
        elif title is None:
            title = line[2:] if line.startswith("- ") else line
        elif byline is None and line.startswith("By ") and line[3:4].isupper() and len(line) < 120:
            byline = line
    return title, dateline, byline, text


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def timing(latencies):
    return {"p50_ms": round(percentile(latencies, 50) * 1e3, 3), "p95_ms": round(percentile(latencies, 95) * 1e3, 3),
            "p99_ms": round(percentile(latencies, 99) * 1e3, 3)}


def load(files, db, mode):
    """Reads, parses and (batch) stores the files; returns (seconds, bytes, extra figures)."""
    total = 0
    if mode == "readonly":
        started = time.perf_counter()
        for path in files:
            with open(path, "rb") as f:
                data = f.read()
                os.fstat(f.fileno())
            total += len(data)
            parse(data)
            hashlib.sha256(data).hexdigest()
        return time.perf_counter() - started, total, {}
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.executescript(SCHEMA)
    cur = con.cursor()
    started = time.perf_counter()
    cur.execute("BEGIN")
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
            st = os.fstat(f.fileno())
        total += len(data)
        title, dateline, byline, text = parse(data)
        cur.execute(INSERT_DOC, (path, title, dateline, byline, len(data), st.st_mtime_ns,
                                 hashlib.sha256(data).hexdigest(), time.time()))
        cur.execute(INSERT_FTS, (cur.lastrowid, title or "", text))
    cur.execute("COMMIT")
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    extra = {"checkpoint_s": round(time.perf_counter() - started, 3)}
    con.close()
    extra["db_mb"] = round(os.path.getsize(db) / 1e6, 1)
    return seconds, total, extra


def rare_word(con, rnd):
    """A capitalised word that occurs in one to five documents."""
    words = set()
    for (body,) in con.execute("SELECT body FROM fts WHERE rowid IN (SELECT id FROM docs ORDER BY id LIMIT 300)"):
        words.update(re.findall(r"\b[A-Z][a-z]{4,}\b", body))
    for word in rnd.sample(sorted(words), min(len(words), 2000)):
        if 1 <= con.execute(COUNT, (word,)).fetchone()[0] <= 5:
            return word
    return None


def run_queries(db, reps):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    rnd = random.Random(2024)
    results = {}
    for name, text in QUERIES:
        text = text or rare_word(con, rnd)
        if text is None:
            continue
        hits = con.execute(COUNT, (text,)).fetchone()[0]
        for way, sql in WAYS:
            con.execute(sql, (text,)).fetchall()
            latencies = []
            for _ in range(reps):
                started = time.perf_counter()
                con.execute(sql, (text,)).fetchall()
                latencies.append(time.perf_counter() - started)
            results["%s [%s] %s" % (name, text, way)] = dict(hits=hits, n=reps, **timing(latencies))
    words = [w.lower() for (body,) in con.execute("SELECT body FROM fts LIMIT 200")
             for w in re.findall(r"[A-Za-z]{4,}", body)]
    terms = [rnd.choice(words) for _ in range(reps)] if words else []
    for way, sql in (WAYS[0], WAYS[2]):
        latencies = []
        for term in terms:
            started = time.perf_counter()
            con.execute(sql, (term,)).fetchall()
            latencies.append(time.perf_counter() - started)
        if latencies:
            results["random corpus term x%d %s" % (reps, way)] = dict(hits=None, n=reps, **timing(latencies))
    con.close()
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder of .txt files")
    ap.add_argument("--db", required=True, help="database to write (replaced) or to query")
    ap.add_argument("--mode", choices=["batch", "readonly"], default="batch")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files by name")
    ap.add_argument("--queries", type=int, default=0, help="timed repetitions of each query")
    ap.add_argument("--queries-only", action="store_true", help="query an existing --db without loading")
    args = ap.parse_args()
    out = {"mode": args.mode, "sqlite": sqlite3.sqlite_version, "python": sys.version.split()[0]}
    if not args.queries_only:
        files = sorted(os.path.join(args.corpus, f) for f in os.listdir(args.corpus) if f.endswith(".txt"))
        if args.limit:
            files = files[:args.limit]
        seconds, total, extra = load(files, args.db, args.mode)
        out.update(files=len(files), mb=round(total / 1e6, 1), seconds=round(seconds, 2),
                   files_per_s=round(len(files) / seconds), mb_per_s=round(total / 1e6 / seconds, 2), **extra)
        print("[%s] %d files, %.1f MB in %.2f s: %.0f files/s" % (args.mode, len(files), total / 1e6, seconds,
                                                                  len(files) / seconds), file=sys.stderr)
    if args.queries and args.mode != "readonly":
        out["queries"] = run_queries(args.db, args.queries)
        for key, value in out["queries"].items():
            print("  %s: hits %s, p50 %s ms, p95 %s ms" % (key, value["hits"], value["p50_ms"], value["p95_ms"]),
                  file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
