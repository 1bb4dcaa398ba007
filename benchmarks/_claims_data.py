"""The hand-labelled claims dev set (data/claims) and sentence matching, shared by the
claims evaluation and training scripts."""
from __future__ import annotations

import json
from pathlib import Path

import zhnews

ROOT = Path(__file__).resolve().parents[1]


def load_articles(base: Path | None = None):
    """[(id, title, paragraphs, [(claim_text, core)])] in id order."""
    base = base or ROOT / "data" / "claims"
    labels = [json.loads(l) for l in (base / "labels.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    out = []
    for row in labels:
        paragraphs = zhnews.split_paragraphs((base / "articles" / f"{row['id']}.txt").read_text(encoding="utf-8"))
        out.append((row["id"], row.get("title"), paragraphs, [(c["text"], bool(c["core"])) for c in row["claims"]]))
    return out


def same_sentence(a: str, b: str) -> bool:
    """Two sentences match when their matching keys are equal or one holds most of the
    other (sentence splitters differ on ellipses and quotes)."""
    ka, kb = zhnews.matching_key(a), zhnews.matching_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return short in long_ and len(short) >= 0.6 * len(long_)


def label_of(sentence: str, gold) -> int:
    """2 for a core claim, 1 for another claim, 0 otherwise."""
    best = 0
    for text, core in gold:
        if same_sentence(sentence, text):
            best = max(best, 2 if core else 1)
    return best


def score_ranking(predicted: list[str], gold) -> tuple[float, float]:
    """precision@k of the predicted sentences and recall of the core claims."""
    if not predicted:
        return 0.0, 0.0
    hits = sum(1 for s in predicted if label_of(s, gold) > 0)
    core = [t for t, c in gold if c]
    found = sum(1 for t in core if any(same_sentence(t, s) for s in predicted))
    return hits / len(predicted), (found / len(core) if core else 1.0)
