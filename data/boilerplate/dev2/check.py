#!/usr/bin/env python3
"""Validate the dev2 boilerplate dev set (ids 301+; same format as ../extra).

Checks, for every articles/NNN.txt:
  * UTF-8, '\\n' line ends, no empty lines, no trailing whitespace, file ends with '\\n';
  * labels/NNN.jsonl exists and has exactly one JSON object per article line, in order, with
    keys {line, text, keep, reason}: line == 1-based line number, text == the article line,
    keep is a bool, keep == (reason is None), reason in the allowed set;
and for the set as a whole:
  * no label file without an article; index.json lists exactly the article ids and has the
    required fields; label_summary.json equals the counts recomputed from the labels;
  * `build.py --check` passes (articles regenerate exactly from raw/);
  * index.json: raw file exists, `raw_chars` equals the raw file's length, and `raw_chars` equals
    `tool_total_chars` (the length the code-search tool reported) unless the id is listed in
    KNOWN_SHORT (documented fidelity exception); no forbidden / previously used repository.
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
KNOWN_SHORT = {'305': 3}   # raw copy 3 chars shorter than the stored file (invisible chars, see SOURCES.md)
BANNED = {
    # hidden evaluation data
    'generalnewsextractor/generalnewsextractor', 'gerapy/gerapyautoextractor',
    'terminus2049/terminus2049.github.io', 'ustczzh/myclippings', 'halerfermatqing/mybolgfor',
    '531014023/wechat_articles_backup_mufeng', 'u-help/ds2019', 'ssymmetry/bbt-fincuge-applications',
    # repositories already used by the other boilerplate / claims / sentiment sets
    'cysk003/lazy13source.github.io', 'akan/obsidian_repo', 'horaccefeng/horaccefeng.github.io',
    'rock-candy-tea/rsshub-page', 'zhxieml/iee-homework', 'duty-machine/news', 'askfanxiaojun/cubox',
    'hkarchivist/hkcnews-article-archive', 'cheukyuen/ai-factory', 'project-gutenberg/pincong-data',
    'project-gutenberg/pincong-data-2026', 'askming/simpread', 'lijiaocn/wechat', 'charliedream1/ai_wiki',
    'lostmypillow/dms-scrape', 'leeperfect/peopledailymaterial', 'duty-machine/chinadigitaltimes',
    'wangding588/wdpm', 'qianshuang/dl-exp', 'ming-h/xwlb-daily', 'tomyangsh/news-backup',
    'nil-zhuang/cloud-computing-netease-news', 'yekc1m/informationretrieval',
}


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
            for k in ('id', 'repo', 'commit', 'path', 'site', 'kind', 'format', 'raw',
                      'raw_chars', 'tool_total_chars', 'lines'):
                if not e.get(k):
                    err('index.json %s: missing %s' % (e.get('id'), k))
            if str(e.get('repo', '')).lower() in BANNED:
                err('index.json %s: repository %s is not allowed' % (e.get('id'), e.get('repo')))
            rp = os.path.join(HERE, 'raw', str(e.get('raw', '')))
            if not os.path.isfile(rp):
                err('index.json %s: raw file %s missing' % (e.get('id'), e.get('raw')))
            else:
                n = len(open(rp, encoding='utf-8', newline='').read())
                if n != e.get('raw_chars'):
                    err('index.json %s: raw_chars %r but raw file has %d' % (e.get('id'), e.get('raw_chars'), n))
                short = e.get('tool_total_chars', 0) - n
                if short != KNOWN_SHORT.get(e.get('id'), 0):
                    err('index.json %s: raw copy differs from stored length by %d' % (e.get('id'), short))
            ap = os.path.join(art_dir, '%s.txt' % e.get('id'))
            if os.path.exists(ap) and open(ap, encoding='utf-8').read().count('\n') != e.get('lines'):
                err('index.json %s: lines field is stale' % e.get('id'))
            if not re.fullmatch(r'[0-9a-f]{40}', e.get('commit', '')):
                err('index.json %s: commit is not 40 hex' % e.get('id'))
            if e.get('format') not in ('text', 'html'):
                err('index.json %s: format %r' % (e.get('id'), e.get('format')))
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
