#!/usr/bin/env python3
"""Regenerate articles/NNN.txt from raw/NNN.{md,html,py} (deterministic; dev2 set, ids 301+).

Same flattening rules as ../extra/build.py (copied verbatim below).

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
import re
import sys

import ast

import lxml.html
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, 'raw')
ART = os.path.join(HERE, 'articles')

BLOCK = {
    'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
    'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
    'menu', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'pre', 'section', 'select',
    'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
}
DROP = {'head', 'script', 'style', 'noscript', 'template'}
WS = re.compile(r'\s+')


def md_lines(text):
    out = []
    for line in text.replace('\r\n', '\n').split('\n'):
        line = line.rstrip()
        if line:
            out.append(line)
    return out


def html_lines(text):
    doc = lxml.html.document_fromstring(text)
    # drop comments / processing instructions and the unwanted elements
    for node in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove_keep_tail(node)
    for node in list(doc.iter()):
        if isinstance(node.tag, str) and node.tag.lower() in DROP:
            _remove_keep_tail(node)

    lines = []
    buf = []

    def flush():
        s = WS.sub(' ', ''.join(buf)).strip()
        buf.clear()
        if s:
            lines.append(s)

    def walk(el):
        tag = el.tag.lower() if isinstance(el.tag, str) else ''
        if tag == 'br':
            flush()
        elif tag in BLOCK:
            flush()
            if el.text:
                buf.append(el.text)
            for child in el:
                walk(child)
            flush()
        else:
            if el.text:
                buf.append(el.text)
            for child in el:
                walk(child)
        if el.tail:
            buf.append(el.tail)

    walk(doc)
    flush()
    return lines


def _remove_keep_tail(node):
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    prev = node.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or '') + tail
        else:
            parent.text = (parent.text or '') + tail
    parent.remove(node)


def py_fixture_lines(text, var='test_data'):
    tree = ast.parse(text)
    value = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == var for t in node.targets):
            value = ast.literal_eval(node.value)
    if not isinstance(value, str):
        raise ValueError('no string %s in fixture' % var)
    out = []
    for line in re.split(r'\\n|\n', value):
        line = line.rstrip().lstrip(' \t')
        if line:
            out.append(line)
    return out


def build_one(name):
    path = os.path.join(RAW, name)
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    if name.endswith('.md'):
        lines = md_lines(text)
    elif name.endswith('.html'):
        lines = html_lines(text)
    elif name.endswith('.py'):
        lines = py_fixture_lines(text)
    else:
        raise ValueError(name)
    return '\n'.join(lines) + '\n'


def main():
    check = '--check' in sys.argv[1:]
    bad = 0
    os.makedirs(ART, exist_ok=True)
    for name in sorted(os.listdir(RAW)):
        if not name.endswith(('.md', '.html', '.py')):
            continue
        nid = name.split('.')[0]
        out = build_one(name)
        target = os.path.join(ART, nid + '.txt')
        if check:
            try:
                with open(target, encoding='utf-8', newline='') as f:
                    cur = f.read()
            except FileNotFoundError:
                cur = None
            if cur != out:
                print('OUT OF DATE:', target)
                bad += 1
        else:
            with open(target, 'w', encoding='utf-8', newline='') as f:
                f.write(out)
            print(nid, out.count('\n'), 'lines')
    if check:
        print('build check:', 'OK' if not bad else '%d file(s) differ' % bad)
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
