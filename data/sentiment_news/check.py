#!/usr/bin/env python3
"""Validate news_dev.jsonl (cross-source sentiment eval set for zhnews).

Checks: required fields and types, label set, unique ids, 40-hex commits,
non-empty text, no markdown/image residue, no forbidden source repos,
no exact or near-duplicate texts (character 5-gram Jaccard / containment).
Prints counts per label and per site plus length statistics.
Exit status 1 on any error.
"""
import json
import os
import re
import statistics
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, 'news_dev.jsonl')
FIELDS = {'id': str, 'text': str, 'label': str, 'title': (str, type(None)), 'site': str,
          'repo': str, 'commit': str, 'path': str, 'note': str}
LABELS = {'positive', 'neutral', 'negative'}
FORBIDDEN = {'generalnewsextractor/generalnewsextractor', 'gerapy/gerapyautoextractor',
             'terminus2049/terminus2049.github.io', 'ustczzh/myclippings', 'halerfermatqing/mybolgfor',
             '531014023/wechat_articles_backup_mufeng', 'u-help/ds2019',
             'ssymmetry/bbt-fincuge-applications', 'sophonplus/chinesenlpcorpus'}
NEAR_DUP_JACCARD = 0.5      # 5-gram Jaccard above this = near duplicate
NEAR_DUP_CONTAIN = 0.8      # share of the shorter text's 5-grams found in the other


def shingles(s, k=5):
    s = re.sub(r'\s+', '', s)
    return {s[i:i + k] for i in range(max(1, len(s) - k + 1))}


def main():
    errors = []
    rows = []
    with open(PATH, encoding='utf-8') as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if not line.strip():
                errors.append(f'line {n}: empty line')
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                errors.append(f'line {n}: bad JSON ({e})')

    ids = Counter()
    for n, r in rows:
        extra = set(r) - set(FIELDS)
        if extra:
            errors.append(f'line {n}: unexpected fields {sorted(extra)}')
        for f, t in FIELDS.items():
            if f not in r:
                errors.append(f'line {n}: missing field {f}')
            elif not isinstance(r[f], t):
                errors.append(f'line {n}: field {f} has type {type(r[f]).__name__}')
        if r.get('label') not in LABELS:
            errors.append(f'line {n}: bad label {r.get("label")!r}')
        if not re.fullmatch(r'n\d{4}', str(r.get('id', ''))):
            errors.append(f'line {n}: bad id {r.get("id")!r}')
        ids[r.get('id')] += 1
        if not re.fullmatch(r'[0-9a-f]{40}', str(r.get('commit', ''))):
            errors.append(f'line {n}: commit is not 40 hex')
        if not re.fullmatch(r'[^/\s]+/[^/\s]+', str(r.get('repo', ''))):
            errors.append(f'line {n}: repo is not owner/name')
        if str(r.get('repo', '')).lower() in FORBIDDEN:
            errors.append(f'line {n}: forbidden source repo {r["repo"]}')
        text = r.get('text') or ''
        if len(text.strip()) < 100:
            errors.append(f'line {n}: text too short ({len(text)} chars)')
        if '![' in text or '**' in text or '](http' in text:
            errors.append(f'line {n}: markdown/image residue in text')
        for f in ('site', 'path', 'note'):
            if not str(r.get(f, '')).strip():
                errors.append(f'line {n}: empty {f}')
    for i, c in ids.items():
        if c > 1:
            errors.append(f'duplicate id {i} x{c}')

    # exact and near duplicates
    sh = [(r['id'], shingles(r['text'])) for _, r in rows]
    seen_text = {}
    for _, r in rows:
        key = re.sub(r'\s+', '', r['text'])
        if key in seen_text:
            errors.append(f'exact duplicate text: {seen_text[key]} and {r["id"]}')
        seen_text.setdefault(key, r['id'])
    worst = (0.0, None)
    for a in range(len(sh)):
        ia, sa = sh[a]
        for b in range(a + 1, len(sh)):
            ib, sb = sh[b]
            inter = len(sa & sb)
            if not inter:
                continue
            jac = inter / len(sa | sb)
            cont = inter / min(len(sa), len(sb))
            if jac > worst[0]:
                worst = (jac, (ia, ib, round(cont, 3)))
            if jac > NEAR_DUP_JACCARD or cont > NEAR_DUP_CONTAIN:
                errors.append(f'near duplicate: {ia} ~ {ib} (jaccard {jac:.2f}, containment {cont:.2f})')

    recs = [r for _, r in rows]
    lab = Counter(r['label'] for r in recs)
    site = Counter(r['site'] for r in recs)
    repo = Counter(r['repo'] for r in recs)
    lens = [len(r['text']) for r in recs]
    print(f'records: {len(recs)}')
    print('labels :', dict(sorted(lab.items())))
    print(f'sites  : {len(site)} distinct')
    for s, c in site.most_common():
        per = Counter(r['label'] for r in recs if r['site'] == s)
        print(f'  {c:4d}  {s}  {dict(sorted(per.items()))}')
    print('repos  :', dict(repo.most_common()))
    if lens:
        q = statistics.quantiles(lens, n=4)
        print(f'length (chars): min {min(lens)}  q1 {q[0]:.0f}  median {statistics.median(lens):.0f}  '
              f'q3 {q[2]:.0f}  max {max(lens)}  mean {statistics.mean(lens):.0f}')
        print(f'  <200: {sum(l < 200 for l in lens)}  200-3000: {sum(200 <= l <= 3000 for l in lens)}  '
              f'>3000: {sum(l > 3000 for l in lens)}')
        for l in sorted(LABELS):
            ll = [len(r['text']) for r in recs if r['label'] == l]
            print(f'  {l:8s} median {statistics.median(ll):.0f}  mean {statistics.mean(ll):.0f}')
    print(f'most similar pair: jaccard {worst[0]:.3f} {worst[1]}')
    if errors:
        print(f'\nFAILED with {len(errors)} error(s):')
        for e in errors:
            print('  -', e)
        sys.exit(1)
    print('\nOK')


if __name__ == '__main__':
    main()
