#!/usr/bin/env python3
"""Validate the zhnews claim-extraction development set.

Checks, for every object in labels.jsonl:
  * the article file articles/<id>.txt exists and is UTF-8;
  * the article has at least 8 sentences and n_sentences matches the splitter below;
  * every claim text is a substring of one line of the article and is exactly one
    sentence of it (no claim spans two sentences or two lines);
  * no claim is listed twice;
  * there are at least 3 core claims (and at most 6).
Prints per-article counts and a total line; exits non-zero on any failure.

Sentence rule (the one used for labelling): a sentence ends at 。！？!? or ；
(closing quotes / brackets right after the mark stay with the sentence); a line
(paragraph) without final punctuation is one sentence.  Usage: python3 check.py
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ENDERS = set("。！？!?；")
CLOSERS = set("”’\"'」』）)】》〕")


def split_sentences(line):
    """Split one paragraph line into sentences (stripped, non-empty)."""
    out, buf, i, n = [], [], 0, len(line)
    while i < n:
        ch = line[i]
        buf.append(ch)
        i += 1
        if ch in ENDERS:
            # absorb runs of enders (e.g. "？！") and closing quotes/brackets
            while i < n and (line[i] in ENDERS or line[i] in CLOSERS):
                buf.append(line[i])
                i += 1
            s = "".join(buf).strip()
            if s:
                out.append(s)
            buf = []
    s = "".join(buf).strip()
    if s:
        out.append(s)
    return out


def article_sentences(text):
    """Return list of (line_no, sentence) for an article text."""
    res = []
    for ln, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        for s in split_sentences(line):
            res.append((ln, s))
    return res


def main():
    path = os.path.join(HERE, "labels.jsonl")
    errors = []
    tot = {"articles": 0, "sentences": 0, "core": 0, "claim": 0}
    sites = set()
    seen_ids = set()
    print(f"{'id':>4} {'sent':>5} {'core':>5} {'other':>6} {'share':>6}  site")
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            if not raw.strip():
                continue
            obj = json.loads(raw)
            aid = obj["id"]
            if aid in seen_ids:
                errors.append(f"{aid}: duplicate id")
            seen_ids.add(aid)
            apath = os.path.join(HERE, "articles", f"{aid}.txt")
            if not os.path.exists(apath):
                errors.append(f"{aid}: missing {apath}")
                continue
            with open(apath, encoding="utf-8") as af:
                text = af.read()
            lines = [l for l in text.split("\n")]
            sents = article_sentences(text)
            sent_set = {}
            for ln, s in sents:
                sent_set.setdefault(s, []).append(ln)
            n = len(sents)
            if n < 8:
                errors.append(f"{aid}: only {n} sentences")
            if obj.get("n_sentences") != n:
                errors.append(f"{aid}: n_sentences={obj.get('n_sentences')} but splitter gives {n}")
            if lines and obj.get("title") and lines[0].strip() != obj["title"].strip():
                errors.append(f"{aid}: title field differs from first line")
            core = other = 0
            seen = set()
            for c in obj["claims"]:
                t = c["text"]
                if t in seen:
                    errors.append(f"{aid}: duplicate claim {t[:30]}")
                seen.add(t)
                if not any(t in l for l in lines):
                    errors.append(f"{aid}: claim not a substring of any line: {t[:40]}")
                elif t not in sent_set:
                    errors.append(f"{aid}: claim is not exactly one sentence: {t[:40]}")
                if c["core"] is True:
                    core += 1
                elif c["core"] is False:
                    other += 1
                else:
                    errors.append(f"{aid}: core must be true/false")
            if core < 3:
                errors.append(f"{aid}: only {core} core claims")
            if core > 6:
                errors.append(f"{aid}: {core} core claims (max 6)")
            sites.add(obj.get("site"))
            share = (core + other) / n if n else 0
            print(f"{aid:>4} {n:>5} {core:>5} {other:>6} {share:>6.0%}  {obj.get('site')}")
            tot["articles"] += 1
            tot["sentences"] += n
            tot["core"] += core
            tot["claim"] += other
    print(f"total: {tot['articles']} articles, {len(sites)} sites, {tot['sentences']} sentences, "
          f"{tot['core']} core claims, {tot['claim']} other claims")
    if errors:
        print(f"{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
