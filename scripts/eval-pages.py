#!/usr/bin/env python3
"""Scores newsd on the whole-page sets that scripts/page-sets.py builds: body 4-gram shingle F1
(as in the ScrapingHub article-extraction benchmark), title, author and publication-day exact-match
rates, per set, next to two baselines that need no parser: "keep the whole page" (body) and
"first line as title". "title printed" counts only the pages whose gold title the page prints as a
line or as a part of its first line (some sets' gold joins the headline to its standfirst).

    eval-pages.py SETS --bin BIN_DIR [--split dev|train|all] [--keep FILE]
    eval-pages.py SETS --articles FILE [--split ...]

With --bin it copies SETS/pages (the split asked for) into a temporary inbox, runs newsd from
BIN_DIR on it, dumps every article (scripts/dump-articles.py) and scores them; --keep saves that
dump. With --articles it scores a saved dump.

Rules: body = the article's `body` (its text in reading order, subheadings among the paragraphs,
as `newsctl --json show` gives it; summary and captions apart); tokens are runs of word characters,
lower-cased; F1 of the multiset of 4-token shingles, averaged over pages (a page with no gold
shingles is skipped). Titles match after case-folding, collapsing white space and dropping
punctuation. Authors match when the set of names equals the gold byline's (split at commas, semicolons
(trafilatura's gold joins authors with "; "), "and", "&", a leading "By" dropped), counted over pages whose gold names someone. Dates match on the day
(YYYY-MM-DD of `published`).
"""
import argparse
import collections
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = re.compile(r"\w+")


def shingles(text, n=4):
    tokens = WORD.findall(text.lower())
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def f1(pred, gold):
    g = shingles(gold)
    if not g:
        return None
    p = shingles(pred)
    tp = sum((p & g).values())
    if tp == 0:
        return 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return 2 * precision * recall / (precision + recall)


TITLE_SEPARATORS = re.compile(r" [|\-–—»>·:] |: | :: |_")


def printed(page, title):
    """Whether the gold title stands on the page as a line of its own or as a part of its first
    line (`Headline - Site`): what an extractor that picks a line or a part of the title can get.
    Some sets' gold joins the headline to its standfirst, which no page prints so."""
    want = norm_title(title)
    lines = [l.strip() for l in page.splitlines() if l.strip()]
    if any(norm_title(l) == want for l in lines):
        return True
    first = lines[0] if lines else ""
    return any(norm_title(part) == want for part in TITLE_SEPARATORS.split(first))


def norm_title(t):
    # Soft hyphens (U+00AD) are hints where a word may break: no reader sees them. Text in its
    # composed and decomposed forms (`ড়` as one character or as `ড` and a nukta) is the same text.
    t = unicodedata.normalize("NFC", (t or "").replace("\u00ad", ""))
    return " ".join(re.sub(r"[^\w\s]", " ", t.casefold()).split())


BYLINE_OPENING = re.compile(r"^\s*(written by|posted by|by|von|par|por|di)\b:?\s*", re.I)
# A digit that opens a word ends the names (`By Jane Doe 12 May`), and so does a day run into the
# last name (`by Lucas Nolan22 Dec 2016`); one inside a handle (`c1ph4`, `freeman1984`) is part of it.
DATE_AFTER_NAMES = re.compile(
    r"\b\d|\d+\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b(last )?(updated|published|posted)\b", re.I)


# `A (avec B et C)`, `A (with B and C)`: the bracket names co-authors.
COMPANIONS = re.compile(r"\(\s*(?:avec|with|con|mit)\s+([^)]*)\)", re.I)
# `By Brenda Goodman, MA`: degrees printed after a name, after a comma, are no names.
CREDENTIALS = {"ma", "ms", "md", "phd", "mph", "mba", "rn", "jd", "msc", "bsc", "dds", "facp"}


def names(byline):
    """The names a byline holds, case-folded: without its opening (`By`), without what a byline
    element prints after the names (a date, a second line such as `WebMD Health News`, an address in
    brackets, a degree such as `MA`; a bracket of co-authors, `(avec B et C)`, gives their names too).
    Readability's gold bylines are such elements' text (`By Nathan Willis\n March 25,
    2015`); a gold byline that holds no name (`Last Updated: January 7, 2025`) gives the empty set."""
    lines = [line.strip() for line in (byline or "").replace("\u00ad", "").split("\n") if line.strip()]
    b = ""
    for line in lines:  # `By` alone on its line: the names are on the next
        b = (b + " " + line).strip()
        if BYLINE_OPENING.sub("", b).strip():
            break
    b = BYLINE_OPENING.sub("", b)
    b = re.sub(r"\(\s*https?://[^)]*\)", "", b)
    b = DATE_AFTER_NAMES.split(b)[0]
    b = COMPANIONS.sub(r", \1", b)
    parts = re.split(r",|;|\band\b|&|\bund\b|\bet\b|\by\b|\|", b)
    parts = [name_key(p) for p in parts]
    return {p for p in parts if p and p.replace(".", "") not in CREDENTIALS}


def name_key(name):
    """A name compared without case, runs of white space or the difference between composed and
    decomposed characters."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def first_line(text):
    for line in text.split("\n"):
        if line.strip():
            return line.strip()
    return ""


def run_newsd(sets, records, bin_dir):
    work = tempfile.mkdtemp(prefix="newsd-pages.")
    inbox = os.path.join(work, "inbox")
    for r in records:
        dst = os.path.join(inbox, r["file"])
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copyfile(os.path.join(sets, "pages", r["file"]), dst)
    sock = os.path.join(work, "sock")
    log = open(os.path.join(work, "newsd.log"), "w")
    proc = subprocess.Popen([os.path.join(bin_dir, "newsd"), "--inbox", inbox, "--database",
                             os.path.join(work, "db"), "--socket", sock, "--log-level", "warning"],
                            stderr=log)
    try:
        for _ in range(600):
            if os.path.exists(sock):
                break
            time.sleep(0.1)
        # Done when every page is in, or when nothing is pending and the count has not moved for
        # ten seconds (a page newsd skips, such as a hidden or oversized file, never arrives).
        last, still = None, 0
        failures = 0
        while True:
            status = subprocess.run([os.path.join(bin_dir, "newsctl"), "--socket", sock, "--json", "status"],
                                    capture_output=True, text=True)
            if status.returncode != 0 or not status.stdout.strip():
                # A status asked while the daemon starts its control server (or is busy past
                # newsctl's wait) is asked again; ten failures in a row end the run with newsctl's error.
                failures += 1
                if failures >= 10:
                    sys.exit(f"newsctl status failed {failures} times: {status.stderr.strip()}")
                time.sleep(1)
                continue
            failures = 0
            s = json.loads(status.stdout)
            idle = s["pending"] == 0 and s["state"] == "watching"
            if idle and s["files"] >= len(records):
                break
            seen = (s["files"], s["failed"])
            still = still + 1 if idle and seen == last else 0
            last = seen
            if still >= 20:
                print(f"newsd took {s['files']} of {len(records)} pages", file=sys.stderr)
                break
            time.sleep(0.5)
        dump = subprocess.run([sys.executable, os.path.join(HERE, "dump-articles.py"), sock],
                              capture_output=True, text=True, check=True).stdout
    finally:
        proc.terminate()
        proc.wait()
        shutil.rmtree(work, ignore_errors=True)
    return dump


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets")
    ap.add_argument("--bin")
    ap.add_argument("--articles")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "all"])
    ap.add_argument("--keep")
    args = ap.parse_args()
    records = [json.loads(l) for l in open(os.path.join(args.sets, "gold.jsonl"), encoding="utf-8")]
    records = [r for r in records if args.split == "all" or r["split"] == args.split]
    if args.articles:
        dump = open(args.articles, encoding="utf-8").read()
    else:
        dump = run_newsd(args.sets, records, args.bin)
        if args.keep:
            open(args.keep, "w", encoding="utf-8").write(dump)
    articles = {}
    for line in dump.split("\n"):  # not splitlines(): a story may hold U+2028 or U+0085
        if not line:
            continue
        a = json.loads(line)
        if "error" not in a:
            articles[a["path"].lstrip("./")] = a

    stats = collections.defaultdict(lambda: collections.defaultdict(list))
    for r in records:
        page = open(os.path.join(args.sets, "pages", r["file"]), encoding="utf-8").read()
        a = next((v for k, v in articles.items() if k.endswith(r["file"])), None) if r["file"] not in articles \
            else articles[r["file"]]
        a = a or {}
        for key in (r["set"], "all"):
            s = stats[key]
            if r["body"]:
                pred = "\n".join(a.get("body") or [])
                score = f1(pred, r["body"])
                if score is not None:
                    s["body"].append(score)
                    s["body_page"].append(f1(page, r["body"]))
            if r["title"]:
                s["title"].append(norm_title(a.get("title")) == norm_title(r["title"]))
                s["title_first"].append(norm_title(first_line(page)) == norm_title(r["title"]))
                if printed(page, r["title"]):
                    s["title_printed"].append(norm_title(a.get("title")) == norm_title(r["title"]))
            gold = set().union(set(), *(names(x) for x in r["authors"] or []))
            if gold:
                pred = set().union(set(), *(names(x) for x in a.get("authors") or []))
                s["authors"].append(pred == gold)
            elif r["authors"] == []:
                s["authors_none"].append(not a.get("authors"))
            if isinstance(r["date"], str) and r["date"]:
                s["date"].append((a.get("published") or "")[:10] == r["date"][:10])

    def fmt(values, pct=False):
        if not values:
            return "—"
        m = sum(values) / len(values)
        return f"{100 * m:.1f} % ({len(values)})" if pct else f"{m:.3f} ({len(values)})"

    print(f"split: {args.split}; articles: {len(articles)} of {len(records)} pages")
    print("| set | body F1 | whole page F1 | title | title printed | first line | authors | no author invented | date |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key in sorted(stats, key=lambda k: (k == "all", k)):
        s = stats[key]
        print(f"| {key} | {fmt(s['body'])} | {fmt(s['body_page'])} | {fmt(s['title'], True)} | "
              f"{fmt(s['title_printed'], True)} | {fmt(s['title_first'], True)} | {fmt(s['authors'], True)} | {fmt(s['authors_none'], True)} | "
              f"{fmt(s['date'], True)} |")


if __name__ == "__main__":
    main()
