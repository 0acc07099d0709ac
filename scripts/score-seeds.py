#!/usr/bin/env python3
"""score-seeds.py -- holds the parsed seeds against eval/seeds.expected.json.

    score-seeds.py [--expected FILE] [JSONL ...]

Input: JSON lines as `newsctl --json show` prints them (scripts/dump-articles.py writes them), on
stdin or in the files named; each is matched to its page by the basename of `path`. Text is
compared as a reader would: Unicode NFC, straight quotes, single spaces.

Checks per page: present, kind, title (starts with an accepted title, or is a start of one of at
least 30 characters), source, published (an accepted instant, or an accepted date that it falls
on), authors (the same set), every `body_has` paragraph kept, every `body_lacks` line gone,
subheadings, the first summary items, people (by canonical name), places, organisations, quote
speakers, and no person that is not a name (more than four words, or not capitalised).

Prints one line per check, a tally per check, and `score: PASSED/TOTAL checks`; exits 0 only
when every check passes.
"""
import argparse
import datetime
import json
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUOTES = {"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"'}


def plain(text):
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    for curly, straight in QUOTES.items():
        text = text.replace(curly, straight)
    return " ".join(text.split())


def moment(text):
    """An ISO 8601 instant as UTC, or a bare date as a date."""
    if len(text) == 10:
        return datetime.date.fromisoformat(text)
    value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value.astimezone(datetime.timezone.utc) if value.tzinfo else value


def published_ok(got, accepted):
    for want in accepted:
        if want is None or got is None:
            if want is None and got is None:
                return True
            continue
        a, b = moment(got), moment(want)
        if isinstance(b, datetime.datetime) and isinstance(a, datetime.datetime) and a == b:
            return True
        if not isinstance(b, datetime.datetime) and (a if not isinstance(a, datetime.datetime) else a.date()) == b:
            return True
    return False


def title_ok(got, accepted):
    got = plain(got or "")
    for want in map(plain, accepted):
        if got.startswith(want) or (len(got) >= 30 and want.startswith(got)):
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--expected", default=os.path.join(ROOT, "eval", "seeds.expected.json"))
    ap.add_argument("jsonl", nargs="*", help="JSON lines of `newsctl --json show` (default: stdin)")
    args = ap.parse_args()
    expected = json.load(open(args.expected, encoding="utf-8"))
    canonical = {}
    for name, spellings in expected["aliases"].items():
        for spelling in [name] + spellings:
            canonical[plain(spelling)] = plain(name)

    def person(name):
        return canonical.get(plain(name), plain(name))

    docs = {}
    for source in args.jsonl or ["-"]:
        for line in (sys.stdin if source == "-" else open(source, encoding="utf-8")):
            if line.strip():
                doc = json.loads(line)
                docs[os.path.basename(doc.get("path") or "")] = doc

    rows = []
    for page in expected["articles"]:
        name = page["file"]

        def check(what, ok, detail=""):
            rows.append((name, what, bool(ok), detail))

        doc = docs.get(name)
        check("present", doc is not None and "error" not in doc, "" if doc else "no article with this path")
        if doc is None or "error" in doc:
            continue
        check("kind", doc.get("kind") == page["kind"], repr(doc.get("kind")))
        check("title", title_ok(doc.get("title"), page["title"]), repr(doc.get("title"))[:90])
        check("source", plain(doc.get("source")) in [plain(s) for s in page["source"]], repr(doc.get("source")))
        check("published", published_ok(doc.get("published"), page["published"]), repr(doc.get("published")))
        authors = sorted(plain(a) for a in doc.get("authors") or [])
        check("authors", any(authors == sorted(plain(a) for a in want) for want in page["authors"]), repr(authors))
        body = [plain(p) for p in doc.get("body") or []]
        whole = "\n".join(body)
        for text in page["body_has"]:
            check("body has", plain(text) in whole, text[:60])
        for text in page["body_lacks"]:
            check("body lacks", plain(text) not in body, text[:60])
        subheadings = [plain(s) for s in doc.get("subheadings") or []]
        for text in page["subheadings"]:
            check("subheading", plain(text) in subheadings, text)
        if "summary" in page:
            summary = [plain(s) for s in doc.get("summary") or []]
            check("summary", summary[:len(page["summary"])] == [plain(s) for s in page["summary"]], repr(summary)[:90])
        people = {person(p) for p in doc.get("people") or []}
        for p in page["people"]:
            check("person", person(p) in people, p)
        for key, label in (("places", "place"), ("organisations", "organisation")):
            found = {plain(x) for x in doc.get(key) or []}
            for x in page[key]:
                check(label, plain(x) in found, x)
        for quote in page["quotes"]:
            speakers = [person(q.get("speaker") or "") for q in doc.get("quotes") or []
                        if plain(quote["text"]) in plain(q.get("text") or "")]
            check("quote speaker", person(quote["speaker"]) in speakers, "%s: %s" % (quote["speaker"], quote["text"][:40]))
        odd = [p for p in doc.get("people") or [] if len(p.split()) > 4 or not p[:1].isupper()]
        check("people are names", not odd, repr(odd[:3]))

    width = max(len(r[1]) for r in rows)
    for name, what, ok, detail in rows:
        print("%s %s %-*s %s" % ("ok  " if ok else "FAIL", name[:3], width, what, detail))
    tally = {}
    for _, what, ok, _ in rows:
        passed, total = tally.get(what, (0, 0))
        tally[what] = (passed + ok, total + 1)
    print("by check: " + ", ".join("%s %d/%d" % (what, p, t) for what, (p, t) in tally.items()))
    passed = sum(r[2] for r in rows)
    print("score: %d/%d checks" % (passed, len(rows)))
    sys.exit(0 if passed == len(rows) else 1)


if __name__ == "__main__":
    main()
