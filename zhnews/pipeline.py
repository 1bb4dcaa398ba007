"""``clean()``: the composition of the cleaning steps.

Every cleaning step has the same shape: it takes the paragraphs that are still
kept and returns the ones it removes, as :class:`~zhnews.types.Removal` with
indices into the list it was given.  ``clean`` runs the steps in order and maps
every removal back to the input position, so a step is easy to add, reorder,
switch off or explain.

>>> r = clean("标题\\n正文第一段，内容比较长。\\n点个在看\\n正文第一段，内容比较长。")
>>> r.paragraphs
('标题', '正文第一段，内容比较长。')
>>> [(x.index, x.reason, x.duplicate_of) for x in r.removed]
[(2, 'call_to_action', None), (3, 'duplicate', 1)]
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Iterable, Literal, Mapping, Sequence

from ._validate import require_text_or_paragraphs
from .boilerplate import Rule, RuleSet, strip_boilerplate
from .dedup import find_duplicates
from .text import normalize as _normalize
from .text import matching_key, split_paragraphs
from .types import ArticleResult, CleanResult, Removal

__all__ = [
    "clean", "CleaningStep", "boilerplate_step", "duplicate_step", "repeat_step", "default_steps",
    "process", "Pipeline", "make_pipeline", "Step", "clean_step", "sentiment_step", "claims_step",
    "to_article", "looks_like_html", "DEFAULT_STEPS",
]

#: A cleaning step: paragraphs still kept → the removals it makes (local indices).
CleaningStep = Callable[[Sequence[str]], Iterable[Removal]]


def boilerplate_step(*, rules: RuleSet | Iterable[Rule] | None = None, context: bool = True) -> CleaningStep:
    """The boilerplate-stripping step (:func:`zhnews.strip_boilerplate`)."""

    def step(paragraphs: Sequence[str]) -> Iterable[Removal]:
        return strip_boilerplate(list(paragraphs), rules=rules, context=context).removed

    step.__name__ = "strip_boilerplate"
    return step


def duplicate_step(*, threshold: float | None = 0.8) -> CleaningStep:
    """Drop repeated paragraphs, keeping the first occurrence: exact repeats (reason
    ``duplicate``) and, unless ``threshold`` is None, near-copies whose shingle Jaccard
    is at least ``threshold`` (reason ``near_duplicate``, with the similarity)."""

    def step(paragraphs: Sequence[str]) -> Iterable[Removal]:
        found = find_duplicates(paragraphs, threshold=threshold)
        removed = []
        for i, (j, sim) in sorted(found.items()):
            exact = sim == 1.0 and matching_key(paragraphs[i]) == matching_key(paragraphs[j])
            removed.append(Removal(
                index=i, text=paragraphs[i], reason="duplicate" if exact else "near_duplicate",
                rule="dedup.exact" if exact else "dedup.near", duplicate_of=j,
                similarity=None if exact else sim))
        return removed

    step.__name__ = "drop_duplicates" if threshold is not None else "drop_repeats"
    return step


def repeat_step() -> CleaningStep:
    """Drop exact repeats only (on the matching key), keeping the first occurrence."""
    return duplicate_step(threshold=None)


def default_steps(
    *, rules: RuleSet | Iterable[Rule] | None = None, near_duplicates: float | None = 0.8
) -> list[CleaningStep]:
    """The steps :func:`clean` runs by default: boilerplate, then repeated paragraphs
    (exact, and near-copies at Jaccard ≥ ``near_duplicates`` unless it is None)."""
    return [boilerplate_step(rules=rules), duplicate_step(threshold=near_duplicates)]


def clean(
    text: str | Sequence[str],
    *,
    normalize: bool = False,
    rules: RuleSet | Iterable[Rule] | None = None,
    near_duplicates: float | None = 0.8,
    steps: Sequence[CleaningStep] | None = None,
    format: Literal["auto", "text", "html"] = "auto",
) -> CleanResult:
    """Clean a scraped article: split → strip boilerplate → drop repeated paragraphs.

    Args:
        text: the article (one paragraph per line), a list of paragraphs, or the raw
            HTML of a scraped page.
        normalize: apply :func:`zhnews.normalize` (width and whitespace) to every
            paragraph first; the output then holds the normalised text.  Off by default:
            output paragraphs are input paragraphs, character for character.
        rules: boilerplate rules for the default steps (see :class:`zhnews.RuleSet`).
        near_duplicates: Jaccard threshold for near-copies of earlier paragraphs
            (reason ``near_duplicate``); ``None`` drops exact repeats only.
        steps: replace the default steps (:func:`default_steps`) with your own.
        format: ``"auto"`` detects HTML (see :func:`looks_like_html`); ``"text"`` or
            ``"html"`` force one.  For HTML the input paragraphs are the page's text
            blocks (:func:`zhnews.html.html_to_paragraphs`).

    Returns:
        :class:`~zhnews.types.CleanResult`: ``text``, ``paragraphs``, ``removed``
        (every removed paragraph with its reason, in input order).

    Raises:
        TypeError: ``text`` is not ``str`` or a list of ``str``.
    """
    require_text_or_paragraphs(text, "text")
    article = to_article(text, format=format)
    if normalize:
        normalized = [p for p in (_normalize(p) for p in article.paragraphs) if p]
        article = article.replace(paragraphs=tuple(normalized), kept_indices=tuple(range(len(normalized))),
                                  n_input=len(normalized))
    if steps is None:
        steps = default_steps(rules=rules, near_duplicates=near_duplicates)
    result = _apply_cleaning(article, steps)
    return CleanResult(text=result.text, paragraphs=result.paragraphs, kept_indices=result.kept_indices,
                       removed=result.removed, n_input=result.n_input)


# --- articles: process() and pipelines ------------------------------------------------------

#: A pipeline step: an :class:`~zhnews.types.ArticleResult` in, a new one out.
Step = Callable[[ArticleResult], ArticleResult]

_TEXT_FIELDS = ("text", "content", "body", "article")
_HTML_FIELDS = ("html", "raw_html", "page")
_META_FIELDS = ("id", "title", "url", "published")
_PUBLISHED_ALIASES = ("published", "date", "pub_date", "publish_time", "time")
Format = Literal["auto", "text", "html"]


def to_article(article: Any, *, format: Format = "auto") -> ArticleResult:
    """Turn the accepted inputs into an :class:`~zhnews.types.ArticleResult` whose
    paragraphs are the input paragraphs (nothing removed yet).

    Accepts a ``str`` (plain text with one paragraph per line, or HTML), a list of
    paragraphs, or a mapping record with a text field (``text``, ``content``, ``body``,
    ``article``) or an HTML field (``html``) and optional ``id``, ``title``, ``url``,
    ``published``; other fields go to ``meta``.

    Raises:
        TypeError: ``article`` is none of these (bytes: decode them with
            :func:`zhnews.decode` first).
        ValueError: a record has no text field, or ``format`` is unknown.
    """
    if format not in ("auto", "text", "html"):
        raise ValueError(f"argument 'format' must be 'auto', 'text' or 'html', got {format!r}")
    meta: dict[str, Any] = {}
    fields: dict[str, Any] = {}
    if isinstance(article, Mapping):
        record = dict(article)
        fields["id"] = record.pop("id", None)
        fields["title"] = record.pop("title", None)
        fields["url"] = record.pop("url", None)
        for alias in _PUBLISHED_ALIASES:
            if alias in record and fields.get("published") is None:
                fields["published"] = record.pop(alias)
        body: Any = None
        for name in _HTML_FIELDS:
            if name in record:
                body = record.pop(name)
                if format == "auto":
                    format = "html"
                break
        else:
            for name in _TEXT_FIELDS:
                if name in record:
                    body = record.pop(name)
                    break
            else:
                raise ValueError("record has no text field (one of " + ", ".join(_TEXT_FIELDS + _HTML_FIELDS) + ")")
        meta = record
        for key in ("title", "url", "published"):
            if fields.get(key) is not None and not isinstance(fields[key], str):
                fields[key] = str(fields[key])
        article = body
        name = "text"
    else:
        name = "article"
    require_text_or_paragraphs(article, name)
    if isinstance(article, str) and (format == "html" or (format == "auto" and looks_like_html(article))):
        return _html_article(article, fields, meta)
    paragraphs = split_paragraphs(article)
    return ArticleResult(text="\n".join(paragraphs), paragraphs=tuple(paragraphs),
                         kept_indices=tuple(range(len(paragraphs))), n_input=len(paragraphs),
                         meta=meta, **fields)


def _html_article(html: str, fields: dict[str, Any], meta: dict[str, Any]) -> ArticleResult:
    """The page's text blocks are the input paragraphs; blocks outside the main content
    are removed up front, with the reason the page structure gives."""
    from .html import html_blocks

    blocks = html_blocks(html)
    kept, positions, removed = [], [], []
    for i, block in enumerate(blocks):
        if block.outside is None:
            kept.append(block.text)
            positions.append(i)
        else:
            removed.append(Removal(index=i, text=block.text, reason=block.outside, rule="html.outside_main"))
    if fields.get("title") is None:
        fields["title"] = next((b.text for b in blocks if b.heading), None)
    return ArticleResult(text="\n".join(kept), paragraphs=tuple(kept), kept_indices=tuple(positions),
                         removed=tuple(removed), n_input=len(blocks), meta=meta, **fields)


_HTML_DOC_RE = re.compile(r"<!doctype html|<html\b|<body\b|<head\b", re.I)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML rather than plain text: a doctype or an ``<html>``,
    ``<head>`` or ``<body>`` tag in its first 10,000 characters, or at least three
    lines of which most start with a tag.  Markdown with a few inline tags (``<br>``,
    ``<figure>``) stays text.

    >>> looks_like_html("<html><body><p>正文</p></body></html>"), looks_like_html("一段 <b>文字</b>")
    (True, False)
    """
    head = text[:10_000]
    if _HTML_DOC_RE.search(head):
        return True
    lines = [line.lstrip() for line in head.splitlines()[:200] if line.strip()]
    tagged = sum(1 for line in lines if line.startswith("<") and not line.startswith("<!--"))
    return tagged >= 3 and tagged * 2 >= len(lines)


#: Rounds of cleaning at most: removing lines changes the context the steps decided on
#: (zones, neighbours, menus), so the steps run again on what is left until nothing
#: more goes; clean(clean(x).text) then removes nothing.  The second round is cheap:
#: per-line analysis and rule matches are cached.
_MAX_ROUNDS = 3


def _apply_cleaning(result: ArticleResult, steps: Sequence[CleaningStep]) -> ArticleResult:
    """Run cleaning steps on the result's paragraphs; map removals to input positions."""
    current = list(result.paragraphs)
    positions = list(result.kept_indices)
    removed = list(result.removed)
    ran_at = [-1] * len(steps)  # number of removals when each step last ran
    for _ in range(_MAX_ROUNDS):
        round_start = len(removed)
        for k, step in enumerate(steps):
            if ran_at[k] == len(removed):
                continue  # nothing changed since this step last looked
            ran_at[k] = len(removed)
            gone: dict[int, Removal] = {}
            for r in step(current):
                if not isinstance(r, Removal) or not 0 <= r.index < len(current):
                    raise ValueError(
                        f"cleaning step {getattr(step, '__name__', step)!r} returned an invalid removal: {r!r}")
                dup = positions[r.duplicate_of] if r.duplicate_of is not None else None
                gone[r.index] = dataclasses.replace(r, index=positions[r.index], text=current[r.index],
                                                    duplicate_of=dup)
            removed.extend(gone.values())
            keep = [i for i in range(len(current)) if i not in gone]
            current = [current[i] for i in keep]
            positions = [positions[i] for i in keep]
        if len(removed) == round_start:
            break
    removed.sort(key=lambda r: r.index)
    return result.replace(text="\n".join(current), paragraphs=tuple(current), kept_indices=tuple(positions),
                          removed=tuple(removed))


def clean_step(
    *,
    rules: RuleSet | Iterable[Rule] | None = None,
    near_duplicates: float | None = 0.8,
    normalize: bool = False,
) -> Step:
    """The cleaning step of :func:`process`: boilerplate, repeats and near-copies
    (the same as :func:`clean`)."""
    steps = default_steps(rules=rules, near_duplicates=near_duplicates)

    def step(result: ArticleResult) -> ArticleResult:
        if normalize:
            result = result.replace(paragraphs=tuple(_normalize(p) or p for p in result.paragraphs))
        return _apply_cleaning(result, steps)

    step.__name__ = "clean"
    return step


def sentiment_step(**options: Any) -> Step:
    """Score the clean text's sentiment (:func:`zhnews.score_sentiment`)."""

    def step(result: ArticleResult) -> ArticleResult:
        from .sentiment import score_sentiment

        return result.replace(sentiment=score_sentiment(result.text, **options))

    step.__name__ = "sentiment"
    return step


def claims_step(*, top_k: int = 5, **options: Any) -> Step:
    """Extract the key claims of the clean paragraphs (:func:`zhnews.extract_claims`)."""

    def step(result: ArticleResult) -> ArticleResult:
        from .claims import extract_claims

        claims = extract_claims(list(result.paragraphs), top_k=top_k, title=result.title, **options)
        return result.replace(claims=tuple(claims))

    step.__name__ = "claims"
    return step


_NAMED_STEPS: dict[str, Callable[[], Step]] = {
    "clean": clean_step,
    "sentiment": sentiment_step,
    "claims": claims_step,
}
#: The steps :func:`process` runs when none are named.
DEFAULT_STEPS = ("clean", "sentiment", "claims")


def _resolve(step: str | Step) -> Step:
    if isinstance(step, str):
        try:
            return _NAMED_STEPS[step]()
        except KeyError:
            raise ValueError(f"unknown step {step!r}; named steps are {sorted(_NAMED_STEPS)}") from None
    if not callable(step):
        raise TypeError(f"a step must be a step name or a callable, not {type(step).__name__}")
    return step


class Pipeline:
    """Steps composed left to right, textacy-style: ``Pipeline(a, b)(article) == b(a(article))``.

    A step is a step name (``"clean"``, ``"sentiment"``, ``"claims"``) or any callable
    taking and returning an :class:`~zhnews.types.ArticleResult` (bind options with
    ``functools.partial`` or the step factories).

    >>> def shout(result):
    ...     return result.replace(text=result.text + "！")
    >>> pipe = Pipeline("clean", shout)
    >>> pipe("央行宣布降准。\\n责任编辑：张三").text
    '央行宣布降准。！'
    """

    def __init__(self, *steps: str | Step) -> None:
        self.steps: tuple[Step, ...] = tuple(_resolve(s) for s in steps)

    def __call__(self, article: Any, *, format: Format = "auto") -> ArticleResult:
        result = article if isinstance(article, ArticleResult) else to_article(article, format=format)
        for step in self.steps:
            result = step(result)
            if not isinstance(result, ArticleResult):
                raise TypeError(f"step {getattr(step, '__name__', step)!r} must return an ArticleResult, "
                                f"got {type(result).__name__}")
        return result

    def __repr__(self) -> str:
        return "Pipeline(" + ", ".join(getattr(s, "__name__", repr(s)) for s in self.steps) + ")"


def make_pipeline(*steps: str | Step) -> Pipeline:
    """``Pipeline(*steps)``; see :class:`Pipeline`."""
    return Pipeline(*steps)


def process(
    article: Any,
    *,
    steps: Sequence[str | Step] = DEFAULT_STEPS,
    format: Format = "auto",
) -> ArticleResult:
    """One call for one article: the chosen steps in order, one typed result.

    Args:
        article: plain text, a list of paragraphs, raw HTML of a scraped page, or a
            record (mapping) with ``text``/``html`` and optional ``id``, ``title``,
            ``url``, ``published`` fields that pass through.
        steps: step names (``"clean"``, ``"sentiment"``, ``"claims"``) or callables.
        format: ``"auto"`` (detects HTML), ``"text"`` or ``"html"``.

    >>> r = process({"id": 7, "text": "央行宣布降准。\\n点个在看"}, steps=["clean"])
    >>> r.id, r.text, [x.reason for x in r.removed]
    (7, '央行宣布降准。', ['call_to_action'])
    >>> sorted(r.to_dict())[:4]
    ['claims', 'id', 'kept_indices', 'meta']
    """
    return Pipeline(*steps)(article, format=format)
