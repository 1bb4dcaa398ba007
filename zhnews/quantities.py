"""Figures in Chinese news sentences: :func:`parse_quantities` and :class:`Quantity`.

Every number in a sentence becomes one :class:`Quantity`: Arabic digits always,
Chinese numerals when they express an amount (三成, 两倍, 四千万, 两千多万, 四分之一,
一半, 两家; not 第一, 两市, 四贷一保).  Values are fully scaled (万 = 1e4, 亿 = 1e8),
units normalised (人民币 → 元, 港币 → 港元, 美金 → 美元), and each figure says whether
it is a change (同比增长46%), against what, for which period, and whether it is a
figure at all (dates, codes, list numbers and metric-defining thresholds are not).
The output convention is ``shared/quantities.md`` plus the conventions in
``data/quantities/README.md``; docs/quantities.md summarises both.

>>> [(q.text, q.value, q.unit, q.change, q.basis) for q in parse_quantities("净利润2.71亿元，同比减少53.99%。")]
[('2.71亿元', 271000000, '元', None, None), ('53.99%', 53.99, '%', 'decrease', '同比')]

The parser is rule based: vocabularies (units, qualifier words, change verbs,
bases, period words, idioms) live in ``resources/quantities_lexicon.tsv`` and are
loaded on first use.  Every regular expression is anchored or uses disjoint
classes, and every look-around is bounded, so the time is linear in the input.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from decimal import Context, Decimal, localcontext
from typing import Iterable, Optional, Union

from ._validate import require_str
from .resources import resource_text, t2s_table
from .types import _DictMixin

__all__ = ["Quantity", "parse_quantities", "parse_number", "QUALIFIERS", "CHANGES", "NAMED_BASES"]

Number = Union[int, float]

#: The normalised qualifiers (besides ``None``).
QUALIFIERS = ("约", "近", "超过", "不足", "以上", "以下", "至少")
#: The values of :attr:`Quantity.change` (besides ``None``).
CHANGES = ("increase", "decrease")
#: Normalised bases; any other basis is a phrase as written (``较3月末``).
NAMED_BASES = ("同比", "环比", "较上年", "较年初")


@dataclass(frozen=True)
class Quantity(_DictMixin):
    """One number in a sentence.

    Attributes:
        text: the span as written: number + magnitude + unit, without qualifier
            words or verbs (``76.7亿元``, ``2万多人``, ``467元/股``, ``1个百分点``).
        start: offset of ``text`` in the sentence (``sentence[start:end] == text``).
        end: end offset (exclusive).
        value: the number fully scaled (15万 → 150000, 46% → 46.0, 九成 → 90.0,
            四分之一 → 25.0); ``None`` when vague (几十亿元) and for non-figures that
            are names, codes, dates or list numbers.  Integral values are ``int``,
            others ``float``; ``%`` and ``个百分点`` values are always ``float``.
        unit: the written unit, normalised (``元`` for 人民币/元人民币/块钱, ``港元``,
            ``美元``, ``%``, ``个百分点``, ``家``, ``个月`` …); ``""`` when none is written.
        qualifier: ``None`` or one of :data:`QUALIFIERS`.
        change: ``"increase"`` / ``"decrease"`` when the number *is* a change
            (增长46%, 缩短11小时), else ``None`` (levels 降至X, transactions 增持X).
        basis: what a change is measured against: ``同比``, ``环比``, ``较上年``,
            ``较年初`` or a phrase as written (``较3月末``); ``None`` without a change.
        period: the time expression the figure refers to, as a substring of the
            sentence (``2023年``, ``上半年``, ``6月末``), else ``None``.
        is_figure: ``False`` for dates and times, names and codes (5G, 01398),
            list and section numbers and numbers that only define a metric
            (``收益率超过6%的`` …); ``True`` otherwise.
    """

    text: str
    start: int
    end: int
    value: Optional[Number]
    unit: str = ""
    qualifier: Optional[str] = None
    change: Optional[str] = None
    basis: Optional[str] = None
    period: Optional[str] = None
    is_figure: bool = True


# --------------------------------------------------------------------------------------
# Characters and small tables
# --------------------------------------------------------------------------------------

# A same-length normalised view of the sentence: offsets never move.
_NORM = {0xFF10 + i: 0x30 + i for i in range(10)}
_NORM.update({0xFF21 + i: 0x41 + i for i in range(26)})
_NORM.update({0xFF41 + i: 0x61 + i for i in range(26)})
_NORM.update({ord("％"): "%", ord("．"): ".", ord("－"): "-", ord("−"): "-", ord("～"): "~",
              ord("＋"): "+", ord("／"): "/", ord("＊"): "*", ord("\u3000"): " ", ord("\xa0"): " ",
              ord("﹪"): "%"})

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6,
              "柒": 7, "捌": 8, "玖": 9}
_CN_MAGS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10**4, "亿": 10**8}

_MAX_DIGITS = 24          # longer digit runs are not numbers anyone wrote on purpose
_MAX_PIECES = 16          # digits + magnitudes in one numeral
_DEC = Context(prec=80)   # Decimal arithmetic never rounds a written number

# Punctuation that ends the scope of a qualifier; change/basis search also stops at
# these except 、 (an enumeration shares its verb: 减少311亿元、下滑163.5亿元).
_CLAUSE_END = set("，,。；;！？!?\n")
_QUAL_STOP = _CLAUSE_END | set("、：:（）()【】《》“”\"[]|=")
# Characters after a bare number that keep it an amount (60的股价, 3888了, 5000以上).
_FUNCTION_AFTER = set("的了以左上下内多余至到和及或与就都也还是为在于之间等被将已让给把向对从比较、")
# Characters before a bare number that make it an amount (借了7500, 收报3216).
_AMOUNT_BEFORE = set("了为是达有约近超逾共计用借还充花付收赚亏投存取扣送返给交缴欠赔罚获得值报价额费金要剩"
                     "于过到至破上下比较高低占仅只才余多跌涨升降增减")
# ... and after it: 18投8中, 50表示 are not names.
_AMOUNT_AFTER = set("投中胜负比表击战输赢")
# Words that, right before a Chinese numeral, make it part of a word (第一, 唯一, 万一, 周三);
# before a bare 一 also demonstratives (上一个工作日, 前一交易日).
_CN_BAD_BEFORE = ("第", "初", "周", "星期", "礼拜", "之", "统", "唯", "惟", "万", "专", "其", "单", "逐",
                  "同", "不", "划", "归", "独", "另", "某", "每")
_ONE_BAD_BEFORE = ("上", "下", "前", "后", "这", "那", "此", "该", "哪")
_BULLETS = set(" \t●▲■◆★☆·•-—>》】）)")
_LIST_AFTER = set("、.")
_OPEN_BRACKETS = set("(（[【《")
_CLOSE_BRACKETS = set(")）]】》")

_AR_RE = re.compile(r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?")
_DIGITS_RE = re.compile(r"[0-9]+")
_ALNUM_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z] [0-9] [A-Za-z](?![A-Za-z0-9])"
                       r"|[A-Za-z0-9]+(?:[.+\-][A-Za-z0-9]+)*\+?")
_LETTER_RE = re.compile(r"[A-Za-z]")
_NUM_UNIT_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?([A-Za-z]+)")
_CN_RUN_RE = re.compile(r"[一二两三四五六七八九十百千万亿几数壹贰叁肆伍陆柒捌玖拾佰仟零〇]+")
_ANY_NUMERAL_RE = re.compile(r"[0-9０-９一二两三四五六七八九十百千万亿几数壹贰叁肆伍陆柒捌玖拾佰仟半]")
_CAND_RE = re.compile(r"[0-9]|[一二两三四五六七八九十百千万亿几数壹贰叁肆伍陆柒捌玖拾佰仟]|半(?=个?[年月天小百基])")
_HALF_RE = re.compile(r"半(个月|个小时|个百分点|个基点|小时|年|天)(?![报度线结场])")

_YEAR_RE = re.compile(r"((?:19|20)[0-9]{2}) ?(?:年(度)?|财年)")
_MONTH_AFTER_YEAR_RE = re.compile(r" ?([0-9]{1,2}) ?月")
_DAY_RE = re.compile(r" ?([0-9]{1,2}) ?[日号]")
_ISO_RE = re.compile(r"(?:19|20)[0-9]{2}([-/.])([0-9]{1,2})\1([0-9]{1,2})(?![0-9])")
_CODE_DASH_RE = re.compile(r"[0-9]+-0[0-9]+(?![0-9])")
_Y2_RE = re.compile(r"[0-9]{2}年(?=[底初末中]|上半年|下半年|[0-9]{1,2}月|第|[一二三四]季度|度)")
_MONTH_RE = re.compile(r"([0-9]{1,2}) ?月")
_TIME_RE = re.compile(r"([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?(?![0-9]|\.[0-9])")
_GENERATION_RE = re.compile(r"[0-9]?[05]后(?![来面续期果再者])")
_CLOCK_RE = re.compile(r"([0-9]{1,2})[点时](?:[0-9]{1,2}分)?")
_DOT_DATE_RE = re.compile(r"[0-9]{1,2}·[0-9]{1,2}(?![0-9])")
_AR_FRAC_RE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})(?![0-9/])")
_CN_FRAC_RE = re.compile(r"([一二两三四五六七八九十百千万]{1,4}|[0-9]{1,4})分之"
                         r"([零〇一二两三四五六七八九十百千几]{1,6}|[0-9]{1,4}(?:\.[0-9]{1,6})?)")
_CLOCK_WORDS = ("凌晨", "上午", "下午", "晚上", "早上", "中午", "傍晚", "晚间", "早间", "夜里", "晚", "早")
_DATE_MOD_RE = re.compile(r"份|末|底|初|上旬|中旬|下旬|中(?=[，,。；;\s]|$)")
_BEFORE_QIAN = set("当目此之以提空事日史从")
_CLAUSE_END_RE = re.compile(r"[，。；;！？!?\n]")
_DATE_NEXT = set("年月日号财:·-/.点时后+")
_MONTH_TERM_RE = re.compile(r"期(?![间内限满末])")     # 3月期 is a term, 7月期间 a date
_PLUS_TERM_RE = re.compile(r"[0-9]{1,2}\+[0-9]{1,2}(?:个月|月|年|天)")
_DAY_ONLY_RE = re.compile(r"[0-9]{1,2} ?[日号]")
_ORD_PERIOD_RE = re.compile(r"第[一二三四五六七八九十]{1,3}个?(?:月|年|天|周)(?!度|份)")
_POST_QUAL_RE = re.compile(r"(?:[（(]含[）)])?")
_RANGE_GAP = {"-", "~", "—", "——", "–", "至", "到", " - ", " ~ ", " 至 ", " 到 "}
_OPEN_QUOTES = set("“\"「『‘")
_CLOSE_QUOTES = set("”\"」』’")
_VERSION_RE = re.compile(r"[0-9]\.0")
_SCORE_GAP = _RANGE_GAP | {"比", ":"}
_ENUM_GAP = {"、", "和", "及", "或", "与", "*", "×"}
_CODE_WORDS = ("代码", "行情", "编号", "代号")
_RANK_WORDS = ("排名", "排行", "排第", "位列", "名列", "排在")
_ADVERBS = ("都要", "还要", "大幅度", "大幅", "明显", "进一步", "再次", "已经", "分别", "都", "还", "要",
            "均", "已", "略", "稍", "小幅", "的", "了", "又", "也")
_CURRENCY_PREFIXES = ("人民币", "港币")
_WINDOW_BEFORE = ("过去的", "过去", "最近", "未来", "前")
# units of a difference: only these make 高于X N a change (高于同期贷款增速9.5个百分点)
_DIFF_UNITS = {"个百分点", "%", "个基点", "基点", "倍"}


# --------------------------------------------------------------------------------------
# The lexicon (resources/quantities_lexicon.tsv), loaded once on first use
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    word: str
    value: str
    flags: str
    not_before: str


class _Lexicon:
    def __init__(self, text: str) -> None:
        rows: dict[str, list[_Entry]] = {}
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            cols += ["-"] * (5 - len(cols))
            kind, word, value, flags, not_before = (c if c != "-" else "" for c in cols[:5])
            if not word:
                continue
            rows.setdefault(kind, []).append(_Entry(word, value, flags, not_before))
        self.units = _by_first(rows.get("unit", []))
        self.unit_first_chars = set(self.units)
        self.quals = _by_last(rows.get("qual", []))
        self.qualpost = _by_first(rows.get("qualpost", []))
        self.changes = _by_last(rows.get("change", []))
        self.changepost = _by_first(rows.get("changepost", []))
        self.markers = _by_last(rows.get("marker", []))
        self.bases = sorted(rows.get("basis", []), key=lambda e: len(e.word), reverse=True)
        periods = sorted(rows.get("period", []), key=lambda e: len(e.word), reverse=True)
        self.period_re = re.compile("|".join(re.escape(e.word) for e in periods))
        self.period_mod = {e.word for e in periods if "mod" in e.flags}
        self.period_not_before = {e.word: e.not_before for e in periods if e.not_before}
        self.pub = _by_first(rows.get("pub", []))
        self.idioms = _by_first(rows.get("idiom", []))
        self.idiom_max = max((len(e.word) for e in rows.get("idiom", [])), default=1)
        self.numnames = {e.word for e in rows.get("numname", [])}
        self.service = _by_first(rows.get("service", []))
        self.threshold = _by_first(rows.get("threshold", []))
        self.window_verbs = tuple(e.word for e in rows.get("windowverb", []))
        words = {e.word for e in rows.get("filler", []) + rows.get("qual", [])}
        self.fillers = _by_last(_Entry(w, "", "", "") for w in words)


def _by_first(entries: Iterable[_Entry]) -> dict[str, list[_Entry]]:
    table: dict[str, list[_Entry]] = {}
    for e in entries:
        table.setdefault(e.word[0], []).append(e)
    for lst in table.values():
        lst.sort(key=lambda e: len(e.word), reverse=True)
    return table


def _by_last(entries: Iterable[_Entry]) -> dict[str, list[_Entry]]:
    table: dict[str, list[_Entry]] = {}
    for e in entries:
        table.setdefault(e.word[-1], []).append(e)
    for lst in table.values():
        lst.sort(key=lambda e: len(e.word), reverse=True)
    return table


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(resource_text("quantities_lexicon.tsv"))


def _word_at(s: str, i: int, table: dict[str, list[_Entry]]) -> Optional[_Entry]:
    """The longest entry of ``table`` starting at ``i`` (its not_before respected)."""
    if i >= len(s):
        return None
    for e in table.get(s[i], ()):
        if s.startswith(e.word, i):
            j = i + len(e.word)
            if e.not_before and j < len(s) and s[j] in e.not_before:
                continue
            return e
    return None


def _word_ending(s: str, e: int, table: dict[str, list[_Entry]], lo: int) -> Optional[_Entry]:
    """The longest entry of ``table`` ending at ``e`` and starting at or after ``lo``."""
    if e <= lo:
        return None
    for ent in table.get(s[e - 1], ()):
        b = e - len(ent.word)
        if b >= lo and s.startswith(ent.word, b):
            return ent
    return None


# --------------------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------------------

class _Body:
    """A numeral as read: its pieces, where it ends and how it is qualified."""

    __slots__ = ("end", "pieces", "approx", "vague", "lead", "too_long")

    def __init__(self) -> None:
        self.end = 0
        self.pieces: list[tuple] = []   # ("n", Decimal | None, literal) or ("m", int)
        self.approx = False             # 多/余/点几 inside the numeral
        self.vague = False              # 几, 数, 六七
        self.lead = ""                  # "ar", "cn" or "mag"
        self.too_long = False


def _scan_body(s: str, p: int) -> Optional[_Body]:
    """Read the numeral starting at ``p`` (Arabic, Chinese or mixed, with 万/亿)."""
    n = len(s)
    b = _Body()
    pieces = b.pieces
    i = p
    lex = _lexicon()
    while i < n and len(pieces) < _MAX_PIECES:
        c = s[i]
        if "0" <= c <= "9":
            if pieces:
                last = pieces[-1]
                # Arabic digits only continue a numeral after 万/亿 (3亿5000万, 7亿8千)
                if last[0] != "m" or last[1] < 10**4 or b.lead != "ar":
                    break
            m = _AR_RE.match(s, i)
            lit = m.group()
            if len(lit) - lit.count(",") - lit.count(".") > _MAX_DIGITS:
                b.too_long = True
                b.end = m.end()
                return b
            pieces.append(("n", Decimal(lit.replace(",", "")), lit))
            b.lead = b.lead or "ar"
            i = m.end()
        elif c in _CN_DIGITS:
            if b.lead == "ar" and pieces[-1][0] == "n":
                break
            if not pieces and c in "零〇":
                break
            if pieces and pieces[-1][0] == "n":
                if pieces[-1][2] in "零〇":
                    pieces.pop()
                elif pieces[-1][2].isdigit() or pieces[-1][1] is None:
                    break
                else:
                    b.vague = True          # 六七个
            pieces.append(("n", Decimal(_CN_DIGITS[c]), c))
            b.lead = b.lead or "cn"
            i += 1
        elif c in _CN_MAGS:
            if s.startswith("分", i + 1) or (c in lex.unit_first_chars and _word_at(s, i, lex.units)):
                break                        # 百分点, 千克, 十分之一
            if pieces and pieces[-1][0] == "m" and (pieces[-1][1] == _CN_MAGS[c] or (
                    pieces[-1][1] > _CN_MAGS[c] and _CN_MAGS[c] < 10**4)):
                break                        # 万万, 万千: not one numeral
            pieces.append(("m", _CN_MAGS[c]))
            b.lead = b.lead or ("cn" if c in "十拾" else "mag")    # 十几万 reads like a digit
            i += 1
        elif c == "几" and (pieces or (i + 1 < n and s[i + 1] in _CN_MAGS)):
            if pieces and pieces[-1][0] == "n":
                break
            b.vague = True
            pieces.append(("n", None, c))
            b.lead = b.lead or "cn"
            i += 1
        elif c == "数" and not pieces and i + 1 < n and s[i + 1] in _CN_MAGS:
            b.vague = True
            pieces.append(("n", None, c))
            b.lead = "cn"
            i += 1
        elif c in "多余" and pieces and i + 1 < n and s[i + 1] in _CN_MAGS and s[i + 1] != "十":
            b.approx = True
            i += 1
        elif c == "个" and pieces and pieces[-1][0] == "n" and i + 1 < n and s[i + 1] in "亿万":
            i += 1                           # 3个亿 (colloquial)
        elif (c == "点" and b.lead == "ar" and len(pieces) == 1 and s.startswith("几", i + 1)
              and "." not in pieces[0][2]):
            b.approx = True                  # 107点几个亿
            i += 2
        else:
            break
    if not pieces:
        return None
    b.end = i
    return b


def _pieces_value(pieces: list[tuple]) -> Decimal:
    """Evaluate digits and magnitudes left to right (十/百/千 within 万, 万 within 亿).

    After the last 亿 or 万 a bare tail is the colloquial abbreviation of the next
    unit down: 七亿八千 = 7.8亿, 一万五 = 15000, 3亿5000 = 3.5亿.
    """
    total = Decimal(0)       # everything up to the last 亿
    section = Decimal(0)     # 万-groups since the last 亿
    small = Decimal(0)       # 十/百/千-groups since the last 万 or 亿
    cur: Optional[Decimal] = None
    last_big = 0
    since_wan = False        # a 万 since the last 亿
    for pc in pieces:
        if pc[0] == "n":
            cur = pc[1]
            continue
        m = pc[1]
        if m < 10**4:
            small += (cur if cur is not None else 1) * m
        elif m == 10**4:
            group = small + (cur if cur is not None else 0)
            section += (group if group else 1) * m
            small = Decimal(0)
            last_big = m
            since_wan = True
        else:
            group = section + small + (cur if cur is not None else 0)
            total += (group if group else 1) * m
            section = small = Decimal(0)
            last_big = m
            since_wan = False
        cur = None
    tail = small + (cur if cur is not None else 0)
    if tail and last_big:
        if small == 0 and cur is not None and cur < 10:
            tail = cur * last_big / 10                      # 一万五, 七亿八
        elif last_big == 10**8 and not since_wan and tail < 10**4:
            tail = tail * 10**4                             # 七亿八千, 3亿5000
    return total + section + tail


def _body_value(b: _Body) -> Optional[Decimal]:
    if b.vague or any(pc[0] == "n" and pc[1] is None for pc in b.pieces):
        return None
    return _pieces_value(b.pieces)


def _as_number(d: Optional[Decimal], *, as_float: bool) -> Optional[Number]:
    if d is None:
        return None
    if not as_float and d == d.to_integral_value():
        return int(d)
    return float(d)


def parse_number(text: str) -> Optional[Number]:
    """The value of a numeral written with Arabic digits and/or Chinese numerals.

    Scales 十/百/千/万/亿 (and 万亿), reads thousands separators, 两, 零 and the
    colloquial 七亿八千 (= 7.8亿); returns ``None`` for anything that is not one
    complete numeral or is vague (几十, 数百, 六七).

    >>> parse_number("两千多万"), parse_number("1.2万亿"), parse_number("七亿八千")
    (20000000, 1200000000000, 780000000)
    >>> parse_number("3.5"), parse_number("二十五"), parse_number("几十"), parse_number("abc")
    (3.5, 25, None, None)
    """
    text = require_str(text, "text").strip().translate(_NORM)
    if not text:
        return None
    with localcontext(_DEC):
        b = _scan_body(text, 0)
        if b is None or b.too_long or b.end != len(text):
            return None
        literal_float = b.lead == "ar" and len(b.pieces) == 1 and "." in b.pieces[0][2]
        return _as_number(_body_value(b), as_float=literal_float)


# --------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------

class _Tok:
    __slots__ = ("start", "end", "kind", "value", "unit", "flags", "lit", "mag", "approx", "vague",
                 "float_lit", "lead", "qual", "change", "basis", "basis_raw", "period", "figure",
                 "post_end", "pre_qual_start", "range_prev", "enum_prev", "window", "threshold",
                 "cue_start", "has_own_change", "pct", "win_start", "range_next")

    def __init__(self, start: int, end: int, kind: str) -> None:
        self.start = start
        self.end = end
        self.kind = kind          # qty, date, time, code, name, list, ord
        self.value: Optional[Decimal] = None
        self.unit = ""
        self.flags = ""
        self.lit: Optional[Decimal] = None   # the number before its trailing magnitude
        self.mag: Optional[int] = None       # trailing magnitude (8-10万元 → 10**4)
        self.approx = False
        self.vague = False
        self.float_lit = False
        self.lead = ""
        self.qual: Optional[str] = None
        self.change: Optional[str] = None
        self.basis: Optional[str] = None
        self.basis_raw: Optional[tuple] = None
        self.period: Optional[str] = None
        self.figure = True
        self.post_end = end
        self.pre_qual_start = start
        self.range_prev: Optional[_Tok] = None
        self.range_next: Optional[_Tok] = None
        self.enum_prev: Optional[_Tok] = None
        self.window = False
        self.threshold = False
        self.cue_start: Optional[int] = None
        self.has_own_change = False
        self.pct = False
        self.win_start: Optional[int] = None   # 过去12个月: a window that governs what follows

    @property
    def is_qty(self) -> bool:
        return self.kind == "qty"

    @property
    def bare(self) -> bool:
        return (self.kind == "qty" and not self.unit and self.lead == "ar" and not self.approx
                and not self.vague and self.mag is None)


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _is_ascii_letter(c: str) -> bool:
    return ("a" <= c <= "z") or ("A" <= c <= "Z")


def _code_spans(s: str) -> list[tuple[int, int]]:
    """Latin-letter tokens holding digits (P2P, 4G, 01398.HK, T+3, CR-100): names and codes."""
    spans: list[tuple[int, int]] = []
    if _LETTER_RE.search(s) is None:
        return spans
    lex = _lexicon()
    for m in _ALNUM_RE.finditer(s):
        w = m.group()
        if not any(ch.isdigit() for ch in w) or not any(_is_ascii_letter(ch) for ch in w):
            continue
        mu = _NUM_UNIT_RE.fullmatch(w)
        if mu is not None:
            ent = _word_at(mu.group(1), 0, lex.units)
            if ent is not None and "ascii" in ent.flags and ent.word == mu.group(1):
                continue                     # 2.8KG, 8mm: a number with a Latin unit
        spans.append((m.start(), m.end()))
    return spans


def _match_date(s: str, p: int) -> Optional[_Tok]:
    """Dates, times, date-like codes starting at ``p``."""
    k = _DIGITS_RE.match(s, p).end()
    if k < len(s) and s[k] == " ":
        k += 1
    if k >= len(s) or s[k] not in _DATE_NEXT:
        return None
    m = _ISO_RE.match(s, p)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return _Tok(p, m.end(), "date")
    m = _CODE_DASH_RE.match(s, p)
    if m:
        return _Tok(p, m.end(), "code")
    m = _YEAR_RE.match(s, p)
    if m:
        end = m.end()
        if m.group(2) is None and s.startswith("年", end - 1):
            mm = _MONTH_AFTER_YEAR_RE.match(s, end)
            if mm and 1 <= int(mm.group(1)) <= 12 and not _MONTH_TERM_RE.match(s, mm.end()):
                end = mm.end()
                md = _DAY_RE.match(s, end)
                if md and 1 <= int(md.group(1)) <= 31:
                    end = md.end()
            elif s.startswith("度", end):
                end += 1
        return _Tok(p, end, "date")
    m = _Y2_RE.match(s, p)
    if m:
        return _Tok(p, m.end(), "date")
    m = _TIME_RE.match(s, p)
    if m and int(m.group(1)) <= 24 and int(m.group(2)) < 60:
        return _Tok(p, m.end(), "time")
    m = _DOT_DATE_RE.match(s, p)
    if m:
        return _Tok(p, m.end(), "name")
    m = _PLUS_TERM_RE.match(s, p)
    if m:
        return _Tok(p, m.end(), "name")         # 2+2月: a product name
    m = _GENERATION_RE.match(s, p)
    if m and m.end() - p == 3:
        return _Tok(p, m.end(), "name")         # 80后, 90后, 00后
    m = _MONTH_RE.match(s, p)
    if m and 1 <= int(m.group(1)) <= 12 and not _MONTH_TERM_RE.match(s, m.end()) and not (
            p > 0 and s[p - 1] in "+个"):
        end = m.end()
        md = _DAY_RE.match(s, end)
        if md and 1 <= int(md.group(1)) <= 31:
            end = md.end()
        return _Tok(p, end, "date")
    m = _DAY_RE.match(s, p)
    if m and m.start(1) == p and 1 <= int(m.group(1)) <= 31:
        after = s[m.end():m.end() + 2]
        if not (after.startswith("内") or after in ("以内", "之内")):
            return _Tok(p, m.end(), "date")
    m = _CLOCK_RE.match(s, p)
    if m and int(m.group(1)) <= 24:
        if "分" in m.group() or any(s.endswith(w, max(0, p - 3), p) for w in _CLOCK_WORDS) or \
                (p > 0 and s[p - 1] in "日号" and "时" in m.group()):
            return _Tok(p, m.end(), "time")
    return None


def _match_unit(s: str, j: int, *, chinese: bool) -> Optional[tuple[int, _Entry, str]]:
    """The unit starting at ``j`` (a single space may come first): (end, entry, written)."""
    n = len(s)
    lex = _lexicon()
    for k in (j, j + 1):
        if k >= n or (k == j + 1 and s[j] != " "):
            break
        # 个多月, 个半月, 个余小时: 多/余/半 inside a 个-unit
        if s[k] == "个" and k + 1 < n and s[k + 1] in "多余半":
            for full in lex.units.get("个", ()):
                rest = full.word[1:]
                if rest and "time" in full.flags and s.startswith(rest, k + 2):
                    return k + 2 + len(rest), full, s[k:k + 2 + len(rest)]
        ent = _word_at(s, k, lex.units)
        if ent is None:
            continue
        end = k + len(ent.word)
        if "ascii" in ent.flags and end < n and (_is_ascii_letter(s[end]) or s[end].isdigit()):
            continue
        if "ascii" in ent.flags and k > j:
            continue
        if chinese and "cn" not in ent.flags and "cnonly" not in ent.flags:
            return None
        if not chinese and "cnonly" in ent.flags:
            return None
        return end, ent, s[k:end]
    return None


_SPLIT_RE = re.compile(r"[0-9一二两三四五六七八九十]{1,3}(?:期|次|笔|批|年|个月|天)")
_PER_UNITS = ("立方米", "平方米", "公斤", "千克", "平米", "小时", "股", "台", "月", "年", "天", "日", "人", "件",
              "吨", "斤", "克", "次", "份", "张", "个", "手", "桶", "盎司", "秒", "kg", "g", "m")


def _parse_qty(s: str, p: int, body: _Body, *, start: int) -> Optional[_Tok]:
    """Numeral + magnitude + unit starting at ``start`` (``p`` is the first digit)."""
    n = len(s)
    j = body.end
    chinese = body.lead in ("cn", "mag")
    approx = body.approx
    if j < n and s[j] in "多余" and not s.startswith(("余额", "余下", "多少", "多久", "多么", "多样", "多元"), j):
        approx = True
        j += 1
    unit_match = _match_unit(s, j, chinese=chinese)
    tok = _Tok(start, j, "qty")
    tok.lead = body.lead
    tok.vague = body.vague
    tok.approx = approx
    value = _body_value(body)
    pieces = body.pieces
    # the number before a trailing magnitude, for ranges (8-10万元) and enumerations
    if body.lead == "ar" and pieces[0][0] == "n":
        tok.lit = pieces[0][1]
        tail = pieces[1:]
        if tail and all(pc[0] == "m" for pc in tail):
            mag = 1
            for pc in tail:
                mag *= pc[1]
            tok.mag = mag
    tok.float_lit = body.lead == "ar" and len(pieces) == 1 and "." in pieces[0][2]
    if unit_match is not None:
        end, ent, written = unit_match
        unit = ent.value or ent.word
        flags = ent.flags
        if len(written) > 2 and written[0] == "个" and written[1] in "多余":
            tok.approx = True
        if written.startswith("个半") and value is not None:
            value = value + Decimal("0.5")
            tok.float_lit = True
        if ent.word == "成":
            if value is None or value > 10:
                unit_match = None
            else:
                value = value * 10
        if ent.word == "折" and (value is None or value > 10):
            unit_match = None
        if ent.word == "分" and _SPLIT_RE.match(s, end):
            unit_match = None                # 10000分12期: 分 is the verb "split into"
    if unit_match is not None:
        # 4年半
        if "time" in flags and end < n and s[end] == "半" and value is not None and not written.startswith("个半"):
            value = value + Decimal("0.5")
            tok.float_lit = True
            end += 1
        # per-unit prices: 35元/股, 0.5%/月
        if end + 1 < n and s[end] == "/" and "name" not in flags and "time" not in flags:
            for w in _PER_UNITS:
                if s.startswith(w, end + 1):
                    nxt = end + 1 + len(w)
                    if nxt < n and _is_ascii_letter(s[nxt]):
                        continue
                    unit = unit + "/" + w
                    end = nxt
                    break
        tok.end = end
        tok.unit = unit
        tok.flags = flags
        if "pct" in flags:
            tok.pct = True
        # 0.62%%: the doubled sign is left out
    tok.value = value
    if not chinese:
        return tok
    return tok if _accept_chinese(s, start, tok, body) else None


def _accept_chinese(s: str, start: int, tok: _Tok, body: _Body) -> bool:
    """Chinese numerals get an entry only when they express an amount."""
    lex = _lexicon()
    before = s[start - 1] if start > 0 else ""
    if before and "0" <= before <= "9" or s.endswith(_CN_BAD_BEFORE, 0, start):
        return False
    if s.startswith("一", start) and s.endswith(_ONE_BAD_BEFORE, 0, start):
        return False
    if _in_idiom(s, start, tok.end):
        return False
    has_big = any(pc[0] == "m" and pc[1] >= 10**4 for pc in body.pieces)
    if not tok.unit:
        if body.lead == "mag":
            if s.startswith("级", tok.end):
                return True
            return _word_ending(s, start, lex.quals, max(0, start - 4)) is not None and len(body.pieces) >= 2
        return has_big
    if "ascii" in tok.flags:
        return False
    if body.lead == "mag" and before and before in "上成":
        tok.vague = True                     # 上万, 成千: "tens of thousands", no value
        tok.value = None
    if body.lead == "mag" and len(body.pieces) == 1 and body.pieces[0][1] != 10 and "cur" not in tok.flags \
            and not tok.vague:
        # 百名, 万家 only after a qualifier (近百名); 万家寨, 百家号 are names
        if _word_ending(s, start, lex.quals, max(0, start - 4)) is None:
            return False
    if tok.unit == "元" and s.startswith("块", tok.end - 1) and not any(pc[0] == "m" for pc in body.pieces):
        return False                         # 两块屏幕 is not 2 元; 三千块 is
    single_one = (len(body.pieces) == 1 and body.pieces[0][0] == "n" and body.pieces[0][2] == "一")
    if single_one and "one" not in tok.flags:
        # 每人一张 is an amount; 一个K码, 一位民警 are articles
        return start >= 2 and s[start - 2] == "每" or (start >= 3 and s[start - 3] == "每" and _is_cjk(s[start - 2]))
    return True


def _in_idiom(s: str, a: int, b: int) -> bool:
    lex = _lexicon()
    for q in range(max(0, a - lex.idiom_max + 1), b):
        for e in lex.idioms.get(s[q], ()):
            if s.startswith(e.word, q) and q + len(e.word) > a:
                return True
    return False


def _tokenize(s: str) -> list[_Tok]:
    toks: list[_Tok] = []
    n = len(s)
    spans = _code_spans(s)
    for a, b in spans:
        toks.append(_Tok(a, b, "code"))
    ends = {b for _, b in spans}
    si = 0
    pos = 0
    while pos < n:
        m = _CAND_RE.search(s, pos)
        if m is None:
            break
        p = m.start()
        while si < len(spans) and spans[si][1] <= p:
            si += 1
        if si < len(spans) and spans[si][0] <= p < spans[si][1]:
            pos = spans[si][1]
            continue
        tok, nxt = _token_at(s, p)
        if tok is not None:
            if tok.start == p - 1 and s[tok.start] == "-" and tok.start in ends:
                # 2万-50万: a range dash right after a number is not a minus sign
                tok.start = p
                if tok.value is not None:
                    tok.value = -tok.value
                if tok.lit is not None:
                    tok.lit = -tok.lit
            toks.append(tok)
            ends.add(tok.end)
            pos = max(tok.end, p + 1)
        else:
            pos = max(nxt, p + 1)
    toks.sort(key=lambda t: t.start)
    # drop overlaps (a code span wins over anything inside it)
    out: list[_Tok] = []
    for t in toks:
        if out and t.start < out[-1].end:
            continue
        out.append(t)
    return out


def _token_at(s: str, p: int) -> tuple[Optional[_Tok], int]:
    """The token starting at candidate position ``p`` and the next position to search."""
    c = s[p]
    if "0" <= c <= "9":
        # ordinals: 第2, 第 101
        if p > 0 and s[p - 1] == "第" or (p > 1 and s[p - 1] == " " and s[p - 2] == "第"):
            m = _DIGITS_RE.match(s, p)
            st = p - 1 if s[p - 1] == "第" else p - 2
            return _Tok(st, m.end(), "ord"), m.end()
        tok = _match_date(s, p)
        if tok is not None:
            return tok, tok.end
        m = _AR_FRAC_RE.match(s, p)
        if m and int(m.group(1)) < int(m.group(2)) <= 12 and int(m.group(1)) > 0 and (p == 0 or s[p - 1] != "/"):
            t = _Tok(p, m.end(), "qty")
            t.value = None
            t.unit = "%"
            t.pct = True
            t.lead = "ar"
            t.flags = "pct,frac"
            t.lit = Decimal(100 * int(m.group(1))) / Decimal(int(m.group(2)))
            t.value = float(100 * int(m.group(1)) / int(m.group(2)))   # type: ignore[assignment]
            return t, m.end()
        body = _scan_body(s, p)
        if body is None:
            return None, p + 1
        if body.too_long:
            return None, body.end
        start = p
        if p > 0 and s[p - 1] == "-" and (p == 1 or not (s[p - 2].isascii() and s[p - 2].isalnum()
                                                         or s[p - 2] in "%-~.")):
            start = p - 1
            body.pieces[0] = ("n", -body.pieces[0][1], body.pieces[0][2])
        tok = _parse_qty(s, p, body, start=start)
        return tok, (tok.end if tok else body.end)
    # Chinese numerals
    m = _CN_FRAC_RE.match(s, p)
    if m:
        den = parse_number(m.group(1))
        t = _Tok(p, m.end(), "qty")
        t.unit = "%"
        t.pct = True
        t.lead = "cn"
        t.flags = "pct,frac"
        num = parse_number(m.group(2)) if "几" not in m.group(2) else None
        if den and num is not None:
            t.value = float(100 * num / den)       # type: ignore[assignment]
        if p > 0 and s[p - 1] in "第" or _in_idiom(s, p, m.end()):
            return None, m.end()
        return t, m.end()
    if c == "半":
        m = _HALF_RE.match(s, p)
        if m is None or (p > 0 and s[p - 1] in "上下前后大多一两三四五六七八九十年个"):
            return None, p + 1
        t = _Tok(p, m.end(), "qty")
        t.value = Decimal("0.5")
        t.float_lit = True
        t.unit = m.group(1)
        t.lead = "cn"
        t.flags = "cn,time" if t.unit not in _DIFF_UNITS else "cn,pct"
        t.pct = t.unit == "个百分点"
        return t, m.end()
    if s.startswith("一半", p):
        if p > 0 and s[p - 1] in "另多大一":
            return None, p + 2
        t = _Tok(p, p + 2, "qty")
        t.value = 50.0                              # type: ignore[assignment]
        t.unit = "%"
        t.pct = True
        t.lead = "cn"
        t.flags = "pct"
        return t, p + 2
    body = _scan_body(s, p)
    if body is None:
        return None, p + 1
    tok = _parse_qty(s, p, body, start=p)
    if tok is not None:
        return tok, tok.end
    # a Chinese numeral that is not an amount is skipped with the run it is in (千万不要, 万万万)
    run = _CN_RUN_RE.match(s, p)
    return None, max(p + 1, body.end, run.end() if run else 0)


# --------------------------------------------------------------------------------------
# Ranges and enumerations: the shared unit and magnitude (8-10万元, 5.97亿、4.42亿元)
# --------------------------------------------------------------------------------------

def _strip_prefix_qual(gap: str) -> str:
    lex = _lexicon()
    ent = _word_ending(gap, len(gap), lex.quals, 0)
    if ent is not None and ent.flags in ("0", "1", "2"):
        return gap[: len(gap) - len(ent.word)]
    return gap


def _date_ranges(toks: list[_Tok], s: str) -> None:
    """1—5月, 2015-2018年, 1-3日: the first end of a date range is a date too."""
    for i in range(len(toks) - 2, -1, -1):
        a, b = toks[i], toks[i + 1]
        if b.kind != "date" or not a.bare or s[a.start:a.end] != s[a.start:a.end].strip("-"):
            continue
        if s[a.end:b.start] not in _RANGE_GAP:
            continue
        lit = s[a.start:a.end]
        if not lit.isdigit():
            continue
        btext = s[b.start:b.end]
        v = int(lit)
        if ("年" in btext and len(lit) == 4) or ("年" not in btext and "月" in btext and 1 <= v <= 12) or \
                ("年" not in btext and "月" not in btext and 1 <= v <= 31):
            a.kind = "date"


def _link(toks: list[_Tok], s: str) -> None:
    for i in range(len(toks) - 2, -1, -1):
        a, b = toks[i], toks[i + 1]
        if not (a.is_qty and b.is_qty):
            continue
        gap = s[a.end:b.start]
        core = _strip_prefix_qual(gap)
        is_range = core in _RANGE_GAP
        is_enum = core in _ENUM_GAP
        if not (is_range or is_enum):
            continue
        if "frac" in a.flags or "frac" in b.flags:
            continue
        if a.unit and b.unit:
            if is_range and a.unit != b.unit and b.unit.startswith(a.unit) and not a.mag:
                a.unit, a.flags, a.pct = b.unit, b.flags, b.pct     # 10个至25个基点
            if a.unit == b.unit or (is_enum and a.pct and b.pct):
                if is_range:
                    b.range_prev, a.range_next = a, b
                else:
                    b.enum_prev = a
            continue
        if a.unit:
            continue
        if a.lead != "ar" or a.approx and not b.approx:
            if is_range and not b.unit:
                b.range_prev, a.range_next = a, b
            continue
        # a bare first end takes the unit (and the magnitude) of the second
        a.unit = b.unit
        a.flags = b.flags
        a.pct = b.pct
        if a.mag is None and b.mag is not None and a.value is not None and b.lit is not None \
                and a.lit is not None and a.lit < b.lit:
            a.value = a.value * b.mag
            a.mag = b.mag
            a.float_lit = False
        if "成" == s[b.end - 1:b.end] and a.value is not None:
            a.value = a.value * 10
        if is_range:
            b.range_prev, a.range_next = a, b
        else:
            b.enum_prev = a


# --------------------------------------------------------------------------------------
# What is not a figure
# --------------------------------------------------------------------------------------

def _first_content(s: str) -> int:
    i = 0
    while i < len(s) and (s[i] in _BULLETS or s[i].isspace()):
        i += 1
    return i


def _classify(toks: list[_Tok], s: str) -> None:
    lex = _lexicon()
    n = len(s)
    first = _first_content(s)
    for idx, t in enumerate(toks):
        if t.kind != "qty":
            continue
        if "name" in t.flags:
            t.kind = "name"
            if "outside" in t.flags and t.unit and s.endswith(t.unit, t.start, t.end):
                t.end -= len(t.unit)          # 109路: the route number alone
            continue
        before = s[t.start - 1] if t.start > 0 else ""
        after = s[t.end] if t.end < n else ""
        lit = s[t.start:t.end]
        # 7×24小时 and 24小时提现秒到: slogans, not figures
        if t.unit == "小时" and t.value == 24:
            if before and before in "×xX*" and idx > 0 and toks[idx - 1].end == t.start - 1:
                toks[idx - 1].kind = "name"
                t.kind = "name"
                continue
            if _word_at(s, t.end, lex.service) is not None:
                t.kind = "name"
                continue
        if not t.bare:
            continue
        # 领导力4.0, 工业4.0: a version written after a name, not a figure
        if _VERSION_RE.fullmatch(lit) and _is_cjk(before) and before not in _AMOUNT_BEFORE:
            t.kind = "name"
            continue
        if "." in lit or "," in lit:
            continue
        digits = lit.lstrip("-")
        if not digits.isdigit():
            continue
        # list and section numbers: 1、 2. 98．  at the start or after a space
        if len(digits) <= 3 and (t.start == first or (before and before in " \t~：:）)】?？!！")):
            if after in _LIST_AFTER and not (t.end + 1 < n and s[t.end + 1].isdigit()):
                t.kind = "list"
                continue
            if t.start == first and (after == " " or _is_cjk(after)):
                t.kind = "list"
                continue
        # codes: 01398, 600030 in brackets or after 代码, long digit runs
        if len(digits) >= 2 and digits[0] == "0" or len(digits) >= 7:
            t.kind = "code"
            continue
        if len(digits) in (5, 6) and (before in _OPEN_BRACKETS or before == "," or
                                       any(w in s[max(0, t.start - 6):t.start] for w in _CODE_WORDS)):
            t.kind = "code"
            continue
        # ranks: 排名33/135
        if any(s.endswith(w, 0, t.start) for w in _RANK_WORDS):
            t.kind = "ord"
            continue
        # bare years in names and titles: 《2018中国…》, 2019夏季达沃斯论坛
        if len(digits) == 4 and 1949 <= int(digits) <= 2050 and (
                before in _OPEN_BRACKETS or after in _CLOSE_BRACKETS or
                (_is_cjk(after) and after not in _FUNCTION_AFTER)):
            t.kind = "date"
            continue
        # numeric names: 360金融, 618, 315晚会, 714高炮, 76集团军, “520”, “双11”
        if digits in lex.numnames or (before in _OPEN_QUOTES and after in _CLOSE_QUOTES) or \
                (before == "双" and after in _CLOSE_QUOTES):
            t.kind = "name"
            continue
        scored = idx > 0 and toks[idx - 1].end < t.start and \
            s[toks[idx - 1].end:t.start] in _SCORE_GAP                      # 115-107, 101比104
        if 2 <= len(digits) <= 3 and _is_cjk(after) and after not in _FUNCTION_AFTER \
                and after not in _AMOUNT_AFTER and before not in _AMOUNT_BEFORE and not scored:
            t.kind = "name"
            continue
    for t in toks:
        if t.kind not in ("qty",):
            t.figure = False


# --------------------------------------------------------------------------------------
# Qualifiers
# --------------------------------------------------------------------------------------

_QUAL_RANK = {"至少": 7, "以下": 6, "以上": 5, "不足": 4, "超过": 3, "近": 2, "约": 1}


def _prefix_qualifier(s: str, t: _Tok, lo: int) -> Optional[str]:
    lex = _lexicon()
    b = t.start
    for w in _CURRENCY_PREFIXES:
        if s.endswith(w, lo, b):
            b -= len(w)
            break
    e = b
    floor = max(lo, b - 16)
    while e > floor:
        if e < b and (s[e] in _QUAL_STOP or s[e].isdigit() or s[e] == " " and e < b - 1):
            break
        for ent in lex.quals.get(s[e - 1], ()):
            st = e - len(ent.word)
            if st < lo or not s.startswith(ent.word, st):
                continue
            gap = b - e
            if gap > int(ent.flags or 0):
                continue
            if ent.not_before and e < len(s) and s[e] in ent.not_before:
                continue
            t.pre_qual_start = st
            return ent.value
        e -= 1
    return None


def _postfix_qualifier(s: str, t: _Tok) -> Optional[str]:
    lex = _lexicon()
    j = t.end
    t.post_end = j
    m = _POST_QUAL_RE.match(s, j)
    k = m.end()
    ent = _word_at(s, k, lex.qualpost)
    if ent is None:
        return None
    if k > j and ent.value not in ("以上", "以下"):
        return None
    t.post_end = k + len(ent.word)
    return ent.value


def _qualifiers(toks: list[_Tok], s: str) -> None:
    prev_end = 0
    for t in toks:
        if t.kind != "qty":
            prev_end = t.end
            continue
        lo = prev_end
        pre = _prefix_qualifier(s, t, lo)
        post = _postfix_qualifier(s, t)
        if t.approx:
            pre = _best(pre, "超过")
        t.qual = _best(pre, post)
        prev_end = t.post_end
    # a range shares the postfix qualifier of its second end (6-9%左右)
    for t in toks:
        a = t.range_prev
        if a is not None and a.qual is None and t.qual is not None and t.post_end > t.end:
            post = _postfix_qualifier(s, t)
            if post is not None:
                a.qual = post


def _best(a: Optional[str], b: Optional[str]) -> Optional[str]:
    if a is None:
        return b
    if b is None:
        return a
    return a if _QUAL_RANK[a] >= _QUAL_RANK[b] else b


# --------------------------------------------------------------------------------------
# Thresholds and windows (numbers that only define what is measured)
# --------------------------------------------------------------------------------------

def _thresholds(toks: list[_Tok], s: str) -> None:
    lex = _lexicon()
    n = len(s)
    qty = [t for t in toks if t.kind == "qty"]
    for t in qty:
        j = t.post_end
        post = s[t.end:j]
        rest = s[j:j + 12]
        thr = False
        if post and any(w in post for w in ("以上", "以下", "以内", "之内", "内")):
            if "含" in post:
                thr = True
            elif rest.startswith("的") and len(rest) > 1 and _is_cjk(rest[1]):
                thr = True
            elif rest.startswith(("就", "的话", "则")):
                thr = True
            elif post.endswith("内"):
                k = 0
                while k < len(rest) and k < 10 and rest[k] not in _QUAL_STOP:
                    k += 1
                # 48小时内发货订单比例(同比提升10%): the window defines the metric
                if any(w in rest[:k] for w in ("比例", "比率", "占比", "率")):
                    thr = True
        if not thr and rest.startswith("之间的"):
            thr = True
        if not thr and t.qual in ("超过", "不足") and t.pre_qual_start < t.start and rest.startswith("的"):
            nxt = rest[1:2]
            if not nxt or nxt in _CLAUSE_END or nxt in "就都则才将要均也":
                thr = True
        if not thr:
            k = j + 1 if rest.startswith("的") else j
            if _word_at(s, k, lex.threshold) is not None:
                thr = True
        if thr:
            t.threshold = True
            t.figure = False
            a = t.range_prev
            while a is not None and not a.threshold:
                a.threshold = True
                a.figure = False
                a = a.range_prev
    # windows: 一年收近5亿, 24小时价格上涨0.03%, 一个月跌了2/3, 过去12个月
    for i, t in enumerate(qty):
        if "time" not in t.flags or t.value is None or t.approx:
            continue
        for w in _WINDOW_BEFORE:
            if s.endswith(w, 0, t.start) and not s.endswith("提前", 0, t.start):
                t.window = True
                t.figure = False
                t.win_start = t.start - len(w)
                break
        if t.window:
            continue
        if i + 1 < len(qty) and s[t.end:t.post_end] in ("内", "以内", "之内"):
            gap = s[t.post_end:qty[i + 1].start]
            if len(gap) <= 6 and not any(c in _QUAL_STOP for c in gap) and _has_change_cue(gap):
                t.window = True               # 8个月内涨幅达73%
                t.figure = False
                continue
        if not (t.value == 1 or (t.value == 24 and t.unit == "小时")):
            continue
        if i + 1 >= len(qty):
            continue
        nxt = qty[i + 1]
        gap = s[t.post_end:nxt.start]
        if not gap or len(gap) > 6 or any(c in _QUAL_STOP or c == " " for c in gap):
            continue
        if gap.startswith(("后", "内", "前", "里", "以来", "以内", "之内", "的")):
            continue
        if not (any(w in gap for w in lex.window_verbs) or _has_change_cue(gap)):
            continue
        t.window = True
        t.figure = False


# --------------------------------------------------------------------------------------
# Changes and their basis
# --------------------------------------------------------------------------------------

def _clause_start(s: str, i: int, lo: int, stops: set) -> int:
    """Start of the clause holding ``i`` (not before ``lo``); 2,490.62 has no clause break."""
    k = i
    while k > lo:
        c = s[k - 1]
        if c in stops and not (c == "," and k >= 2 and k < len(s) and s[k - 2].isdigit() and s[k].isdigit()):
            break
        k -= 1
    return k


def _find_change(s: str, t: _Tok, lo: int) -> Optional[tuple[str, int, str]]:
    """(direction, cue start, cue type) for the cue governing ``t``, else None."""
    lex = _lexicon()
    b = t.start
    for w in _CURRENCY_PREFIXES:
        if s.endswith(w, lo, b):
            b -= len(w)
            break
    # qualifier and emphasis words between cue and number (跌破2245点, 涨幅高达4.72%)
    for _ in range(6):
        ent = _word_ending(s, b, lex.fillers, lo)
        if ent is None:
            break
        b -= len(ent.word)
    # directional comparison with a reference: 高于同期全部贷款增速9.5个百分点
    for e in range(b, lo, -1):
        ent = _word_ending(s, e, lex.markers, lo)
        if ent is not None and ent.value == "directional":
            ref = s[e:b]
            ms = e - len(ent.word)
            if len(ref) >= 2 and not any(c.isdigit() or c in _QUAL_STOP or c == "的" for c in ref) and \
                    t.unit in _DIFF_UNITS and not (ms > 0 and s[ms - 1] in "不得") and \
                    not s.startswith("的", t.post_end):
                direction = "increase" if ent.word.startswith("高") else "decrease"
                t.basis_raw = ("directional", ent.word, ref, e - len(ent.word))
                return direction, e - len(ent.word), "dir"
            break
    e = b
    while e > lo:
        if e < b and (s[e] in _QUAL_STOP or s[e].isdigit()):
            break
        ent = _word_ending(s, e, lex.changes, lo)
        if ent is None:
            e -= 1
            continue
        cs = e - len(ent.word)
        gap = s[e:b]
        kind = ent.flags
        if ent.value == "none":
            return None
        if kind == "verb":
            if not gap:                      # fillers (了, 近, 超过 …) were skipped above
                return ent.value, cs, kind
            # 下调存款准备金率0.5个百分点: verb, the metric, then the difference
            if ent.value != "none" and t.unit in _DIFF_UNITS and len(gap) <= 12 and \
                    not any(c in "的为至到是达后" or c.isdigit() or c in _QUAL_STOP for c in gap):
                return ent.value, cs, kind
            return None
        if kind == "noun":
            if len(gap) > 8 or any(c in "至到" for c in gap):
                return None
            return ent.value, cs, kind
        if kind == "cmp":
            if gap not in ("", "了", "出"):
                return None
            clo = _clause_start(s, cs, max(0, cs - 30), _CLAUSE_END)
            mk = _nearest_marker(s, clo, cs)
            if mk is None or mk[0].value == "self":
                return None
            return ent.value, cs, kind
        return None
    return None


def _nearest_marker(s: str, lo: int, hi: int) -> Optional[tuple[_Entry, int, int]]:
    lex = _lexicon()
    e = hi
    while e > lo:
        ent = _word_ending(s, e, lex.markers, lo)
        if ent is not None:
            st = e - len(ent.word)
            bad = False
            if ent.not_before and e < len(s) and s[e] in ent.not_before:
                bad = True
            if ent.word == "比" and st > 0 and s[st - 1] in "对占好无相同环类排":
                bad = True
            if ent.word == "较" and st > 0 and s[st - 1] == "比":
                bad = True
            if not bad:
                return ent, st, e
        e -= 1
    return None


def _strip_adverbs(ref: str) -> str:
    changed = True
    while changed and ref:
        changed = False
        for w in _ADVERBS:
            if ref.endswith(w) and len(ref) > len(w):
                ref = ref[: -len(w)]
                changed = True
    return ref


def _basis_raw(s: str, cs: int, toks: list[_Tok], starts: list[int]) -> Optional[tuple]:
    clo = _clause_start(s, cs, max(0, cs - 40), _CLAUSE_END)
    found = _nearest_marker(s, clo, cs)
    if found is None:
        prefix = s[clo:cs].strip()
        if len(prefix) <= 3 and clo > 0:
            plo = _clause_start(s, clo - 1, max(0, clo - 45), _CLAUSE_END)
            found = _nearest_marker(s, plo, clo - 1)
            if found is not None and _has_change_cue(s[found[2]:clo - 1], kinds=("verb", "noun")):
                found = None                  # that comparison belongs to the earlier change
    if found is None:
        return None
    ent, ms, me = found
    if ent.value == "self":
        return ("self", ent.word, "", ms)
    if ent.value == "directional":
        return None
    if ent.word == "相比":
        # 与X相比 (the reference comes before 相比)
        k = ms - 1
        low = max(0, ms - 24)
        while k >= low and s[k] not in "与跟" and s[k] not in _CLAUSE_END:
            k -= 1
        if k >= low and s[k] in "与跟" and k + 1 < ms:
            return ("with", s[k], s[k + 1:ms], k)
    # the written reference after a neutral marker: up to the cue, a bracket or a figure
    end = cs if cs > me else min(len(s), me + 30)
    for stop in ("(", "（", "，", ","):
        k = s.find(stop, me, end)
        if k != -1:
            end = k
    k = bisect.bisect_right(starts, me)
    first_after = None
    while k < len(toks) and toks[k].start < end:
        u = toks[k]
        if u.start == me and u.kind == "qty" and "time" in u.flags:
            first_after = u               # 相比于一个月跌了2/3: a window, not a basis
        if u.kind == "qty" and u.start > me:
            end = u.start
            break
        k += 1
    k = bisect.bisect_left(starts, me)
    if k < len(toks) and toks[k].start == me and toks[k].kind == "qty" and "time" in toks[k].flags:
        first_after = toks[k]
    ref = _strip_adverbs(s[me:end].strip())
    if not ref:
        return None
    if first_after is not None:
        return None                           # 相比于一个月…: a window, not a basis
    return ("neutral", ent.word, ref, ms)


def _normalise_basis(raw: tuple, period: Optional[str]) -> Optional[str]:
    kind, marker, ref, _ = raw
    lex = _lexicon()
    if kind == "self":
        return marker
    if kind == "directional":
        return ref
    for e in lex.bases:
        if ref.startswith(e.word):
            return e.value
    m = re.match(r"((?:19|20)[0-9]{2})年(同期)?", ref)
    if m:
        if m.group(2):
            return "同比"
        if period:
            py = re.search(r"(?:19|20)[0-9]{2}", period)
            if py and int(py.group()) == int(m.group(1)) + 1:
                return "较上年"
    if kind == "with":
        return marker + ref + "相比"
    return marker + ref


def _changes(toks: list[_Tok], s: str) -> None:
    lex = _lexicon()
    starts = [u.start for u in toks]
    prev_end = 0
    for t in toks:
        if t.kind != "qty" or not t.figure:
            prev_end = max(prev_end, t.end)
            continue
        lo = max(prev_end, t.start - 18)
        lo = max(lo, _clause_start(s, t.start, lo, _CLAUSE_END))
        found = _find_change(s, t, lo)
        if found is not None:
            direction, cs, kind = found
            t.change = direction
            t.cue_start = cs
            t.has_own_change = True
            if kind != "dir":
                t.basis_raw = _basis_raw(s, cs, toks, starts)
        else:
            ent = _word_at(s, t.post_end, lex.changepost)
            if ent is not None:
                t.change = ent.value
                t.has_own_change = True
        prev_end = t.post_end
    # ranges share the change of their first end; enumerations that of the first item
    for t in toks:
        if t.kind != "qty" or not t.figure or t.has_own_change:
            continue
        src = t.range_prev or t.enum_prev
        if src is not None and src.figure and src.change is not None:
            t.change = src.change
            t.basis_raw = src.basis_raw
    # 3%-9%的加息: a postfix cue on the second end covers the first
    for t in toks:
        a = t.range_prev
        if a is not None and a.figure and a.change is None and t.change is not None and t.has_own_change:
            a.change = t.change
            a.basis_raw = t.basis_raw


# --------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------

class _Period:
    __slots__ = ("start", "end", "mode", "has_date", "mod_only", "only_dates")

    def __init__(self, start: int, end: int, has_date: bool, mod_only: bool) -> None:
        self.start = start
        self.end = end
        self.mode = "default"     # default, local, clause, skip
        self.has_date = has_date
        self.mod_only = mod_only
        self.only_dates = has_date      # made of date tokens only (no 今年, 上半年 …)


def _bracket_spans(s: str, pairs: tuple[tuple[str, str], ...]) -> list[tuple[int, int]]:
    """(open, close) offsets of bracketed stretches; an unclosed bracket is dropped."""
    opens = "".join(o for o, _ in pairs)
    closes = "".join(c for _, c in pairs)
    spans = []
    opened: Optional[int] = None
    for m in re.finditer("[" + re.escape(opens + closes) + "]", s):
        if m.group() in opens:
            opened = m.start()
        elif opened is not None:
            spans.append((opened, m.start()))
            opened = None
    return spans


def _inside(spans: list[tuple[int, int]], starts: list[int], a: int, b: int) -> Optional[tuple[int, int]]:
    k = bisect.bisect_right(starts, a) - 1
    if k >= 0 and spans[k][0] < a and b <= spans[k][1]:
        return spans[k]
    return None


def _periods(toks: list[_Tok], s: str) -> None:
    figures = [t for t in toks if t.kind == "qty" and t.figure]
    if not figures:
        return
    lex = _lexicon()
    n = len(s)
    atoms: list[_Period] = []
    occupied = [(t.start, t.end) for t in toks]
    occ_starts = [a for a, _ in occupied]
    for t in toks:
        if t.kind in ("date", "time"):
            end = t.end
            m = _DATE_MOD_RE.match(s, end)
            if m and t.kind == "date":
                end = m.end()
            # a day without its month (21日, 6号) is a period only next to other time words
            day_only = t.kind == "date" and _DAY_ONLY_RE.fullmatch(s, t.start, t.end) is not None
            atoms.append(_Period(t.start, end, True, day_only and not s.endswith(("截至", "截止"), 0, t.start)))
        elif t.win_start is not None:
            p = _Period(t.win_start, t.end, False, False)
            if s.startswith("前", t.win_start):
                p.mode = "clause"             # 申请日前5个交易日: defines one rule only
            atoms.append(p)
        elif t.kind == "qty" and "time" in t.flags and s.startswith("以来", t.post_end):
            atoms.append(_Period(t.start, t.post_end + 2, False, False))
        elif t.window:
            p = _Period(t.start, t.end, False, False)
            p.mode = "local"
            atoms.append(p)
    for m in lex.period_re.finditer(s):
        k = bisect.bisect_right(occ_starts, m.start()) - 1
        if k >= 0 and occupied[k][1] > m.start():
            continue
        w = m.group()
        if m.end() < n and s[m.end()] in lex.period_not_before.get(w, ""):
            continue
        if w[0] == "前" and m.start() > 0 and s[m.start() - 1] in _BEFORE_QIAN:
            continue                          # 当前年薪, 目前, 此前 are not 前年/前天
        end = m.end()
        if w not in lex.period_mod and end < n and s[end] in "末底初":
            end += 1                          # 一季度末, 上月底
        atoms.append(_Period(m.start(), end, False, w in lex.period_mod))
    for m in _ORD_PERIOD_RE.finditer(s):
        p = _Period(m.start(), m.end(), False, False)
        p.mode = "clause"
        atoms.append(p)
    atoms.sort(key=lambda a: (a.start, -a.end))
    merged: list[_Period] = []
    for a in atoms:
        if merged and a.start < merged[-1].end:
            continue
        if merged:
            last = merged[-1]
            gap = s[last.end:a.start]
            if gap == "" or (gap.strip() in ("至", "到", "-", "~", "—") and last.has_date and a.has_date):
                if last.mode == "default" or a.mode == "default":
                    last.end = a.end
                    last.only_dates = last.only_dates and a.only_dates and not a.mod_only
                    last.has_date = last.has_date or a.has_date
                    last.mod_only = last.mod_only and a.mod_only
                    continue
        merged.append(a)
    periods = [p for p in merged if not p.mod_only]
    titles = _bracket_spans(s, (("《", "》"),))
    title_starts = [a for a, _ in titles]
    parens = _bracket_spans(s, (("(", ")"), ("（", "）")))
    paren_starts = [a for a, _ in parens]
    for p in periods:
        if _inside(titles, title_starts, p.start, p.end):
            p.mode = "skip"
            continue
        if p.mode != "default":
            continue
        before = s[max(0, p.start - 4):p.start]
        if before.endswith(("截至", "截止", "截至到")):
            continue
        k = p.end
        for w in ("晚间", "早间", "盘前", "盘后", "晚", "日"):
            if s.startswith(w, k):
                k += len(w)
                break
        if _word_at(s, k, lex.pub) is not None or (
                s[p.start:p.end] in ("去年", "上年", "前年") and s.startswith(("同比", "环比"), p.end)):
            p.mode = "skip"                   # 5月10日消息; 去年同比 is a comparison, not a period
            continue
        if _inside(parens, paren_starts, p.start, p.end) or before.endswith(("由", "从")):
            p.mode = "local"
            continue
        mk = _nearest_marker(s, max(0, p.start - 3), p.start)
        if mk is not None and mk[2] == p.start and mk[0].value != "self":
            p.mode = "basis"
            continue
        if before.endswith("与"):
            p.mode = "basis"
            continue
        text = s[p.start:p.end]
        if p.only_dates and ("月" in text or "日" in text or "-" in text or "/" in text) \
                and text[-1] in "日月号0123456789" and (p.end >= n or s[p.end] in "，, "):
            p.mode = "skip"
    # assign: the latest governing period before each figure
    current: Optional[_Period] = None
    clause_end = 0
    pending: Optional[_Period] = None
    clause_p: Optional[_Period] = None
    pi = 0
    for t in figures:
        while pi < len(periods) and periods[pi].end <= t.start:
            p = periods[pi]
            pi += 1
            if p.mode == "skip":
                continue
            if p.mode in ("local", "basis"):
                pending = p
            elif p.mode == "clause":
                clause_p = p
                m = _CLAUSE_END_RE.search(s, p.end, p.end + 300)
                clause_end = m.start() if m else min(n, p.end + 300)
            else:
                current = p
                pending = None
        chosen: Optional[_Period] = None
        if pending is not None:
            ok = True
            if pending.mode == "basis":
                gap = s[pending.end:t.start]
                ok = len(gap) <= 40 and "相比" not in gap and not _has_change_cue(gap)
            if ok:
                chosen = pending
            pending = None
        if chosen is None and clause_p is not None:
            if t.start <= clause_end:
                chosen = clause_p
            else:
                clause_p = None
        if chosen is None:
            chosen = current
        if chosen is not None:
            t.period = (chosen.start, chosen.end)  # type: ignore[assignment]


def _has_change_cue(text: str, kinds: tuple[str, ...] = ("verb", "noun", "cmp")) -> bool:
    lex = _lexicon()
    for e in range(len(text), 0, -1):
        ent = _word_ending(text, e, lex.changes, 0)
        if ent is not None and ent.value != "none" and ent.flags in kinds:
            return True
    return False


# --------------------------------------------------------------------------------------
# The public function
# --------------------------------------------------------------------------------------

def parse_quantities(sentence: str) -> list[Quantity]:
    """Every number in ``sentence`` as a :class:`Quantity`, in order of position.

    Args:
        sentence: one sentence (longer text works too; periods and bases are then
            looked for across the whole text).

    Returns:
        One entry per number, never overlapping, each with
        ``sentence[q.start:q.end] == q.text``.  What cannot be read is left out;
        the function never raises on a ``str``.

    Raises:
        TypeError: ``sentence`` is not a ``str``.

    >>> [(q.text, q.value, q.unit, q.qualifier) for q in parse_quantities("涉案40多亿，近1.6亿元，超15万件")]
    [('40多亿', 4000000000, '', '超过'), ('1.6亿元', 160000000, '元', '近'), ('15万件', 150000, '件', '超过')]
    >>> q = parse_quantities("2023年上半年营收同比提升46%")[-1]
    >>> q.text, q.value, q.change, q.basis, q.period
    ('46%', 46.0, 'increase', '同比', '2023年上半年')
    >>> [(q.text, q.value, q.unit) for q in parse_quantities("罚金8-10万元，九成，四分之一")]
    [('8', 80000, '元'), ('10万元', 100000, '元'), ('九成', 90.0, '%'), ('四分之一', 25.0, '%')]
    >>> [(q.text, q.is_figure) for q in parse_quantities("证券代码为300773，5月10日公布")]
    [('300773', False), ('5月10日', False)]
    >>> parse_quantities(b"3%")
    Traceback (most recent call last):
    TypeError: argument 'sentence' must be str, not bytes; decode bytes first with zhnews.decode()
    """
    sentence = require_str(sentence, "sentence")
    if not sentence or _ANY_NUMERAL_RE.search(sentence) is None:
        return []
    with localcontext(_DEC):
        return _parse(sentence)


def _parse(sentence: str) -> list[Quantity]:
    # a same-length view: full-width forms folded, traditional characters simplified
    s = sentence.translate(_NORM).translate(t2s_table())
    toks = _tokenize(s)
    if not toks:
        return []
    _date_ranges(toks, s)
    _link(toks, s)
    _classify(toks, s)
    _qualifiers(toks, s)
    _thresholds(toks, s)
    _changes(toks, s)
    _periods(toks, s)
    out = []
    for t in toks:
        out.append(_to_quantity(t, sentence))
    return out


def _to_quantity(t: _Tok, sentence: str) -> Quantity:
    text = sentence[t.start:t.end]
    if t.kind != "qty":
        return Quantity(text, t.start, t.end, None, "", None, None, None, None, False)
    if isinstance(t.value, float):
        value: Optional[Number] = t.value
    else:
        value = _as_number(t.value, as_float=t.pct or (t.float_lit and t.mag is None))
    period = None
    if t.period is not None:
        a, b = t.period  # type: ignore[misc]
        period = sentence[a:b]
    basis = None
    if t.change is not None and t.basis_raw is not None:
        basis = _normalise_basis(t.basis_raw, period)
    return Quantity(text, t.start, t.end, value, t.unit, t.qual, t.change if t.figure else None,
                    basis if t.figure else None, period if t.figure else None, t.figure)
