#!/usr/bin/env python3
"""Flatten whole saved HTML pages (pages/NNN.html) into lines (lines/NNN.txt). Deterministic.

Same approach as ../boilerplate/extra/build.py (html_lines, shared: ../boilerplate/devset_tools.py),
plus stand-alone images:

* The file is read as UTF-8 (no newline translation) and parsed with lxml.html using an explicit
  UTF-8 parser (so a stale <meta charset="gb2312"> in a saved page is ignored).
* <head>, <script>, <style>, <noscript>, <template>, HTML comments and processing instructions
  are removed (the tail text that follows a removed node is kept).
* The whole remaining document is walked.  Every block-level element (p, div, li, h1-h6, td, th,
  dt, dd, blockquote, pre, section, article, header, footer, nav, aside, figcaption, tr, table,
  ...; see BLOCK) starts and ends a line; <br> ends a line.  Inline elements (a, span, strong,
  font, em, ...) are part of the surrounding line.  Runs of whitespace (incl. NBSP and U+3000)
  become one space, lines are stripped, empty lines are dropped.
* Attribute values are not text.  Exception: an <img> whose nearest block-level ancestor contains
  no text at all (only images / empty inline wrappers) "stands alone" and becomes its own line
  ``![alt](src)``: alt whitespace-collapsed (may be empty), src = the src attribute, or data-src,
  or data-original when src is missing/empty (lazy-loaded images); an <img> with none of these is
  skipped.  Images inside a block that has text are not emitted.
* CSS is not evaluated: display:none blocks (hidden menus, pop-up layers) are in the output, as
  they would be in any text scrape of the page.

Usage:
    python flatten.py           # (re)write lines/NNN.txt for every pages/NNN.html
    python flatten.py --check   # verify lines/ is up to date (exit 1 otherwise)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, 'pages')
LINES = os.path.join(HERE, 'lines')
sys.dont_write_bytecode = True  # keep the data directory clean
# the flattener is shared with the boilerplate sets, so that the two kinds of set agree
sys.path.insert(0, os.path.join(os.path.dirname(HERE), 'boilerplate'))
import devset_tools  # noqa: E402


def flatten_file(path):
    text = devset_tools.read_source(path)
    return devset_tools.as_file(devset_tools.html_lines(text, utf8_parser=True, standalone_images=True))


def main():
    devset_tools.regenerate(PAGES, ('.html',), LINES, flatten_file, 'flatten')


if __name__ == '__main__':
    main()
