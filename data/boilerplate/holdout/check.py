#!/usr/bin/env python3
"""Validate the boilerplate HELD-OUT test set (ids 201-217).

Checks, for every articles/NNN.txt:
  * UTF-8, '\\n' line ends, no empty lines, no trailing whitespace, file ends with '\\n';
  * labels/NNN.jsonl exists and has exactly one JSON object per article line, in order, with
    keys {line, text, keep, reason}: line == 1-based line number, text == the article line,
    keep is a bool, keep == (reason is None), reason in the allowed set;
and for the set as a whole:
  * no label file without an article; index.json lists exactly the article ids and has the
    required fields; label_summary.json equals the counts recomputed from the labels;
  * `build.py --check` passes (articles regenerate exactly from raw/);
  * each raw/ copy has the character count recorded in index.json (= total_chars reported for
    the stored source file when it was copied).
Exit status 0 iff everything passes.  `python check.py --write-summary` (re)writes
label_summary.json from the labels first.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
REASONS = {'byline', 'editor', 'timestamp', 'copyright', 'disclaimer', 'call_to_action', 'ad',
           'related_links', 'app_chrome', 'duplicate', 'other'}
errors = []


def err(msg):
    errors.append(msg)


def write_summary(path, summary):
    order = ['content'] + sorted(REASONS)
    def block(c):
        total = sum(c.values())
        d = {k: c.get(k, 0) for k in order}
        d['lines'] = total
        d['boilerplate'] = total - c.get('content', 0)
        return d
    out = {'overall': block(summary['overall']),
           'per_article': {aid: block(c) for aid, c in sorted(summary['per_article'].items())}}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write('\n')


def main():
    art_dir = os.path.join(HERE, 'articles')
    lab_dir = os.path.join(HERE, 'labels')
    ids = sorted(f[:-4] for f in os.listdir(art_dir) if f.endswith('.txt'))
    lab_ids = sorted(f[:-6] for f in os.listdir(lab_dir) if f.endswith('.jsonl'))
    for extra in sorted(set(lab_ids) - set(ids)):
        err('labels/%s.jsonl has no article' % extra)
    summary = {'overall': Counter(), 'per_article': {}}
    for aid in ids:
        raw = open(os.path.join(art_dir, aid + '.txt'), 'rb').read()
        try:
            text = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            err('%s: not UTF-8 (%s)' % (aid, e))
            continue
        if '\r' in text:
            err('%s: contains CR' % aid)
        if not text.endswith('\n'):
            err('%s: no final newline' % aid)
        lines = text[:-1].split('\n') if text.endswith('\n') else text.split('\n')
        for i, line in enumerate(lines, 1):
            if not line.strip():
                err('%s:%d: empty line' % (aid, i))
            elif line != line.rstrip():
                err('%s:%d: trailing whitespace' % (aid, i))
        lp = os.path.join(lab_dir, aid + '.jsonl')
        if not os.path.exists(lp):
            err('%s: labels file missing' % aid)
            continue
        labs = []
        for n, row in enumerate(open(lp, encoding='utf-8').read().splitlines(), 1):
            try:
                labs.append(json.loads(row))
            except ValueError as e:
                err('%s labels row %d: bad JSON (%s)' % (aid, n, e))
        if len(labs) != len(lines):
            err('%s: %d labels for %d lines' % (aid, len(labs), len(lines)))
        c = Counter()
        for i, (obj, line) in enumerate(zip(labs, lines), 1):
            where = '%s:%d' % (aid, i)
            if not isinstance(obj, dict) or set(obj) != {'line', 'text', 'keep', 'reason'}:
                err('%s: wrong keys %r' % (where, obj if not isinstance(obj, dict) else sorted(obj)))
                continue
            if obj['line'] != i:
                err('%s: line field is %r' % (where, obj['line']))
            if obj['text'] != line:
                err('%s: text does not match article line' % where)
            if not isinstance(obj['keep'], bool):
                err('%s: keep is not a bool' % where)
            if obj['reason'] is not None and obj['reason'] not in REASONS:
                err('%s: unknown reason %r' % (where, obj['reason']))
            if obj['keep'] != (obj['reason'] is None):
                err('%s: keep=%r but reason=%r' % (where, obj['keep'], obj['reason']))
            c[obj['reason'] or 'content'] += 1
        summary['per_article'][aid] = c
        summary['overall'].update(c)

    # index.json
    ip = os.path.join(HERE, 'index.json')
    if os.path.exists(ip):
        index = json.load(open(ip, encoding='utf-8'))
        idx_ids = [e.get('id') for e in index]
        if sorted(idx_ids) != ids:
            err('index.json ids %s != article ids %s' % (idx_ids, ids))
        for e in index:
            for k in ('id', 'repo', 'commit', 'path', 'site', 'kind', 'format'):
                if not e.get(k):
                    err('index.json %s: missing %s' % (e.get('id'), k))
            if not re.fullmatch(r'[0-9a-f]{40}', e.get('commit', '')):
                err('index.json %s: commit is not 40 hex' % e.get('id'))
            if e.get('format') not in ('text', 'html', 'text+html'):
                err('index.json %s: format %r' % (e.get('id'), e.get('format')))
            rf = os.path.join(HERE, e.get('raw_file', ''))
            if not e.get('raw_file') or not os.path.isfile(rf):
                err('index.json %s: raw_file missing' % e.get('id'))
            elif len(open(rf, encoding='utf-8', newline='').read()) != e.get('raw_chars'):
                err('index.json %s: raw file length != raw_chars (length reported by the source index)' % e.get('id'))
    else:
        err('index.json missing')

    # label_summary.json
    sp = os.path.join(HERE, 'label_summary.json')
    if '--write-summary' in sys.argv[1:]:
        write_summary(sp, summary)
    if os.path.exists(sp):
        s = json.load(open(sp, encoding='utf-8'))
        want_overall = dict(summary['overall'])
        derived = ('lines', 'boilerplate')
        if {k: v for k, v in s.get('overall', {}).items() if v and k not in derived} != want_overall:
            err('label_summary.json overall counts are stale')
        for aid in ids:
            got = {k: v for k, v in s.get('per_article', {}).get(aid, {}).items()
                   if v and k not in derived}
            if got != dict(summary['per_article'][aid]):
                err('label_summary.json counts for %s are stale' % aid)
    else:
        err('label_summary.json missing')

    # build reproducibility
    r = subprocess.run([sys.executable, os.path.join(HERE, 'build.py'), '--check'],
                       capture_output=True, text=True)
    if r.returncode != 0:
        err('build.py --check failed:\n' + r.stdout + r.stderr)

    total = sum(summary['overall'].values())
    bp = total - summary['overall'].get('content', 0)
    for e in errors:
        print('ERROR', e)
    print('%d articles, %d lines, %d boilerplate lines; %s' % (
        len(ids), total, bp, 'OK' if not errors else '%d error(s)' % len(errors)))
    return 0 if not errors else 1


if __name__ == '__main__':
    sys.exit(main())
