#!/usr/bin/env python3
"""schema-cost.py -- what newsd's writes cost SQLite alone, and which part of the schema costs what.

    python3 scripts/schema-cost.py --from NEWSD_DB [--limit N] [--batch 96] [--reps 3]

Reads the first N articles (with their file rows and entity rows) from a database newsd built, and
writes them again into fresh databases that use newsd's own schema (taken from
Sources/NewsStore/NewsStore+Schema.swift), once as newsd writes them and once without each part in
turn, with python3's sqlite3 module: no parsing, no Swift, only SQLite's work. Each is run --reps
times and the least CPU time is kept (CPU time, because the machine may be busy). Prints one JSON line:
{"files": N, "configs": {name: {"ms_cpu_per_file": x, "files_per_s": y}}}.
"""
import argparse
import importlib.util
import json
import os
import re
import sqlite3
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def newsd_schema():
    src = open(os.path.join(ROOT, "Sources", "NewsStore", "NewsStore+Schema.swift")).read()
    return re.search(r'"""(.*?)"""', src, re.S).group(1)


def reference():
    """scripts/sqlite-reference.py as a module: its schema and insert statements."""
    spec = importlib.util.spec_from_file_location("sqlite_reference", os.path.join(ROOT, "scripts", "sqlite-reference.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


REFERENCE = reference()


def load(src, limit):
    con = sqlite3.connect("file:%s?mode=ro" % src, uri=True)
    con.row_factory = sqlite3.Row
    arts = con.execute("SELECT * FROM articles ORDER BY id LIMIT ?", (limit,)).fetchall()
    files = {r["id"]: r for r in con.execute(
        "SELECT * FROM files WHERE id IN (SELECT file_id FROM articles ORDER BY id LIMIT ?)", (limit,))}
    ents = {}
    for r in con.execute("SELECT * FROM article_entities WHERE article_id IN "
                         "(SELECT id FROM articles ORDER BY id LIMIT ?)", (limit,)):
        ents.setdefault(r["article_id"], []).append((r["kind"], r["name"]))
    con.close()
    return [(files[a["file_id"]], a, ents.get(a["id"], [])) for a in arts]


def run(rows, batch, schema, entities=True, cache_kib=None, reference=False):
    folder = tempfile.mkdtemp(prefix="schema-cost-")
    db = os.path.join(folder, "t.db")
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    if cache_kib:
        con.execute("PRAGMA cache_size=-%d" % cache_kib)
    con.executescript(schema)
    t0, w0 = time.process_time(), time.monotonic()
    con.execute("BEGIN")
    for n, (f, a, ents) in enumerate(rows, 1):
        if reference:
            cur = con.execute(REFERENCE.INSERT_DOC, (f["path"], a["title"], a["published"], None, f["size"],
                                                     f["mtime_ns"], a["content_hash"], time.time()))
            con.execute(REFERENCE.INSERT_FTS, (cur.lastrowid, a["title"], a["body"]))
        else:
            con.execute("INSERT INTO files (path, device, inode, head_hash, head_length, size, mtime_ns, offset, "
                        "parser_state, state, error, moved_to, updated_at, created_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (f["path"], f["device"], f["inode"], f["head_hash"], f["head_length"], f["size"],
                         f["mtime_ns"], f["offset"], None, f["state"], f["error"],  # newsd saves no parser state
                         f["moved_to"], f["updated_at"], f["created_at"]))
            fid = con.execute("SELECT last_insert_rowid()").fetchone()[0]
            con.execute("INSERT INTO articles (file_id, ordinal, title, source, published, kind, language, "
                        "word_count, content_hash, body, doc, path, ingested_at, updated_at, revision) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
                        (fid, a["ordinal"], a["title"], a["source"], a["published"], a["kind"], a["language"],
                         a["word_count"], a["content_hash"], a["body"], a["doc"], a["path"], a["ingested_at"],
                         a["updated_at"]))
            aid = con.execute("SELECT last_insert_rowid()").fetchone()[0]
            if entities:
                con.executemany("INSERT OR IGNORE INTO article_entities (article_id, kind, name) VALUES (?,?,?)",
                                [(aid, k, name) for k, name in ents])
        if n % batch == 0:
            con.execute("COMMIT")
            con.execute("BEGIN")
    con.execute("COMMIT")
    cpu, wall = time.process_time() - t0, time.monotonic() - w0
    con.close()
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    os.rmdir(folder)
    return {"ms_cpu_per_file": round(cpu * 1000 / len(rows), 4), "files_per_s": round(len(rows) / wall)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="src", required=True, help="a database newsd wrote")
    ap.add_argument("--limit", type=int, default=10000)
    ap.add_argument("--batch", type=int, default=96, help="files per transaction, as newsd's larger batches")
    ap.add_argument("--reps", type=int, default=3)
    a = ap.parse_args()
    rows = load(a.src, a.limit)
    schema = newsd_schema()
    plans = [
        ("newsd schema, as newsd writes it", a.batch, schema, {}),
        ("without entity rows", a.batch, schema, {"entities": False}),
        ("without porter stemming", a.batch, schema.replace("porter unicode61", "unicode61"), {}),
        ("one transaction for all", len(rows) + 1, schema, {}),
        ("cache_size 16 MiB", a.batch, schema, {"cache_kib": 16384}),
        ("reference schema (sqlite-reference.py), same rows", len(rows) + 1, REFERENCE.SCHEMA,
         {"reference": True}),
    ]
    configs = {}
    for _ in range(a.reps):
        for name, batch, sql, kw in plans:
            r = run(rows, batch, sql, **kw)
            if name not in configs or r["ms_cpu_per_file"] < configs[name]["ms_cpu_per_file"]:
                configs[name] = r
    print(json.dumps({"files": len(rows), "batch": a.batch, "sqlite": sqlite3.sqlite_version, "configs": configs}))


if __name__ == "__main__":
    main()
