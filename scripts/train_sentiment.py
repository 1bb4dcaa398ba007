"""Train zhnews's sentiment model and write zhnews/resources/sentiment_model.npz.

Data: a folder with finfe-train.jsonl (pos/neu/neg stock-forum posts),
finnsp-train.jsonl (neg/nonneg financial news) and chnsenticorp-hotel-train.jsonl
(pos/neg hotel reviews), one ``{"text", "label"}`` object a line; plus the
cross-source news set data/sentiment_news/news_dev.jsonl, whose *selection half*
is used to fit the combiner and whose *report half* is only ever scored.

Validation is near-duplicate aware: texts of each source are clustered with
zhnews.NearDuplicateIndex (character-3-gram Jaccard >= 0.5, union-find over
matches) and the five folds are drawn by cluster, so templated reposts never sit
on both sides of a split.  Training texts that near-duplicate a news-set text
are dropped.  Printed: out-of-fold FinFE 3-way accuracy and macro-F1, FinFE
positive-vs-negative by the sign of the score, FinNSP negative-vs-not, hotel
positive-vs-negative, the news report half (3-way, pos-vs-neg, per source) and
a leave-one-source-out table.

Usage: python scripts/train_sentiment.py [--data DIR] [--news FILE] [--out FILE] [--no-save]
Needs scikit-learn (training only); the written model needs numpy alone.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews import NearDuplicateIndex  # noqa: E402
from zhnews import sentiment as S  # noqa: E402
from zhnews.text import split_sentences  # noqa: E402

BITS = 18
ORDERS = (1, 2, 3)
GATE_CHARS = 100.0
K_FOLDS = 5
LAB = {"pos": 0, "neu": 1, "neg": 2, "positive": 0, "neutral": 1, "negative": 2}
SOURCES = ("finfe", "finnsp", "hotel")
FILES = {"finfe": "finfe-train.jsonl", "finnsp": "finnsp-train.jsonl", "hotel": "chnsenticorp-hotel-train.jsonl"}
# stance head: weight of hotel reviews next to FinFE posts; combiner: weight of each source
HOTEL_IN_STANCE = 0.5
C_STANCE, C_NEG = 10.0, 10.0
COMB_WEIGHT = {"finfe": 5.0, "finnsp": 2.0, "hotel": 1.0, "news": 5.0}
COMB_L2 = 1e-3


def log(*a):
    print(*a, flush=True)


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def clusters(texts: list[str], threshold: float = 0.5) -> np.ndarray:
    index = NearDuplicateIndex(threshold=threshold)
    parent = list(range(len(texts)))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, t in enumerate(texts):
        for k, _ in index.query(t):
            ra, rb = find(i), find(k)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        index.add(i, t)
    return np.array([find(i) for i in range(len(texts))])


def fold_of(texts: list[str], cl: np.ndarray) -> np.ndarray:
    return np.array([int(hashlib.md5(texts[r].encode("utf-8")).hexdigest(), 16) % K_FOLDS for r in cl])


def doc_counts(texts: list[str]) -> sparse.csr_matrix:
    """(docs × 2**BITS) n-gram counts, exactly as zhnews.sentiment featurises."""
    sents, owner = [], []
    for i, t in enumerate(texts):
        ss = split_sentences(t)
        sents.extend(ss)
        owner.extend([i] * len(ss))
    cp, lens = S.fold_codepoints(sents)
    ids, sid = S.ngram_buckets(cp, lens, ORDERS, BITS)
    doc = np.asarray(owner, dtype=np.int64)[sid]
    m = sparse.csr_matrix((np.ones(len(ids)), (doc, ids)), shape=(len(texts), 1 << BITS))
    m.sum_duplicates()
    return m


def fit_idf(C: sparse.csr_matrix) -> np.ndarray:
    df = np.bincount(C.indices, minlength=C.shape[1])
    n = C.shape[0]
    return np.log((1.0 + n) / (1.0 + df)) + 1.0


def tfidf(C: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    X = C.copy().astype(np.float64)
    X.data = (1.0 + np.log(X.data)) * idf[X.indices]
    norm = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norm[norm == 0] = 1.0
    return sparse.diags(1.0 / norm) @ X


def balanced(y: np.ndarray) -> np.ndarray:
    classes, counts = np.unique(y, return_counts=True)
    w = {c: len(y) / (len(classes) * n) for c, n in zip(classes, counts)}
    return np.array([w[v] for v in y])


class Data:
    def __init__(self, data_dir: Path, news_path: Path):
        self.text, self.y, self.fold = {}, {}, {}
        news = load_jsonl(news_path)
        self.news = news
        self.news_group = np.array(["sina" if "THUC" in r["site"] else "cctv" if "联播" in r["site"] else "other"
                                    for r in news])
        self.news_y = np.array([LAB[r["label"]] for r in news])
        self.news_half = self._halves()
        news_index = NearDuplicateIndex(threshold=0.5)
        news_index.add_many(list(range(len(news))), [r["text"] for r in news])
        for src in SOURCES:
            rows = load_jsonl(data_dir / FILES[src])
            keep = [r for r in rows if not news_index.query(r["text"])]
            if len(keep) < len(rows):
                log(f"  {src}: dropped {len(rows) - len(keep)} texts that near-duplicate the news set")
            texts = [r["text"] for r in keep]
            cl = clusters(texts)
            self.text[src] = texts
            self.y[src] = np.array([r["label"] for r in keep])
            self.fold[src] = fold_of(texts, cl)
            log(f"  {src}: {len(texts)} texts, {len(set(cl.tolist()))} near-duplicate clusters, "
                f"fold sizes {np.bincount(self.fold[src]).tolist()}")
        t0 = time.perf_counter()
        self.C = {src: doc_counts(self.text[src]) for src in SOURCES}
        self.C["news"] = doc_counts([r["text"] for r in news])
        zero_w = np.zeros((1 << BITS, 1))
        one_idf = np.ones(1 << BITS)
        self.lex, self.gate = {}, {}
        for src in list(SOURCES) + ["news"]:
            texts = self.text[src] if src != "news" else [r["text"] for r in news]
            f = S._features(texts, one_idf, zero_w, BITS, ORDERS, GATE_CHARS)
            self.lex[src], self.gate[src] = f["lex"], f["gate"]
        log(f"  featurised in {time.perf_counter() - t0:.1f}s")

    def has_lex(self, src: str) -> np.ndarray:
        return self.lex[src].sum(axis=1) > 0

    def _halves(self) -> np.ndarray:
        """Deterministic halves of the news set, stratified by source group and label:
        within each stratum texts are ordered by md5(id) and alternate 0 (selection), 1 (report)."""
        half = np.zeros(len(self.news), dtype=int)
        for g in sorted(set(self.news_group.tolist())):
            for lab in range(3):
                idx = [i for i in range(len(self.news)) if self.news_group[i] == g and self.news_y[i] == lab]
                idx.sort(key=lambda i: hashlib.md5(self.news[i]["id"].encode()).hexdigest())
                for j, i in enumerate(idx):
                    half[i] = j % 2
        return half


def fit_heads(d: Data, masks: dict[str, np.ndarray]):
    """idf, W (2**BITS × 4) and b (4,) from the training rows selected by ``masks``."""
    from sklearn.linear_model import LogisticRegression

    idf = fit_idf(sparse.vstack([d.C[s][masks[s]] for s in SOURCES]))
    X = {s: tfidf(d.C[s][masks[s]], idf) for s in SOURCES}
    W = np.zeros((1 << BITS, 4))
    b = np.zeros(4)
    # stance head: FinFE (balanced) + hotel reviews
    parts, ys, ws = [], [], []
    if masks["finfe"].any():
        y = np.array([LAB[v] for v in d.y["finfe"][masks["finfe"]]])
        parts.append(X["finfe"]); ys.append(y); ws.append(balanced(y))
    if masks["hotel"].any():
        y = np.array([LAB[v] for v in d.y["hotel"][masks["hotel"]]])
        parts.append(X["hotel"]); ys.append(y); ws.append(balanced(y) * HOTEL_IN_STANCE)
    stance = LogisticRegression(C=C_STANCE, max_iter=3000).fit(
        sparse.vstack(parts), np.concatenate(ys), sample_weight=np.concatenate(ws))
    coef = np.zeros((3, 1 << BITS))
    icpt = np.zeros(3)
    if len(stance.classes_) == 3:
        coef[stance.classes_] = stance.coef_
        icpt[stance.classes_] = stance.intercept_
    else:  # binary (pos/neg only): one coefficient row, logit of the second class
        lo, hi = stance.classes_
        coef[hi] = stance.coef_[0] / 2; coef[lo] = -stance.coef_[0] / 2
        icpt[hi] = stance.intercept_[0] / 2; icpt[lo] = -stance.intercept_[0] / 2
    W[:, :3] = coef.T
    b[:3] = icpt
    # negative-information head: FinNSP (or, without it, negative vs rest of the others)
    if masks["finnsp"].any():
        Xn, yn = X["finnsp"], d.y["finnsp"][masks["finnsp"]] == "neg"
    else:
        Xn = sparse.vstack([X["finfe"], X["hotel"]])
        yn = np.concatenate([d.y["finfe"][masks["finfe"]] == "neg", d.y["hotel"][masks["hotel"]] == "neg"])
    neg = LogisticRegression(C=C_NEG, max_iter=3000).fit(Xn, yn)
    W[:, 3] = neg.coef_[0]
    b[3] = neg.intercept_[0]
    return idf, W, b


def heads_out(d: Data, src: str, rows: np.ndarray, idf, W, b) -> np.ndarray:
    return np.asarray(tfidf(d.C[src][rows], idf) @ W) + b


# --- combiner: multinomial logistic regression with partial labels ---------------------

def label_masks(src: str, y: np.ndarray) -> np.ndarray:
    """(n, 3) allowed classes: FinNSP 'nonneg' allows positive or neutral."""
    m = np.zeros((len(y), 3))
    for i, v in enumerate(y):
        if v == "nonneg":
            m[i, :2] = 1
        else:
            m[i, LAB[v] if not isinstance(v, (int, np.integer)) else v] = 1
    return m


def fit_combiner(Z: np.ndarray, M: np.ndarray, w: np.ndarray, gate: np.ndarray):
    X = np.concatenate([Z, gate[:, None]], axis=1)
    mu = np.zeros(X.shape[1])
    sd = X.std(axis=0) + 1e-9
    Xs = X / sd
    n, k = Xs.shape

    def f(theta):
        A = theta[:3 * k].reshape(3, k)
        c = theta[3 * k:]
        z = Xs @ A.T + c
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z); p /= p.sum(axis=1, keepdims=True)
        pm = (p * M).sum(axis=1)
        loss = -(w * np.log(pm + 1e-12)).sum() / w.sum() + COMB_L2 * (A ** 2).sum()
        q = p * M / pm[:, None]
        g = (w[:, None] * (p - q)) / w.sum()
        gA = g.T @ Xs + 2 * COMB_L2 * A
        return loss, np.concatenate([gA.ravel(), g.sum(axis=0)])

    res = minimize(f, np.zeros(3 * k + 3), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    A = res.x[:3 * k].reshape(3, k) / sd
    c = res.x[3 * k:] - (mu @ A.T)
    return A, c


def combiner_rows(d: Data, src: str, H: np.ndarray, rows: np.ndarray):
    return S.combiner_inputs(H, d.lex[src][rows], d.gate[src][rows]), d.gate[src][rows]


def predict(A, c, Z, gate):
    return S._softmax(Z @ A[:, :-1].T + c + np.outer(gate, A[:, -1]))


# --- metrics --------------------------------------------------------------------------

def macro_f1(y, p):
    f = []
    for c in range(3):
        tp = np.sum((p == c) & (y == c)); fp = np.sum((p == c) & (y != c)); fn = np.sum((p != c) & (y == c))
        f.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f))


def source_metrics(src: str, P: np.ndarray, y: np.ndarray, has_lex: np.ndarray) -> dict[str, float]:
    pred = np.array([S.decide(p, bool(h)) for p, h in zip(P, has_lex)], dtype=int)
    score = P[:, 0] - P[:, 2]
    out: dict[str, float] = {}
    if src in ("finfe", "news"):
        yy = np.array([LAB[v] if isinstance(v, str) else v for v in y])
        out["acc3"] = float(np.mean(pred == yy))
        out["macro_f1"] = macro_f1(yy, pred)
        pn = yy != 1
        out["pos_vs_neg"] = float(np.mean((score[pn] > 0) == (yy[pn] == 0)))
    elif src == "finnsp":
        out["neg_vs_not"] = float(np.mean((pred == 2) == (y == "neg")))
    elif src == "hotel":
        out["pos_vs_neg"] = float(np.mean((score > 0) == (y == "pos")))
    return out


def oof_heads(d: Data, exclude: str | None = None, verbose: bool = True):
    """Out-of-fold head outputs for every training text (a source left out is scored by
    the mean of the five fold models) and the five-model mean for the news set."""
    H = {s: np.zeros((len(d.text[s]), 4)) for s in SOURCES}
    Hn = np.zeros((len(d.news), 4))
    for k in range(K_FOLDS):
        masks = {s: (d.fold[s] != k) if s != exclude else np.zeros(len(d.text[s]), bool) for s in SOURCES}
        idf, W, b = fit_heads(d, masks)
        for s in SOURCES:
            te = d.fold[s] == k if s != exclude else np.ones(len(d.text[s]), bool)
            H[s][te] += heads_out(d, s, np.where(te)[0], idf, W, b) / (1 if s != exclude else K_FOLDS)
        Hn += heads_out(d, "news", np.arange(len(d.news)), idf, W, b) / K_FOLDS
        if verbose:
            log(f"    heads fold {k} done")
    return H, Hn


def combiner_data(d: Data, H, Hn, srcs, rows_of):
    Zs, Ms, Ws, Gs = [], [], [], []
    for s in srcs:
        rows = rows_of(s)
        z, g = combiner_rows(d, s, H[s][rows], rows)
        Zs.append(z); Gs.append(g); Ms.append(label_masks(s, d.y[s][rows]))
        Ws.append(np.full(len(rows), COMB_WEIGHT[s] * 1000.0 / max(len(d.text[s]), 1)))
    sel = np.where(d.news_half == 0)[0]
    z, g = combiner_rows(d, "news", Hn[sel], sel)
    Zs.append(z); Gs.append(g); Ms.append(label_masks("news", d.news_y[sel]))
    Ws.append(np.full(len(sel), COMB_WEIGHT["news"] * 1000.0 / len(d.news)))
    return np.concatenate(Zs), np.concatenate(Ms), np.concatenate(Ws), np.concatenate(Gs)


def combine_cv(d: Data, H, Hn, exclude: str | None = None):
    """A combiner per fold, fitted on the other folds' out-of-fold head outputs (plus the
    news selection half), scores the held-out fold; the news set gets the mean of the five."""
    srcs = [s for s in SOURCES if s != exclude]
    Zn, gn = combiner_rows(d, "news", Hn, np.arange(len(d.news)))
    P = {s: np.zeros((len(d.text[s]), 3)) for s in SOURCES}
    Pn = np.zeros((len(d.news), 3))
    for k in range(K_FOLDS):
        A, c = fit_combiner(*combiner_data(d, H, Hn, srcs, lambda s: np.where(d.fold[s] != k)[0]))
        for s in SOURCES:
            te = np.where(d.fold[s] == k)[0] if s != exclude else np.arange(len(d.text[s]))
            z, g = combiner_rows(d, s, H[s][te], te)
            P[s][te] += predict(A, c, z, g) / (1 if s != exclude else K_FOLDS)
        Pn += predict(A, c, Zn, gn) / K_FOLDS
    return P, Pn


def run_cv(d: Data, exclude: str | None = None, verbose: bool = True):
    H, Hn = oof_heads(d, exclude, verbose)
    P, Pn = combine_cv(d, H, Hn, exclude)
    return P, Pn, H, Hn


def report(d: Data, P, Pn, title: str) -> dict:
    log(f"\n{title}")
    table = {}
    for s in SOURCES:
        m = source_metrics(s, P[s], d.y[s], d.has_lex(s))
        table[s] = m
        log(f"  {s:7s} " + "  ".join(f"{k}={v:.4f}" for k, v in m.items()))
    rep = d.news_half == 1
    for name, rows in [("news report half", rep)] + [
            (f"news report half, {g}", rep & (d.news_group == g)) for g in ("sina", "cctv", "other")]:
        m = source_metrics("news", Pn[rows], d.news_y[rows], d.has_lex("news")[rows])
        table[name] = {**m, "n": int(rows.sum())}
        log(f"  {name:26s} n={rows.sum():3d} " + "  ".join(f"{k}={v:.4f}" for k, v in m.items()))
    return table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "sentiment"), help="folder with the three jsonl files")
    ap.add_argument("--news", default=str(ROOT / "data" / "sentiment_news" / "news_dev.jsonl"))
    ap.add_argument("--out", default=str(ROOT / "zhnews" / "resources" / S.MODEL_FILE))
    ap.add_argument("--no-save", action="store_true", help="validate only")
    ap.add_argument("--no-loso", action="store_true", help="skip the leave-one-source-out table")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    log("loading and clustering")
    d = Data(Path(a.data), Path(a.news))
    log("cross-validation (5 folds by near-duplicate cluster)")
    P, Pn, H, Hn = run_cv(d)
    metrics = {"cv": report(d, P, Pn, "out-of-fold validation")}
    if not a.no_loso:
        metrics["leave_one_source_out"] = {}
        for ex in SOURCES:
            P2, Pn2, _, _ = run_cv(d, exclude=ex, verbose=False)
            m = source_metrics(ex, P2[ex], d.y[ex], d.has_lex(ex))
            metrics["leave_one_source_out"][ex] = m
            rep = d.news_half == 1
            mn = source_metrics("news", Pn2[rep], d.news_y[rep], d.has_lex("news")[rep])
            log(f"  trained without {ex:6s}: on {ex}: " + "  ".join(f"{k}={v:.4f}" for k, v in m.items())
                + " | news report half: " + "  ".join(f"{k}={v:.4f}" for k, v in mn.items()))
    if a.no_save:
        return 0
    log("\nfinal model on all training data")
    masks = {s: np.ones(len(d.text[s]), bool) for s in SOURCES}
    # heads on all data; the combiner on the out-of-fold head outputs (as validated)
    idf, W, b = fit_heads(d, masks)
    A, c = fit_combiner(*combiner_data(d, H, Hn, SOURCES, lambda s: np.arange(len(d.text[s]))))
    sel = d.news_half == 0
    meta = {
        "format": "zhnews-sentiment/1",
        "bits": BITS, "orders": list(ORDERS), "gate_chars": GATE_CHARS,
        "labels": list(S.SENTIMENT_LABELS),
        "heads": ["stance_pos", "stance_neu", "stance_neg", "negative_information"],
        "combiner_inputs": ["stance_pos", "stance_neu", "stance_neg", "negative_information",
                            "lexicon_pos", "lexicon_neg"] * 2 + ["gate"],
        "trained_on": {s: len(d.text[s]) for s in SOURCES} | {"news_selection_half": int(sel.sum())},
        "validation": metrics,
    }
    arrays = {
        "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False, sort_keys=True).encode("utf-8"), dtype=np.uint8),
        "idf": idf.astype(np.float32),
        "W": W.astype(np.float32),
        "b": b.astype(np.float32),
        "A": A.astype(np.float32),
        "c": c.astype(np.float32),
    }
    out = Path(a.out)
    np.savez_compressed(out, **arrays)
    log(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t0:.0f}s total")
    return 0


if __name__ == "__main__":
    sys.exit(main())
