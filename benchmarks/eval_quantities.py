"""Evaluate zhnews.parse_quantities on the hand-labelled dev set data/quantities/figures_dev.jsonl.

The 268 sentences are split deterministically by id: ids whose number is divisible by 3
(q0003, q0006, …) form the *report* part (89 sentences), the others the *tuning* part
(179).  Rules are developed on the tuning part only; the report part estimates how they
generalise.  For each part and for all sentences it prints:

* span P/R/F1 — a predicted entry matches a gold one when text, start and end are equal;
  for figures only (``is_figure`` true on both sides) and for all entries;
* tuple F1 — figures whose (value, unit, change, basis) equal a gold figure's, counted per
  sentence as multisets (span-free, so a parser with different span conventions is not
  punished twice); and strict F1 — the same with the span required to match too;
* per-field accuracy on span-matched entries: value, unit, qualifier, change, basis,
  period, is_figure.

With ``-v`` every mismatch of the selected part is printed.  If ``jionlp`` is importable,
JioNLP's money parser is scored the same way as a baseline (it is not a dependency).

Usage: python benchmarks/eval_quantities.py [-v] [--part tuning|report|all] [--no-baseline]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zhnews.quantities import parse_quantities  # noqa: E402

DEV = ROOT / "data" / "quantities" / "figures_dev.jsonl"
FIELDS = ("value", "unit", "qualifier", "change", "basis", "period", "is_figure")
PARTS = ("tuning", "report", "all")


def part_of(sid: str) -> str:
    """The deterministic split: ids divisible by 3 are the report part."""
    digits = "".join(ch for ch in sid if ch.isdigit())
    return "report" if digits and int(digits) % 3 == 0 else "tuning"


def load(path: Path = DEV) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _same(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def _tuple_key(q: dict) -> tuple:
    v = q["value"]
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, float):
        v = round(v, 9)
    return (v, q["unit"], q["change"], q["basis"])


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(rows: Iterable[dict], predict: Callable[[str], list[dict]], verbose: bool = False) -> dict:
    """Scores of ``predict`` (sentence -> list of entry dicts) on ``rows``."""
    c = Counter()
    field_ok = Counter()
    errors = []
    for row in rows:
        sent = row["sentence"]
        gold = row["quantities"]
        pred = predict(sent)
        gkey = {(g["text"], g["start"], g["end"]): g for g in gold}
        pkey = {(p["text"], p["start"], p["end"]): p for p in pred}
        c["gold_all"] += len(gkey)
        c["pred_all"] += len(pkey)
        c["gold_fig"] += sum(g["is_figure"] for g in gold)
        c["pred_fig"] += sum(p["is_figure"] for p in pred)
        for k, g in gkey.items():
            p = pkey.get(k)
            if p is None:
                errors.append((row["id"], "missing", g, None, sent))
                continue
            c["tp_all"] += 1
            if g["is_figure"] and p["is_figure"]:
                c["tp_fig"] += 1
                if all(_same(p[f], g[f]) for f in ("value", "unit", "change", "basis")):
                    c["tp_strict"] += 1
            bad = []
            for f in FIELDS:
                if _same(p[f], g[f]):
                    field_ok[f] += 1
                else:
                    bad.append(f)
            if bad:
                errors.append((row["id"], "fields " + ",".join(bad), g, p, sent))
        for k, p in pkey.items():
            if k not in gkey:
                errors.append((row["id"], "spurious", None, p, sent))
        gt = Counter(_tuple_key(g) for g in gold if g["is_figure"])
        pt = Counter(_tuple_key(p) for p in pred if p["is_figure"])
        c["tp_tuple"] += sum((gt & pt).values())
    out = {
        "span_fig": _prf(c["tp_fig"], c["pred_fig"], c["gold_fig"]),
        "span_all": _prf(c["tp_all"], c["pred_all"], c["gold_all"]),
        "tuple": _prf(c["tp_tuple"], c["pred_fig"], c["gold_fig"]),
        "strict": _prf(c["tp_strict"], c["pred_fig"], c["gold_fig"]),
        "fields": {f: (field_ok[f] / c["tp_all"] if c["tp_all"] else 1.0) for f in FIELDS},
        "counts": dict(c),
        "errors": errors,
    }
    if verbose:
        for sid, kind, g, p, sent in errors:
            print(f"{sid}\t{kind}\t{sent}")
            if g is not None:
                print("   gold:", _brief(g))
            if p is not None:
                print("   pred:", _brief(p))
    return out


def _brief(q: dict) -> str:
    return " ".join(f"{k}={q[k]!r}" for k in ("text", "start", "value", "unit", "qualifier", "change",
                                               "basis", "period", "is_figure"))


def ours(sentence: str) -> list[dict]:
    return [q.to_dict() for q in parse_quantities(sentence)]


def jionlp_money() -> Callable[[str], list[dict]] | None:
    """JioNLP's money extractor mapped onto our entry format, or None when not installed."""
    try:
        import jionlp  # type: ignore
    except Exception:  # pragma: no cover - optional baseline
        return None
    units = {"元": "元", "人民币": "元", "美元": "美元", "港元": "港元", "港币": "港元"}

    def predict(sentence: str) -> list[dict]:
        out = []
        try:
            found = jionlp.extract_money(sentence, with_parsing=True)
        except Exception:
            return out
        for item in found:
            detail = item.get("detail") or {}
            num = detail.get("num")
            try:
                value = float(num) if not isinstance(num, list) else float(num[0])
            except (TypeError, ValueError):
                value = None
            if value is not None and value.is_integer():
                value = int(value)
            start, end = item.get("offset", (0, 0))
            out.append({"text": item.get("text", ""), "start": start, "end": end, "value": value,
                        "unit": units.get(detail.get("case", ""), detail.get("case", "")),
                        "qualifier": None, "change": None, "basis": None, "period": None,
                        "is_figure": True})
        return out

    return predict


def evaluate(part: str = "all", verbose: bool = False, predict=ours) -> dict:
    rows = [r for r in load() if part == "all" or part_of(r["id"]) == part]
    return score(rows, predict, verbose)


def _print(name: str, sc: dict, n: int) -> None:
    p, r, f = sc["span_fig"]
    pa, ra, fa = sc["span_all"]
    print(f"{name:<10} n={n:<4} span(figures) P={p:.3f} R={r:.3f} F1={f:.3f} | "
          f"span(all) P={pa:.3f} R={ra:.3f} F1={fa:.3f} | "
          f"tuple F1={sc['tuple'][2]:.3f} strict F1={sc['strict'][2]:.3f}")
    print(" " * 11 + "field accuracy on matched spans: " +
          "  ".join(f"{k}={v:.3f}" for k, v in sc["fields"].items()))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="print every mismatch of --part")
    ap.add_argument("--part", choices=PARTS, default="tuning", help="part whose mismatches -v prints")
    ap.add_argument("--no-baseline", action="store_true", help="skip the JioNLP baseline")
    args = ap.parse_args(argv)
    rows = load()
    systems = [("zhnews", ours)]
    base = None if args.no_baseline else jionlp_money()
    if base is not None:
        systems.append(("jionlp", base))
    for name, predict in systems:
        print(f"== {name}")
        for part in PARTS:
            sel = [r for r in rows if part == "all" or part_of(r["id"]) == part]
            sc = score(sel, predict, verbose=args.verbose and name == "zhnews" and part == args.part)
            _print(part, sc, len(sel))
    if base is None and not args.no_baseline:
        print("(jionlp not installed: no baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
