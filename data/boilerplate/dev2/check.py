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
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the data directory clean
sys.path.insert(0, os.path.dirname(HERE))
import devset_tools  # noqa: E402

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


def check_raw_and_repo(e, err):
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
    ap = os.path.join(HERE, 'articles', '%s.txt' % e.get('id'))
    if os.path.exists(ap) and open(ap, encoding='utf-8').read().count('\n') != e.get('lines'):
        err('index.json %s: lines field is stale' % e.get('id'))


def main():
    return devset_tools.check_set(
        HERE, required=('id', 'repo', 'commit', 'path', 'site', 'kind', 'format', 'raw',
                        'raw_chars', 'tool_total_chars', 'lines'),
        formats=('text', 'html'), check_entry=check_raw_and_repo)


if __name__ == '__main__':
    sys.exit(main())
