"""Sentiment speed: zhnews.score_sentiment_many against SnowNLP on the same texts, in one run.

1. Short texts (stock-forum posts from --data, else sentences of the news dev set):
   texts/s of score_sentiment_many over all of them, SnowNLP over the first --snow
   of them, and the ratio.
2. 2,000-character articles built from the news dev set: the same comparison.
3. Model: file size, cold load time (first use), array bytes.

Usage: python benchmarks/bench_sentiment.py [--data DIR] [--n 20000] [--snow 300]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews import sentiment as S  # noqa: E402
from zhnews.resources import resource_bytes  # noqa: E402
from zhnews.text import split_sentences  # noqa: E402

NEWS = ROOT / "data" / "sentiment_news" / "news_dev.jsonl"


def short_texts(data: Path, n: int) -> tuple[list[str], str]:
    path = data / "finfe-train.jsonl"
    if path.exists():
        rows = [json.loads(l)["text"] for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
        src = "FinFE stock-forum posts"
    else:
        rows = [s for r in news_rows() for s in split_sentences(r["text"])]
        src = "sentences of the news dev set"
    out = (rows * (n // len(rows) + 1))[:n]
    return out, src


def news_rows() -> list[dict]:
    return [json.loads(l) for l in NEWS.read_text(encoding="utf-8").splitlines() if l.strip()]


def articles(n: int, size: int = 2000) -> list[str]:
    texts = [r["text"] for r in news_rows()]
    out = []
    i = 0
    while len(out) < n:
        buf = ""
        while len(buf) < size:
            buf += texts[i % len(texts)] + "\n"
            i += 1
        out.append(buf[:size])
    return out


def rate(fn, texts) -> float:
    t0 = time.perf_counter()
    fn(texts)
    return len(texts) / (time.perf_counter() - t0)


def snownlp_all(texts):
    from snownlp import SnowNLP

    return [SnowNLP(t).sentiments for t in texts]


def compare(name: str, texts: list[str], n_snow: int) -> None:
    S.score_sentiment_many(texts[:10])  # warm: model and tables loaded
    snownlp_all(texts[:2])  # warm SnowNLP too: its first call loads its model
    ours = rate(S.score_sentiment_many, texts)
    one = rate(lambda ts: [S.score_sentiment(t) for t in ts], texts[: min(len(texts), 2000)])
    snow = rate(snownlp_all, texts[:n_snow])
    mean_len = sum(map(len, texts)) / len(texts)
    print(f"{name} (mean {mean_len:.0f} chars):")
    print(f"  SnowNLP(text).sentiments, {n_snow} texts:     {snow:>10,.1f} texts/s")
    print(f"  zhnews score_sentiment_many, {len(texts)} texts: {ours:>10,.1f} texts/s  ({ours / snow:,.0f}x SnowNLP)")
    print(f"  zhnews score_sentiment one by one:       {one:>10,.1f} texts/s  ({one / snow:,.0f}x SnowNLP)")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/sentiment")
    ap.add_argument("--n", type=int, default=20000, help="short texts for zhnews")
    ap.add_argument("--snow", type=int, default=300, help="short texts for SnowNLP")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--snow-articles", type=int, default=10)
    a = ap.parse_args()

    # model: cold load (the lazily loaded tables are cleared first)
    for fn in (S._model, S._fold_table, S._lexicon):
        fn.cache_clear()
    t0 = time.perf_counter()
    S._model()
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    S._fold_table(); S._lexicon()
    tables = time.perf_counter() - t0
    size = len(resource_bytes(S.MODEL_FILE))
    info = S.sentiment_model_info()
    print(f"model: {S.MODEL_FILE} {size / 1e6:.2f} MB on disk, {info['array_bytes'] / 1e6:.1f} MB of arrays; "
          f"load {load * 1000:.0f} ms, folding table + lexicon {tables * 1000:.0f} ms")

    texts, src = short_texts(Path(a.data), a.n)
    compare(f"short texts: {src}", texts, a.snow)
    compare("2,000-character articles (news dev set)", articles(a.articles), a.snow_articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
