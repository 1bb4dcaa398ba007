#!/usr/bin/env python3
"""Regenerate articles/NNN.txt from raw/NNN.{md,html} (deterministic).

raw/ holds verbatim copies of the source files (see SOURCES.md; each copy's length was checked
against the length reported for the stored file).

Markdown sources (raw/NNN.md):
    one source line = one output line; trailing whitespace stripped; empty (whitespace-only)
    lines dropped.  Nothing else is changed: YAML front matter, markdown syntax, image/link
    syntax and inline HTML stay exactly as stored.

Markdown source whose body is a WeChat HTML fragment (raw/208.md, a Jekyll post written by a
WeChat crawler: YAML front matter followed by the article's `<div id="js_content">` HTML):
    the front matter (from the first '---' line to the closing '---' line, fences included) is
    treated as markdown (one line per line); the rest is flattened as HTML (below).

HTML sources (raw/NNN.html, whole saved pages):
    parsed with lxml; <head>, <script>, <style>, <noscript>, <template>, comments and
    processing instructions are dropped; the whole remaining document is walked and the text
    of every block-level element (p, div, li, h1-h6, td, section, nav, footer, ...) becomes one
    line; <br> ends a line too; runs of whitespace (incl. NBSP and U+3000) are collapsed to one
    space and lines are stripped; empty lines are dropped.  Attribute values (alt, title, src)
    are not text and are not emitted.  CSS is not evaluated (display:none menus are emitted).
    (Same rules as ../extra/build.py.)

Usage:
    python build.py           # (re)write articles/NNN.txt for every raw file
    python build.py --check   # verify articles/ is up to date (exit 1 otherwise)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # keep the data directory clean
sys.path.insert(0, os.path.dirname(HERE))
import devset_tools  # noqa: E402

RAW = os.path.join(HERE, 'raw')
ART = os.path.join(HERE, 'articles')

HTML_BODY_MD = {'208'}


def build_one(path):
    return devset_tools.build_article(path, html_body_md=HTML_BODY_MD)


def main():
    devset_tools.regenerate(RAW, ('.md', '.html'), ART, build_one, 'build',
                            stale_msg='out of date: %s', report=False)


if __name__ == '__main__':
    main()
