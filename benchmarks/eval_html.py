"""Whole-page HTML extraction: zhnews against trafilatura and GNE, paragraph level.

Every page in data/html/pages/ has line labels (data/html/labels/, lines made by
data/html/flatten.py: one line per text block of the page).  Each extractor's output
is compared line by line: a labelled line counts as kept when its matching key
(zhnews.matching_key: no punctuation or spaces) is found inside the extractor's
kept text (lines of four characters or fewer must match a whole output line).  Drop-class precision/recall/F1 and content recall are printed for every
extractor available in the same run:

* zhnews: zhnews.clean(html, format="html")
* trafilatura: trafilatura.extract(html, favor_precision=True) (pip install trafilatura)
* GNE: gne.GeneralNewsExtractor().extract(html) title + content (pip install gne)

Usage: python benchmarks/eval_html.py [-v] [--dir data/html]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import zhnews  # noqa: E402


def load_pages(base: Path):
    for lab in sorted((base / "labels").glob("*.jsonl")):
        page = base / "pages" / (lab.stem + ".html")
        if not page.exists():
            continue
        rows = [json.loads(l) for l in lab.read_text(encoding="utf-8").splitlines() if l.strip()]
        yield lab.stem, page.read_text(encoding="utf-8", errors="replace"), rows


def zhnews_extract(html: str) -> str:
    return "\n".join(zhnews.clean(html, format="html").paragraphs)


def trafilatura_extract(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True, include_comments=False, include_tables=True) or ""


def gne_extract(html: str) -> str:
    from gne import GeneralNewsExtractor

    result = GeneralNewsExtractor().extract(html)
    return "\n".join(filter(None, [result.get("title", ""), result.get("content", "")]))


def score(pages, extract, verbose=False, name=""):
    tp = fp = fn = tn = 0
    seconds = 0.0
    for stem, html, rows in pages:
        t0 = time.perf_counter()
        try:
            out = extract(html)
        except Exception as exc:  # an extractor failing on a page keeps nothing
            print(f"  {name} failed on {stem}: {exc!r}", file=sys.stderr)
            out = ""
        seconds += time.perf_counter() - t0
        kept = zhnews.matching_key(out)
        kept_lines = {zhnews.matching_key(line) for line in out.splitlines()}
        for row in rows:
            key = zhnews.matching_key(row["text"])
            # a short line ("国际", "1") counts only as a whole kept line, not as a substring
            predicted_keep = bool(key) and (key in kept_lines or (len(key) > 4 and key in kept))
            if row["keep"]:
                if predicted_keep:
                    tn += 1
                else:
                    fp += 1
                    if verbose:
                        print(f"  {name} lost content {stem} L{row['line']}: {row['text'][:70]}")
            else:
                if predicted_keep:
                    fn += 1
                    if verbose:
                        print(f"  {name} kept {row['reason']} {stem} L{row['line']}: {row['text'][:70]}")
                else:
                    tp += 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    content_recall = tn / (tn + fp) if tn + fp else 1.0
    return {"precision": p, "recall": r, "f1": f1, "content_recall": content_recall, "seconds": seconds}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--dir", default=str(ROOT / "data" / "html"))
    ap.add_argument("--only", choices=["zhnews", "trafilatura", "gne"], action="append")
    args = ap.parse_args(argv)
    pages = list(load_pages(Path(args.dir)))
    lines = sum(len(r) for _, _, r in pages)
    print(f"{len(pages)} pages, {lines} labelled lines")
    extractors = [("zhnews", zhnews_extract), ("trafilatura", trafilatura_extract), ("gne", gne_extract)]
    for name, fn in extractors:
        if args.only and name not in args.only:
            continue
        try:
            s = score(pages, fn, args.verbose, name)
        except ImportError:
            print(f"{name:12s} not installed")
            continue
        print(f"{name:12s} drop P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}  "
              f"content recall {s['content_recall']:.3f}  ({s['seconds']:.1f}s)")


if __name__ == "__main__":
    main()
