#!/usr/bin/env python3
"""dup-eval.py -- precision and recall of newsd's exact and near-duplicate links on a labelled corpus.

    dup-eval.py --bin-dir BIN --corpus DIR --manifest FILE [--work DIR] [--keep]

DIR holds the files, FILE one JSON object per file with `file`, `kind` (article | dup | neardup |
anything else) and, for dup and neardup, `dup_of` (the file it copies): the manifest of
scripts/gen-corpus.py, or of scripts/make-dup-set.py for real article texts. newsd (from BIN) ingests
a copy of DIR; the links are then read from its database.

Every file stands for an original: itself, or the file it copies. A predicted pair is right when
both files stand for the same original. Exact pairs (`duplicate_of`) are checked against the `dup`
labels; near pairs (`near_duplicates`, and exact links between a `neardup` and its original, whose
edit left the normalised body unchanged — a footer or a header the parser drops) against the
`neardup` labels. Python 3 standard library only.
"""
import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time


def ctl(bin_dir, sock, *args):
    r = subprocess.run([os.path.join(bin_dir, "newsctl"), "--socket", sock, "--json"] + list(args),
                       capture_output=True, text=True)
    return json.loads(r.stdout) if r.returncode == 0 and r.stdout.strip() else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--work", default=None)
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--timeout", type=float, default=1800)
    args = ap.parse_args()

    entries = [json.loads(line) for line in open(args.manifest, encoding="utf-8") if line.strip()]
    work = args.work or tempfile.mkdtemp(prefix="newsd-dup-eval.")
    inbox = os.path.join(work, "inbox")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(inbox)
    for e in entries:
        shutil.copyfile(os.path.join(args.corpus, e["file"]), os.path.join(inbox, e["file"]))
    db, sock = os.path.join(work, "newsd.db"), os.path.join(work, "newsd.sock")
    log = open(os.path.join(work, "newsd.log"), "w")
    daemon = subprocess.Popen([os.path.join(args.bin_dir, "newsd"), "--inbox", inbox, "--database", db,
                               "--socket", sock, "--log-level", "warning"], stdout=log, stderr=log)
    started = time.time()
    try:
        last, stable = -1, 0
        while time.time() - started < args.timeout:
            time.sleep(1)
            s = ctl(args.bin_dir, sock, "status")
            if not s:
                continue
            if s["pending"] == 0 and s["articles"] == last:
                stable += 1
                if stable >= 3:
                    break
            else:
                stable = 0
            last = s["articles"]
        elapsed = time.time() - started
    finally:
        daemon.terminate()
        daemon.wait()

    con = sqlite3.connect(db)
    by_id = {}
    for aid, path in con.execute("SELECT id, path FROM articles"):
        by_id[aid] = path
    exact = {frozenset((by_id[a], by_id[b])) for a, b in
             con.execute("SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")}
    near = {frozenset((by_id[a], by_id[b])) for a, b in
            con.execute("SELECT article_id, other_id FROM near_duplicates WHERE article_id < other_id")}
    con.close()

    kind = {e["file"]: e["kind"] for e in entries}
    origin = {e["file"]: e.get("dup_of") if e["kind"] in ("dup", "neardup") else e["file"] for e in entries}
    true_exact = {frozenset((e["file"], e["dup_of"])) for e in entries if e["kind"] == "dup"}
    true_near = {frozenset((e["file"], e["dup_of"])) for e in entries if e["kind"] == "neardup"}

    def same_origin(pair):
        a, b = tuple(pair)
        return origin.get(a) is not None and origin.get(a) == origin.get(b)

    # Exact: every labelled copy must point at its original (or share its group), and no pair
    # of different originals may be linked.
    exact_found = {p for p in true_exact if p in exact or same_group(p, exact)}
    exact_false = {p for p in exact if not same_origin(p)}
    exact_as_near = {p for p in exact if p in true_near}
    # Near: labelled near pairs found as near pairs or as exact links.
    linked = near | exact
    near_found = {p for p in true_near if p in linked or same_group(p, linked)}
    near_predicted = near | exact_as_near
    near_right = {p for p in near_predicted if same_origin(p)}

    def pct(a, b):
        return 100.0 * a / b if b else 100.0

    report = {
        "files": len(entries), "articles": len(by_id), "ingest_s": round(elapsed, 1),
        "exact": {"labelled": len(true_exact), "found": len(exact_found),
                  "recall_pct": round(pct(len(exact_found), len(true_exact)), 2),
                  "predicted": len(exact), "false_pairs": len(exact_false)},
        "near": {"labelled": len(true_near), "found": len(near_found),
                 "recall_pct": round(pct(len(near_found), len(true_near)), 2),
                 "predicted": len(near_predicted), "right": len(near_right),
                 "precision_pct": round(pct(len(near_right), len(near_predicted)), 2),
                 "found_as_exact": len(exact_as_near)},
    }
    print(json.dumps(report, indent=2))
    missed = sorted(tuple(sorted(p)) for p in true_near - near_found)[:10]
    wrong = sorted(tuple(sorted(p)) for p in near_predicted - near_right)[:10]
    if missed:
        print("missed near pairs (first 10):", missed, file=sys.stderr)
    if wrong:
        print("wrong near pairs (first 10):", wrong, file=sys.stderr)
    if exact_false:
        print("false exact pairs (first 10):", sorted(tuple(sorted(p)) for p in exact_false)[:10], file=sys.stderr)
    if not args.keep and not args.work:
        shutil.rmtree(work, ignore_errors=True)


def same_group(pair, links):
    """True when both files are linked to a common third file (two copies of one original)."""
    a, b = tuple(pair)
    na = {x for p in links if a in p for x in p}
    nb = {x for p in links if b in p for x in p}
    return bool((na & nb) - {a, b})


if __name__ == "__main__":
    main()
