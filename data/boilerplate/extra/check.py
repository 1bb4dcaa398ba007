#!/usr/bin/env python3
"""Validate the extra boilerplate dev set.

Checks, for every articles/NNN.txt:
  * UTF-8, '\\n' line ends, no empty lines, no trailing whitespace, file ends with '\\n';
  * labels/NNN.jsonl exists and has exactly one JSON object per article line, in order, with
    keys {line, text, keep, reason}: line == 1-based line number, text == the article line,
    keep is a bool, keep == (reason is None), reason in the allowed set;
and for the set as a whole:
  * no label file without an article; index.json lists exactly the article ids and has the
    required fields; label_summary.json equals the counts recomputed from the labels;
  * `build.py --check` passes (articles regenerate exactly from raw/).
Exit status 0 iff everything passes.  `python check.py --write-summary` (re)writes
label_summary.json from the labels first.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the data directory clean
sys.path.insert(0, os.path.dirname(HERE))
import devset_tools  # noqa: E402


def main():
    return devset_tools.check_set(
        HERE, required=('id', 'repo', 'commit', 'path', 'site', 'kind', 'format'),
        formats=('text', 'html'))


if __name__ == '__main__':
    sys.exit(main())
