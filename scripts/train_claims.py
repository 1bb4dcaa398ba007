"""Fit the weights of zhnews's key-claim scorer on the labelled articles of data/claims.

Every sentence of every article gets the features of zhnews.claims.sentence_features
and a label (core claim, other claim, not a claim; matched to the labels by
benchmarks/_claims_data.same_sentence).  A logistic regression (scikit-learn, only
needed here) predicts "is a claim", with core claims weighted double so that they rank
first.  Leave-one-article-out validation reports precision@5 and core recall@5 as the
shipped scorer computes them; the final weights, fitted on all articles, are written as
plain JSON to zhnews/resources/claims_weights.json (no pickle, no scikit-learn at run time).

Usage: python scripts/train_claims.py [--data data/claims] [--C 1.0] [--dry-run]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import zhnews  # noqa: E402
from zhnews import claims as claims_mod  # noqa: E402
from _claims_data import label_of, load_articles, score_ranking  # noqa: E402

OUT = ROOT / "zhnews" / "resources" / "claims_weights.json"
FEATURES = claims_mod.FEATURES


def article_matrix(title, paragraphs, gold):
    sentences = [(p, s) for p, para in enumerate(paragraphs) for s in zhnews.split_sentences(para)]
    if title is None and paragraphs and len(zhnews.split_sentences(paragraphs[0])) == 1 \
            and not paragraphs[0].endswith("。"):
        title = paragraphs[0]
    feats = claims_mod.sentence_features(sentences, title)
    X = np.array([[f[name] for name in FEATURES] for f in feats])
    y = np.array([label_of(s, gold) for _, s in sentences])
    return sentences, X, y, title


def fit(Xs, ys, C, core_weight=2.0):
    from sklearn.linear_model import LogisticRegression

    X = np.vstack(Xs)
    y = np.concatenate(ys)
    weight = np.where(y == 2, core_weight, 1.0)
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    model.fit(X, (y > 0).astype(int), sample_weight=weight)
    return dict(zip(FEATURES, model.coef_[0].tolist()))


def fit_core(Xs, ys, C):
    """P(core | claim): fitted on the claim sentences only."""
    from sklearn.linear_model import LogisticRegression

    X = np.vstack(Xs)
    y = np.concatenate(ys)
    mask = y > 0
    model = LogisticRegression(C=C, max_iter=2000, fit_intercept=False)
    model.fit(X[mask], (y[mask] == 2).astype(int))
    return dict(zip(FEATURES, model.coef_[0].tolist()))


def _logsig(z):
    return -np.logaddexp(0.0, -z)


def ranking_scores(weights, data, core=None, beta=0.0):
    ps, rs = [], []
    for sentences, X, y, title, gold in data:
        w = np.array([weights[name] for name in FEATURES])
        z = _logsig(X @ w)
        if core is not None and beta:
            c = np.array([core[name] for name in FEATURES])
            z = z + beta * _logsig(X @ c)
        order = np.argsort(-z, kind="stable")
        picked, grams = [], []
        for i in order:
            s = sentences[i][1]
            if title is not None and s.strip() == title.strip():
                continue
            g = set(claims_mod._bigrams(zhnews.matching_key(s)))
            if any(len(g & h) / (len(g | h) or 1) >= claims_mod._NEAR_SAME for h in grams):
                continue
            picked.append(s)
            grams.append(g)
            if len(picked) == 5:
                break
        p, r = score_ranking(picked, gold)
        ps.append(p)
        rs.append(r)
    return float(np.mean(ps)), float(np.mean(rs))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT / "data" / "claims"))
    ap.add_argument("--C", type=float, default=0.1, help="inverse regularisation strength (chosen by leave-one-out)")
    ap.add_argument("--core-weight", type=float, default=2.0, help="sample weight of core claims")
    ap.add_argument("--beta", type=float, default=0.5, help="weight of the core model's log-probability")
    ap.add_argument("--dry-run", action="store_true", help="validate only; do not write the weights")
    args = ap.parse_args(argv)
    articles = load_articles(Path(args.data))
    data = []
    for aid, title, paragraphs, gold in articles:
        sentences, X, y, t = article_matrix(title, paragraphs, gold)
        data.append((sentences, X, y, t, gold))
    print(f"{len(data)} articles, {sum(len(d[0]) for d in data)} sentences, "
          f"{sum(int((d[2] > 0).sum()) for d in data)} matched claims")
    # leave one article out
    ps, rs = [], []
    for k in range(len(data)):
        train = [d for j, d in enumerate(data) if j != k]
        w = fit([d[1] for d in train], [d[2] for d in train], args.C, args.core_weight)
        c = fit_core([d[1] for d in train], [d[2] for d in train], args.C) if args.beta else None
        p, r = ranking_scores(w, [data[k]], c, args.beta)
        ps.append(p)
        rs.append(r)
    print(f"leave-one-article-out: precision@5 {np.mean(ps):.3f}  core recall@5 {np.mean(rs):.3f}")
    weights = fit([d[1] for d in data], [d[2] for d in data], args.C, args.core_weight)
    core = fit_core([d[1] for d in data], [d[2] for d in data], args.C) if args.beta else None
    p, r = ranking_scores(weights, data, core, args.beta)
    print(f"fitted on all (optimistic): precision@5 {p:.3f}  core recall@5 {r:.3f}")
    for name in FEATURES:
        print(f"  {name:20s} {weights[name]:+.3f}")
    if not args.dry_run:
        OUT.write_text(json.dumps({"model": "logistic", "features": list(FEATURES),
                                   "weights": {k: round(v, 6) for k, v in weights.items()},
                                   "core_weights": {k: round(v, 6) for k, v in (core or {}).items()},
                                   "beta": args.beta,
                                   "trained_on": "data/claims (scripts/train_claims.py)"},
                                  ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
