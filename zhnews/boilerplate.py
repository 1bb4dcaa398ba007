"""Boilerplate stripping: remove what a scraper drags in around an article, and say why.

Rules are data (``resources/boilerplate_rules.tsv``, format in ``docs/rules.md``):
each names a reason, a regular expression over the line's *matching form*, the
zone where it may fire and the longest line it may fire on.  On top of the rules,
a little structure that every scraped page shares:

* the **header zone** runs from the top to the first prose paragraph of the body:
  banners, bylines, account names and dates live there;
* the **footer zone** starts at the first boilerplate line after the last run of
  body prose: calls to action, ads, related links and app chrome live there, and
  the images, short lines and QR-code blurbs between them belong to the block
  they sit in;
* a **block heading** (相关阅读, 往期回顾 …) takes the short lines and links under it.

>>> r = strip_boilerplate(["央行宣布降准0.5个百分点。", "责任编辑：张三", "点个在看，分享给朋友"])
>>> r.kept
('央行宣布降准0.5个百分点。',)
>>> [(x.reason, x.rule) for x in r.removed]
[('editor', 'editor.label'), ('call_to_action', 'cta.zai_kan')]
"""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Literal, Sequence

from ._validate import require_text_or_paragraphs
from ._literals import required_literals
from ._markup import IMAGE, analyse, matching_form
from .text import matching_key, split_paragraphs
from .types import REASONS, BoilerplateResult, Removal

__all__ = ["Rule", "RuleSet", "default_rules", "load_rules", "strip_boilerplate", "matching_form"]

Where = Literal["any", "edge", "head", "tail"]
_WHERE = ("any", "edge", "head", "tail")
_RULE_REASONS = REASONS + ("keep",)


@dataclass(frozen=True)
class Rule:
    """One boilerplate rule.

    Attributes:
        id: unique name, ``<family>.<name>`` (``"cta.zai_kan"``).
        reason: the removal reason (one of :data:`zhnews.types.REASONS`), or
            ``"keep"`` for a protective rule (the line and the list under it are
            article content, e.g. 参考资料).
        pattern: regular expression searched in the line's matching form
            (see :func:`matching_form`).
        where: ``"any"``, ``"edge"`` (header or footer zone), ``"head"``, ``"tail"``.
        max_chars: the rule only fires on lines whose matching form is at most
            this long; 0 means no limit.
        full: the pattern must match the whole matching form.
        block: a heading that takes the short lines, links and images under it.
        weak: the rule removes the line but is no evidence that the footer has begun
            (decoration such as ``---`` also sits between body paragraphs).
    """

    id: str
    reason: str
    pattern: str
    where: Where = "any"
    max_chars: int = 80
    full: bool = False
    block: bool = False
    weak: bool = False

    def __post_init__(self) -> None:
        if self.reason not in _RULE_REASONS:
            raise ValueError(f"rule {self.id!r}: unknown reason {self.reason!r}; expected one of {_RULE_REASONS}")
        if self.where not in _WHERE:
            raise ValueError(f"rule {self.id!r}: 'where' must be one of {_WHERE}, got {self.where!r}")
        if not isinstance(self.max_chars, int) or self.max_chars < 0:
            raise ValueError(f"rule {self.id!r}: max_chars must be an int >= 0")
        try:
            re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"rule {self.id!r}: bad pattern: {exc}") from exc

    @property
    def keep(self) -> bool:
        return self.reason == "keep"

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def matches(self, form: str) -> bool:
        """Whether the rule fires on a line with this matching form (zone aside)."""
        if self.max_chars and len(form) > self.max_chars:
            return False
        if self.full:
            return self.regex.fullmatch(form) is not None
        return self.regex.search(form) is not None


class RuleSet:
    """An ordered, immutable collection of :class:`Rule`; the first rule that fires wins.

    >>> rules = default_rules()
    >>> smaller = rules.without("cta")            # drop a whole family
    >>> len(smaller) < len(rules)
    True
    >>> extra = Rule(id="site.footer", reason="other", pattern="^本站微信号", max_chars=40)
    >>> "site.footer" in rules.with_rules([extra])
    True
    """

    def __init__(self, rules: Iterable[Rule]):
        rules = tuple(rules)
        seen: set[str] = set()
        for rule in rules:
            if not isinstance(rule, Rule):
                raise TypeError(f"RuleSet takes Rule objects, got {type(rule).__name__}")
            if rule.id in seen:
                raise ValueError(f"duplicate rule id {rule.id!r}")
            seen.add(rule.id)
        self._rules = rules
        self._position = {r.id: k for k, r in enumerate(rules)}
        # "any" rules, and the rules that fire only in the header / footer zone
        self._only = {
            "any": tuple(r for r in rules if r.where == "any"),
            "head": tuple(r for r in rules if r.where in ("head", "edge")),
            "tail": tuple(r for r in rules if r.where in ("tail", "edge")),
        }
        # Pre-filter: most rules need one of a few literals (在看, 责任编辑 …).  Index the
        # rules by the first one or two characters of those literals; a line only tries
        # the rules whose literal it contains, plus the rules without one.
        self._index = {zone: _LiteralIndex(group) for zone, group in self._only.items()}
        self._cache: dict[tuple[str, str], Rule | None] = {}

    def __iter__(self):
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return any(r.id == rule_id for r in self._rules)

    def __getitem__(self, rule_id: str) -> Rule:
        for r in self._rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def __repr__(self) -> str:
        return f"RuleSet({len(self._rules)} rules)"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self._rules)

    def without(self, *ids: str) -> "RuleSet":
        """A copy without the named rules; a name without a dot drops a whole family
        (``"cta"`` drops every ``cta.*`` rule)."""
        def dropped(rule: Rule) -> bool:
            return any(rule.id == i or (("." not in i) and rule.id.startswith(i + ".")) for i in ids)

        return RuleSet(r for r in self._rules if not dropped(r))

    def with_rules(self, rules: Iterable[Rule], *, first: bool = True) -> "RuleSet":
        """A copy with extra rules, tried before (``first=True``) or after the existing ones.
        A rule with the id of an existing one replaces it."""
        rules = tuple(rules)
        new_ids = {r.id for r in rules}
        rest = tuple(r for r in self._rules if r.id not in new_ids)
        return RuleSet(rules + rest if first else rest + rules)

    def match(self, form: str, zone: str, *, any_match: Rule | None | bool = False) -> Rule | None:
        """The first rule, in order, that fires on a line with this matching form in
        ``zone`` (``"any"`` for the body, ``"head"`` or ``"tail"``).  ``any_match`` passes
        an already computed result of ``match(form, "any")``."""
        if zone == "any":
            return self._first(form, self._only["any"])
        if any_match is False:
            any_match = self._first(form, self._only["any"])
        zone_match = self._first(form, self._only[zone])
        if any_match is None or any_match is True:
            return zone_match
        if zone_match is None:
            return any_match
        return any_match if self._position[any_match.id] < self._position[zone_match.id] else zone_match

    def _first(self, form: str, rules: tuple[Rule, ...]) -> Rule | None:
        zone = _zone_of(self, rules)
        key = (zone, form)
        cache = self._cache
        if key in cache:
            return cache[key]
        found = self._first_uncached(form, zone)
        if len(cache) >= self._CACHE_SIZE:
            cache.clear()  # a crude bound; real dumps repeat chrome lines within a site
        cache[key] = found
        return found

    _CACHE_SIZE = 200_000

    def _first_uncached(self, form: str, zone: str) -> Rule | None:
        n = len(form)
        for rule in self._index[zone].candidates(form):
            if rule.max_chars and n > rule.max_chars:
                continue
            if rule.full:
                if rule.regex.fullmatch(form) is not None:
                    return rule
            elif rule.regex.search(form) is not None:
                return rule
        return None


def _zone_of(ruleset: "RuleSet", rules: tuple[Rule, ...]) -> str:
    for zone, group in ruleset._only.items():
        if group is rules:
            return zone
    raise ValueError("unknown rule group")


class _LiteralIndex:
    """Rules of one zone indexed by the first character of their required literals,
    separately for each line-length bracket (a long line only consults the few rules
    whose ``max_chars`` admit it)."""

    _FEW = 8  # when this few rules accept a line's length, just try them all

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.literals = [required_literals(rule.pattern) for rule in rules]
        self.limits = sorted({r.max_chars for r in rules if r.max_chars})
        self._brackets: dict[int, tuple[tuple[int, ...], set[int], dict[str, list[tuple[str, int]]], frozenset[str]]] = {}

    def _bracket(self, n: int):
        bound = next((m for m in self.limits if m >= n), None)
        key = bound if bound is not None else -1
        got = self._brackets.get(key)
        if got is None:
            accepting = tuple(k for k, r in enumerate(self.rules) if not r.max_chars or r.max_chars >= n)
            always: set[int] = set()
            by_first: dict[str, list[tuple[str, int]]] = {}
            for k in accepting:
                lits = self.literals[k]
                if not lits or any(not lit for lit in lits):
                    always.add(k)
                    continue
                for lit in sorted(lits):
                    by_first.setdefault(lit[0], []).append((lit, k))
            got = (accepting, always, by_first, frozenset(by_first))
            self._brackets[key] = got
        return got

    def candidates(self, form: str) -> list[Rule]:
        accepting, always, by_first, firsts = self._bracket(len(form))
        if len(accepting) <= self._FEW:
            return [self.rules[k] for k in accepting]
        hit = set(always)
        for first in firsts.intersection(form):
            for lit, k in by_first[first]:
                if lit in form:
                    hit.add(k)
        return [self.rules[k] for k in sorted(hit)]


def _parse_tsv(text: str, origin: str) -> list[Rule]:
    rules = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 6:
            raise ValueError(f"{origin}:{lineno}: expected 6 TAB-separated fields, got {len(fields)}")
        rid, reason, where, max_chars, flags, pattern = fields
        flagset = set() if flags.strip() in ("", "-") else {f.strip() for f in flags.split(",")}
        unknown = flagset - {"full", "block", "keep", "weak"}
        if unknown:
            raise ValueError(f"{origin}:{lineno}: unknown flags {sorted(unknown)}")
        try:
            max_int = int(max_chars)
        except ValueError:
            raise ValueError(f"{origin}:{lineno}: max_chars must be an integer, got {max_chars!r}") from None
        try:
            rules.append(Rule(id=rid.strip(), reason=reason.strip(), pattern=pattern, where=where.strip(),  # type: ignore[arg-type]
                              max_chars=max_int, full="full" in flagset,
                              block="block" in flagset or "keep" in flagset, weak="weak" in flagset))
        except ValueError as exc:
            raise ValueError(f"{origin}:{lineno}: {exc}") from None
    return rules


def load_rules(source: str | Path | io.TextIOBase) -> RuleSet:
    """Load rules from a ``.tsv`` file (the bundled format) or a ``.json`` list of
    objects with the fields of :class:`Rule`."""
    if isinstance(source, io.TextIOBase):
        text, origin = source.read(), getattr(source, "name", "<stream>")
    else:
        path = Path(source)
        text, origin = path.read_text(encoding="utf-8"), str(path)
    if origin.endswith(".json") or text.lstrip().startswith("["):
        items = json.loads(text)
        if isinstance(items, dict):
            items = items.get("rules", [])
        return RuleSet(Rule(**item) for item in items)
    return RuleSet(_parse_tsv(text, origin))


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The bundled rules (``zhnews/resources/boilerplate_rules.tsv``), loaded once."""
    from .resources import resource_text

    return RuleSet(_parse_tsv(resource_text("boilerplate_rules.tsv"), "boilerplate_rules.tsv"))


# --- the matching form of a line -------------------------------------------------------

@dataclass(frozen=True)
class _Line:
    form: str          # matching form
    n_cjk: int
    n_text: int        # letters, digits and CJK in the form (without URLs)
    kind: str          # "prose" | "short" | "image" | "link" | "empty"
    linky: bool        # mostly link text (an item of a link list)
    titled: bool       # reads like a headline: no sentence-final punctuation


_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ALNUM_RE = re.compile(r"[^\W_]")
_SENTENCE_PUNCT_RE = re.compile(r"[。,!?;…]")
_FINAL_PUNCT = ("。", "!", "?", "…", ";", ".", ":")


@functools.lru_cache(maxsize=65536)
def _line_info(line: str) -> _Line:
    form, link_only, link_chars = analyse(line)
    n_cjk = len(_CJK_RE.findall(form))
    n_text = len(_ALNUM_RE.findall(form))
    has_punct = _SENTENCE_PUNCT_RE.search(form) is not None
    if n_text == 0:
        kind = "image" if IMAGE in form else ("link" if link_only else "empty")
    elif link_only and IMAGE not in form:
        kind = "link"
    elif (n_cjk >= 6 and has_punct) or n_cjk >= 25 or n_text >= 60:
        kind = "prose"
    else:
        kind = "short"
    linky = kind == "link" or (0 < len(form) <= 60 and link_chars * 2 >= len(form.replace(" ", "")))
    titled = not form.rstrip(" )]）】\"'”」").endswith(_FINAL_PUNCT)
    return _Line(form=form, n_cjk=n_cjk, n_text=n_text, kind=kind, linky=linky, titled=titled)


# --- the stripper -------------------------------------------------------------------------

#: Reasons whose lines may sit in the header zone next to an account name.
_HEADER_META = frozenset({"byline", "timestamp", "editor", "copyright", "other"})
#: Unmatched prose tolerated between two footer blocks: one line of up to
#: _FOOTER_GAP_CHARS, or up to _FOOTER_GAP_LINES lines of up to _FOOTER_GAP_SHORT each.
_FOOTER_GAP_CHARS = 120
_FOOTER_GAP_LINES = 3
_FOOTER_GAP_SHORT = 60
#: A line under a block heading: short, or a headline of at most this many characters.
_BLOCK_TITLE_CHARS = 60
#: A headline is at most _TITLE_CHARS long, or _LONG_TITLE_CHARS when it has no
#: sentence-final punctuation.
_TITLE_CHARS = 40
_LONG_TITLE_CHARS = 80
#: A run of at least this many link-list items is a link list: fewer in the header and
#: footer zones than in the body, where a list of links can be the article's own.
_LINK_RUN = 3
_LINK_RUN_BODY = 5
_LINK_RUN_GAP_CHARS = 40  # a card title between two links of a list
#: Front matter (YAML ``---`` or TOML ``+++``) closes within this many lines.
_FRONT_MATTER_LINES = 60
_FRONT_MATTER_REASONS = {
    "date": "timestamp", "time": "timestamp", "updated": "timestamp", "last_updated": "timestamp",
    "lastmod": "timestamp", "published": "timestamp", "modified": "timestamp", "pubdate": "timestamp",
    "author": "byline", "authors": "byline", "source": "byline", "editor": "editor",
}
_FRONT_MATTER_KEY_RE = re.compile(r"^\s*([A-Za-z_][\w-]{0,30})\s*[:=]")


#: A run of at least _NAV_RUN lines of at most _NAV_CHARS characters each is a menu.
_NAV_RUN = 4
_NAV_CHARS = 8
_NAV_RULE = Rule(id="context.navigation", reason="other", pattern="(?!)", where="edge", max_chars=_NAV_CHARS)


def _nav_runs(infos: list[_Line]) -> list[bool]:
    """Menus flattened one item a line (时政 / 国际 / 时评 …): runs of very short lines."""
    n = len(infos)
    flags = [False] * n
    i = 0
    while i < n:
        j = i
        while j < n and infos[j].kind == "short" and len(infos[j].form) <= _NAV_CHARS \
                and not _SENTENCE_PUNCT_RE.search(infos[j].form):
            j += 1
        if j - i >= _NAV_RUN:
            for k in range(i, j):
                flags[k] = True
        i = max(j, i + 1)
    return flags


_SECTION_LABELS = frozenset({"导读", "摘要", "前言", "引言", "编者按", "提要", "要点", "概要", "核心提示",
                             "内容提要", "正文", "导语", "背景", "小结", "结语", "附录", "目录"})


def _name_like(info: _Line) -> bool:
    form = info.form
    return (
        info.kind == "short"
        and form not in _SECTION_LABELS
        and 2 <= len(form) <= 12
        and not any(ch.isdigit() for ch in form)
        and all(ch.isalnum() or ch in " ·" for ch in form)
    )


def _repeats_earlier(i: int, infos: list[_Line], paragraphs: list[str], first_keys: dict[str, int]) -> bool:
    """Whether prose line ``i`` repeats an earlier prose line (keys built on first call)."""
    if not first_keys:
        first_keys[""] = -1
        for j, info in enumerate(infos):
            if info.kind == "prose":
                first_keys.setdefault(matching_key(paragraphs[j]), j)
    return first_keys.get(matching_key(paragraphs[i]), i) < i


def _front_matter(paragraphs: list[str]) -> dict[int, tuple[str, str]]:
    """YAML/TOML front matter of a markdown archive: the fence lines and every line in
    between, with a reason taken from the key (``date:`` → timestamp, ``author:`` → byline)."""
    if not paragraphs or paragraphs[0].strip() not in ("---", "+++"):
        return {}
    fence = paragraphs[0].strip()
    for end in range(1, min(len(paragraphs), _FRONT_MATTER_LINES)):
        if paragraphs[end].strip() == fence:
            break
    else:
        return {}
    out = {0: ("other", "context.front_matter"), end: ("other", "context.front_matter")}
    reason = "other"
    for i in range(1, end):
        m = _FRONT_MATTER_KEY_RE.match(paragraphs[i])
        if m and not paragraphs[i].startswith((" ", "\t", "-")):
            reason = _FRONT_MATTER_REASONS.get(m.group(1).lower(), "other")
        out[i] = (reason, "context.front_matter")
    return out


def strip_boilerplate(
    text: str | Sequence[str],
    *,
    rules: RuleSet | Iterable[Rule] | None = None,
    context: bool = True,
) -> BoilerplateResult:
    """Remove boilerplate paragraphs from a scraped article, with a reason for each.

    Args:
        text: the article as one string (one paragraph per line) or a list of paragraphs.
        rules: a :class:`RuleSet` (default: :func:`default_rules`); a plain iterable of
            :class:`Rule` is accepted too.
        context: also use the article's structure (header zone, footer zone, block
            headings); with ``False`` only lines that a rule matches are removed.

    Returns:
        A :class:`~zhnews.types.BoilerplateResult`; indices refer to
        ``split_paragraphs(text)``.

    >>> r = strip_boilerplate("标题\\n全天候科技\\n1周前\\n正文第一段，内容很长很长很长。")
    >>> r.kept
    ('标题', '正文第一段，内容很长很长很长。')
    >>> [(x.text, x.reason) for x in r.removed]
    [('全天候科技', 'byline'), ('1周前', 'timestamp')]
    """
    require_text_or_paragraphs(text, "text")
    if rules is None:
        ruleset = default_rules()
    elif isinstance(rules, RuleSet):
        ruleset = rules
    else:
        ruleset = RuleSet(rules)
    paragraphs = split_paragraphs(text)
    decisions = _decide(paragraphs, ruleset, context)
    kept, kept_idx, removed = [], [], []
    for i, (para, dec) in enumerate(zip(paragraphs, decisions)):
        if dec is None:
            kept.append(para)
            kept_idx.append(i)
        else:
            reason, rule_id = dec
            removed.append(Removal(index=i, text=para, reason=reason, rule=rule_id))
    return BoilerplateResult(kept=tuple(kept), kept_indices=tuple(kept_idx), removed=tuple(removed))


def _decide(paragraphs: list[str], ruleset: RuleSet, context: bool) -> list[tuple[str, str] | None]:
    n = len(paragraphs)
    infos = [_line_info(p) for p in paragraphs]
    body_match: list[Rule | None] = [ruleset.match(info.form, "any") for info in infos]
    decisions: list[tuple[str, str] | None] = [None] * n
    if not context:
        for i, rule in enumerate(body_match):
            if rule is not None and not rule.keep:
                decisions[i] = (rule.reason, rule.id)
        return decisions

    fixed = _front_matter(paragraphs)
    start = max(fixed) + 1 if fixed else 0
    match: list[Rule | None] = list(body_match)
    nav = _nav_runs(infos)
    title, first_body = _header_zone(infos, ruleset, body_match, match, start, nav)
    tail_start = _footer_zone(paragraphs, infos, ruleset, body_match, match, first_body)
    for i in range(first_body, tail_start):
        if match[i] is None:
            match[i] = body_match[i]

    for i, rule in enumerate(match):
        if rule is not None and not rule.keep:
            decisions[i] = (rule.reason, rule.id)
    for i, dec in fixed.items():
        decisions[i] = dec
        match[i] = None
    _header_leftovers(infos, match, decisions, start, title, first_body, paragraphs)
    _block_headings(infos, match, decisions)
    _link_runs(infos, match, decisions, start, first_body, tail_start)
    _footer_blocks(infos, match, decisions, tail_start)
    # Images and markup residue after the last kept line of text close nothing (looking
    # past the footer, so that a second pass over clean text removes nothing new).
    for i in range(n - 1, first_body, -1):
        if decisions[i] is not None:
            continue
        if infos[i].kind not in ("image", "empty"):
            break
        decisions[i] = ("other", "context.trailing_image")
    # Markup residue anywhere (<figure>, <!-- -->, setext underlines, *** rules).
    for i, info in enumerate(infos):
        if info.kind == "empty" and decisions[i] is None and not info.form.strip("• ") \
                and paragraphs[i].strip() not in (">",):
            decisions[i] = ("other", "context.markup")
    return decisions


def _header_zone(infos, ruleset, body_match, match, start, nav) -> tuple[int, int]:
    """Match header rules from the top to the first unmatched prose line; return the
    headline's index (-1 if none) and the first body line.  A headline often has
    commas, so the first unmatched text line may be prose-like without ending the zone;
    a link whose text reads like a headline (feed archives: ``[title](url)``) is one too."""
    n = len(infos)
    first_body = n
    title = -1
    for i in range(start, n):
        info = infos[i]
        rule = ruleset.match(info.form, "head", any_match=body_match[i])
        if rule is None and nav[i]:
            rule = _NAV_RULE
        match[i] = rule
        texty = info.kind in ("prose", "short") or (info.kind == "link" and info.n_text >= 6)
        if rule is not None or not texty:
            continue
        if title < 0:
            title = i
            if info.kind in ("short", "link") or len(info.form) <= _TITLE_CHARS \
                    or (info.titled and len(info.form) <= _LONG_TITLE_CHARS):
                continue
        if info.kind == "prose":
            first_body = i
            break
    return title, first_body


def _footer_zone(paragraphs, infos, ruleset, body_match, match, first_body) -> int:
    """Walk back from the end over matched lines, images, links and short lines; return
    where the footer starts.  Between two matched lines a little unmatched prose is
    tolerated (the blurb under a QR code, a list inside a promotion): up to
    _FOOTER_GAP_LINES short lines or one line of up to _FOOTER_GAP_CHARS.  The last
    lines may be prose when a footer block heading (an author box) sits right above them."""
    n = len(infos)
    tail_start = n
    first_keys: dict[str, int] = {}
    gap_lines = gap_chars = 0
    seen_match = False
    for i in range(n - 1, first_body, -1):
        info = infos[i]
        rule = ruleset.match(info.form, "tail", any_match=body_match[i])
        if rule is not None and rule.keep:
            break
        if rule is not None and rule.where != "any" and info.kind == "prose" and not info.titled \
                and not seen_match:
            # the article's last sentence may mention 扫码/关注/报名: a footer-only rule
            # needs footer evidence below it before it takes a sentence
            rule = body_match[i]
        if rule is not None and rule.weak:
            match[i] = rule
            continue
        if rule is not None:
            match[i] = rule
            tail_start = i
            seen_match = True
            gap_lines = gap_chars = 0
            continue
        if info.kind == "prose":
            if seen_match and _repeats_earlier(i, infos, paragraphs, first_keys):
                break  # a repeat of an earlier paragraph is body (pasted twice), not a footer blurb
            if not seen_match and n - i <= 2 and _block_above(infos, ruleset, body_match, i, first_body):
                continue
            if seen_match and info.titled and len(info.form) <= _BLOCK_TITLE_CHARS:
                continue  # a headline in a list of related articles
            gap_lines += 1
            gap_chars += len(info.form)
            short_gap = gap_lines <= _FOOTER_GAP_LINES and len(info.form) <= _FOOTER_GAP_SHORT
            if seen_match and (short_gap or (gap_lines == 1 and gap_chars <= _FOOTER_GAP_CHARS)):
                continue
            break
    # images right above the footer belong to it (QR codes, banners, end-of-article gifs),
    # unless they follow the body's last paragraph directly (a closing figure)
    top = tail_start
    while top - 1 > first_body and match[top - 1] is None and infos[top - 1].kind == "image":
        top -= 1
    if top < tail_start and infos[top - 1].kind != "prose":
        tail_start = top
    return tail_start


def _block_above(infos, ruleset, body_match, i, first_body) -> bool:
    for j in range(i - 1, max(first_body, i - 3), -1):
        rule = ruleset.match(infos[j].form, "tail", any_match=body_match[j])
        if rule is not None and rule.block and not rule.keep:
            return True
    return False


def _neighbours(infos, stop: int) -> tuple[list[int], list[int]]:
    """For each line below ``stop``, the nearest line before / after it that is not markup
    residue (-1 if none); one pass each way, so linear however much residue there is."""
    prev, nxt = [-1] * stop, [-1] * stop
    last = -1
    for i in range(stop):
        prev[i] = last
        if infos[i].kind != "empty":
            last = i
    last = -1
    for i in range(min(stop, len(infos)) - 1, -1, -1):
        nxt[i] = last
        if infos[i].kind != "empty":
            last = i
    if stop < len(infos):  # the first body line is never residue
        for i in range(stop):
            if nxt[i] == -1:
                nxt[i] = stop
    return prev, nxt


_GIF_RE = re.compile(r"\.gif\b|wx_fmt=gif|mmbiz_gif|/gif/", re.I)


def _header_leftovers(infos, match, decisions, start, title, first_body, paragraphs_text) -> None:
    n = len(infos)
    prevs, nexts = _neighbours(infos, min(first_body, n))
    for i in range(start, min(first_body, n)):
        if match[i] is not None or i == title:
            continue
        info = infos[i]
        if info.kind == "empty" and "|" in info.form:
            continue  # a markdown table row
        if info.kind in ("image", "empty"):
            # the article's lead image sits next to the headline or right above the first
            # paragraph; a run of images up there is a banner
            before, after = prevs[i], nexts[i]
            prev = match[before] if before >= 0 else None
            prev_image = before >= 0 and (infos[before].kind == "image" or (prev is not None and prev.reason == "other"))
            lead_image = (
                info.kind == "image" and not prev_image and not _GIF_RE.search(paragraphs_text[i])
                and (before == title or after == title or after == first_body)
            )
            if not lead_image:
                decisions[i] = ("other", "context.header_decoration")
            continue
        if info.kind == "link" and (title < 0 or i < title):
            decisions[i] = ("other", "context.header_link")
            continue
        if i > title >= 0 and _name_like(info):
            neighbours = [match[j] for j in (i - 1, i + 1) if 0 <= j < n]
            meta = next((r for r in neighbours if r is not None and r.reason in _HEADER_META and not r.keep), None)
            if meta is not None:
                decisions[i] = ("byline", "context.header_name")


def _block_headings(infos, match, decisions) -> None:
    """A block heading (相关阅读 …) takes the short lines, links, images and headline-like
    lines under it, anywhere in the article."""
    n = len(infos)
    for i in range(n):
        rule = match[i]
        if rule is None or not rule.block or rule.keep:
            continue
        for j in range(i + 1, n):
            if match[j] is not None:
                if match[j].weak:
                    continue  # a --- or # between the block's items
                break
            info = infos[j]
            if info.kind == "prose" and not (info.titled and len(info.form) <= _BLOCK_TITLE_CHARS):
                break
            if info.kind == "short" and len(info.form) > _BLOCK_TITLE_CHARS:
                break
            if decisions[j] is None:
                decisions[j] = (rule.reason, "context.block")


def _link_runs(infos, match, decisions, start, first_body, tail_start) -> None:
    """Runs of link-list items (menus, product lists, inline 'related' boxes): at least
    _LINK_RUN items in the header or footer zone, _LINK_RUN_BODY in the body, short
    headings between them allowed; never under a protective heading (参考资料)."""
    n = len(infos)
    protected = False
    i = start
    while i < n:
        rule = match[i]
        if rule is not None:
            protected = rule.keep
        if protected or not infos[i].linky or decisions[i] is not None:
            i += 1
            continue
        j, items, last = i, 0, i
        # between two links of a list: a short heading in the body; a card title in the
        # header or footer zone
        gap = _LINK_RUN_GAP_CHARS if not (first_body <= i < tail_start) else 20
        while j < n:
            info = infos[j]
            if decisions[j] is not None or match[j] is not None:
                if match[j] is not None and match[j].keep:
                    break
            elif info.linky:
                items += 1
                last = j
            elif not (info.kind in ("image", "empty") or len(info.form) <= gap):
                break
            j += 1
        in_body = first_body <= i and last < tail_start
        if items >= (_LINK_RUN_BODY if in_body else _LINK_RUN):
            for k in range(i, last + 1):
                if decisions[k] is None:
                    decisions[k] = ("related_links", "context.link_list")
        i = max(last, i) + 1


def _footer_blocks(infos, match, decisions, tail_start) -> None:
    """In the footer every unmatched line belongs to the block above it."""
    current: tuple[str, str] | None = ("other", "context.footer_image")
    for i in range(tail_start, len(infos)):
        rule = match[i]
        if rule is not None:
            current = (rule.reason, "context.footer") if not rule.keep else None
            continue
        if current is not None and decisions[i] is None:
            decisions[i] = current
