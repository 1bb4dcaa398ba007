"""HTML page → paragraphs: the text blocks of a scraped page, and which of them lie
outside the article.

A page is parsed with lxml (which repairs broken markup), scripts, styles, forms and
hidden elements are dropped, and every block-level element's own text becomes one
paragraph (an image standing alone becomes ``![alt](src)``, ``<br>`` breaks a block).
Then the **main content** is found the way readability-style extractors do: every
text block votes for its ancestors with its length in Chinese characters and
punctuation, discounted by link density; the best-scoring container is the article.
Blocks outside it are removed with a reason read from the page structure (``nav``,
``footer``, ``aside``, class and id names such as ``breadcrumb``, ``related``,
``comment``, ``share``); the headline (``<h1>``) is kept even when it sits above the
container.  Blocks inside it go on to the ordinary boilerplate rules.

>>> page = '''<html><head><title>央行降准_新浪财经</title></head><body>
... <div class="nav"><a href="/">首页</a> <a href="/f">财经</a></div>
... <h1>央行宣布降准0.5个百分点</h1>
... <div class="article"><p>中国人民银行决定于5月15日下调存款准备金率0.5个百分点，释放长期资金约1万亿元。</p>
... <p>央行有关负责人表示，此次降准是为了保持流动性合理充裕。</p><p>责任编辑：张三</p></div>
... <div class="footer">版权所有 © 新浪网</div></body></html>'''
>>> blocks = html_blocks(page)
>>> [(b.text, b.outside) for b in blocks][:2]
[('首页 财经', 'other'), ('央行宣布降准0.5个百分点', None)]
>>> paragraphs, title = html_to_paragraphs(page)
>>> title
'央行宣布降准0.5个百分点'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ._validate import require_str

__all__ = ["HtmlBlock", "html_blocks", "html_to_paragraphs"]

_DROP_TAGS = {
    "script", "style", "noscript", "template", "svg", "canvas", "form", "button", "select", "input",
    "textarea", "option", "head", "iframe", "object", "embed", "map", "audio", "video",
}
_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
    "table", "tbody", "thead", "tfoot", "section", "article", "main", "header", "footer", "nav", "aside",
    "blockquote", "pre", "figure", "figcaption", "address", "center", "hr", "body", "html", "caption",
}
_CONTAINER_TAGS = {"div", "article", "section", "main", "td", "body", "center", "ul", "ol", "dl", "table", "tbody"}
# region hints from tags and from class/id tokens, most specific first
_TAG_REGIONS = {"nav": "other", "footer": "other", "aside": "related_links", "header": "other"}
_NAME_REGIONS = (
    (re.compile(r"breadcrumb|crumb|(^|[-_ ])(nav|navbar|menu|topbar|top-bar|sitenav|channel)([-_ ]|$)|position|location"), "other"),
    (re.compile(r"comment|reply|discuss|pinglun"), "app_chrome"),
    (re.compile(r"share|social|toolbar|tool-bar|bdshare|jiathis|fav|collect"), "app_chrome"),
    (re.compile(r"related|recommend|relate|rec-|hot|rank|popular|more-news|morenews|tuijian|xgyd|xiangguan|guess"), "related_links"),
    (re.compile(r"(^|[-_ ])(ad|ads|adv|advert|advertisement|banner|sponsor|promo|guanggao)([-_ ]|$)"), "ad"),
    (re.compile(r"copyright|footer|foot|bottom|site-info|siteinfo|icp"), "other"),
    (re.compile(r"sidebar|side-bar|(^|[-_ ])(side|aside|right|left-nav)([-_ ]|$)|widget"), "related_links"),
    (re.compile(r"login|signin|register|user-?bar|account"), "app_chrome"),
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE_RE = re.compile(r"\s+")
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_PUNCT_RE = re.compile(r"[，。！？；、：,.!?;]")
_SITE_SUFFIX_RE = re.compile(r"\s*[-_|｜—–]+\s*[^-_|｜—–]{1,30}$")


@dataclass(frozen=True)
class HtmlBlock:
    """One text block of a page.

    Attributes:
        text: the block's text, whitespace collapsed (an image is ``![alt](src)``).
        tag: the element's tag.
        outside: ``None`` inside the main content; otherwise the reason the block is
            not article text (from the page structure).
        heading: the block is the page's headline (``<h1>``, or the ``<title>`` text).
    """

    text: str
    tag: str
    outside: str | None
    heading: bool = False


def _region_of(el) -> str | None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _TAG_REGIONS:
        return _TAG_REGIONS[tag]
    names = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role")))).lower()
    if not names:
        return None
    if names in ("main", "content", "article") or "article" in names or "content" in names:
        return None
    for regex, reason in _NAME_REGIONS:
        if regex.search(names):
            return reason
    return None


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def _parse(html: str):
    import lxml.html
    from lxml import etree

    text = html.strip()
    if not text:
        return None
    # lxml refuses str input with an encoding declaration
    text = re.sub(r"^\s*<\?xml[^>]{0,200}\?>", "", text)
    try:
        # huge_tree: libxml2 otherwise stops at 256 levels of nesting and drops the rest
        return lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):
        return None


def _page_title(root) -> str | None:
    for el in root.iter("title"):
        t = _SPACE_RE.sub(" ", el.text_content() or "").strip()
        if t:
            return t
    return None


class _Flattener:
    """Walks the tree once, collecting blocks with their element and region.  The walk
    uses an explicit stack, so a page nested thousands of levels deep cannot exhaust
    Python's recursion limit."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str, object, str | None]] = []  # text, tag, element, region

    def _emit(self, parts: list[str], tag: str, el, region: str | None) -> None:
        text = _SPACE_RE.sub(" ", "".join(parts)).strip()
        if text:
            self.blocks.append((text, tag, el, region))
        parts.clear()

    def run(self, root) -> None:
        tag = root.tag if isinstance(root.tag, str) else ""
        stack = [(root, tag, _region_of(root), [root.text or ""], iter(root))]
        while stack:
            el, tag, region, parts, children = stack[-1]
            child = next(children, None)
            if child is None:
                self._emit(parts, tag, el, region)
                stack.pop()
                if stack and el.tail:
                    stack[-1][3].append(el.tail)
                continue
            ctag = child.tag if isinstance(child.tag, str) else ""
            if not ctag or ctag in _DROP_TAGS or _hidden(child):
                if child.tail:
                    parts.append(child.tail)
                continue
            if ctag in _BLOCK_TAGS:
                self._emit(parts, tag, el, region)
                stack.append((child, ctag, _region_of(child) or region, [child.text or ""], iter(child)))
                continue  # its tail is added to this block when it is done
            if ctag == "br":
                self._emit(parts, tag, el, region)
            elif ctag == "img":
                src = child.get("src") or child.get("data-src") or child.get("data-original") or ""
                alt = _SPACE_RE.sub(" ", child.get("alt") or "").strip()
                if src and not "".join(parts).strip():
                    self._emit(parts, tag, el, region)
                    self.blocks.append((f"![{alt}]({src})", "img", child, _region_of(child) or region))
                elif src:
                    parts.append(f"![{alt}]({src})")
            else:
                parts.append(_inline_text(child))
            if child.tail:
                parts.append(child.tail)


def _inline_text(el) -> str:
    """The text of an inline element, without scripts or hidden parts (iterative)."""
    out = [el.text or ""]
    stack = [iter(el)]
    tails: list[str] = []
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            if tails:
                out.append(tails.pop())
            continue
        ctag = child.tag if isinstance(child.tag, str) else ""
        if not ctag or ctag in _DROP_TAGS or _hidden(child):
            if child.tail:
                out.append(child.tail)
            continue
        if ctag == "br":
            out.append(" ")
            if child.tail:
                out.append(child.tail)
            continue
        out.append(" " if ctag in _BLOCK_TAGS else "")
        out.append(child.text or "")
        stack.append(iter(child))
        tails.append((" " if ctag in _BLOCK_TAGS else "") + (child.tail or ""))
    return "".join(out)


def _link_chars(el) -> int:
    return sum(len(_SPACE_RE.sub("", a.text_content() or "")) for a in el.iter("a"))


def _score_block(text: str, el) -> float:
    """How much a block looks like article prose: Chinese characters and punctuation,
    discounted by the share of its text that is link text."""
    if text.startswith("!["):
        return 0.0
    cjk = len(_CJK_RE.findall(text))
    if cjk < 4:
        return 0.0
    punct = len(_PUNCT_RE.findall(text))
    compact = len(_SPACE_RE.sub("", text)) or 1
    try:
        links = min(_link_chars(el), compact) if el.tag in ("p", "div", "td", "li", "section", "article") else 0
    except (TypeError, ValueError):
        links = 0
    density = links / compact
    return (cjk + 3 * punct) * (1.0 - density) ** 2


def _main_container(blocks, root):
    """The element whose subtree holds the most article-like text, favouring a tight
    container: each scoring block adds its score to its element and, decaying, to the
    ancestors; the winner is the ancestor with the best total."""
    totals: dict = {}
    for text, tag, el, region in blocks:
        s = _score_block(text, el)
        if s <= 0:
            continue
        node, weight, depth = el, 1.0, 0
        while node is not None and depth < 6:
            if isinstance(node.tag, str) and node.tag in _CONTAINER_TAGS | {"p"}:
                totals[node] = totals.get(node, 0.0) + s * weight
            node = node.getparent()
            weight *= 0.6
            depth += 1
    candidates = [(v, n) for n, v in totals.items() if n.tag in _CONTAINER_TAGS]
    if not candidates:
        return None
    best = max(candidates, key=lambda vn: vn[0])[1]
    return best


def _ancestors(el) -> Iterator:
    node = el
    while node is not None:
        yield node
        node = node.getparent()


_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})?[^<>]{0,3000}>")
_RAW_TAGS = ("script", "style", "noscript", "template")


def _strip_tags_text(html: str) -> str:
    """Visible text of a page by plain scanning: scripts and styles cut out with
    ``str.find`` (an unclosed one runs to the end, as browsers read it), block tags
    become line breaks, other tags vanish, entities are decoded.  Linear time; the
    fallback when lxml cannot build the tree (libxml2 gives up on pages nested
    thousands of levels deep)."""
    import html as html_lib

    lower = html.lower()
    pieces = []
    pos = 0
    while True:
        starts = [(lower.find("<" + t, pos), t) for t in _RAW_TAGS]
        starts = [(i, t) for i, t in starts if i >= 0]
        if not starts:
            pieces.append(html[pos:])
            break
        i, t = min(starts)
        pieces.append(html[pos:i])
        end = lower.find("</" + t, i)
        if end < 0:
            break
        close = lower.find(">", end)
        pos = len(html) if close < 0 else close + 1

    def tag(m: re.Match) -> str:
        name = (m.group(2) or "").lower()
        return "\n" if name in _BLOCK_TAGS or name == "br" else ""

    text = _TAG_RE.sub(tag, "".join(pieces))
    return html_lib.unescape(text)


def html_blocks(html: str) -> list[HtmlBlock]:
    """The page's text blocks in document order, each marked inside or outside the
    main content.  Never raises on a ``str``: unparseable input gives ``[]``."""
    require_str(html, "html")
    root = _parse(html)
    blocks: list = []
    if root is not None:
        flat = _Flattener()
        body = root.find("body")
        flat.run(body if body is not None else root)
        blocks = flat.blocks
    kept_chars = sum(len(b[0]) for b in blocks)
    visible = None
    if root is None or kept_chars < 1000:
        # small or empty result: make sure the parser did not lose the page's text
        visible = [_SPACE_RE.sub(" ", line).strip() for line in _strip_tags_text(html).splitlines()]
        visible = [line for line in visible if line]
        if sum(len(line) for line in visible) > 2 * kept_chars:
            return [HtmlBlock(text=line, tag="", outside=None) for line in visible]
    if not blocks:
        return []
    main = _main_container(blocks, root)
    title_text = _page_title(root)
    title_key = _SITE_SUFFIX_RE.sub("", title_text or "").strip()
    h1_done = False
    out: list[HtmlBlock] = []
    main_start = None
    for k, (text, tag, el, region) in enumerate(blocks):
        inside = main is None or any(a is main for a in _ancestors(el))
        if inside and main_start is None:
            main_start = k
    for k, (text, tag, el, region) in enumerate(blocks):
        inside = main is None or any(a is main for a in _ancestors(el))
        heading = False
        if not h1_done and (tag == "h1" or (title_key and len(title_key) >= 4 and text == title_key)):
            # the headline often sits just above the article's container
            if main_start is None or k <= main_start or inside:
                heading, h1_done = True, True
        if inside or heading:
            out.append(HtmlBlock(text=text, tag=tag, outside=None, heading=heading))
        else:
            out.append(HtmlBlock(text=text, tag=tag, outside=region or "other"))
    return out


def html_to_paragraphs(html: str) -> tuple[list[str], str | None]:
    """All text blocks of the page as paragraphs, and the headline (``<h1>`` or the
    ``<title>`` without its site suffix).  Use :func:`html_blocks` to see which blocks
    lie outside the main content; :func:`zhnews.clean` and :func:`zhnews.process`
    remove those with their reasons."""
    blocks = html_blocks(html)
    title = next((b.text for b in blocks if b.heading), None)
    if title is None:
        root = _parse(html)
        page_title = _page_title(root) if root is not None else None
        title = _SITE_SUFFIX_RE.sub("", page_title).strip() if page_title else None
    return [b.text for b in blocks], title
