#!/usr/bin/env python3
"""make-dup-set.py -- a labelled duplicate set from real article texts, for scripts/dup-eval.py.

    make-dup-set.py --gold FILE --out DIR --manifest FILE [--count N] [--seed S] [--sets a,b]

FILE is a JSON-lines file of real pages' article texts (`body`, optional `title`, `set`), such as the
gold file of a public boilerplate-removal benchmark. Articles of at least 150 words are taken, up to
N, and written as text files (title line, blank line, one paragraph per line). Then, for a share of
them, a copy:
  dup       the same text again (other line breaks and trailing spaces: the same normalised text)
  neardup   the text with one to three realistic edits: a paragraph added (an update), a paragraph
            dropped, a few words changed, a correction of a number, an `Updated …` line above the
            title, an `Additional reporting by …` footer
Negatives are every other pair, among them articles on the same topic from other outlets (the sets
hold several pages about the same news). The manifest has the fields dup-eval.py reads: `file`,
`kind`, `dup_of`, `edits`. Python 3 standard library only; nothing is downloaded.
"""
import argparse
import json
import os
import random
import re


def paragraphs(body):
    parts = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\n(?=\s)", body)]
    return [p for p in parts if p]


def edit(r, title, paras, donor):
    paras = list(paras)
    header, footer, edits = [], [], []
    for e in r.sample(["add_para", "drop_para", "words", "number", "header", "footer"], r.randint(1, 3)):
        if e == "add_para" and donor:
            paras.insert(r.randrange(1, len(paras) + 1), r.choice(donor))
        elif e == "drop_para" and len(paras) > 4:
            del paras[r.randrange(1, len(paras))]
        elif e == "words":
            k = r.randrange(len(paras))
            words = paras[k].split(" ")
            for _ in range(min(3, len(words))):
                i = r.randrange(len(words))
                words[i] = r.choice(["reportedly", "also", "now", "still", "however,", "officials"])
            paras[k] = " ".join(words)
        elif e == "number":
            k = r.randrange(len(paras))
            new = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), paras[k], count=1)
            if new == paras[k]:
                continue
            paras[k] = new
        elif e == "header":
            header = ["Updated %d %s 20%02d at %02d:%02d GMT" % (r.randint(1, 28), r.choice(["May", "June", "July"]),
                                                                r.randint(10, 24), r.randint(0, 23), r.randint(0, 59))]
        elif e == "footer":
            footer = ["Additional reporting by %s; editing by %s." % (r.choice(["Ana Ruiz", "Tom Hale", "Mia Berg"]),
                                                                      r.choice(["Leo Park", "Ivy Chen", "Sam Okoro"]))]
        else:
            continue
        edits.append(e)
    if not edits:
        footer = ["This article has been updated."]
        edits.append("footer")
    return header + [title, ""] + paras + ([""] + footer if footer else []), edits


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--manifest", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sets", default="l3s-gn1,readability,dragnet,cleaneval-final,htmldate")
    ap.add_argument("--dup-fraction", type=float, default=0.1)
    ap.add_argument("--near-dup-fraction", type=float, default=0.2)
    args = ap.parse_args()
    r = random.Random(args.seed)
    wanted = set(args.sets.split(","))
    texts = []
    seen = set()
    for line in open(args.gold, encoding="utf-8"):
        d = json.loads(line)
        if d.get("set") not in wanted or not d.get("body"):
            continue
        paras = [p for p in paragraphs(d["body"]) if len(p.split()) >= 4]
        if len(paras) < 4 or sum(len(p.split()) for p in paras) < 150:
            continue
        key = " ".join(paras)[:400]
        if key in seen:  # the sets share some pages: a real copy would be unlabelled
            continue
        seen.add(key)
        title = (d.get("title") or paras[0][:90]).strip()
        texts.append((title, paras if d.get("title") else paras[1:]))
    r.shuffle(texts)
    texts = texts[:args.count]
    os.makedirs(args.out, exist_ok=True)
    with open(args.manifest, "w", encoding="utf-8") as manifest:
        for i, (title, paras) in enumerate(texts):
            name = "real_%05d.txt" % i
            with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
                f.write("\n".join([title, ""] + paras) + "\n")
            manifest.write(json.dumps({"file": name, "kind": "article"}) + "\n")
            x = r.random()
            if x < args.dup_fraction:
                copy = "real_%05d_dup.txt" % i
                with open(os.path.join(args.out, copy), "w", encoding="utf-8") as f:
                    f.write("\n".join([title + "  ", ""] + [p + " " for p in paras]) + "\n\n")
                manifest.write(json.dumps({"file": copy, "kind": "dup", "dup_of": name}) + "\n")
            elif x < args.dup_fraction + args.near_dup_fraction:
                donor = texts[r.randrange(len(texts))][1]
                lines, edits = edit(r, title, paras, donor)
                copy = "real_%05d_near.txt" % i
                with open(os.path.join(args.out, copy), "w", encoding="utf-8") as f:
                    f.write("\n".join(lines) + "\n")
                manifest.write(json.dumps({"file": copy, "kind": "neardup", "dup_of": name, "edits": edits}) + "\n")
    print("%d articles written to %s" % (len(texts), args.out))


if __name__ == "__main__":
    main()
