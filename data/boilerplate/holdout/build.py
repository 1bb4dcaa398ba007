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
import re
import sys

import lxml.html
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(HERE, 'raw')
ART = os.path.join(HERE, 'articles')

HTML_BODY_MD = {'208'}

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


def html_lines(text):
    doc = lxml.html.document_fromstring(text)
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


def front_matter_then_html(text):
    src = text.replace('\r\n', '\n').split('\n')
    if src[0].rstrip() != '---':
        raise ValueError('no front matter')
    end = next(i for i in range(1, len(src)) if src[i].rstrip() == '---')
    return md_lines('\n'.join(src[:end + 1])) + html_lines('\n'.join(src[end + 1:]))


def build_one(name):
    path = os.path.join(RAW, name)
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    aid = name.split('.')[0]
    if name.endswith('.md') and aid in HTML_BODY_MD:
        lines = front_matter_then_html(text)
    elif name.endswith('.md'):
        lines = md_lines(text)
    elif name.endswith('.html'):
        lines = html_lines(text)
    else:
        raise ValueError(name)
    return '\n'.join(lines) + '\n'


def main():
    check = '--check' in sys.argv[1:]
    os.makedirs(ART, exist_ok=True)
    bad = 0
    for name in sorted(os.listdir(RAW)):
        if not (name.endswith('.md') or name.endswith('.html')):
            continue
        out = build_one(name)
        target = os.path.join(ART, name.split('.')[0] + '.txt')
        if check:
            cur = open(target, encoding='utf-8', newline='').read() if os.path.exists(target) else None
            if cur != out:
                print('out of date: %s' % target)
                bad += 1
        else:
            with open(target, 'w', encoding='utf-8', newline='') as f:
                f.write(out)
    if check:
        print('build check: %s' % ('OK' if not bad else '%d file(s) differ' % bad))
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
