"""Code shared by the dev-set helper scripts.

Used by boilerplate/{extra,dev2,holdout}/build.py and check.py and by ../html/flatten.py.  Each
script keeps its own docstring (the rules of its set), its command line and its set-specific
parts; this module has what they do the same way:

* source -> lines: md_lines, html_lines, py_fixture_lines, front_matter_then_html, and
  build_article, which picks one by the raw file's suffix;
* regenerate: the `python build.py` / `python build.py --check` loop over a folder of sources;
* check_set: the boilerplate check.py validation (articles, labels, index.json, label_summary.json,
  build reproducibility).

Outputs must stay byte-identical to what the sets were built with: change a rule here only
together with the affected articles/ and lines/ files.
"""
import ast
import json
import os
import re
import subprocess
import sys
from collections import Counter

import lxml.html
from lxml import etree

BLOCK = {
    'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
    'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
    'menu', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'pre', 'section', 'select',
    'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
}
DROP = {'head', 'script', 'style', 'noscript', 'template'}
WS = re.compile(r'\s+')

REASONS = {'byline', 'editor', 'timestamp', 'copyright', 'disclaimer', 'call_to_action', 'ad',
           'related_links', 'app_chrome', 'duplicate', 'other'}


# ---------------------------------------------------------------------------------------------
# source -> lines

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


def _tag(el):
    return el.tag.lower() if isinstance(el.tag, str) else ''


def _img_src(el):
    for attr in ('src', 'data-src', 'data-original'):
        v = (el.get(attr) or '').strip()
        if v:
            return v
    return ''


def html_lines(text, utf8_parser=False, standalone_images=False):
    """One line per block-level element; see the calling script's docstring for the rules.

    The boilerplate sets use the defaults.  html/flatten.py sets both flags: utf8_parser parses
    the UTF-8 bytes with an explicit UTF-8 parser (a stale <meta charset="gb2312"> in a re-saved
    page would otherwise change the decoding), standalone_images emits an <img> whose nearest
    block ancestor has no text as its own line ``![alt](src)``.
    """
    if utf8_parser:
        parser = lxml.html.HTMLParser(encoding='utf-8')
        doc = lxml.html.document_fromstring(text.encode('utf-8'), parser=parser)
    else:
        doc = lxml.html.document_fromstring(text)
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
        elif tag == 'img' and standalone_images:
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
    # the scraper stored the page's line breaks JSON-escaped, as backslash + "n"
    for line in re.split(r'\\n|\n', value):
        line = line.rstrip().lstrip(' \t')
        if line:
            out.append(line)
    return out


def read_source(path):
    # newline='' so that CRs in the stored copy reach the flattener unchanged
    with open(path, encoding='utf-8', newline='') as f:
        return f.read()


def as_file(lines):
    return '\n'.join(lines) + '\n'


def front_matter_then_html(text):
    """YAML front matter line by line (fences included), then the rest flattened as HTML."""
    src = text.replace('\r\n', '\n').split('\n')
    if src[0].rstrip() != '---':
        raise ValueError('no front matter')
    end = next(i for i in range(1, len(src)) if src[i].rstrip() == '---')
    return md_lines('\n'.join(src[:end + 1])) + html_lines('\n'.join(src[end + 1:]))


def build_article(path, html_body_md=()):
    """raw/NNN.{md,html,py} -> article text (the boilerplate sets).

    html_body_md: ids whose .md file is front matter followed by an HTML body (holdout 208).
    """
    name = os.path.basename(path)
    text = read_source(path)
    if name.endswith('.md') and name.split('.')[0] in html_body_md:
        lines = front_matter_then_html(text)
    elif name.endswith('.md'):
        lines = md_lines(text)
    elif name.endswith('.html'):
        lines = html_lines(text)
    elif name.endswith('.py'):
        lines = py_fixture_lines(text)
    else:
        raise ValueError(name)
    return as_file(lines)


# ---------------------------------------------------------------------------------------------
# regenerate / --check

def regenerate(src_dir, suffixes, out_dir, render, label, stale_msg='OUT OF DATE: %s',
               report=True):
    """`python SCRIPT` writes out_dir/ID.txt = render(path) for every source in src_dir whose
    name ends with one of `suffixes` (ID = the name up to its first dot); `--check` compares
    instead and exits 1 if any file differs.  `label` names the check in its last line,
    `report` prints one line per file written.
    """
    check = '--check' in sys.argv[1:]
    bad = 0
    os.makedirs(out_dir, exist_ok=True)
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(suffixes):
            continue
        nid = name.split('.')[0]
        out = render(os.path.join(src_dir, name))
        target = os.path.join(out_dir, nid + '.txt')
        if check:
            try:
                with open(target, encoding='utf-8', newline='') as f:
                    cur = f.read()
            except FileNotFoundError:
                cur = None
            if cur != out:
                print(stale_msg % target)
                bad += 1
        else:
            with open(target, 'w', encoding='utf-8', newline='') as f:
                f.write(out)
            if report:
                print(nid, out.count('\n'), 'lines')
    if check:
        print('%s check: %s' % (label, 'OK' if not bad else '%d file(s) differ' % bad))
        sys.exit(1 if bad else 0)


# ---------------------------------------------------------------------------------------------
# boilerplate check.py

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


def check_set(here, required, formats, check_entry=None):
    """Validate the boilerplate set in folder `here` (what its check.py docstring lists).

    required: index.json fields that must be non-empty; formats: allowed values of "format";
    check_entry(entry, err), if given, adds the set's own index.json checks for one entry.
    Prints the errors and the summary line; returns the exit status.
    """
    errors = []
    err = errors.append

    art_dir = os.path.join(here, 'articles')
    lab_dir = os.path.join(here, 'labels')
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

    ip = os.path.join(here, 'index.json')
    if os.path.exists(ip):
        index = json.load(open(ip, encoding='utf-8'))
        idx_ids = [e.get('id') for e in index]
        if sorted(idx_ids) != ids:
            err('index.json ids %s != article ids %s' % (idx_ids, ids))
        for e in index:
            for k in required:
                if not e.get(k):
                    err('index.json %s: missing %s' % (e.get('id'), k))
            if not re.fullmatch(r'[0-9a-f]{40}', e.get('commit', '')):
                err('index.json %s: commit is not 40 hex' % e.get('id'))
            if e.get('format') not in formats:
                err('index.json %s: format %r' % (e.get('id'), e.get('format')))
            if check_entry:
                check_entry(e, err)
    else:
        err('index.json missing')

    sp = os.path.join(here, 'label_summary.json')
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

    r = subprocess.run([sys.executable, os.path.join(here, 'build.py'), '--check'],
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
