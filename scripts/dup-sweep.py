#!/usr/bin/env python3
"""dup-sweep.py -- how near-duplicate precision and recall move with the thresholds.

    dup-sweep.py --database DB --manifest FILE

DB is a database newsd made of a labelled corpus (dup-eval.py --work DIR keeps it in DIR), FILE
that corpus's manifest. Reads the stored MinHash signatures (and computes their LSH buckets) and prints, for a grid
of Jaccard and containment thresholds, the precision and recall newsd would reach on the labelled
near-duplicate pairs (pairs that are exact duplicates are left out), and how many labelled pairs
the LSH bands bring together at all. Python 3 standard library only.
"""
import argparse
import json
import sqlite3
import struct
from collections import defaultdict


MASK = (1 << 64) - 1
BANDS, ROWS = 30, 4  # NearDuplicates.bands, .rows


def mix(x):
    """splitmix64's finaliser, as NearDuplicates.mix."""
    z = (x + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def bucket_keys(values):
    """The LSH bucket keys of a signature, as NearDuplicates.bucketKeys (newsd keeps the recent
    ones in memory, so they are computed here rather than read)."""
    keys = []
    for band in range(BANDS):
        h = mix(band + 0x5151)
        for r in range(ROWS):
            h = mix(h ^ values[band * ROWS + r])
        keys.append(h >> 1)
    return keys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--database", required=True)
    ap.add_argument("--manifest", required=True)
    a = ap.parse_args()
    entries = [json.loads(line) for line in open(a.manifest, encoding="utf-8") if line.strip()]
    origin = {e["file"]: e.get("dup_of") if e["kind"] in ("dup", "neardup") else e["file"] for e in entries}
    con = sqlite3.connect(a.database)
    path = dict(con.execute("SELECT id, path FROM articles"))
    sig = {}
    for aid, blob, n in con.execute("SELECT article_id, minhash, shingles FROM article_signatures"):
        sig[aid] = (struct.unpack("<%dI" % (len(blob) // 4), blob), n)
    buckets = defaultdict(list)
    for aid, (values, _) in sig.items():
        for b in bucket_keys(values):
            buckets[b].append(aid)
    candidates = set()
    for ids in buckets.values():
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                candidates.add((min(ids[i], ids[j]), max(ids[i], ids[j])))
    by_path = {p: i for i, p in path.items()}
    labelled = set()
    for e in entries:
        if e["kind"] == "neardup":
            x, y = by_path.get(e["file"]), by_path.get(e["dup_of"])
            if x in sig and y in sig:
                labelled.add((min(x, y), max(x, y)))

    def measure(p):
        (sa, na), (sb, nb) = sig[p[0]], sig[p[1]]
        j = sum(1 for u, v in zip(sa, sb) if u == v) / len(sa)
        c = min(1.0, j * (na + nb) / (1 + j) / max(1, min(na, nb)))
        return j, c

    scored = {p: measure(p) for p in candidates | labelled}
    right = {p: origin.get(path[p[0]]) == origin.get(path[p[1]]) for p in scored}
    print("labelled near pairs with both signatures: %d; brought together by LSH: %d (%.1f %%)"
          % (len(labelled), len(labelled & candidates), 100.0 * len(labelled & candidates) / max(1, len(labelled))))
    print("candidate pairs: %d" % len(candidates))
    print("jaccard  containment  predicted  precision  recall")
    for jt in (0.4, 0.5, 0.6, 0.7, 0.8):
        for ct in (0.7, 0.8, 0.85, 0.9, 1.01):
            pred = {p for p in candidates if scored[p][0] >= jt or (scored[p][0] >= 0.2 and scored[p][1] >= ct)}
            tp = len({p for p in pred if right[p]})
            found = len(pred & labelled)
            print("%7.2f  %11.2f  %9d  %8.2f%%  %5.2f%%" % (jt, ct, len(pred), 100.0 * tp / max(1, len(pred)),
                                                          100.0 * found / max(1, len(labelled))))


if __name__ == "__main__":
    main()
