"""Text primitives: decoding, paragraph and sentence splitting, normalisation, matching keys.

Everything here is a pure function over ``str`` and runs in linear time: the
regular expressions use only disjoint character classes, never nested
quantifiers, so no input can make them backtrack.

>>> split_paragraphs("标题\\r\\n\\r\\n\\u3000\\u3000第一段。\\n第二段。")
['标题', '第一段。', '第二段。']
>>> split_sentences("营收增长3.5%。他说：“很好！”然后……离开了")
['营收增长3.5%。', '他说：“很好！”', '然后……', '离开了']
>>> matching_key("抖音电商:以用户为中心，打造 有温度的购物体验！") == matching_key("抖音电商：以用户为中心,打造有温度的购物体验")
True
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from typing import Iterable, Sequence

from ._validate import require_str

__all__ = [
    "decode",
    "split_paragraphs",
    "split_sentences",
    "sentence_spans",
    "normalize",
    "matching_key",
    "to_simplified",
]

# Invisible characters that scrapers leave behind; they carry no text, so removing
# them is not a change of content.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_ZERO_WIDTH_RE = re.compile("[" + _ZERO_WIDTH + "]")
# Whitespace that str.strip() alone does not treat uniformly across Python versions,
# plus the ideographic space used for paragraph indentation in Chinese text.
_EDGE_SPACE = " \t\u00a0\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\x0b\x0c"
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def decode(data: bytes | bytearray | memoryview, *, encoding: str | None = None) -> str:
    """Decode scraped bytes to ``str``.

    A byte-order mark decides the encoding when present (UTF-8, UTF-16, UTF-32).
    Otherwise UTF-8 is tried, then GB18030 (a superset of GBK and GB2312, the usual
    encoding of mainland Chinese pages) and Big5 (Hong Kong, Taiwan): when both of
    those decode, the reading with more common Chinese characters wins.
    ``encoding=`` forces one encoding.

    Raises:
        TypeError: ``data`` is not bytes-like.
        ValueError: the bytes are not valid in any encoding tried; the message
            names the encodings.

    >>> decode("新闻".encode("gb18030"))
    '新闻'
    >>> decode(codecs.BOM_UTF8 + "新闻".encode("utf-8"))
    '新闻'
    >>> decode("臺灣經濟新聞報導".encode("big5"))
    '臺灣經濟新聞報導'
    """
    if isinstance(data, str):
        raise TypeError("decode() argument 'data' must be bytes, not str (it is already text)")
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"decode() argument 'data' must be bytes, not {type(data).__name__}")
    raw = bytes(data)
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except LookupError as exc:
            raise ValueError(f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"bytes are not valid {encoding} (at byte {exc.start}); tried: {encoding}"
            ) from exc
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(name)
            except UnicodeDecodeError as exc:
                raise ValueError(
                    f"bytes start with a {name} byte-order mark but are not valid {name} "
                    f"(at byte {exc.start}); tried: {name}"
                ) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not _mis_read_gb(text, raw):
            return text
        return raw.decode("gb18030")
    # Mainland pages are GB18030 (a superset of GBK/GB2312), Hong Kong and Taiwan ones
    # often Big5.  Big5 bytes also decode as (nonsensical) GB18030, so when both decode,
    # keep the reading with more common Chinese characters.
    candidates = []
    for name in ("gb18030", "big5"):
        try:
            candidates.append((name, raw.decode(name)))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise ValueError(
            "bytes could not be decoded; tried: utf-8, gb18030, big5"
            " (pass encoding=... to force one)"
        )
    if len(candidates) == 1:
        return candidates[0][1]
    return max(candidates, key=lambda nt: _common_share(nt[1]))[1]


def _mis_read_gb(text: str, raw: bytes) -> bool:
    """Whether valid UTF-8 is really GB18030: GB byte pairs such as D2 BB (一) are also
    well-formed two-byte UTF-8, so a "UTF-8" reading with no Chinese at all, made only of
    two-byte characters (Cyrillic, Greek, Latin extended), that reads as common Chinese
    in GB18030 is taken as GB18030."""
    wide = [ch for ch in text if not ch.isascii()]
    if len(wide) < 2 or any(ord(ch) > 0x7FF for ch in wide):
        return False
    try:
        gb = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return _common_share(gb) >= 0.95 and sum(1 for ch in gb if "\u4e00" <= ch <= "\u9fff") >= 2


def _common_share(text: str, sample: int = 4000) -> float:
    """Share of the first ``sample`` CJK characters that are common Chinese: in GB2312,
    directly or after traditional→simplified folding."""
    seen = common = 0
    for ch in text:
        if not ("\u3400" <= ch <= "\u9fff"):
            continue
        seen += 1
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            try:
                to_simplified(ch).encode("gb2312")
                common += 1
            except UnicodeEncodeError:
                pass
        if seen >= sample:
            break
    return common / seen if seen else 0.0


def _clean_line(line: str) -> str:
    return _ZERO_WIDTH_RE.sub("", line).strip(_EDGE_SPACE).strip()


def split_paragraphs(text: str | Sequence[str]) -> list[str]:
    """Split text into paragraphs: one per line, blank lines dropped.

    Any line break counts (``\\n``, ``\\r\\n``, ``\\r``, U+2028/U+2029).  Zero-width
    characters are removed and leading/trailing spaces (including NBSP and the
    ideographic space ``\\u3000`` used for indentation) are stripped; nothing else
    in the line changes.  A list of paragraphs is accepted too (each item may
    itself contain line breaks).

    >>> split_paragraphs(["第一段\\n第二段", "", "第三段"])
    ['第一段', '第二段', '第三段']
    """
    if isinstance(text, str):
        pieces: Iterable[str] = _LINE_BREAK_RE.split(text)
    elif isinstance(text, (list, tuple)):
        items = []
        for i, item in enumerate(text):
            if not isinstance(item, str):
                raise TypeError(
                    f"argument 'text' must be str or a list of str; item {i} is {type(item).__name__}"
                )
            items.extend(_LINE_BREAK_RE.split(item))
        pieces = items
    else:
        raise TypeError(f"argument 'text' must be str or a list of str, not {type(text).__name__}")
    out = []
    for piece in pieces:
        cleaned = _clean_line(piece)
        if cleaned:
            out.append(cleaned)
    return out


# --- sentences ---------------------------------------------------------------

_ENDERS = "。！？!?；;"
_CLOSERS = "”’\"'」』）)】》〕］]>〉"
# A sentence is: a run of non-ender characters, then either a run of enders, an
# ellipsis (…, ……, ...), or the end of the text; then any closing quotes/brackets.
# The classes are disjoint and each quantifier is possessive in effect, so the
# match is linear.
_SENTENCE_RE = re.compile(
    r"(?:[^" + _ENDERS + r"…\.\n]|\.(?!\.\.))*"           # body (a lone or double '.' is body: 3.5, U.S.)
    r"(?:[" + _ENDERS + r"]+|…+|\.{3,})?"                 # ender run or ellipsis
    r"(?:[" + _ENDERS + r"…]|[" + re.escape(_CLOSERS) + r"])*"  # closers (and enders after them: ”。)
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``.

    Spans exclude surrounding whitespace; line breaks always end a sentence.

    >>> sentence_spans("甲。乙！")
    [(0, 2), (2, 4)]
    """
    require_str(text, "text")
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _SENTENCE_RE.match(text, pos)
        end = m.end() if m else pos
        if end == pos:
            # a line break or an isolated character the pattern cannot start with
            end = pos + 1
        start, stop = pos, end
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
        pos = end
    return spans


def split_sentences(text: str) -> list[str]:
    """Split Chinese (or mixed) text into sentences.

    Sentences end at 。！？!?；; or an ellipsis (…, ……, ...) and at line breaks.
    Closing quotes and brackets stay with the sentence they close; decimals
    (3.5%) and abbreviations with single dots are not split.

    >>> split_sentences("他表示：“今年营收增长12.5%。”公司股价上涨？是的！！")
    ['他表示：“今年营收增长12.5%。”', '公司股价上涨？', '是的！！']
    """
    return [text[s:e] for s, e in sentence_spans(text)]


# --- normalisation -------------------------------------------------------------

_HALF_TO_FULL_PUNCT = {
    ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
}
_CJK_RANGES = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F),
)


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    for lo, hi in _CJK_RANGES:
        if lo <= cp <= hi:
            return True
    return False


def _is_cjk_context(ch: str) -> bool:
    return _is_cjk(ch) or ch in "，。！？；：、“”‘’「」『』（）《》【】…—"


_FULLWIDTH_ALNUM_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0b\uff0d\uff0e\uff0f\uff1c-\uff1e\uff20\uff3f\uff5e]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f]+")


def normalize(
    text: str,
    *,
    width: bool = True,
    whitespace: bool = True,
    traditional: bool = False,
) -> str:
    """Normalise text explicitly; nothing in zhnews does this unless asked.

    Args:
        text: the text.
        width: full-width letters, digits and ASCII symbols become half-width
            (``ＧＤＰ１２％`` → ``GDP12%``), and ASCII punctuation next to Chinese text
            becomes full-width (``抖音电商:以用户`` → ``抖音电商：以用户``).  Punctuation
            between digits or Latin letters (``3,000``, ``10:30``) is left alone.
        whitespace: runs of spaces (including NBSP and ideographic spaces) inside a
            line collapse to one space; spaces between two Chinese characters are
            removed; each line is stripped.  Line breaks are kept.
        traditional: convert traditional characters to simplified (character level,
            from OpenCC's table).

    >>> normalize("抖音电商:以用户为中心,ＧＤＰ增长３.５%  了")
    '抖音电商：以用户为中心，GDP增长3.5% 了'
    >>> normalize("價格上漲", traditional=True)
    '价格上涨'
    """
    require_str(text, "text")
    if traditional:
        text = to_simplified(text)
    if whitespace:
        text = "\n".join(_SPACES_RE.sub(" ", _ZERO_WIDTH_RE.sub("", line)).strip()
                         for line in _LINE_BREAK_RE.split(text))
    if width:
        text = _FULLWIDTH_ALNUM_RE.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)
        text = _widen_runs(text)
    if whitespace:
        text = "\n".join(_drop_spaces_between_cjk(line) for line in text.split("\n"))
    return text


_HALF_RUN_RE = re.compile(r"[,:;?!()][,:;?!() ]*")


def _widen_runs(text: str) -> str:
    """Widen runs of ASCII punctuation that sit in Chinese context.  A run is decided as a
    whole from the nearest characters outside it, so widening is idempotent: a second
    pass sees the same context."""

    def repl(m: re.Match) -> str:
        run = m.group()
        core = run.rstrip(" ")
        prev = _neighbour(text, m.start(), -1)
        nxt = _neighbour(text, m.start() + len(core) - 1, 1)
        between_ascii = prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum() and prev and nxt
        if between_ascii and not any(ch in "()" for ch in core):
            return run  # 3,000  10:30  a:b
        if not ((prev and _is_cjk_context(prev)) or (nxt and _is_cjk_context(nxt))):
            return run
        return "".join(_HALF_TO_FULL_PUNCT.get(ch, ch) for ch in core) + run[len(core):]

    return _HALF_RUN_RE.sub(repl, text)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t\u3000":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _drop_spaces_between_cjk(line: str) -> str:
    if " " not in line:
        return line
    out = []
    n = len(line)
    for i, ch in enumerate(line):
        if ch == " " and 0 < i < n - 1 and _is_cjk_context(line[i - 1]) and _is_cjk_context(line[i + 1]):
            continue
        out.append(ch)
    return "".join(out)


# --- matching keys ---------------------------------------------------------------

_KEY_DROP_RE = re.compile(r"[\W_]+")


@functools.lru_cache(maxsize=65536)
def _matching_key(text: str, traditional: bool) -> str:
    folded = unicodedata.normalize("NFKC", text).lower()
    if traditional:
        folded = to_simplified(folded)
    return _KEY_DROP_RE.sub("", folded)


def matching_key(text: str, *, traditional: bool = True) -> str:
    """A comparison key: NFKC, lower case, traditional→simplified, and only letters,
    digits and CJK characters kept (punctuation, symbols, marks, spaces and markup dropped).

    Two paragraphs with the same key say the same thing in the same words; the key
    is for comparing, never for output.

    >>> matching_key("GDP 同比增長 3.5%！")
    'gdp同比增长35'
    """
    require_str(text, "text")
    return _matching_key(text, traditional)


def to_simplified(text: str) -> str:
    """Convert traditional Chinese characters to simplified, character by character.

    Uses the single-character table of OpenCC (``resources/t2s_chars.tsv``); a
    character-level mapping is enough for matching and rule lookup, and the
    output text of zhnews is never converted unless the user asks.

    >>> to_simplified("經濟增長與發展")
    '经济增长与发展'
    """
    require_str(text, "text")
    table, trad_chars = _t2s()
    if trad_chars.isdisjoint(text):  # most text has no traditional character at all
        return text
    return text.translate(table)


_T2S: tuple[dict[int, int], frozenset[str]] | None = None


def _t2s() -> tuple[dict[int, int], frozenset[str]]:
    global _T2S
    if _T2S is None:
        from .resources import t2s_table

        table = t2s_table()
        _T2S = (table, frozenset(chr(c) for c in table))
    return _T2S
