#!/usr/bin/env python3
"""Scores parsed articles against a manifest of scripts/gen-corpus.py.

    eval-corpus.py MANIFEST [JSONL ...]

Input: JSON lines as `newsctl --json show` prints them (the article's keys plus `path`); files that
failed appear as `{"path": ..., "error": "..."}`. Reads stdin when no JSONL file is named. Each line
is matched to its manifest entry by the basename of `path`.

Checks, for every manifest entry whose `expect` is `article` (articles, copies, near copies and the
malformed files that still hold one):
  title      equals the manifest's title, or is a prefix of it that ends a sentence (its first sentence)
  published  the same instant as the manifest's date (or both null)
  author     the manifest's author is among `authors` (or both empty/null)
Articles written in two steps (`append` in the manifest, grown by scripts/append-tails.py) must be
one article whose revision went up; their fields are scored after the growth.
Malformed files are tallied per subkind as parsed / quarantined (an error with a reason) / missing.

Exits 1 when a field matches for fewer than 99 % of the files that must be articles, when a
malformed file is missing or failed without a reason, or when one that must be refused
(`expect` quarantine) became an article.
"""
import datetime
import json
import os
import sys
import unicodedata

TARGET = 0.99


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFC", s)
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("„", '"'), ("‚", "'")):
        s = s.replace(a, b)
    return " ".join(s.split())


def instant(s):
    """An ISO 8601 string as a UTC datetime; a bare date stays a date."""
    if s is None:
        return None
    s = s.strip()
    if len(s) == 10:
        return datetime.date.fromisoformat(s)
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    d = datetime.datetime.fromisoformat(s)
    if d.tzinfo is None:
        return ("naive", d)
    return d.astimezone(datetime.timezone.utc)


def title_ok(got, want):
    if want is None:
        return got is None or got == ""
    if got is None:
        return False
    g, w = norm(got), norm(want)
    if g == w:
        return True
    return len(g) >= 8 and w.startswith(g) and g[-1] in ".!?\"'" and w[len(g):len(g) + 1] == " "


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    manifest = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
    docs = {}
    for f in sys.argv[2:] or ["-"]:
        stream = sys.stdin if f == "-" else open(f, encoding="utf-8")
        for line in stream:
            if line.strip():
                d = json.loads(line)
                docs.setdefault(os.path.basename(d.get("path") or ""), []).append(d)
    fields = {"title": [0, 0], "published": [0, 0], "author": [0, 0]}
    misses = {"title": [], "published": [], "author": []}
    malformed = {}
    bad_failures = []
    wrongly_parsed = []
    appended = [0, 0]
    not_revised = []
    for m in manifest:
        got = docs.get(m["file"], [])
        article = next((d for d in got if "error" not in d), None)
        error = next((d for d in got if "error" in d), None)
        if m["kind"] == "malformed":
            row = malformed.setdefault(m["subkind"], [0, 0, 0])
            if article is not None:
                row[0] += 1
            elif error is not None:
                row[1] += 1
                if not str(error.get("error") or "").strip():
                    bad_failures.append(m["file"])
            else:
                row[2] += 1
            if m.get("expect") == "quarantine" and article is not None:
                wrongly_parsed.append(m["file"])
        if m.get("expect", "article") != "article":
            continue
        if m.get("append"):
            appended[1] += 1
            if article is not None and len(got) == 1 and (article.get("revision") or 0) >= 2:
                appended[0] += 1
            else:
                not_revised.append((m["file"], (article or {}).get("revision"), len(got)))
        truth_title = m.get("title")
        checks = {
            "title": lambda a: title_ok(a.get("title"), truth_title),
            "published": lambda a: instant(a.get("published")) == instant(m.get("date")),
            "author": lambda a: (m.get("author") in (a.get("authors") or [])) if m.get("author")
            else not (a.get("authors") or []),
        }
        for name, check in checks.items():
            fields[name][1] += 1
            ok = article is not None and check(article)
            if ok:
                fields[name][0] += 1
            else:
                misses[name].append((m["file"], m.get("subkind") or m["kind"],
                                     (article or error or {}).get(name if name != "author" else "authors",
                                                                  (error or {}).get("error"))))
    failed = False
    print(f"{'field':<12} {'matched':>8} {'total':>7} {'%':>7}")
    for name, (ok, total) in fields.items():
        pct = 100.0 * ok / total if total else 100.0
        mark = "" if not total or ok / total >= TARGET else "  < target"
        failed |= bool(mark)
        print(f"{name:<12} {ok:>8} {total:>7} {pct:>6.1f}%{mark}")
    print()
    print(f"{'malformed':<20} {'parsed':>7} {'quarantined':>12} {'missing':>8}")
    for sub in sorted(malformed):
        p, q, missing = malformed[sub]
        failed |= missing > 0
        print(f"{sub:<20} {p:>7} {q:>12} {missing:>8}")
    if appended[1]:
        print(f"\nappended files: {appended[0]} of {appended[1]} are one article at a later revision")
        if not_revised:
            failed = True
            print(f"  not so (file, revision, rows): {not_revised[:5]}")
    if wrongly_parsed:
        failed = True
        print(f"\n{len(wrongly_parsed)} files that must be refused became articles: {wrongly_parsed[:5]}")
    if bad_failures:
        failed = True
        print(f"\n{len(bad_failures)} failures without a reason: {bad_failures[:5]}")
    for name, rows in misses.items():
        if rows:
            print(f"\nfirst misses for {name}:")
            for file, kind, value in rows[:8]:
                print(f"  {file} ({kind}): {str(value)[:100]}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
