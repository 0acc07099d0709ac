#!/usr/bin/env python3
"""Trains the title model that picks a whole page's headline among the lines above its story and the
parts of its first line (Sources/NewsCore/TitleRanker.swift), and writes its weights as
Sources/NewsCore/TitleModelWeights.swift.

    train-titles.py SETS [SETS …] --extract BIN/newsd-extract [--write FILE] [--report]

SETS is what scripts/page-sets.py built; the model newsd ships is trained on the sets in both forms,
as `html-text` prints them (the window title first) and as a browser's copy has them (`page-sets.py
--untitled`), so that it finds the headline with or without that first line. With more than one
SETS, the report names each set with its directory (`trafilatura-eval@SETS-untitled`).
newsd-extract computes each page's candidates and their features (`--title-candidates`), so the
features are the parser's own and cannot drift from what it scores. A candidate is right when it equals the gold title after case-folding, dropping
punctuation and collapsing white space (as scripts/eval-pages.py scores titles). The model is
gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier, 100 trees of depth 4, no
early stopping, a fixed seed: the same trees on every run) that score each candidate as right or not,
fitted on the candidates of the "train" split's pages that have a right candidate; a page's headline
is its best-scored candidate. --report prints, per split and per set, how often that is right, over
all pages with a gold title and over those with a right candidate, beside the conditional logit
(a softmax over each page's candidates, Newton's method from zero weights with a small L2 penalty)
that the trees replaced.

Needs numpy and scikit-learn.
"""
import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import unicodedata

import numpy as np


def norm_title(t):
    # As scripts/eval-pages.py compares titles: soft hyphens dropped, composed and decomposed forms alike.
    t = unicodedata.normalize("NFC", (t or "").replace("\u00ad", ""))
    return " ".join(re.sub(r"[^\w\s]", " ", t.casefold()).split())


def load(sets, extract):
    """Pages with a gold title: (split, gold, candidates) for those newsd reads as a whole page."""
    gold = {}
    with open(os.path.join(sets, "gold.jsonl")) as f:
        for line in f:
            g = json.loads(line)
            if g.get("title"):
                gold[os.path.join(sets, "pages", g["file"])] = g
    files = sorted(gold)
    pages = []
    for i in range(0, len(files), 200):
        out = subprocess.run([extract, "--title-candidates", *files[i:i + 200]], check=True,
                             capture_output=True, text=True).stdout
        for line in filter(None, out.split("\n")):  # a candidate may hold U+2028
            r = json.loads(line)
            pages.append((gold[r["file"]], r["candidates"]))
    return gold, pages


def design(pages):
    """Feature matrices and right-candidate masks of the pages."""
    out = []
    for g, cands in pages:
        if not cands:
            continue
        x = np.array([c["features"] for c in cands], dtype=float)
        want = norm_title(g["title"])
        y = np.array([norm_title(c["text"]) == want for c in cands], dtype=float)
        out.append((g, x, y, cands))
    return out


def objective(data, w, l2):
    """Penalised log-likelihood of the right candidates, its gradient and Hessian."""
    n = len(w)
    value = -0.5 * l2 * w @ w
    grad = -l2 * w
    hess = -l2 * np.eye(n)
    for _, x, y, _ in data:
        z = x @ w
        m = z.max()
        p = np.exp(z - m)
        total = p.sum()
        p /= total
        t = y / y.sum()
        value += t @ z - (m + np.log(total))
        grad += x.T @ (t - p)
        mean = x.T @ p
        hess -= x.T @ (x * p[:, None]) - np.outer(mean, mean)
    return value, grad, hess


def fit(data, l2=1.0, steps=50):
    """Conditional logit by Newton's method with step halving: maximises the log-probability of the
    right candidates less an L2 penalty."""
    w = np.zeros(data[0][1].shape[1])
    value, grad, hess = objective(data, w, l2)
    for _ in range(steps):
        step = -np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-6:
            trial = w + scale * step
            trial_value, trial_grad, trial_hess = objective(data, trial, l2)
            if trial_value >= value:
                break
            scale /= 2
        else:
            break
        done = trial_value - value < 1e-9
        w, value, grad, hess = trial, trial_value, trial_grad, trial_hess
        if done:
            break
    return w


def accuracy(data, score):
    right = sum(1 for _, x, y, _ in data if y[int(np.argmax(score(x)))] > 0)
    return right, len(data)


TREES = dict(max_depth=4, max_iter=100, learning_rate=0.1, early_stopping=False, random_state=0)


def fit_trees(data):
    from sklearn.ensemble import HistGradientBoostingClassifier
    x = np.concatenate([d[1] for d in data])
    y = np.concatenate([d[2] for d in data])
    return HistGradientBoostingClassifier(**TREES).fit(x, y)


def line_trainer():
    """scripts/train-lines.py as a module: its `flat_trees` and `swift_table` write these trees too."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-lines.py")
    spec = importlib.util.spec_from_file_location("train_lines", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def swift_file(trees, names):
    lines = line_trainer()
    feature, threshold, left, right, roots, baseline = lines.flat_trees(trees)
    listed = ", ".join(json.dumps(n, ensure_ascii=False) for n in names)
    return ("// Generated by scripts/train-titles.py from the train split of the page sets that\n"
            "// scripts/page-sets.py builds; do not edit. Rerun both to reproduce (see docs/EXTRACTION.md).\n\n"
            "extension TitleRanker {\n"
            "    /// The features the trees were trained on, in order: `featureNames` when the model is current.\n"
            f"    static let trainedFeatureNames: [String] = [{listed}]\n"
            "    /// The title model's trees (`BoostedTrees`) over a candidate's features, in the order\n"
            "    /// `trainedFeatureNames` lists them: per node its feature (-1: a leaf), threshold (a leaf:\n"
            "    /// its value) and children; where each tree starts; the score before any tree.\n"
            + lines.swift_table("treeFeature", feature, "Int8", "{}")
            + lines.swift_table("treeThreshold", threshold, "Double", "{!r}")
            + lines.swift_table("treeLeft", left, "Int32", "{}")
            + lines.swift_table("treeRight", right, "Int32", "{}")
            + lines.swift_table("treeRoots", roots, "Int32", "{}")
            + f"    static let treeBaseline = {baseline!r}\n"
            "}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sets", nargs="+", help="one or more directories page-sets.py wrote (a page's forms are trained on together)")
    ap.add_argument("--extract", required=True, help="the newsd-extract binary")
    ap.add_argument("--write", help="write the weights as this Swift file")
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--names", help="TitleRanker.swift, for the feature names in the generated file",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "NewsCore",
                                         "TitleRanker.swift"))
    args = ap.parse_args()

    gold, pages = {}, []
    for sets in args.sets:
        g, p = load(sets, args.extract)
        if len(args.sets) > 1:
            # The same set in another form is reported apart (`trafilatura-eval@SETS-untitled`).
            tag = "@" + os.path.basename(os.path.normpath(sets))
            p = [(dict(page_gold, set=page_gold["set"] + tag), candidates) for page_gold, candidates in p]
        gold.update(g)
        pages += p
    data = design(pages)
    train = [d for d in data if d[0]["split"] == "train" and d[2].sum() > 0]
    print(f"{len(gold)} pages with a gold title; {len(data)} read as whole pages; "
          f"{len(train)} train pages with a right candidate", file=sys.stderr)
    trees = fit_trees(train)
    if args.report:
        w = fit(train)
        models = {"trees": lambda x: trees.predict_proba(x)[:, 1], "logit": lambda x: x @ w}
        sets = sorted({d[0]["set"] for d in data})
        for name, score in models.items():
            for split in ("train", "dev"):
                for set_name in [None] + sets:
                    pool = [d for d in data if d[0]["split"] == split and set_name in (None, d[0]["set"])]
                    reachable = [d for d in pool if d[2].sum() > 0]
                    r, n = accuracy(pool, score)
                    rr, nr = accuracy(reachable, score)
                    print(f"{name} {split} {set_name or 'all'}: best candidate right on {r}/{n} pages "
                          f"({100 * r / max(n, 1):.1f} %); {rr}/{nr} ({100 * rr / max(nr, 1):.1f} %) of those "
                          "with a right candidate")
    if args.write:
        src = open(args.names).read()
        block = src[src.index("featureNames = ["):]
        names = re.findall(r'"([^"]+)"', block[:block.index("]")])
        assert len(names) == trees.n_features_in_, (len(names), trees.n_features_in_)
        with open(args.write, "w") as f:
            f.write(swift_file(trees, names))


if __name__ == "__main__":
    main()
