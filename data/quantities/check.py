#!/usr/bin/env python3
"""Validate figures_dev.jsonl (hand-labelled development set for parse_quantities).

Usage: python3 data/quantities/check.py [path/to/figures_dev.jsonl]

Checks every sentence and entry against the output convention in
shared/quantities.md plus the extra conventions in README.md, then prints
counts. Exits non-zero on any error. Scaling is cross-checked against the
Arabic digits in `text` (a sanity check on the hand-typed values, not a
labeller); mismatches are errors unless the text holds Chinese numerals.
"""
import json
import os
import re
import sys
from collections import Counter
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "figures_dev.jsonl")
SOURCE = os.path.join(HERE, "..", "..", "..", "shared", "data", "sentiment", "finnsp-train.jsonl")

FIELDS = ["text", "start", "end", "value", "unit", "qualifier", "change", "basis", "period", "is_figure"]
QUALIFIERS = {None, "约", "近", "超过", "不足", "以上", "以下", "至少"}
CHANGES = {None, "increase", "decrease"}
NAMED_BASES = {"同比", "环比", "较上年", "较年初"}
# units must be normalised: no magnitude words, no currency aliases
BAD_UNIT = re.compile(r"^(万|亿|千|百)|人民币|港币|美金|块|万元|亿元")
PCT_UNITS = {"%", "个百分点"}

errors = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def arabic_scale(text):
    """Expected value from the Arabic digits + 万/亿 in text, or None if not applicable."""
    m = re.search(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)", text)
    if not m:
        return None
    rest = text[m.end():]
    if re.match(r"\s*[至到\-~—]", rest):
        return None
    num = Decimal(m.group(1).replace(",", ""))
    mult = Decimal(1)
    mm = re.match(r"(多|余)?(万亿|亿|万)", rest)
    if mm:
        mult = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12}[mm.group(2)]
        tail = rest[mm.end():]
        if re.match(r"[0-9一二三四五六七八九千百]", tail):  # e.g. 7亿8千余枚
            return None
    elif re.search(r"[万亿千百]", rest[:2]):
        return None
    return num * mult


def main():
    src_lines = None
    if os.path.exists(SOURCE):
        with open(SOURCE, encoding="utf-8") as f:
            src_lines = [json.loads(l)["text"] for l in f]
    n_sent = n_ent = n_fig = 0
    no_fig = 0
    units, quals, changes, bases, periods_set = Counter(), Counter(), Counter(), Counter(), 0
    ids = set()
    seen_sent = set()
    with open(PATH, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            where = f"line {ln}"
            try:
                o = json.loads(line)
            except json.JSONDecodeError as e:
                err(where, f"bad JSON: {e}")
                continue
            if set(o) != {"id", "source", "sentence", "quantities"}:
                err(where, f"keys {sorted(o)}")
                continue
            sid, s = o["id"], o["sentence"]
            where = f"{sid}"
            if not re.fullmatch(r"q\d{4}", sid) or sid in ids:
                err(where, "bad or duplicate id")
            ids.add(sid)
            if s != s.strip() or not s:
                err(where, "sentence must be stripped and non-empty")
            if s in seen_sent:
                err(where, "duplicate sentence")
            seen_sent.add(s)
            m = re.fullmatch(r"finnsp-train\.jsonl:(\d+)", o["source"])
            if not m:
                err(where, f"bad source {o['source']}")
            elif src_lines is not None:
                k = int(m.group(1))
                if not (1 <= k <= len(src_lines)) or s not in src_lines[k - 1]:
                    err(where, "sentence not found verbatim on its source line")
            n_sent += 1
            prev_end = 0
            has_fig = False
            for j, q in enumerate(o["quantities"]):
                w = f"{sid}[{j}]"
                if list(q) != FIELDS:
                    err(w, f"fields {list(q)}")
                    continue
                t, a, b = q["text"], q["start"], q["end"]
                if not (isinstance(a, int) and isinstance(b, int)) or s[a:b] != t or not t:
                    err(w, f"offsets {a}:{b} give {s[a:b] if isinstance(a, int) and isinstance(b, int) else None!r}, text {t!r}")
                if isinstance(a, int) and a < prev_end:
                    err(w, "entries out of order or overlapping")
                if isinstance(b, int):
                    prev_end = b
                if not re.search(r"[0-9〇零一二两三四五六七八九十百千万亿半]", t):
                    err(w, f"text without a number: {t!r}")
                v = q["value"]
                if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                    err(w, f"value type {type(v).__name__}")
                if not isinstance(q["unit"], str) or BAD_UNIT.search(q["unit"]):
                    err(w, f"unit not normalised: {q['unit']!r}")
                if q["unit"] in PCT_UNITS and isinstance(v, int):
                    err(w, "percent values are floats")
                if q["qualifier"] not in QUALIFIERS:
                    err(w, f"qualifier {q['qualifier']!r}")
                if q["change"] not in CHANGES:
                    err(w, f"change {q['change']!r}")
                bs = q["basis"]
                if bs is not None and (not isinstance(bs, str) or not bs):
                    err(w, f"basis {bs!r}")
                if bs is not None and q["change"] is None:
                    err(w, "basis without change")
                p = q["period"]
                if p is not None and (not isinstance(p, str) or p not in s):
                    err(w, f"period {p!r} not a substring of the sentence")
                if not isinstance(q["is_figure"], bool):
                    err(w, "is_figure not bool")
                if q["is_figure"] is False and (q["change"] or q["basis"]):
                    err(w, "non-figure with change/basis")
                # scaling sanity check on Arabic digits
                if v is not None and q["is_figure"]:
                    exp = arabic_scale(t)
                    range_head = s[b:b + 1] in "-~至到—－～"  # first end of a range takes the shared unit
                    if q["unit"] == "%" and re.search(r"成|/", t):  # 7成 -> 70.0 %, 1/3 -> 33.3 %
                        exp = None
                    if exp is not None and not range_head and not re.search(r"[一二两三四五六七八九十几点数半]", t):
                        if Decimal(str(v)) != exp:
                            err(w, f"value {v} does not match text {t!r} (expected {exp})")
                n_ent += 1
                if q["is_figure"]:
                    n_fig += 1
                    has_fig = True
                    units[q["unit"] or '""'] += 1
                    quals[q["qualifier"] or "None"] += 1
                    changes[q["change"] or "None"] += 1
                    bases[q["basis"] or "None"] += 1
                    if p is not None:
                        periods_set += 1
            if not has_fig:
                no_fig += 1
    print(f"sentences: {n_sent}")
    print(f"  without any figure (only dates/codes/names/list numbers/thresholds): {no_fig}")
    print(f"entries: {n_ent}")
    print(f"figures (is_figure=True): {n_fig}; non-figures: {n_ent - n_fig}")
    print(f"figures with a period: {periods_set}")
    for name, c in [("unit", units), ("qualifier", quals), ("change", changes), ("basis", bases)]:
        print(f"figures per {name}:")
        for k, n in c.most_common():
            print(f"  {k}\t{n}")
    if errors:
        print(f"\n{len(errors)} ERRORS")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK")


if __name__ == "__main__":
    main()
