#!/usr/bin/env python3
"""Trains the line classifier that tells article text from page furniture in whole-page text, and
writes its weights as Sources/NewsCore/LineModelWeights.swift.

    train-lines.py SETS [--write FILE] [--report]

SETS is what scripts/page-sets.py built. Only pages of the "train" split with a gold body are read.
Each non-empty line is labelled article text when most of its 4-token shingles occur in the gold
body (a line of fewer than four tokens: when its tokens occur in a row in the gold body). Two
stages are fitted, each the same on every run: the first a logistic regression (Newton's method
from zero weights) on the line's own shallow features (LineFeatures.swift computes the same ones);
the second gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, 100 trees of
depth 5, no early stopping, a fixed seed) on the first one's scores around the line (the
neighbours' classes, as boilerpipe and jusText use them) beside the line's own features: trees
weigh a short line amid text differently from a short line amid menus, which one linear score
cannot. --report prints the body F1 a plain "keep what scores above one half" reaches on train and
dev without the rest of the parser, for the trees and for a logistic second stage.

Needs numpy and scikit-learn (made with scikit-learn 1.9).
"""
import argparse
import collections
import json
import math
import os
import re
import sys

import numpy as np

WORD = re.compile(r"\w+")

# Keep in step with LineFeatures.swift.
STOP_WORDS = set("""
a about after all also an and any are as at be because been but by can could did do does for from
had has have he her his how i if in into is it its just more most no not of on one or our out over
said say says she so some than that the their them then there these they this to up was we were what
when which who will with would you your
der die das und ist nicht ein eine mit den dem des auf für sich von zu im auch als bei nach wie aus
wird werden hat sind noch um es er sie wir ich
le la les et est un une des du en dans pour que qui sur pas au avec par plus il elle ce sont
el los las y es del que por con para una su al lo como se
il di che è per non gli della con sono del le
o os da do em que não um uma com para
de het een van en is op te dat niet voor met zijn
és a az hogy nem is egy meg de van
""".split())
BOILER_WORDS = ("cookie", "subscribe", "newsletter", "log in", "login", "sign in", "sign up", "register",
                "privacy", "terms of", "copyright", "©", "all rights", "share", "comments", "advertis",
                "menu", "search", "follow us", "related", "more from", "recommended", "most popular",
                "most read", "read more", "click", "javascript", "browser")
SEPARATORS = set("|»›•·>/")
TERMINALS = set(".!?…\"”’»)")

N1 = 24  # features of the first stage, bias included


def words_of(line):
    return [t for t in line.split() if any(c.isalnum() for c in t)]


def core(token):
    i, j = 0, len(token)
    while i < j and not token[i].isalnum():
        i += 1
    while j > i and not token[j - 1].isalnum():
        j -= 1
    return token[i:j].lower()


def line_stats(line):
    ws = words_of(line)
    n = len(ws)
    chars = [c for c in line if not c.isspace()]
    nc = max(1, len(chars))
    lower = line.lower()
    return {
        "w": n,
        "stop": sum(1 for t in ws if core(t) in STOP_WORDS) / n if n else 0.0,
        "caps": sum(1 for t in ws if core(t)[:1] and t.lstrip("\"'“‘(«„")[:1].isupper()) / n if n else 0.0,
        "end": 1.0 if line[-1:] in TERMINALS else 0.0,
        "period": 1.0 if line[-1:] in ".!?…" else 0.0,
        "sentences": min(1.0, (line.count(". ") + line.count("? ") + line.count("! ")) / (n + 1) * 5),
        "commas": min(1.0, line.count(",") / (n + 1) * 5),
        "digits": sum(1 for c in chars if "0" <= c <= "9") / nc,
        "link": 1.0 if ("http" in line or "www." in line or ".com" in line or "@" in line) else 0.0,
        "sep": min(1.0, sum(1 for c in chars if c in SEPARATORS) / 3),
        "nolower": 0.0 if any(c.islower() for c in line) else 1.0,
        "wordlen": min(12, sum(len(t) for t in ws) / n) / 12 if n else 0.0,
        "boiler": 1.0 if n <= 25 and any(b in lower for b in BOILER_WORDS) else 0.0,
    }


def features(lines):
    """First-stage features for the non-empty lines of one page: (indices, matrix)."""
    idx = [i for i, l in enumerate(lines) if l.strip()]
    n = len(idx)
    stats = [line_stats(" ".join(lines[i].split())) for i in idx]
    short = [s["w"] <= 4 for s in stats]
    run = [0] * n
    k = 0
    while k < n:
        j = k
        while j < n and short[j] == short[k]:
            j += 1
        for m in range(k, j):
            run[m] = (j - k) if short[k] else 0
        k = j
    long_share = sum(1 for s in stats if s["w"] >= 15) / n if n else 0.0
    x = np.zeros((n, N1))
    for k, (i, s) in enumerate(zip(idx, stats)):
        w = s["w"]
        prev_w = stats[k - 1]["w"] if k > 0 else 0
        next_w = stats[k + 1]["w"] if k + 1 < n else 0
        gap_before = 1.0 if i == 0 or not lines[i - 1].strip() else 0.0
        gap_after = 1.0 if i + 1 >= len(lines) or not lines[i + 1].strip() else 0.0
        pos = k / max(1, n - 1)
        x[k] = [1.0, math.log1p(w) / 4, 1.0 if w <= 3 else 0.0, 1.0 if w <= 8 else 0.0, 1.0 if w >= 20 else 0.0,
                s["stop"], s["caps"], s["end"], s["period"], s["sentences"], s["commas"], s["digits"], s["link"],
                s["sep"], s["nolower"], s["wordlen"], s["boiler"], math.log1p(run[k]) / 4, pos, pos * pos,
                (gap_before + gap_after) / 2, math.log1p(prev_w) / 4, math.log1p(next_w) / 4, long_share]
    return idx, x


def context(p):
    """Second-stage features from first-stage probabilities of one page's lines."""
    n = len(p)
    c = np.concatenate([[0.0], np.cumsum(p)])

    def window(r):
        lo = np.clip(np.arange(n) - r, 0, n)
        hi = np.clip(np.arange(n) + r + 1, 0, n)
        return (c[hi] - c[lo]) / np.maximum(1, hi - lo)

    before = np.zeros(n)
    after = np.zeros(n)
    for k in range(n):  # running maxima of the neighbours on each side, decayed with distance
        before[k] = max(p[k - 1] if k > 0 else 0.0, before[k - 1] * 0.9 if k > 0 else 0.0)
    for k in range(n - 1, -1, -1):
        after[k] = max(p[k + 1] if k + 1 < n else 0.0, after[k + 1] * 0.9 if k + 1 < n else 0.0)
    mean = float(p.mean()) if n else 0.0
    k = np.arange(n)
    first, last = main_block(p, 0.5)
    inside = ((k >= first) & (k <= last)).astype(float)
    gap = np.where(k < first, first - k, np.where(k > last, k - last, 0))
    size = (last - first + 1) / max(1, n)
    block_mean = float(p[first:last + 1].mean()) if last >= first else 0.0
    cols = [np.ones(n), p, window(1), window(2), window(5), window(15), before, after,
            np.minimum(before, after), np.full(n, mean), inside, np.exp(-gap / 10.0),
            np.full(n, size), np.full(n, block_mean)]
    for cut in (0.3, 0.7):  # wider and narrower blocks
        lo, hi = main_block(p, cut)
        cols.append(((k >= lo) & (k <= hi)).astype(float))
    return np.stack(cols, axis=1)


def main_block(p, cut):
    """The run of lines with the largest sum of (score - cut), the first such run: (first, last)."""
    best, run, start, first, last = -np.inf, 0.0, 0, 0, -1
    for k in range(len(p)):
        if run <= 0:
            run, start = 0.0, k
        run += p[k] - cut
        if run > best:
            best, first, last = run, start, k
    return first, last


N2 = 16


def labels(lines, idx, gold):
    gold_tokens = WORD.findall(gold.lower())
    gold_sh = {tuple(gold_tokens[i:i + 4]) for i in range(len(gold_tokens) - 3)}
    gold_text = " " + " ".join(gold_tokens) + " "
    y = np.zeros(len(idx))
    for k, i in enumerate(idx):
        t = WORD.findall(lines[i].lower())
        if len(t) >= 4:
            sh = [tuple(t[j:j + 4]) for j in range(len(t) - 3)]
            y[k] = 1.0 if sum(1 for s in sh if s in gold_sh) >= 0.5 * len(sh) else 0.0
        elif t:
            y[k] = 1.0 if " " + " ".join(t) + " " in gold_text else 0.0
    return y


def fit(x, y, weight, steps=25, l2=1e-3):
    """Weighted logistic regression by Newton's method (iteratively reweighted least squares) from
    zero weights: deterministic, and converged in a few steps for this many features."""
    w = np.zeros(x.shape[1])
    total = weight.sum()
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        grad = x.T @ ((p - y) * weight) / total + l2 * w
        hess = (x * (p * (1 - p) * weight)[:, None]).T @ x / total + l2 * np.eye(x.shape[1])
        w -= np.linalg.solve(hess, grad)
    return w


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def shingle_f1(pred, gold):
    def sh(t):
        tok = WORD.findall(t.lower())
        return collections.Counter(tuple(tok[i:i + 4]) for i in range(max(0, len(tok) - 3)))
    g, p = sh(gold), sh(pred)
    if not g:
        return None
    tp = sum((p & g).values())
    if not tp:
        return 0.0
    pr, rc = tp / sum(p.values()), tp / sum(g.values())
    return 2 * pr * rc / (pr + rc)


def load(sets, split):
    out = []
    for line in open(os.path.join(sets, "gold.jsonl"), encoding="utf-8"):
        r = json.loads(line)
        if r["body"] and (split == "all" or r["split"] == split):
            text = open(os.path.join(sets, "pages", r["file"]), encoding="utf-8").read().split("\n")
            out.append((r, text))
    return out


def swift_table(name, w, kind="Double", fmt="{:.6f}"):
    rows = ", ".join(fmt.format(v) for v in w)
    return f"    static let {name}: [{kind}] = [{rows}]\n"


TREES = dict(max_depth=5, max_iter=100, learning_rate=0.1, early_stopping=False, random_state=0)


def fit_trees(x, y, weight):
    from sklearn.ensemble import HistGradientBoostingClassifier
    return HistGradientBoostingClassifier(**TREES).fit(x, y, sample_weight=weight)


def flat_trees(model):
    """The trees as flat arrays (`LineClassifier.trees`): per node its feature (-1 for a leaf), its
    threshold (a line goes left when its feature is at most it) or a leaf's value, and its children
    as absolute indices; the roots' indices; and the model's baseline score."""
    feature, threshold, left, right, roots = [], [], [], [], []
    for (tree,) in model._predictors:
        base = len(feature)
        roots.append(base)
        for node in tree.nodes:
            leaf = bool(node["is_leaf"])
            feature.append(-1 if leaf else int(node["feature_idx"]))
            threshold.append(float(node["value"]) if leaf else float(node["num_threshold"]))
            left.append(0 if leaf else base + int(node["left"]))
            right.append(0 if leaf else base + int(node["right"]))
    return feature, threshold, left, right, roots, float(np.ravel(model._baseline_prediction)[0])


def second_rows(x, w1):
    """Second-stage rows of one page: the context of the first stage's scores, then the line's own
    features (as `LineClassifier.scores` builds them)."""
    return np.concatenate([context(sigmoid(x @ w1)), x], axis=1)


def page_data(sets, split):
    """Features and labels of every page of a split, cached next to the sets (the cache is keyed by
    this script's feature code, so a change to the features rebuilds it)."""
    import hashlib
    import pickle
    src = open(__file__, "rb").read()
    key = hashlib.sha1(src[:src.index(b"def context(")]).hexdigest()[:12]
    cache = os.path.join(sets, f"lines-{split}-{key}.pickle")
    if os.path.exists(cache):
        return pickle.load(open(cache, "rb"))
    out = []
    for r, lines in load(sets, split):
        idx, x = features(lines)
        if idx:
            out.append((r["set"], r["body"], [lines[i] for i in idx], x, labels(lines, idx, r["body"])))
    pickle.dump(out, open(cache, "wb"))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets")
    ap.add_argument("--write")
    ap.add_argument("--report", action="store_true")
    args = ap.parse_args()
    pages = page_data(args.sets, "train")
    X = np.concatenate([p[3] for p in pages])
    Y = np.concatenate([p[4] for p in pages])
    W = np.sqrt(1 + X[:, 1] * 4)  # longer lines weigh more, as they hold more shingles
    w1 = fit(X, Y, W)
    X2 = np.concatenate([second_rows(p[3], w1) for p in pages])
    trees = fit_trees(X2, Y, W)
    print(f"train lines: {len(Y)}, article text: {int(Y.sum())}", file=sys.stderr)
    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write("// Generated by scripts/train-lines.py from the train split of the page sets that\n"
                    "// scripts/page-sets.py builds; do not edit. Rerun both to reproduce (see docs/EXTRACTION.md).\n\n"
                    "extension LineClassifier {\n"
                    "    /// Weights of the first stage, in the order `LineFeatures.own` lists its features.\n")
            f.write(swift_table("ownWeights", w1))
            feature, threshold, left, right, roots, baseline = flat_trees(trees)
            f.write("    /// The second stage's trees (`treeScore`), over `LineClassifier.context`'s features and\n"
                    "    /// then the line's own: per node its feature (-1: a leaf), threshold (a leaf: its value)\n"
                    "    /// and children; where each tree starts; the score before any tree.\n")
            f.write(swift_table("treeFeature", feature, "Int8", "{}"))
            f.write(swift_table("treeThreshold", threshold, "Double", "{!r}"))
            f.write(swift_table("treeLeft", left, "Int32", "{}"))
            f.write(swift_table("treeRight", right, "Int32", "{}"))
            f.write(swift_table("treeRoots", roots, "Int32", "{}"))
            f.write(f"    static let treeBaseline = {baseline!r}\n")
            f.write("}\n")
    if args.report:
        w2 = fit(np.concatenate([context(sigmoid(p[3] @ w1)) for p in pages]), Y, W)
        stages = {"trees": lambda x: trees.predict_proba(second_rows(x, w1))[:, 1],
                  "logistic": lambda x: sigmoid(context(sigmoid(x @ w1)) @ w2)}
        for name, second in stages.items():
            for split in ("train", "dev"):
                scores = collections.defaultdict(list)
                for set_name, gold, lines, x, _ in page_data(args.sets, split):
                    p = second(x)
                    kept = "\n".join(line for k, line in enumerate(lines) if p[k] > 0.5)
                    s = shingle_f1(kept, gold)
                    if s is not None:
                        scores[set_name].append(s)
                        scores["all"].append(s)
                print(name, split, {k: f"{sum(v) / len(v):.3f} ({len(v)})" for k, v in sorted(scores.items())})


if __name__ == "__main__":
    main()
