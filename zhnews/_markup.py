"""The markup-free *matching form* of a scraped line (markdown, HTML remnants, URLs).

Shared by the boilerplate rules and the duplicate finder.  Every regular expression
here has bounded repetition over disjoint classes, so a line of any length is
processed in linear time.
"""

from __future__ import annotations

import re
import unicodedata

from .text import to_simplified

__all__ = ["IMAGE", "matching_form", "analyse", "text_content"]

IMAGE = "\ufffc"  # stands for an image in the matching form
# a URL may hold one level of parentheses (inline SVG placeholders: translate(-249,-126))
_URL_IN_PARENS = r"\((?:[^()\s]|\([^()\s]{0,300}\)){0,3000}\)?"
_MD_IMAGE_RE = re.compile(
    r"!\[[^\[\]\n]{0,300}\](?:\(data:[^()\n]{0,5000}\)?|" + _URL_IN_PARENS + r")|<img\b[^<>]{0,3000}>?", re.I
)
_MD_LINK_RE = re.compile(r"\[([^\[\]\n]{0,600})\]" + _URL_IN_PARENS)
_MD_EMPTY_LINK_RE = re.compile(r"\[\s*\]" + _URL_IN_PARENS)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。；！？）】]{1,3000}", re.I)
_HEADING_RE = re.compile(r"^\s{0,3}(?:#{1,6}|>+)\s*(?=\S)")
# a list bullet: "* ", "- ", "+ ", or a lone "*" glued to text that is not closed by
# another "*" at the end of the line (then it is emphasis: *图源企业*)
_BULLET_RE = re.compile(r"^\s*(?:[*+\-]\s+|\*(?!\*)(?!.*\*\s*$))")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_EMPHASIS_RE = re.compile(r"\*+|(?<![0-9A-Za-z])_+|_+(?![0-9A-Za-z])|~~|`|\+\+")
_SPACE_RE = re.compile(r"\s+")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][^<>\n]{0,300}>|<!--[^<>]{0,300}-->")
# embedded media: Hugo shortcodes ({{< video src=... >}}), <video>/<iframe>/<embed> elements
_EMBED_RE = re.compile(r"\{\{<\s*(?:video|figure|img|image|youtube|bilibili|audio|iframe)\b[^<>]{0,600}>\}\}|"
                       r"<(?:video|iframe|embed|audio)\b[^<>]{0,3000}>?", re.I)


def matching_form(line: str) -> str:
    """The form of a line that rules are matched against.

    Markdown images (and ``<img>``) become ``\\ufffc``; links keep their text; a bare
    URL becomes the word ``url``; emphasis, heading and quote marks and HTML tags are
    removed (a leading list bullet becomes ``•``); then NFKC (full-width ASCII becomes
    half-width), lower case, traditional → simplified, and runs of spaces become one.

    >>> matching_form("**点“在看”，變好看哦。** ![](https://x.cn/a.gif)")
    '点“在看”,变好看哦。 \\ufffc'
    >>> matching_form("* 《阿里已过万重山")
    '• 《阿里已过万重山'
    """
    return analyse(line)[0]


_MARKUP_CHARS_RE = re.compile(r"[!\[\]<>*_#`~\\+{}|]|https?:|www\.|^\s*-", re.I)


def _plain_form(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).lower()
    return _SPACE_RE.sub(" ", to_simplified(s)).strip()


def analyse(line: str) -> tuple[str, bool, int]:
    """Matching form, whether the line is only links/URLs, and how many characters of
    the form come from link texts."""
    if _MARKUP_CHARS_RE.search(line) is None:
        return _plain_form(line), False, 0  # most body lines: no markup at all
    s = _ESCAPE_RE.sub(r"\1", line)
    bullet = _BULLET_RE.match(s) is not None
    if bullet:
        s = _BULLET_RE.sub("", s, count=1)
    s = _HEADING_RE.sub("", s)
    s = _MD_IMAGE_RE.sub(IMAGE, s)
    s = _EMBED_RE.sub(IMAGE, s)
    had_link = "](" in s or _URL_RE.search(s) is not None
    link_chars = 0
    if had_link:
        link_chars = sum(len(_EMPHASIS_RE.sub("", m.group(1)).strip()) for m in _MD_LINK_RE.finditer(s))
        rest = _URL_RE.sub("", _MD_LINK_RE.sub("", s))
        link_only = not _EMPHASIS_RE.sub("", rest).strip(" \t|·•-–—:：>")
    else:
        link_only = False
    s = _MD_EMPTY_LINK_RE.sub("", s)
    s = _MD_LINK_RE.sub(r"\1", s)
    s = _URL_RE.sub(" url ", s)
    s = _HTML_TAG_RE.sub(" ", s)
    s = _EMPHASIS_RE.sub("", s)
    s = unicodedata.normalize("NFKC", s).lower()
    s = to_simplified(s)
    s = _SPACE_RE.sub(" ", s).strip()
    if bullet:
        s = "• " + s
    return s, link_only, link_chars


def text_content(line: str) -> str:
    """The line without markup, images, link targets or URLs (for deciding whether a
    paragraph has prose in it at all)."""
    s = _EMBED_RE.sub(" ", _MD_IMAGE_RE.sub(" ", _ESCAPE_RE.sub(r"\1", line)))
    s = _MD_LINK_RE.sub(r"\1", _MD_EMPTY_LINK_RE.sub("", s))
    s = _HTML_TAG_RE.sub(" ", _URL_RE.sub(" ", s))
    return s
