#!/usr/bin/env python3
"""Builds the whole-page development sets: public boilerplate and extraction sets, each page
rendered to plain text the way a browser's "save as text" or `html-text` renders it (menus, cookie
banners, related links and footers included), with its gold body, title, authors or date.

    page-sets.py OUT [--merged DIR] [--readability DIR] [--htmldate DIR] [--postlight DIR]
                 [--trafilatura-eval DIR] [--fundus DIR] [--untitled | --w3m]

    --merged       a checkout of j-szulc/html-cleaning-dataset-merged (CleanEval dev and final,
                   CleanPortalEval, Dragnet, L3S-GN1 "page-signal")
    --readability  a checkout of mozilla/readability (test/test-pages: body, title and byline)
    --htmldate     a checkout of adbar/htmldate (tests/eval and its JSON files: publication days)
    --postlight    a checkout of postlight/parser (its fixtures: news and blog pages of 2016–2021 from
                   about 140 sites, with the title, author and publication instant its per-site
                   tests assert; the UTC day of that instant is the gold date)
    --trafilatura-eval  a checkout of adbar/trafilatura (tests/evaldata.json: about 990 pages with
                   title, author and date; trafilatura is tuned on them)
    --fundus       a checkout of flairNLP/fundus (tests/resources/parser/test_data: about 260 news
                   pages of 2023–2026 from about 150 outlets in 40 countries, each with the body,
                   title, authors and publication instant its publisher's parser must give; bodies
                   are the story's lead, subheadings and paragraphs, no captions; the authors are
                   often the outlet's or an agency's name, as the site states them)
    --untitled     each page without its window title: `html-text` prints the page's `<title>` as
                   the first line, but a browser's copy of the page (select all, copy) has no such
                   line, and the headline must be found among the page's own lines
    --w3m          each page as `w3m -dump` prints it (needs w3m: `apt-get install w3m`): lines
                   wrapped at 80 columns, lists indented with bullets, no window title, as text saved
                   with a text-mode browser or a mail client is

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
import subprocess
import sys

import html_text
import lxml.html

CHARSET = re.compile(rb'charset=["\']?([A-Za-z0-9_\-]+)', re.I)


def decode(raw):
    """Bytes of a page to text: UTF-16 when a byte-order mark says so (five of Dragnet's gold texts),
    UTF-8 when it is, else the page's declared charset, else cp1252."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16", errors="replace")
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


def render(html, window_title=True):
    """Plain text of a page as `html-text` renders it (block elements on their own lines): its
    `<title>` first, as the window's title, unless `window_title` is false."""
    try:
        if not window_title:
            tree = html_text.parse_html(html)
            for title in tree.xpath("//title"):
                title.drop_tree()
            return html_text.extract_text(tree, guess_layout=True)
        return html_text.extract_text(html, guess_layout=True)
    except Exception:  # an unparsable page: keep the set going
        return ""


# Whether a page's text opens with its window title (`--untitled` leaves it out).
WINDOW_TITLE = True
# How pages are rendered: "html-text", or "w3m" (`--w3m`).
RENDERER = "html-text"


def render_w3m(html):
    """The page as `w3m -dump` prints it: lines wrapped at 80 columns, lists indented with bullets,
    no window title."""
    try:
        return subprocess.run(["w3m", "-dump", "-T", "text/html", "-cols", "80", "-I", "UTF-8", "-O", "UTF-8"],
                              input=html.encode("utf-8", "replace"), capture_output=True,
                              timeout=60).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):  # an unreadable page: keep the set going
        return ""


def rendered_page(html):
    """A page as the set's readers get it (gold texts keep `render`'s default)."""
    if RENDERER == "w3m":
        return render_w3m(html)
    return render(html, window_title=WINDOW_TITLE)


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
            w.add(set_name, stem, rendered_page(page), body=body)
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
        w.add("l3s-gn1", stem, rendered_page(read(src)), body=body.strip(), title=head or None)


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
        w.add("readability", name, rendered_page(page), body=body, title=meta.get("title"),
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
            w.add("htmldate", stem, rendered_page(read(src)), date=entry["date"])


JS_STRING = r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`"""


def js_string(literal):
    """The value of a JavaScript string literal as the tests write them (quotes, backslash escapes)."""
    body = literal[1:-1]
    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", lambda m: (
        chr(int(m.group(1)[2:-1], 16)) if m.group(1).startswith("u{") else
        chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "ux" and len(m.group(1)) > 1 else
        {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1))), body, flags=re.S)


def restore_meta_content(html):
    """Postlight's fixtures were saved after its parser renamed each `<meta>` tag's `content` attribute
    to `value`; this puts the standard name back where a tag has no `content`."""
    def tag(m):
        t = m.group(0)
        return t if re.search(rb"\scontent\s*=", t, re.I) else re.sub(rb"(\s)value(\s*=)", rb"\1content\2", t, count=1, flags=re.I)
    return re.sub(rb"<meta\b[^>]*>", tag, html, flags=re.I)


def postlight_pages(root):
    """(fixture name, the page as published, gold) for each fixture of postlight/parser whose site's
    test asserts a title, author or publication instant (`restore_meta_content`)."""
    custom = os.path.join(root, "src", "extractors", "custom")
    token = re.compile(r"readFileSync\(\s*'\./fixtures/([^']+)'|assert\.equal\(\s*(title|author|date_published)\s*,\s*("
                       + JS_STRING + r"|null)", re.S)
    for site in sorted(os.listdir(custom)):
        test = os.path.join(custom, site, "index.test.js")
        if not os.path.exists(test):
            continue
        gold_of = {}
        fixture = None
        for m in token.finditer(open(test, encoding="utf-8").read()):
            if m.group(1):
                fixture = m.group(1)
                gold_of.setdefault(fixture, {})
            elif fixture and m.group(3) != "null":
                gold_of[fixture][m.group(2)] = js_string(m.group(3))
        for fixture, gold in gold_of.items():
            original = os.path.join(root, "fixtures", fixture)
            if not os.path.isfile(original) or not gold:
                continue
            date = gold.get("date_published")
            yield fixture, restore_meta_content(open(original, "rb").read()), {
                "title": gold.get("title") or None, "authors": gold.get("author") or None, "date": date[:10] if date else None}


def postlight_set(w, root):
    for fixture, html, gold in postlight_pages(root):
        w.add("postlight", os.path.splitext(fixture)[0], rendered_page(decode(html)), title=gold["title"],
              authors=[gold["authors"]] if gold["authors"] else [], date=gold["date"])


def gold_day(raw):
    """A gold date as written, except the two of trafilatura's evaluation pages whose day and month
    are swapped (`2022-29-11`, `2022-25-10`: a month over 12 and a day that can be one): read as the
    only day each can be, which is the day the page prints. Other forms are kept as written."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", raw or "")
    if m and int(m.group(2)) > 12 and 1 <= int(m.group(3)) <= 12:
        return "%s-%s-%s" % (m.group(1), m.group(3), m.group(2))
    return raw


def trafilatura_pages(root):
    """(file name, path, gold) for each of trafilatura's evaluation pages (tests/evaldata.json) found
    in the checkout: title, author (several joined by `; `), date, and the body passages that must
    (`with`) and must not (`without`) be kept."""
    tests = os.path.join(root, "tests")
    for url, item in sorted(json.load(open(os.path.join(tests, "evaldata.json"), encoding="utf-8")).items()):
        src = next((os.path.join(tests, d, item["file"]) for d in ("cache", "eval")
                    if os.path.isfile(os.path.join(tests, d, item["file"]))), None)
        if src is None:
            continue
        author = item.get("author")
        yield item["file"], src, {
            "title": item.get("title") or None, "authors": "; ".join(author) if isinstance(author, list) else author or None,
            "date": gold_day(item.get("date")) or None, "with": item.get("with") or [], "without": item.get("without") or []}


def fundus_pages(root):
    """(name, path of the packed page, gold) for each test page of flairNLP/fundus: a publisher's
    pages (`PUBLISHER_YYYY_MM_DD.html.gz`) beside its expectations (`PUBLISHER.json`, one per version
    of its parser), each page paired with the version whose title it prints (the first paragraph's
    opening when titles do not tell). Body: the lead, then each section's subheading and paragraphs."""
    import gzip
    import html as htmllib
    data = os.path.join(root, "tests", "resources", "parser", "test_data")
    key = lambda t: re.sub(r"\W+", "", htmllib.unescape(t or "")).lower()
    for country in sorted(os.listdir(data)):
        folder = os.path.join(data, country)
        if not os.path.isdir(folder):
            continue
        for expected in sorted(f for f in os.listdir(folder) if f.endswith(".json")):
            publisher = expected[:-5]
            versions = json.load(open(os.path.join(folder, expected), encoding="utf-8"))
            for packed in sorted(f for f in os.listdir(folder) if f.startswith(publisher + "_") and f.endswith(".html.gz")):
                path = os.path.join(folder, packed)
                page = key(gzip.open(path).read().decode("utf-8", "replace"))
                def opening(v):
                    sections = (versions[v].get("body") or {}).get("sections") or []
                    first = (sections[0].get("paragraphs") or [""])[0] if sections else ""
                    return key(first)[:80]
                found = [v for v in versions if versions[v].get("title") and key(versions[v]["title"])[:60] in page]
                if len(found) != 1:
                    found = [v for v in (found or versions) if opening(v) and opening(v) in page]
                if len(found) != 1:
                    continue
                gold = versions[found[0]]
                body = gold.get("body") or {}
                parts = list(body.get("summary") or [])
                for section in body.get("sections") or []:
                    parts += (section.get("headline") or []) + (section.get("paragraphs") or [])
                date = gold.get("publishing_date")
                yield f"{country}_{packed[:-8]}", path, {
                    "body": "\n".join(parts), "title": gold.get("title") or None,
                    "authors": ", ".join(gold.get("authors") or []) or None, "date": date[:10] if date else None}


def fundus_set(w, root):
    import gzip
    for name, path, gold in fundus_pages(root):
        w.add("fundus", name, rendered_page(decode(gzip.open(path).read())), body=gold["body"], title=gold["title"],
              authors=[gold["authors"]] if gold["authors"] else [], date=gold["date"])


def trafilatura_set(w, root):
    for name, src, gold in trafilatura_pages(root):
        stem = re.sub(r"[^\w.-]", "_", os.path.splitext(name)[0])[:100]
        w.add("trafilatura-eval", stem, rendered_page(read(src)), title=gold["title"],
              authors=[gold["authors"]] if gold["authors"] else [], date=gold["date"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--merged")
    ap.add_argument("--readability")
    ap.add_argument("--htmldate")
    ap.add_argument("--postlight")
    ap.add_argument("--trafilatura-eval")
    ap.add_argument("--fundus")
    ap.add_argument("--untitled", action="store_true",
                    help="leave the page's <title> out of its text, as a browser's copy of the page has none")
    ap.add_argument("--w3m", action="store_true",
                    help="render the pages with `w3m -dump` (wrapped at 80 columns) instead of html-text")
    args = ap.parse_args()
    global WINDOW_TITLE, RENDERER
    WINDOW_TITLE = not args.untitled
    RENDERER = "w3m" if args.w3m else "html-text"
    os.makedirs(args.out, exist_ok=True)
    w = Writer(args.out)
    if args.merged:
        merged_sets(w, args.merged)
    if args.readability:
        readability_set(w, args.readability)
    if args.htmldate:
        htmldate_set(w, args.htmldate)
    if args.postlight:
        postlight_set(w, args.postlight)
    if args.trafilatura_eval:
        trafilatura_set(w, args.trafilatura_eval)
    if args.fundus:
        fundus_set(w, args.fundus)
    w.gold.close()
    for k, v in sorted(w.counts.items()):
        print(f"{k}: {v} pages", file=sys.stderr)


if __name__ == "__main__":
    main()
