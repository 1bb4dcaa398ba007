"""Real paragraphs from the repository's data/ folder, for benchmarks (no outside paths)."""
from __future__ import annotations

import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def real_paragraphs(min_chars: int = 20) -> list[str]:
    """Distinct content paragraphs of the labelled articles in data/ (claims, boilerplate dev)."""
    out: list[str] = []
    for path in sorted((ROOT / "data" / "claims" / "articles").glob("*.txt")):
        out.extend(path.read_text(encoding="utf-8").splitlines())
    for labels in sorted((ROOT / "data" / "boilerplate").glob("*/labels/*.jsonl")):
        if labels.parts[-3] == "holdout":  # the held-out test set stays unseen
            continue
        for line in labels.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if row.get("keep"):
                out.append(row["text"])
    for line in (ROOT / "data" / "quantities" / "figures_dev.jsonl").read_text(encoding="utf-8").splitlines():
        out.append(json.loads(line)["sentence"])
    seen, result = set(), []
    for p in out:
        p = p.strip()
        if len(p) >= min_chars and "](" not in p and p not in seen:
            seen.add(p)
            result.append(p)
    return result


def real_length_paragraphs(n: int, seed: int = 0) -> list[str]:
    """``n`` paragraphs of real length: real paragraphs, and beyond their number, sentences of
    different real paragraphs spliced together (so each text is distinct but reads like news)."""
    base = real_paragraphs()
    rng = random.Random(seed)
    out = list(base[:n])
    while len(out) < n:
        a, b = rng.choice(base), rng.choice(base)
        cut_a, cut_b = rng.randrange(len(a) // 2, len(a)), rng.randrange(0, len(b) // 2)
        out.append(a[:cut_a] + b[cut_b:])
    return out
