#!/usr/bin/env python3
"""Scores newsd's HTML reader and trafilatura on the same saved web pages in the same run: body F1
of 4-word shingles (the ScrapingHub benchmark's measure, scored as scripts/eval-pages.py scores text
pages), title, author and publication-day exact-match rates, and the median milliseconds per page
of each extractor: newsd's whole reading (`ms`: extraction and the analysis newsd adds, entities,
quotes, language) and its extraction alone (`ms extr`: decoding, parsing, metadata and main content,
what trafilatura's time covers); trafilatura's one time is in both columns.

    eval-html.py --bin BIN_DIR [--merged DIR] [--readability DIR] [--htmldate DIR] [--scrapinghub DIR]
                 [--postlight DIR] [--trafilatura-eval DIR] [--fundus DIR] [--split dev|test|all] [--limit N]
                 [--save FILE]

BIN_DIR holds `newsd-extract` (swift build; it times decoding, parsing, extraction and analysis of
each page in process, and the extraction before the analysis, as this script times trafilatura's
`bare_extraction` in process; every fifty pages are read by newsd, then at once by trafilatura, so
that a machine whose speed drifts over minutes slows both alike). The pages
are the public sets scripts/page-sets.py reads, as their HTML: --merged a checkout of
j-szulc/html-cleaning-dataset-merged (CleanEval, CleanPortalEval, Dragnet, L3S-GN1 Google News),
--readability one of mozilla/readability (test/test-pages), --htmldate one of adbar/htmldate
(tests/eval), --scrapinghub one of scrapinghub/article-extraction-benchmark (181 news pages with
their article bodies; its pages are unpacked into a temporary folder, and its body score is also
given as that benchmark computes it: F1 of the mean precision and the mean recall over pages),
--postlight one of postlight/parser (its `fixtures/`: news and blog pages of 2016–2021 from about 140
sites, whose title, author and publication instant its per-site tests state; no bodies; their
`<meta value=…>` is read back as the `content=` the sites published), --trafilatura-eval one of
adbar/trafilatura (tests/evaldata.json: about 990 pages, mostly German and English blogs and news,
with title, author and date, and for the body a few passages that must be in it and a few that
must not, scored as trafilatura's own evaluation counts them; trafilatura is tuned on these pages,
so its figures there flatter it), --fundus one of flairNLP/fundus (about 260 news pages of 2023–2026
from about 150 outlets in 40 countries, with the body, title, authors and publication instant each
publisher's parser must give; unpacked into a temporary folder; reported on its own line, not among
the news sets, whose figures earlier rounds give). A hash of each page's name puts one page in five in `test`, reported and never tuned
on; the rest are `dev`. Nothing here is committed: the pages belong to their publishers.

Needs `pip install trafilatura html-text`.
"""
import argparse
import collections
import hashlib
import importlib.util
import json
import os
import re
import statistics
import gzip
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), os.path.join(HERE, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pages = load("page-sets")  # gold bodies from the sets' own formats
scoring = load("eval-pages")  # shingle F1, title and name normalisation

NEWS_SETS = ("l3s-gn1", "cleanportaleval", "readability", "dragnet", "htmldate", "postlight")


def postlight_records(root):
    """Each fixture page with the title, author and date its site's test asserts (the page as
    published, `page-sets.restore_meta_content`, in a temporary folder)."""
    out = []
    restored = tempfile.mkdtemp(prefix="newsd-postlight-")
    for fixture, html, gold in pages.postlight_pages(root):
        src = os.path.join(restored, fixture)
        with open(src, "wb") as f:
            f.write(html)
        out.append(("postlight", fixture, src, gold))
    return out


def split_of(name):
    return "test" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 5 == 0 else "dev"


def records(args):
    """(set, name, html path, gold) for every page of the sets given."""
    out = []
    if args.merged:
        root = args.merged
        for folder, set_name in {"cleaneval-dev": "cleaneval-dev", "cleaneval-final": "cleaneval-final",
                                 "CleanPortalEval-master": "cleanportaleval", "dragnet_data": "dragnet"}.items():
            gold_dir = os.path.join(root, folder, "GoldStandard")
            input_dir = os.path.join(root, folder, "input")
            if not os.path.isdir(gold_dir):
                continue
            inputs = {os.path.splitext(n)[0]: n for n in os.listdir(input_dir)}
            for g in sorted(os.listdir(gold_dir)):
                stem = os.path.splitext(g)[0]
                if stem not in inputs or g.startswith("."):
                    continue
                body = pages.gold_body(pages.read(os.path.join(gold_dir, g)))
                out.append((set_name, stem, os.path.join(input_dir, inputs[stem]), {"body": body}))
        folder = os.path.join(root, "page-signal-master")
        if os.path.isdir(folder):
            import lxml.html
            for g in sorted(os.listdir(os.path.join(folder, "GoldStandard"))):
                stem = os.path.splitext(g)[0]
                src = os.path.join(folder, "input", stem + ".html")
                if not os.path.exists(src):
                    continue
                try:
                    doc = lxml.html.fromstring(pages.read(os.path.join(folder, "GoldStandard", g)))
                except Exception:
                    continue
                head = " ".join(" ".join(e.text_content().split()) for e in doc.xpath('//span[@class="x-nc-sel1"]'))
                body = "\n".join(" ".join(e.text_content().split()) for e in doc.xpath('//span[@class="x-nc-sel2"]'))
                out.append(("l3s-gn1", stem, src, {"body": body.strip(), "title": head.strip() or None}))
    if args.readability:
        root = os.path.join(args.readability, "test", "test-pages")
        for name in sorted(os.listdir(root)):
            d = os.path.join(root, name)
            try:
                meta = json.load(open(os.path.join(d, "expected-metadata.json"), encoding="utf-8"))
                body = pages.render(pages.read(os.path.join(d, "expected.html")))
            except (OSError, ValueError):
                continue
            byline = meta.get("byline")
            date = meta.get("publishedTime")
            out.append(("readability", name, os.path.join(d, "source.html"),
                        {"body": body, "title": meta.get("title"), "authors": byline or None,
                         "date": date[:10] if date else None}))
    if args.htmldate:
        tests = os.path.join(args.htmldate, "tests")
        for index in ("eval_default.json", "eval_mediacloud_2020.json"):
            path = os.path.join(tests, index)
            if not os.path.exists(path):
                continue
            for url, entry in json.load(open(path, encoding="utf-8")).items():
                if not isinstance(entry.get("date"), str):
                    continue
                for folder in ("eval", "test_set", "cache"):
                    src = os.path.join(tests, folder, entry["file"])
                    if os.path.exists(src):
                        break
                else:
                    continue
                out.append(("htmldate", re.sub(r"[^\w.-]", "_", entry["file"])[:100], src, {"date": entry["date"]}))
    if args.scrapinghub:
        truth = json.load(open(os.path.join(args.scrapinghub, "ground-truth.json"), encoding="utf-8"))
        unpacked = tempfile.mkdtemp(prefix="newsd-scrapinghub-")
        for key in sorted(truth):
            packed = os.path.join(args.scrapinghub, "html", key + ".html.gz")
            if not os.path.exists(packed):
                continue
            src = os.path.join(unpacked, key + ".html")
            with gzip.open(packed) as f_in, open(src, "wb") as f_out:
                f_out.write(f_in.read())
            out.append(("scrapinghub", key, src, {"body": truth[key].get("articleBody") or ""}))
    if args.postlight:
        out += postlight_records(args.postlight)
    if args.trafilatura_eval:
        out += [("trafilatura-eval", name, src, gold) for name, src, gold in pages.trafilatura_pages(args.trafilatura_eval)]
    if args.fundus:
        unpacked = tempfile.mkdtemp(prefix="newsd-fundus-")
        for name, packed, gold in pages.fundus_pages(args.fundus):
            src = os.path.join(unpacked, name + ".html")
            with gzip.open(packed) as f_in, open(src, "wb") as f_out:
                f_out.write(f_in.read())
            out.append(("fundus", name, src, gold))
    return out


def snippets(rows):
    """Passages that must (`with`) and must not (`without`) be in the body, counted over all pages as
    trafilatura's evaluation counts them: precision, recall, F1."""
    norm = lambda t: re.sub(r"\s+", " ", t).strip()
    tp = fp = fn = 0
    for pred, gold in rows:
        if not gold.get("with"):
            continue
        body = norm(pred["body"] or "")
        hit = sum(1 for w in gold["with"] if norm(w) in body)
        tp += hit
        fn += len(gold["with"]) - hit
        fp += sum(1 for w in gold["without"] if norm(w) in body)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def benchmark_f1(rows):
    """The ScrapingHub benchmark's own body score: 4-word shingles counted per page, each page's
    precision and recall (1 when both texts are empty), averaged over pages, then their F1."""
    precisions, recalls = [], []
    for pred, gold in rows:
        ours, want = shingle_counts(pred["body"]), shingle_counts(gold["body"])
        tp = sum(min(n, want.get(k, 0)) for k, n in ours.items())
        fp = sum(ours.values()) - tp
        fn = sum(want.values()) - tp
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    p, r = statistics.mean(precisions), statistics.mean(recalls)
    return 2 * p * r / (p + r) if p + r else 0.0, p, r


def shingle_counts(text):
    words = re.findall(r"\w+", text or "")
    return collections.Counter(tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3)) if words[i:i + 4])


class NewsdExtract:
    """One `newsd-extract -` process, given the pages fifty at a time ({path: (ms, article or None,
    error, extraction ms)} for each batch): when trafilatura runs, it reads each batch right after newsd, so that both see the machine as it is in those seconds (on a shared
    machine the speed of the same code moves by a third between runs minutes apart), and each reads
    its batch back to back, as an extractor reads a stream of pages (one page of each in turn leaves
    each one's code and tables out of the processor's caches for the other's next page)."""

    BATCH = 50

    def __init__(self, bin_dir):
        self.proc = subprocess.Popen([os.path.join(bin_dir, "newsd-extract"), "-"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1)

    def read(self, paths):
        self.proc.stdin.write("".join(p + "\n" for p in paths))
        self.proc.stdin.flush()
        out = {}
        for _ in paths:
            r = json.loads(self.proc.stdout.readline())
            out[r["file"]] = (r.get("ms"), r.get("article"), r.get("error"), r.get("extract_ms"))
        return out

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def newsd_fields(article):
    if not article:
        return {"body": "", "title": None, "authors": [], "date": None}
    body = "\n".join(article.get("body", []))  # the text in reading order, as `show` gives it
    published = article.get("published")
    return {"body": body, "title": article.get("title"), "authors": article.get("authors") or [],
            "date": published[:10] if published else None}


def run_trafilatura(path):
    import trafilatura
    raw = open(path, "rb").read()
    start = time.perf_counter()
    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    except Exception:
        doc = None
    ms = (time.perf_counter() - start) * 1000
    if doc is None:
        return ms, {"body": "", "title": None, "authors": [], "date": None}
    get = (lambda k: getattr(doc, k, None)) if not isinstance(doc, dict) else doc.get
    author = get("author")
    return ms, {"body": get("text") or "", "title": get("title"), "authors": [a.strip() for a in author.split(";")] if author else [],
                "date": (get("date") or "")[:10] or None}


def score(rows):
    """Averages over pages that label each field."""
    f1s, titles, authors, dates = [], [], [], []
    for pred, gold in rows:
        if gold.get("body"):
            value = scoring.f1(pred["body"], gold["body"])
            if value is not None:
                f1s.append(value)
        if gold.get("title"):
            titles.append(scoring.norm_title(pred["title"]) == scoring.norm_title(gold["title"]))
        if gold.get("authors") and scoring.names(gold["authors"]):
            want = scoring.names(gold["authors"])
            got = {scoring.name_key(n) for n in pred["authors"]}
            authors.append(bool(want) and got == want)
        if gold.get("date"):
            dates.append(pred["date"] == gold["date"][:10])
    mean = lambda xs: (sum(xs) / len(xs), len(xs)) if xs else (None, 0)
    return {"body_f1": mean(f1s), "title": mean(titles), "authors": mean(authors), "date": mean(dates)}


def show(label, result, ms, extraction_ms):
    def cell(v):
        value, n = v
        return "      -      " if value is None else f"{value:6.3f} ({n:4d})"
    print(f"{label:34s} {cell(result['body_f1'])} {cell(result['title'])} {cell(result['authors'])} "
          f"{cell(result['date'])} {statistics.median(ms) if ms else 0:8.2f} "
          f"{statistics.median(extraction_ms) if extraction_ms else 0:8.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--merged")
    ap.add_argument("--readability")
    ap.add_argument("--htmldate")
    ap.add_argument("--scrapinghub")
    ap.add_argument("--postlight")
    ap.add_argument("--trafilatura-eval")
    ap.add_argument("--fundus")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--limit", type=int, default=0, help="at most N pages per set")
    ap.add_argument("--no-trafilatura", action="store_true")
    ap.add_argument("--save", help="write every page's fields and scores (trafilatura's beside) as JSON lines")
    args = ap.parse_args()

    chosen = [r for r in records(args) if args.split == "all" or split_of(f"{r[0]}/{r[1]}") == args.split]
    if args.limit:
        counts = collections.Counter()
        kept = []
        for r in chosen:
            counts[r[0]] += 1
            if counts[r[0]] <= args.limit:
                kept.append(r)
        chosen = kept
    # newsd reads a batch, then trafilatura the same batch (when it runs).
    newsd = NewsdExtract(args.bin)
    ours = {}
    by_set = collections.defaultdict(lambda: {"newsd": [], "trafilatura": [], "ms_n": [], "ms_x": [], "ms_t": []})
    saved = open(args.save, "w", encoding="utf-8") if args.save else None
    for position, (set_name, name, path, gold) in enumerate(chosen):
        if position % NewsdExtract.BATCH == 0:
            ours.update(newsd.read([r[2] for r in chosen[position:position + NewsdExtract.BATCH]]))
        ms, article, error, extraction_ms = ours.get(path, (None, None, "missing", None))
        pred = newsd_fields(article)
        group = by_set[set_name]
        group["newsd"].append((pred, gold))
        if ms is not None:
            group["ms_n"].append(ms)
        if extraction_ms is not None:
            group["ms_x"].append(extraction_ms)
        tpred = None
        if not args.no_trafilatura:
            tms, tpred = run_trafilatura(path)
            group["trafilatura"].append((tpred, gold))
            group["ms_t"].append(tms)
        if saved:
            row = {"set": set_name, "name": name, "path": path, "newsd": pred, "gold": gold,
                   "f1": scoring.f1(pred["body"], gold["body"]) if gold.get("body") else None, "error": error}
            if tpred is not None:
                row["trafilatura"] = tpred
                row["f1_trafilatura"] = scoring.f1(tpred["body"], gold["body"]) if gold.get("body") else None
            saved.write(json.dumps(row, ensure_ascii=False) + "\n")
    newsd.close()

    print(f"split: {args.split}; cells are score (pages scored); ms is the median per page (newsd: whole reading, "
          f"and extraction before its analysis)\n")
    print(f"{'set / extractor':34s} {'body F1':13s} {'title':13s} {'authors':13s} {'date':13s} {'ms':>8s} {'ms extr':>8s}")
    groups = [(s, by_set[s]) for s in sorted(by_set)]
    news = {"newsd": [], "trafilatura": [], "ms_n": [], "ms_x": [], "ms_t": []}
    for s, g in groups:
        if s in NEWS_SETS:
            for k in news:
                news[k] += g[k]
    for label, g in groups + [("NEWS SETS", news)]:
        show(f"{label} / newsd", score(g["newsd"]), g["ms_n"], g["ms_x"])
        if not args.no_trafilatura:
            show(f"{label} / trafilatura", score(g["trafilatura"]), g["ms_t"], g["ms_t"])
    if by_set["scrapinghub"]["newsd"]:
        for who in ("newsd", "trafilatura"):
            if by_set["scrapinghub"][who]:
                f1, p, r = benchmark_f1(by_set["scrapinghub"][who])
                print(f"scrapinghub / {who}, as the benchmark scores: F1 {f1:.3f} (precision {p:.3f}, recall {r:.3f})")
    if by_set["trafilatura-eval"]["newsd"]:
        for who in ("newsd", "trafilatura"):
            if by_set["trafilatura-eval"][who]:
                p, r, f = snippets(by_set["trafilatura-eval"][who])
                print(f"trafilatura-eval / {who}, body passages: precision {p:.3f}, recall {r:.3f}, F1 {f:.3f}")
    if not args.no_trafilatura and news["ms_n"] and news["ms_t"]:
        print(f"\nspeed-up on the news sets (median ms trafilatura / newsd): "
              f"{statistics.median(news['ms_t']) / statistics.median(news['ms_n']):.1f}x whole reading"
              + (f", {statistics.median(news['ms_t']) / statistics.median(news['ms_x']):.1f}x extraction alone"
                 if news["ms_x"] else ""))


if __name__ == "__main__":
    main()
