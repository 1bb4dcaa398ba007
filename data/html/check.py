#!/usr/bin/env python3
"""Validate the whole-page HTML development set.

Checks
* index.json: one entry per id, ids 001.. consecutive, 40-hex commits, files exist, no stray files
  in pages/ lines/ labels/;
* pages/NNN.html: UTF-8, character count equals index "chars" (and "exact" <=> chars == source_chars);
* lines/NNN.txt: equals what flatten.py produces from pages/NNN.html, byte for byte;
* labels/NNN.jsonl: one object per line of lines/NNN.txt with keys line/text/keep/reason, line numbers
  1..n in order, text identical to the line, keep is a bool, reason is null iff keep, reason in the
  allowed set; "lines"/"content_lines" in index.json match.

Usage: python check.py        (exit status 0 = OK)
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep the data directory clean
import flatten  # noqa: E402

REASONS = {'byline', 'editor', 'timestamp', 'copyright', 'disclaimer', 'call_to_action', 'ad',
           'related_links', 'app_chrome', 'other', 'duplicate'}
KEYS = {'line', 'text', 'keep', 'reason'}


def main():
    errors = []

    def err(msg):
        errors.append(msg)

    with open(os.path.join(HERE, 'index.json'), encoding='utf-8') as f:
        index = json.load(f)
    ids = [e['id'] for e in index]
    if ids != ['%03d' % i for i in range(1, len(ids) + 1)]:
        err('index ids are not 001..%03d in order: %s' % (len(ids), ids))

    for sub, ext in (('pages', '.html'), ('lines', '.txt'), ('labels', '.jsonl')):
        present = sorted(n for n in os.listdir(os.path.join(HERE, sub)) if not n.startswith('.'))
        expected = sorted(i + ext for i in ids)
        if present != expected:
            err('%s/: files %s differ from index %s' % (sub, sorted(set(present) ^ set(expected)), sub))

    reasons = Counter()
    total_lines = total_keep = 0
    sites, repos = set(), set()
    for e in index:
        nid = e['id']
        if not re.fullmatch(r'[0-9a-f]{40}', e.get('commit', '')):
            err('%s: commit is not 40 hex digits' % nid)
        for k in ('repo', 'path', 'site', 'date'):
            if not e.get(k):
                err('%s: missing %s' % (nid, k))
        sites.add(e['site'])
        repos.add(e['repo'])
        page = os.path.join(HERE, 'pages', nid + '.html')
        try:
            with open(page, encoding='utf-8', newline='') as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as ex:
            err('%s: cannot read page: %s' % (nid, ex))
            continue
        if len(text) != e['chars']:
            err('%s: page has %d chars, index says %d' % (nid, len(text), e['chars']))
        if e['exact'] != (e['chars'] == e['source_chars']):
            err('%s: "exact" flag inconsistent' % nid)
        if '<html' not in text.lower() or '</html>' not in text.lower():
            err('%s: not a whole page (<html> ... </html> missing)' % nid)

        want = flatten.flatten_file(page)
        with open(os.path.join(HERE, 'lines', nid + '.txt'), encoding='utf-8', newline='') as f:
            have = f.read()
        if have != want:
            err('%s: lines/%s.txt is not what flatten.py produces (run python flatten.py)' % (nid, nid))
        lines = have.split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        if any(not ln.strip() for ln in lines):
            err('%s: empty line in lines/' % nid)

        rows = []
        with open(os.path.join(HERE, 'labels', nid + '.jsonl'), encoding='utf-8') as f:
            for k, raw in enumerate(f, 1):
                try:
                    rows.append(json.loads(raw))
                except ValueError:
                    err('%s: labels line %d is not JSON' % (nid, k))
        if len(rows) != len(lines):
            err('%s: %d labels for %d lines' % (nid, len(rows), len(lines)))
        for k, (r, ln) in enumerate(zip(rows, lines), 1):
            if set(r) != KEYS:
                err('%s:%d: keys %s' % (nid, k, sorted(r)))
                continue
            if r['line'] != k:
                err('%s:%d: line number %r' % (nid, k, r['line']))
            if r['text'] != ln:
                err('%s:%d: text differs from lines/' % (nid, k))
            if not isinstance(r['keep'], bool):
                err('%s:%d: keep is not a bool' % (nid, k))
            elif r['keep'] and r['reason'] is not None:
                err('%s:%d: keep=true with a reason' % (nid, k))
            elif not r['keep'] and r['reason'] not in REASONS:
                err('%s:%d: bad reason %r' % (nid, k, r['reason']))
            reasons['content' if r['keep'] else r['reason']] += 1
        keep = sum(1 for r in rows if r.get('keep') is True)
        if e['lines'] != len(rows) or e['content_lines'] != keep:
            err('%s: index lines/content_lines %s/%s, labels give %s/%s'
                % (nid, e['lines'], e['content_lines'], len(rows), keep))
        if keep == 0:
            err('%s: no content line' % nid)
        total_lines += len(rows)
        total_keep += keep

    print('pages %d, sites %d, repositories %d, lines %d, content lines %d (%.1f%%)'
          % (len(index), len(sites), len(repos), total_lines, total_keep,
             100.0 * total_keep / max(total_lines, 1)))
    for reason, n in reasons.most_common():
        print('  %-15s %5d' % (reason, n))
    if errors:
        for m in errors[:50]:
            print('ERROR', m)
        print('check: %d error(s)' % len(errors))
        return 1
    print('check: OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
