"""Precision and recall of near-duplicate detection at Jaccard >= 0.8, on real paragraphs
with synthetic edits.

How the set is built (deterministic, seed 0):
* base: the distinct content paragraphs of data/claims, data/boilerplate and
  data/quantities (real news text, >= 20 characters);
* each base paragraph gets one edited copy made by 1-3 random edits drawn from:
  change 1-4 digits (or characters), drop a clause, add a clause from another
  paragraph, swap punctuation width, convert to traditional characters, insert or
  delete a few characters, cut the tail;
* truth is the exact Jaccard of the two shingle sets (zhnews.shingles): a pair is
  a near-duplicate iff J >= 0.8.  The edits are random, so J spreads on both sides
  of the threshold, many pairs close to it.

Two measurements:
* corpus: every base paragraph goes into a NearDuplicateIndex; every edited copy is
  queried.  Recall = share of (copy, base) pairs with J >= 0.8 that are reported;
  precision = share of reported pairs whose exact J >= 0.8 (a reported pair with
  another base paragraph counts as correct if its J >= 0.8).  The index verifies on
  16-bit shingle fingerprints (exact but for rare coincidences).
* article: pseudo-articles of 40 paragraphs (base paragraphs, some edited copies,
  shuffled); find_near_duplicates verifies candidates on exact shingle sets.  A
  paragraph is a true duplicate iff an earlier one has J >= 0.8 with it (short and
  non-Chinese paragraphs, which the library never near-deduplicates, are left out).

Usage: python benchmarks/eval_dedup.py [--limit N]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import zhnews  # noqa: E402
from zhnews.resources import t2s_table  # noqa: E402
from _corpus import real_paragraphs  # noqa: E402

THRESHOLD = 0.8


def _s2t_table() -> dict[int, int]:
    inverse: dict[int, int] = {}
    for trad, simp in t2s_table().items():
        inverse.setdefault(simp, trad)
    return inverse


S2T = _s2t_table()
WIDEN = str.maketrans({",": "，", "，": ",", ":": "：", "：": ":", "(": "（", "（": "(", "。": ".", "?": "？", "？": "?"})


def change_digits(p, rng):
    k = rng.randint(1, 4)
    chars = list(p)
    digits = [i for i, c in enumerate(chars) if c in "0123456789"]
    for _ in range(k):
        if digits:
            i = rng.choice(digits)
            chars[i] = str((int(chars[i]) + rng.randint(1, 9)) % 10)
        else:
            i = rng.randrange(len(chars))
            chars[i] = rng.choice("的一是在不了有和人这中大为上个国我以要他")
    return "".join(chars)


def drop_clause(p, rng):
    parts = re.split(r"(?<=[，,；;。])", p)
    parts = [x for x in parts if x]
    if len(parts) < 2:
        return p[: max(1, int(len(p) * rng.uniform(0.7, 0.95)))]
    del parts[rng.randrange(len(parts))]
    return "".join(parts)


def add_clause(p, rng, pool):
    other = rng.choice(pool)
    parts = re.split(r"(?<=[，,；;。])", other)
    clause = rng.choice([x for x in parts if x] or [other[:10]])
    at = rng.randrange(len(p) + 1)
    return p[:at] + clause + p[at:]


def char_noise(p, rng):
    chars = list(p)
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.5 and len(chars) > 1:
            del chars[rng.randrange(len(chars))]
        else:
            chars.insert(rng.randrange(len(chars) + 1), rng.choice("的了在是和也就都而及与着或"))
    return "".join(chars)


def cut_tail(p, rng):
    return p[: max(1, int(len(p) * rng.uniform(0.75, 0.97)))]


def edit(p, rng, pool):
    ops = [change_digits, drop_clause, lambda x, r: add_clause(x, r, pool), lambda x, r: x.translate(WIDEN),
           lambda x, r: x.translate(S2T), char_noise, cut_tail]
    out = p
    for op in rng.sample(ops, rng.randint(1, 3)):
        out = op(out, rng)
    return out


def jaccard(a: str, b: str) -> float:
    sa, sb = set(zhnews.shingles(a)), set(zhnews.shingles(b))
    return len(sa & sb) / len(sa | sb)


def corpus_eval(base, copies):
    index = zhnews.NearDuplicateIndex(threshold=THRESHOLD)
    t0 = time.perf_counter()
    index.add_many(list(range(len(base))), base)
    truth = [jaccard(c, b) >= THRESHOLD for c, b in zip(copies, base)]
    tp_pairs = reported = correct = 0
    for i, c in enumerate(copies):
        hits = index.query(c)
        reported += len(hits)
        for k, _ in hits:
            j = jaccard(c, base[k])
            correct += j >= THRESHOLD
            if k == i and truth[i]:
                tp_pairs += 1
    elapsed = time.perf_counter() - t0
    pos = sum(truth)
    return {"pairs": len(base), "positives": pos, "recall": tp_pairs / pos if pos else 1.0,
            "precision": correct / reported if reported else 1.0, "seconds": elapsed}


def article_eval(base, copies, rng, n_articles=300, size=40):
    tp = fp = fn = 0
    t0 = time.perf_counter()
    for _ in range(n_articles):
        picks = rng.sample(range(len(base)), size // 2)
        paras = [base[i] for i in picks]
        for i in rng.sample(picks, size // 4):
            paras.append(copies[i])
        rng.shuffle(paras)
        removed = {d for g in zhnews.find_near_duplicates(paras, threshold=THRESHOLD) for d in g.duplicates}
        for i in range(len(paras)):
            key = zhnews.matching_key(paras[i])
            # the library never near-deduplicates short or non-Chinese paragraphs (URLs, images)
            eligible = len(key) > zhnews.dedup.SHORT_PARAGRAPH_CHARS and zhnews.dedup._has_cjk(key)
            truly = eligible and any(jaccard(paras[i], paras[j]) >= THRESHOLD for j in range(i))
            if i in removed and truly:
                tp += 1
            elif i in removed:
                fp += 1
            elif truly:
                fn += 1
    return {"articles": n_articles, "true_duplicates": tp + fn, "recall": tp / (tp + fn) if tp + fn else 1.0,
            "precision": tp / (tp + fp) if tp + fp else 1.0, "seconds": time.perf_counter() - t0}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="use only the first N base paragraphs")
    args = ap.parse_args(argv)
    rng = random.Random(0)
    base = real_paragraphs()
    if args.limit:
        base = base[: args.limit]
    copies = [edit(p, rng, base) for p in base]
    js = [jaccard(c, b) for c, b in zip(copies, base)]
    near = sum(0.7 <= j < 0.9 for j in js)
    print(f"{len(base)} real paragraphs, one edited copy each; "
          f"J>=0.8: {sum(j >= THRESHOLD for j in js)}, 0.7<=J<0.9: {near}")
    c = corpus_eval(base, copies)
    print(f"corpus index (fingerprints):      precision {c['precision']:.4f}  recall {c['recall']:.4f}  "
          f"({c['positives']} positive pairs, {c['seconds']:.1f}s)")
    a = article_eval(base, copies, rng)
    print(f"in-article (exact verification):   precision {a['precision']:.4f}  recall {a['recall']:.4f}  "
          f"({a['true_duplicates']} true duplicates in {a['articles']} articles, {a['seconds']:.1f}s)")


if __name__ == "__main__":
    main()
