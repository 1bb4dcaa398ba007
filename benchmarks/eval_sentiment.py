"""Evaluate the shipped sentiment model on the cross-source news set, beside SnowNLP.

data/sentiment_news/news_dev.jsonl (240 hand-labelled news texts, 80/80/80) is cut
into two deterministic halves, stratified by source group (新浪/THUCNews, CCTV
新闻联播, other outlets) and label: within each stratum texts are ordered by
md5(id) and alternate selection (0) / report (1).  The selection half was used to
fit the model's combiner; the report half is only scored here.  Printed per
half and per source group: 3-way accuracy, macro-F1 and positive-vs-negative
accuracy by the sign of the score (on the positive and negative texts), for
zhnews and for SnowNLP (neutral band 0.4-0.6), plus the model's stored
near-duplicate-aware cross-validation figures.

Usage: python benchmarks/eval_sentiment.py [--news FILE] [--no-snownlp] [-v]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews import sentiment as S  # noqa: E402

LABELS = S.SENTIMENT_LABELS


def group(row: dict) -> str:
    return "sina" if "THUC" in row["site"] else "cctv" if "联播" in row["site"] else "other"


def halves(rows: list[dict]) -> list[int]:
    half = [0] * len(rows)
    for g in sorted({group(r) for r in rows}):
        for lab in LABELS:
            idx = [i for i, r in enumerate(rows) if group(r) == g and r["label"] == lab]
            idx.sort(key=lambda i: hashlib.md5(rows[i]["id"].encode()).hexdigest())
            for j, i in enumerate(idx):
                half[i] = j % 2
    return half


def metrics(gold: list[str], pred: list[str], score: list[float]) -> dict[str, float]:
    n = len(gold)
    acc = sum(g == p for g, p in zip(gold, pred)) / n
    f1s = []
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    pn = [(g, s) for g, s in zip(gold, score) if g != "neutral"]
    pvn = sum((s > 0) == (g == "positive") for g, s in pn) / len(pn) if pn else float("nan")
    return {"n": n, "acc3": acc, "macro_f1": sum(f1s) / 3, "pos_vs_neg": pvn}


def fmt(m: dict[str, float]) -> str:
    return f"n={m['n']:3d}  acc3={m['acc3']:.3f}  macro-F1={m['macro_f1']:.3f}  pos-vs-neg={m['pos_vs_neg']:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--news", default=str(ROOT / "data" / "sentiment_news" / "news_dev.jsonl"))
    ap.add_argument("--no-snownlp", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the report-half errors")
    a = ap.parse_args()
    rows = [json.loads(l) for l in Path(a.news).read_text(encoding="utf-8").splitlines() if l.strip()]
    half = halves(rows)
    texts = [r["text"] for r in rows]
    systems = {"zhnews": S.score_sentiment_many(texts)}
    if not a.no_snownlp:
        systems["snownlp"] = S.score_sentiment_many(texts, backend="snownlp")
    for name, res in systems.items():
        print(f"{name}:")
        for h, hname in ((1, "report half"), (0, "selection half (used to fit the combiner)")):
            for g in (None, "sina", "cctv", "other"):
                idx = [i for i in range(len(rows)) if half[i] == h and (g is None or group(rows[i]) == g)]
                m = metrics([rows[i]["label"] for i in idx], [res[i].label for i in idx], [res[i].score for i in idx])
                print(f"  {hname if g is None else '  ' + g:44s} {fmt(m)}")
    if a.verbose:
        res = systems["zhnews"]
        print("\nreport-half errors (zhnews):")
        for i, r in enumerate(rows):
            if half[i] == 1 and res[i].label != r["label"]:
                print(f"  {r['id']} gold={r['label']:8s} got={res[i].label:8s} score={res[i].score:+.2f}  {r['text'][:40]}")
    info = S.sentiment_model_info()
    print("\nstored validation (5-fold, split by near-duplicate cluster):")
    for src, m in info["validation"]["cv"].items():
        print(f"  {src:28s} " + "  ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in m.items()))
    for src, m in info["validation"].get("leave_one_source_out", {}).items():
        print(f"  trained without {src:12s} " + "  ".join(f"{k}={v:.4f}" for k, v in m.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
