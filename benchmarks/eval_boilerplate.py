"""Paragraph-level evaluation of zhnews.clean() on the labelled boilerplate dev sets.

For every labelled article (data/boilerplate/*/labels/NNN.jsonl + articles/NNN.txt,
and the seed example), runs ``zhnews.clean`` and compares kept/dropped per line:

* drop-class precision / recall / F1 (a line labelled with any reason is "drop");
* content recall (share of content lines kept);
* reason accuracy on correctly dropped lines;
* per-reason recall, and (with -v) every wrong line.

Usage: python benchmarks/eval_boilerplate.py [-v] [--set wechat|extra|seed] [--compare trafilatura]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import zhnews  # noqa: E402


def load_sets(names: list[str] | None):
    base = ROOT / "data" / "boilerplate"
    for set_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        if names and set_dir.name not in names:
            continue
        if set_dir.name == "seed":
            for lab in sorted(set_dir.glob("*.expected.jsonl")):
                stem = lab.name[: -len(".expected.jsonl")]
                rows = [json.loads(l) for l in lab.read_text(encoding="utf-8").splitlines() if l.strip()]
                yield f"seed/{stem}", (set_dir / f"{stem}.txt").read_text(encoding="utf-8"), rows
            continue
        labels = set_dir / "labels"
        if not labels.is_dir():
            continue
        for lab in sorted(labels.glob("*.jsonl")):
            art = set_dir / "articles" / (lab.stem + ".txt")
            if not art.exists():
                continue
            rows = [json.loads(l) for l in lab.read_text(encoding="utf-8").splitlines() if l.strip()]
            yield f"{set_dir.name}/{lab.stem}", art.read_text(encoding="utf-8"), rows


def evaluate(names=None, verbose=False):
    tp = fp = fn = tn = 0
    reason_ok = 0
    per_reason = defaultdict(lambda: [0, 0])  # reason -> [dropped, total]
    per_article = []
    for name, text, rows in load_sets(names):
        paras = zhnews.split_paragraphs(text)
        rows = [r for r in rows if r["text"].strip()]
        if len(paras) != len(rows):
            print(f"!! {name}: {len(paras)} paragraphs vs {len(rows)} labels; skipped", file=sys.stderr)
            continue
        result = zhnews.clean(text, format="text")
        removed = {r.index: r for r in result.removed}
        errs = []
        for i, row in enumerate(rows):
            gold_drop = not row["keep"]
            pred = removed.get(i)
            if gold_drop:
                per_reason[row["reason"]][1] += 1
                if pred is not None:
                    tp += 1
                    per_reason[row["reason"]][0] += 1
                    reason_ok += pred.reason == row["reason"]
                else:
                    fn += 1
                    errs.append(("FN", i, row["reason"], "-", row["text"]))
            else:
                if pred is not None:
                    fp += 1
                    errs.append(("FP", i, "content", f"{pred.reason}/{pred.rule}", row["text"]))
                else:
                    tn += 1
        per_article.append((name, len(rows), errs))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    content_recall = tn / (tn + fp) if tn + fp else 1.0
    print(f"articles {len(per_article)}  lines {tp + fp + fn + tn}  drop-gold {tp + fn}  content-gold {tn + fp}")
    print(f"drop  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   content recall {content_recall:.4f}  "
          f"(content lines dropped: {fp}, boilerplate kept: {fn})")
    print(f"reason accuracy on caught drops {reason_ok / tp if tp else 0:.3f}")
    print("per-reason recall: " + ", ".join(
        f"{k} {v[0]}/{v[1]}" for k, v in sorted(per_reason.items(), key=lambda kv: -kv[1][1])))
    worst = sorted(per_article, key=lambda a: -len(a[2]))
    print("errors per article: " + ", ".join(f"{n}:{len(e)}" for n, _, e in worst if e))
    if verbose:
        for name, _, errs in worst:
            for kind, i, gold, pred, text in errs:
                print(f"  {kind} {name} L{i + 1} gold={gold} pred={pred} | {text[:90]}")
    return {"precision": p, "recall": r, "f1": f1, "content_recall": content_recall}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--set", action="append", help="only these sets (wechat, extra, seed)")
    args = ap.parse_args(argv)
    evaluate(args.set, args.verbose)


if __name__ == "__main__":
    main()
