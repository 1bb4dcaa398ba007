"""Key-claim extraction on the hand-labelled articles of data/claims, with baselines.

For every article, each method picks 5 sentences; precision@5 is the share of them
that are labelled claims (core or not), core recall@5 the share of the article's core
claims among them (macro-averaged over articles).  Methods in the same run:

* zhnews.extract_claims (top_k=5)
* Lead-5: the first five sentences after the headline
* TextRank: SnowNLP's summary(5) (if snownlp is installed)
* TF-IDF centroid: the five sentences closest to the article's character-bigram centroid
* most digits: the five sentences with the most digits

Then times extract_claims and SnowNLP's summary on the same ~2,000-character articles.

Usage: python benchmarks/eval_claims.py [-v]
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import zhnews  # noqa: E402
from zhnews import claims as claims_mod  # noqa: E402
from _claims_data import label_of, load_articles, score_ranking  # noqa: E402


def sentences_of(paragraphs):
    return [s for p in paragraphs for s in zhnews.split_sentences(p)]


def zhnews_method(title, paragraphs):
    return [c.text for c in zhnews.extract_claims(paragraphs, top_k=5, title=title)]


def lead_method(title, paragraphs):
    sents = sentences_of(paragraphs)
    if sents and title and zhnews.matching_key(sents[0]) == zhnews.matching_key(title):
        sents = sents[1:]
    return sents[:5]


def textrank_method(title, paragraphs):
    """SnowNLP's summary returns clause fragments without punctuation; each is mapped
    back to the first sentence that contains it."""
    from snownlp import SnowNLP

    sents = sentences_of(paragraphs)
    keys = [zhnews.matching_key(s) for s in sents]
    picked = []
    for fragment in SnowNLP("\n".join(paragraphs)).summary(5):
        fk = zhnews.matching_key(fragment)
        match = next((s for s, k in zip(sents, keys) if fk and fk in k), fragment)
        if match not in picked:
            picked.append(match)
    return picked


def centroid_method(title, paragraphs):
    sents = sentences_of(paragraphs)
    grams = [Counter(k[i:i + 2] for i in range(len(k) - 1)) for k in map(zhnews.matching_key, sents)]
    df = Counter(g for c in grams for g in c)
    idf = {g: math.log((1 + len(sents)) / (1 + v)) + 1 for g, v in df.items()}
    centroid = Counter()
    for c in grams:
        centroid.update(c)

    def cos(c):
        dot = sum(v * centroid[g] * idf[g] ** 2 for g, v in c.items())
        na = math.sqrt(sum((v * idf[g]) ** 2 for g, v in c.items())) or 1
        nb = math.sqrt(sum((v * idf[g]) ** 2 for g, v in centroid.items())) or 1
        return dot / na / nb

    order = sorted(range(len(sents)), key=lambda i: -cos(grams[i]))
    return [sents[i] for i in order[:5]]


def digits_method(title, paragraphs):
    sents = sentences_of(paragraphs)
    order = sorted(range(len(sents)), key=lambda i: (-sum(ch.isdigit() for ch in sents[i]), i))
    return [sents[i] for i in order[:5]]


METHODS = [("zhnews", zhnews_method), ("Lead-5", lead_method), ("TextRank (SnowNLP)", textrank_method),
           ("TF-IDF centroid", centroid_method), ("most digits", digits_method)]


def evaluate(articles, method, verbose=False, name=""):
    ps, rs = [], []
    for aid, title, paragraphs, gold in articles:
        picked = method(title, paragraphs)
        p, r = score_ranking(picked, gold)
        ps.append(p)
        rs.append(r)
        if verbose:
            print(f"  {name} {aid}: P@5 {p:.2f} coreR@5 {r:.2f}")
            for s in picked:
                print(f"      [{label_of(s, gold)}] {s[:80]}")
    return sum(ps) / len(ps), sum(rs) / len(rs)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    articles = load_articles()
    n_sent = sum(len(sentences_of(p)) for _, _, p, _ in articles)
    print(f"{len(articles)} articles, {n_sent} sentences, "
          f"{sum(1 for a in articles for _, c in a[3] if c)} core claims")
    for name, method in METHODS:
        try:
            p, r = evaluate(articles, method, args.verbose and name == "zhnews", name)
        except ImportError:
            print(f"{name:20s} not installed")
            continue
        print(f"{name:20s} precision@5 {p:.3f}   core recall@5 {r:.3f}")
    # speed on ~2,000-character articles
    texts = []
    for _, title, paragraphs, _ in articles:
        text = "\n".join(paragraphs)
        while len(text) < 2000:
            text += "\n" + text
        texts.append(text[:2000])
    zhnews.extract_claims(texts[0])
    runs = []
    for _ in range(5):  # best of five: the machine is shared
        # cold: a new article's sentences are never in the parsed-figures cache
        claims_mod._quantities.cache_clear()
        t0 = time.perf_counter()
        for t in texts:
            zhnews.extract_claims(t)
        runs.append((time.perf_counter() - t0) / len(texts))
    ours = min(runs)
    line = (f"extract_claims on 2,000-character articles: {ours * 1000:.1f} ms each "
            f"(best of 5 cold runs; median {sorted(runs)[2] * 1000:.1f} ms)")
    try:
        from snownlp import SnowNLP

        t0 = time.perf_counter()
        for t in texts[:5]:
            SnowNLP(t).summary(5)
        theirs = (time.perf_counter() - t0) / 5
        line += f"; SnowNLP summary {theirs * 1000:.0f} ms each ({theirs / ours:.0f}x slower)"
    except ImportError:
        pass
    print(line)


if __name__ == "__main__":
    main()
