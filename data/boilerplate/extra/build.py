#!/usr/bin/env python3
"""Regenerate articles/NNN.txt from raw/NNN.{md,html,py} (deterministic).

Text sources (raw/NNN.md, verbatim copies of markdown files):
    one source line = one output line; trailing whitespace stripped; empty lines dropped.
    Nothing else is changed: YAML front matter, setext underlines ("=====", "-----"),
    markdown syntax, image/link syntax and inline HTML stay exactly as stored.

HTML sources (raw/NNN.html, verbatim copies of saved pages / HTML fragments):
    parsed with lxml; <head>, <script>, <style>, <noscript>, <template>, comments and
    processing instructions are dropped; the whole remaining document is walked and the text
    of every block-level element (p, div, li, h1-h6, td, section, nav, footer, ...) becomes one
    line; <br> ends a line too; runs of whitespace (incl. NBSP and U+3000) are collapsed to one
    space and lines are stripped; empty lines are dropped.  Attribute values (alt, title, src)
    are not text and are not emitted.  Text outside any block element (e.g. the markdown
    header "[title](url)\\n------" that duty-machine/news puts in front of its HTML fragments)
    is emitted like any other inline run.

Python test-fixture sources (raw/NNN.py, verbatim copies of a test file that embeds a scraped
page as a string literal):
    the file is parsed with `ast`; the value of the string assigned to `test_data` is the scrape.
    In that scrape the page's line breaks are stored as the two characters backslash + "n"
    (the scraper saved a JSON-escaped innerText); they, and real newlines, separate lines.
    Each line is stripped of trailing whitespace and of leading ASCII spaces/tabs (HTML source
    indentation; a leading full-width U+3000 paragraph indent is kept); empty lines are dropped.
    Nothing else is changed (the leaked `window.__NUXT__=...` script line stays, verbatim).

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


def main():
    devset_tools.regenerate(RAW, ('.md', '.html', '.py'), ART, devset_tools.build_article, 'build')


if __name__ == '__main__':
    main()
