#!/usr/bin/env python3
"""crash-test.py -- SIGKILL newsd at random moments while it ingests; check exactly-once.

Generates a corpus with scripts/gen-corpus.py into a staging folder, starts newsd on a
fresh inbox and database, and drops the files into the inbox (most by rename, some written in
place, some into subfolders made during the run) while it kills newsd with SIGKILL at random
moments and starts it again, --kills times. Then it lets the last newsd catch up, stops it with
SIGTERM and checks the database with the sqlite3 module:

  * every input file has exactly one article (0 lost, 0 duplicated), after `retry --all` for files
    quarantined as suspects because newsd was killed twice in a row while reading them;
  * no file yields two article rows, no path has two live rows in `files`;
  * the full-text index has one row per article and passes its integrity check;
  * PRAGMA integrity_check is ok;
  * once the last newsd is idle, every article's entity rows are those of its stored document
    (rows left to the idle moments of a backlog are written, even by a run that was killed first),
    and none wait in entity_backlog;
  * with --after-ingest archive or delete: every file left the inbox (archived once, or deleted),
    no row still holds a (device, inode) that a new file could reuse, and the record of files
    leaving (DATABASE.leaving) is empty.

Standard library only. Exit status 0 when every check passes, 1 otherwise.

  python3 scripts/crash-test.py --bin-dir .build/debug --kills 20 --files 5000
  python3 scripts/crash-test.py --bin-dir .build/debug --kills 20 --files 5000 --after-ingest delete
"""
import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

import newsd_sqlite


def log(message):
    print(f"crash-test: {message}", flush=True)


class Daemon:
    """One newsd process on the test's folder."""

    def __init__(self, bin_dir, config_path, log_file):
        self.bin_dir = bin_dir
        self.config_path = config_path
        self.log_file = log_file
        self.process = None
        self.starts = 0

    def start(self):
        self.starts += 1
        env = dict(os.environ)
        env.pop("NOTIFY_SOCKET", None)
        env.pop("LISTEN_FDS", None)
        env.pop("LISTEN_PID", None)
        self.process = subprocess.Popen(
            [os.path.join(self.bin_dir, "newsd"), "--config", self.config_path],
            stdin=subprocess.DEVNULL, stdout=self.log_file, stderr=self.log_file, env=env)

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def terminate(self, timeout=60):
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def alive(self):
        return self.process is not None and self.process.poll() is None


def ctl(bin_dir, socket, *args, timeout=30):
    """Runs newsctl --json; returns the parsed answer or None."""
    try:
        result = subprocess.run(
            [os.path.join(bin_dir, "newsctl"), "--socket", socket, "--json", *args],
            capture_output=True, text=True, timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return None
    if result.returncode != 0:
        return None
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


class Dropper(threading.Thread):
    """Moves the staged files into the inbox over `duration` seconds."""

    def __init__(self, names, staging, inbox, duration, rng):
        super().__init__(daemon=True)
        self.names = names
        self.staging = staging
        self.inbox = inbox
        self.duration = duration
        self.rng = rng
        self.placed = {}  # input name -> path relative to the inbox
        self.error = None

    def run(self):
        try:
            self.drop_all()
        except Exception as error:  # reported by the main thread
            self.error = error

    def drop_all(self):
        start = time.monotonic()
        total = len(self.names)
        subfolders = []
        for index, name in enumerate(self.names):
            # Pace the drops evenly over the duration, in small bursts.
            due = start + self.duration * index / total
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if index % 500 == 250:
                folder = f"sub{len(subfolders)}/deeper" if len(subfolders) % 2 else f"sub{len(subfolders)}"
                os.makedirs(os.path.join(self.inbox, folder), exist_ok=True)
                subfolders.append(folder)
            where = self.rng.choice(subfolders) if subfolders and self.rng.random() < 0.2 else ""
            relative = os.path.join(where, name) if where else name
            source = os.path.join(self.staging, name)
            target = os.path.join(self.inbox, relative)
            if self.rng.random() < 0.2:
                # Written in place under its final name, in two writes.
                with open(source, "rb") as f:
                    data = f.read()
                with open(target, "wb") as f:
                    half = len(data) // 2
                    f.write(data[:half])
                    f.flush()
                    f.write(data[half:])
            else:
                # The careful way: a dot-name in the same folder, then a rename.
                temporary = os.path.join(os.path.dirname(target), "." + name + ".part")
                shutil.copyfile(source, temporary)
                os.rename(temporary, target)
            self.placed[name] = relative


def check_left(database, inbox, archive, expected, after_ingest):
    """With `after_ingest` archive or delete: the files' ways out of the inbox. Returns failures."""
    failures = []
    in_inbox = sorted(os.path.relpath(os.path.join(d, n), inbox)
                      for d, _, names in os.walk(inbox) for n in names if not n.startswith("."))
    if in_inbox:
        failures.append(f"{len(in_inbox)} files still in the inbox, e.g. {in_inbox[:5]}")
    if after_ingest == "archive":
        archived = {}
        for d, _, names in os.walk(archive):
            for n in names:
                archived.setdefault(n, []).append(os.path.relpath(os.path.join(d, n), archive))
        wanted = {os.path.basename(p) for p in expected.values()}
        missing = sorted(n for n in wanted if n not in archived)
        twice = sorted(n for n, paths in archived.items() if len(paths) > 1)
        if missing:
            failures.append(f"{len(missing)} files not in the archive, e.g. {missing[:5]}")
        if twice:
            failures.append(f"{len(twice)} files archived twice, e.g. {[archived[n] for n in twice[:3]]}")
    db = sqlite3.connect(database)
    held = db.execute("SELECT path FROM files WHERE inode IS NOT NULL").fetchall()
    if held:
        failures.append(f"{len(held)} rows still hold the (device, inode) of a file that left, e.g. {held[:5]}")
    if after_ingest == "archive":
        unrecorded = db.execute("SELECT path FROM files WHERE moved_to IS NULL").fetchall()
        if unrecorded:
            failures.append(f"{len(unrecorded)} archived files with no archive path, e.g. {unrecorded[:5]}")
    db.close()
    leaving = database + ".leaving"
    if os.path.exists(leaving) and os.path.getsize(leaving) > 0:
        failures.append(f"{leaving} is not empty after a clean stop: {open(leaving).read()[:300]}")
    return failures


def check_database(path, expected):
    """Returns a list of failures and a dict of figures."""
    failures = []
    db = sqlite3.connect(path)
    newsd_sqlite.register(db)
    figures = {}
    integrity = db.execute("PRAGMA integrity_check").fetchall()
    figures["integrity_check"] = integrity[0][0] if len(integrity) == 1 else integrity
    if figures["integrity_check"] != "ok":
        failures.append(f"PRAGMA integrity_check: {integrity}")
    try:
        db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        figures["fts_integrity"] = "ok"
    except sqlite3.DatabaseError as error:
        figures["fts_integrity"] = str(error)
        failures.append(f"FTS integrity-check: {error}")

    rows = db.execute("SELECT path, file_id FROM articles").fetchall()
    figures["articles"] = len(rows)
    by_path = {}
    for article_path, _ in rows:
        by_path[article_path] = by_path.get(article_path, 0) + 1
    wanted = set(expected.values())
    lost = sorted(p for p in wanted if p not in by_path)
    duplicated = sorted(p for p, n in by_path.items() if n > 1)
    unexpected = sorted(p for p in by_path if p not in wanted)
    figures["lost"] = len(lost)
    figures["duplicated"] = len(duplicated)
    figures["unexpected"] = len(unexpected)
    if lost:
        failures.append(f"{len(lost)} files lost, e.g. {lost[:5]}")
    if duplicated:
        failures.append(f"{len(duplicated)} files with more than one article, e.g. {duplicated[:5]}")
    if unexpected:
        failures.append(f"{len(unexpected)} articles from files never dropped, e.g. {unexpected[:5]}")
    if len(rows) != len(wanted):
        failures.append(f"{len(rows)} articles for {len(wanted)} distinct input files")

    two_rows = db.execute("SELECT file_id FROM articles GROUP BY file_id HAVING count(*) > 1").fetchall()
    if two_rows:
        failures.append(f"{len(two_rows)} files yield two article rows")
    live_twice = db.execute(
        "SELECT path FROM files WHERE state <> 'gone' GROUP BY path HAVING count(*) > 1").fetchall()
    if live_twice:
        failures.append(f"{len(live_twice)} paths with two live rows in files, e.g. {live_twice[:5]}")
    not_ingested = db.execute("SELECT path, state, error FROM files WHERE state <> 'ingested'").fetchall()
    if not_ingested:
        failures.append(f"{len(not_ingested)} files not in state ingested, e.g. {not_ingested[:5]}")
    fts_rows = db.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    figures["fts_rows"] = fts_rows
    if fts_rows != len(rows):
        failures.append(f"{fts_rows} full-text rows for {len(rows)} articles")
    expected_entities = set()
    for article_id, doc in db.execute("SELECT id, doc FROM articles"):
        stored = json.loads(doc)
        for kind, key in (("person", "people"), ("place", "places"), ("org", "organisations")):
            expected_entities.update((article_id, kind, name) for name in stored.get(key) or [])
    entity_rows = set(db.execute("SELECT article_id, kind, name FROM article_entities"))
    figures["entity_rows"] = len(entity_rows)
    waiting = db.execute("SELECT count(*) FROM entity_backlog").fetchone()[0]
    if waiting:
        failures.append(f"{waiting} articles still wait for their entity rows")
    if entity_rows != expected_entities:
        missing = len(expected_entities - entity_rows)
        extra = len(entity_rows - expected_entities)
        failures.append(f"entity rows: {missing} missing, {extra} not in any stored article")
    figures["revised"] = db.execute("SELECT count(*) FROM articles WHERE revision > 1").fetchone()[0]
    offsets = db.execute("SELECT count(*) FROM files WHERE offset <> size").fetchone()[0]
    if offsets:
        failures.append(f"{offsets} files whose committed offset is not their size")
    db.close()
    return failures, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin-dir", required=True, help="folder with the built newsd and newsctl")
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs (default 20)")
    parser.add_argument("--files", type=int, default=5000, help="files to drop (default 5000)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    parser.add_argument("--min-gap", type=float, default=0.05, help="shortest run before a kill, seconds")
    parser.add_argument("--max-gap", type=float, default=2.0, help="longest run before a kill, seconds")
    parser.add_argument("--timeout", type=float, default=900, help="longest final catch-up, seconds")
    parser.add_argument("--workdir", default=None, help="folder to work in (default: a new temporary one)")
    parser.add_argument("--after-ingest", choices=["keep", "archive", "delete"], default="keep",
                        help="after_ingest of the daemon (default keep)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    bin_dir = os.path.abspath(args.bin_dir)
    gen_corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen-corpus.py")
    for program in (os.path.join(bin_dir, "newsd"), os.path.join(bin_dir, "newsctl"), gen_corpus):
        if not os.path.exists(program):
            log(f"missing {program}")
            return 2

    work = args.workdir or tempfile.mkdtemp(prefix="newsd-crash.")
    os.makedirs(work, exist_ok=True)
    staging = os.path.join(work, "staging")
    inbox = os.path.join(work, "inbox")
    database = os.path.join(work, "newsd.db")
    socket = os.path.join(work, "control.sock")
    config_path = os.path.join(work, "newsd.json")
    os.makedirs(inbox, exist_ok=True)
    archive = os.path.join(work, "archive")
    log(f"seed {seed}, {args.files} files, {args.kills} kills, after_ingest {args.after_ingest}, work folder {work}")

    subprocess.run(
        [sys.executable, gen_corpus, "--out", staging, "--count", str(args.files), "--seed", str(seed % 100000),
         "--dup-fraction", "0", "--near-dup-fraction", "0", "--manifest", os.path.join(work, "manifest.jsonl"), "--quiet"],
        check=True)
    names = sorted(n for n in os.listdir(staging) if n.endswith(".txt"))
    rng.shuffle(names)

    with open(config_path, "w") as f:
        json.dump({"inbox": inbox, "database": database, "socket": socket, "settle_ms": 200,
                   "log_level": "notice", "after_ingest": args.after_ingest, "archive_dir": archive}, f)
    log_file = open(os.path.join(work, "newsd.log"), "ab")
    daemon = Daemon(bin_dir, config_path, log_file)

    expected_gap = (args.min_gap + args.max_gap) / 2
    dropper = Dropper(names, staging, inbox, duration=max(1.0, args.kills * (expected_gap + 0.5) * 0.8), rng=rng)
    daemon.start()
    dropper.start()
    started = time.monotonic()
    for kill in range(args.kills):
        # Most kills land while newsd ingests (after it answers), some during its start-up.
        if rng.random() < 0.8:
            ready_by = time.monotonic() + 60
            while time.monotonic() < ready_by and daemon.alive() and ctl(bin_dir, socket, "status") is None:
                time.sleep(0.05)
        time.sleep(rng.uniform(args.min_gap, args.max_gap))
        if not daemon.alive():
            log(f"newsd exited by itself with status {daemon.process.returncode} before kill {kill + 1}")
            return 1
        daemon.kill()
        daemon.start()
    log(f"{args.kills} kills in {time.monotonic() - started:.1f} s")
    dropper.join()
    if dropper.error:
        log(f"dropping files failed: {dropper.error}")
        return 1

    # A file in flight when newsd was killed twice in a row is quarantined as a suspect
    # ("newsd stopped 2 times in a row while reading it": newsd cannot tell a kill from a crash its
    # parsing caused). It is not lost: once the rest has caught up, `retry --all` brings it back,
    # and the check below then wants every file's article exactly once.
    deadline = time.monotonic() + args.timeout
    status = None
    retried = 0
    while time.monotonic() < deadline:
        status = ctl(bin_dir, socket, "status")
        if status and status.get("articles", 0) >= len(names) and status.get("pending", 1) == 0:
            break
        if (status and status.get("pending", 1) == 0 and status.get("failed", 0) > 0
                and status.get("articles", 0) + status.get("failed", 0) >= len(names)):
            suspects = [f for f in (ctl(bin_dir, socket, "failed") or [])
                        if "times in a row while reading it" in (f.get("error") or "")]
            if len(suspects) == status["failed"]:
                retried += len(suspects)
                subprocess.run([os.path.join(bin_dir, "newsctl"), "--socket", socket, "retry", "--all"],
                               capture_output=True, timeout=60)
        if not daemon.alive():
            log(f"newsd exited with status {daemon.process.returncode} during catch-up")
            return 1
        time.sleep(0.5)
    if retried:
        log(f"files quarantined as suspects of two kills in a row, then retried: {retried}")
    log(f"final status: {json.dumps(status)}")
    if status:
        figures_run = status.get("ingested_since_start", 0)
        log(f"articles committed by the killed runs: {status.get('articles', 0) - figures_run}")
    # The entity rows a backlog left are written once the inbox is idle.
    waiting = None
    entities_by = time.monotonic() + 300
    while time.monotonic() < entities_by and daemon.alive():
        try:
            db = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5)
            waiting = db.execute("SELECT count(*) FROM entity_backlog").fetchone()[0]
            db.close()
        except sqlite3.Error:
            waiting = None
        if waiting == 0:
            break
        time.sleep(0.2)
    code = daemon.terminate()
    if code != 0:
        log(f"newsd exited with {code} after SIGTERM")

    failures, figures = check_database(database, dropper.placed)
    log_file.flush()
    with open(os.path.join(work, "newsd.log"), "rb") as f:
        recovered = f.read().count(b"event=leaving-recovered")
    if args.after_ingest != "keep":
        log(f"starts that recorded files a killed run had moved or removed: {recovered}")
    if args.after_ingest != "keep":
        failures += check_left(database, inbox, archive, dropper.placed, args.after_ingest)
    if code != 0:
        failures.append(f"SIGTERM exit status {code}")
    log(f"result: {json.dumps(figures)}")
    log_file.close()
    if failures:
        for failure in failures:
            log(f"FAIL: {failure}")
        log(f"work folder kept: {work}")
        return 1
    log(f"PASS: {len(names)} files, {args.kills} kills, after_ingest {args.after_ingest}, 0 lost, 0 duplicated")
    if not args.keep and not args.workdir:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
