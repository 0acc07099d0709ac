#!/usr/bin/env python3
"""Builds the whole-page development sets: public boilerplate and extraction sets, each page
rendered to plain text the way a browser's "save as text" or `html-text` renders it (menus, cookie
banners, related links and footers included), with its gold body, title, authors or date.

    page-sets.py OUT [--merged DIR] [--readability DIR] [--htmldate DIR]

    --merged       a checkout of j-szulc/html-cleaning-dataset-merged (CleanEval dev and final,
                   CleanPortalEval, Dragnet, L3S-GN1 "page-signal")
    --readability  a checkout of mozilla/readability (test/test-pages: body, title and byline)
    --htmldate     a checkout of adbar/htmldate (tests/eval and its JSON files: publication days)

Writes OUT/pages/SET/NAME.txt (what newsd reads) and OUT/gold.jsonl, one line per page:
{"set", "file" (relative to OUT/pages), "split" ("train" or "dev"), "body", "title", "authors",
"date"}; a field the set does not label is null. The split is fixed by a hash of the page's name
(one page in five is dev), so it does not change when sets are added. Nothing here is committed:
the pages belong to their publishers and the sets to their authors.

Needs `pip install html-text`.
"""
import argparse
import hashlib
import json
import os
import re
import sys

import html_text
import lxml.html

CHARSET = re.compile(rb'charset=["\']?([A-Za-z0-9_\-]+)', re.I)


def decode(raw):
    """Bytes of a page to text: UTF-8 when it is, else the page's declared charset, else cp1252."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = CHARSET.search(raw[:4096])
    if m:
        try:
            return raw.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def render(html):
    """Plain text of a page as `html-text` renders it (block elements on their own lines)."""
    try:
        return html_text.extract_text(html, guess_layout=True)
    except Exception:  # an unparsable page: keep the set going
        return ""


def split_of(name):
    return "dev" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0 else "train"


def cleaneval_gold(text):
    """CleanEval's gold: a `URL:` line, then blocks marked `<p>`, `<h>`, `<l>`."""
    lines = text.split("\n")
    if lines and lines[0].startswith("URL:"):
        lines = lines[1:]
    out = "\n".join(lines)
    out = re.sub(r"<(p|h|l)>", "\n", out)
    return re.sub(r"[ \t]+", " ", out).strip()


def gold_body(text):
    stripped = text.lstrip()
    if stripped.startswith("URL:") or re.match(r"<(p|h|l)>", stripped):
        return cleaneval_gold(text)
    if re.search(r"<(html|div|p|section|article|body)[\s>]", text[:2000], re.I):
        return render(text)
    return text.strip()


class Writer:
    def __init__(self, out):
        self.out = out
        self.gold = open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8")
        self.counts = {}

    def add(self, set_name, name, page_text, body=None, title=None, authors=None, date=None):
        if not page_text.strip():
            return
        rel = f"{set_name}/{name}.txt"
        path = os.path.join(self.out, "pages", rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(page_text.rstrip() + "\n")
        record = {"set": set_name, "file": rel, "split": split_of(rel), "body": body, "title": title,
                  "authors": authors, "date": date}
        self.gold.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.counts[set_name] = self.counts.get(set_name, 0) + 1


def read(path):
    with open(path, "rb") as f:
        return decode(f.read())


def merged_sets(w, root):
    sets = {"cleaneval-dev": "cleaneval-dev", "cleaneval-final": "cleaneval-final",
            "CleanPortalEval-master": "cleanportaleval", "dragnet_data": "dragnet"}
    for folder, set_name in sets.items():
        gold_dir = os.path.join(root, folder, "GoldStandard")
        input_dir = os.path.join(root, folder, "input")
        inputs = {os.path.splitext(n)[0]: n for n in os.listdir(input_dir)}
        for g in sorted(os.listdir(gold_dir)):
            stem = os.path.splitext(g)[0]
            if stem not in inputs:
                continue
            page = read(os.path.join(input_dir, inputs[stem]))
            if page.startswith("URL:"):
                page = page.split("\n", 1)[1] if "\n" in page else ""
            body = gold_body(read(os.path.join(gold_dir, g)))
            w.add(set_name, stem, render(page), body=body)
    # L3S-GN1 (Google News): spans marked x-nc-sel1 are the headline, x-nc-sel2 the full text.
    folder = os.path.join(root, "page-signal-master")
    for g in sorted(os.listdir(os.path.join(folder, "GoldStandard"))):
        stem = os.path.splitext(g)[0]
        src = os.path.join(folder, "input", stem + ".html")
        if not os.path.exists(src):
            continue
        try:
            doc = lxml.html.fromstring(read(os.path.join(folder, "GoldStandard", g)))
        except Exception:
            continue
        head = " ".join(" ".join(e.text_content().split()) for e in doc.xpath('//span[@class="x-nc-sel1"]')).strip()
        body = "\n".join(" ".join(e.text_content().split()) for e in doc.xpath('//span[@class="x-nc-sel2"]'))
        w.add("l3s-gn1", stem, render(read(src)), body=body.strip(), title=head or None)


def readability_set(w, root):
    pages = os.path.join(root, "test", "test-pages")
    for name in sorted(os.listdir(pages)):
        d = os.path.join(pages, name)
        try:
            meta = json.load(open(os.path.join(d, "expected-metadata.json"), encoding="utf-8"))
            page = read(os.path.join(d, "source.html"))
            body = render(read(os.path.join(d, "expected.html")))
        except (OSError, ValueError):
            continue
        byline = meta.get("byline")
        date = meta.get("publishedTime")
        w.add("readability", name, render(page), body=body, title=meta.get("title"),
              authors=[byline] if byline else [], date=date[:10] if date else None)


def htmldate_set(w, root):
    tests = os.path.join(root, "tests")
    for index in ("eval_default.json", "eval_mediacloud_2020.json"):
        for url, entry in json.load(open(os.path.join(tests, index), encoding="utf-8")).items():
            for folder in ("eval", "test_set", "cache"):
                src = os.path.join(tests, folder, entry["file"])
                if os.path.exists(src):
                    break
            else:
                continue
            stem = re.sub(r"[^\w.-]", "_", entry["file"])[:100]
            w.add("htmldate", stem, render(read(src)), date=entry["date"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--merged")
    ap.add_argument("--readability")
    ap.add_argument("--htmldate")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    w = Writer(args.out)
    if args.merged:
        merged_sets(w, args.merged)
    if args.readability:
        readability_set(w, args.readability)
    if args.htmldate:
        htmldate_set(w, args.htmldate)
    w.gold.close()
    for k, v in sorted(w.counts.items()):
        print(f"{k}: {v} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
