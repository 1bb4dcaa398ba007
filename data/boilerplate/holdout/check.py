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
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the data directory clean
sys.path.insert(0, os.path.dirname(HERE))
import devset_tools  # noqa: E402


def check_raw_file(e, err):
    rf = os.path.join(HERE, e.get('raw_file', ''))
    if not e.get('raw_file') or not os.path.isfile(rf):
        err('index.json %s: raw_file missing' % e.get('id'))
    elif len(open(rf, encoding='utf-8', newline='').read()) != e.get('raw_chars'):
        err('index.json %s: raw file length != raw_chars (length reported by the source index)' % e.get('id'))


def main():
    return devset_tools.check_set(
        HERE, required=('id', 'repo', 'commit', 'path', 'site', 'kind', 'format'),
        formats=('text', 'html', 'text+html'), check_entry=check_raw_file)


if __name__ == '__main__':
    sys.exit(main())
