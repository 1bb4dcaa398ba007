#!/usr/bin/env python3
"""Flatten whole saved HTML pages (pages/NNN.html) into lines (lines/NNN.txt). Deterministic.

Same approach as ../boilerplate/extra/build.py (html_lines), plus stand-alone images:

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
import re
import sys

import lxml.html
from lxml import etree

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, 'pages')
LINES = os.path.join(HERE, 'lines')

BLOCK = {
    'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
    'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
    'menu', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'pre', 'section', 'select',
    'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
}
DROP = {'head', 'script', 'style', 'noscript', 'template'}
WS = re.compile(r'\s+')


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


def _tag(el):
    return el.tag.lower() if isinstance(el.tag, str) else ''


def _img_src(el):
    for attr in ('src', 'data-src', 'data-original'):
        v = (el.get(attr) or '').strip()
        if v:
            return v
    return ''


def html_lines(text):
    parser = lxml.html.HTMLParser(encoding='utf-8')
    doc = lxml.html.document_fromstring(text.encode('utf-8'), parser=parser)
    for node in list(doc.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove_keep_tail(node)
    for node in list(doc.iter()):
        if _tag(node) in DROP:
            _remove_keep_tail(node)

    textless = {}

    def block_has_no_text(block):
        # keyed by the element itself (not id()): holding the proxy keeps it alive, so a
        # recycled id() can never return another block's cached answer
        if block not in textless:
            textless[block] = not WS.sub('', block.text_content())
        return textless[block]

    def standalone(img):
        anc = img.getparent()
        while anc is not None and _tag(anc) not in BLOCK:
            anc = anc.getparent()
        return anc is not None and block_has_no_text(anc)

    lines = []
    buf = []

    def flush():
        s = WS.sub(' ', ''.join(buf)).strip()
        buf.clear()
        if s:
            lines.append(s)

    def walk(el):
        tag = _tag(el)
        if tag == 'br':
            flush()
        elif tag == 'img':
            src = _img_src(el)
            if src and standalone(el):
                flush()
                alt = WS.sub(' ', el.get('alt') or '').strip()
                lines.append('![%s](%s)' % (alt, src))
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


def flatten_file(path):
    with open(path, encoding='utf-8', newline='') as f:
        text = f.read()
    return '\n'.join(html_lines(text)) + '\n'


def main():
    check = '--check' in sys.argv[1:]
    bad = 0
    os.makedirs(LINES, exist_ok=True)
    for name in sorted(os.listdir(PAGES)):
        if not name.endswith('.html'):
            continue
        nid = name[:-5]
        out = flatten_file(os.path.join(PAGES, name))
        target = os.path.join(LINES, nid + '.txt')
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
        print('flatten check:', 'OK' if not bad else '%d file(s) differ' % bad)
        sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
