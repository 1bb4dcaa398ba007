"""Result types: small frozen dataclasses with ``to_dict()`` for JSON output."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Mapping

__all__ = ["Removal", "BoilerplateResult", "CleanResult", "ArticleResult", "REASONS"]

#: Every reason a paragraph can be removed for.  ``other`` covers archive residue,
#: navigation fragments and decoration (返回列表页, lone ``#``, END, cover images).
REASONS = (
    "related_links",
    "call_to_action",
    "disclaimer",
    "byline",
    "timestamp",
    "app_chrome",
    "ad",
    "copyright",
    "editor",
    "other",
    "duplicate",
    "near_duplicate",
)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _DictMixin:
    def to_dict(self) -> dict[str, Any]:
        """A plain ``dict`` (lists instead of tuples), ready for ``json.dumps``."""
        return _plain(self)


@dataclass(frozen=True)
class Removal(_DictMixin):
    """One removed paragraph and why.

    Attributes:
        index: position of the paragraph in the input paragraphs (0-based).
        text: the paragraph as it was in the input.
        reason: one of :data:`REASONS`.
        rule: id of the rule or step that removed it (``"cta.zai_kan"``,
            ``"context.tail_block"``, ``"dedup.exact"`` …).
        duplicate_of: for ``duplicate``/``near_duplicate``, the index of the kept
            paragraph it repeats.
        similarity: for ``near_duplicate``, the estimated Jaccard similarity.
    """

    index: int
    text: str
    reason: str
    rule: str
    duplicate_of: int | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class BoilerplateResult(_DictMixin):
    """What :func:`zhnews.strip_boilerplate` kept and removed.

    ``kept`` holds the article's own paragraphs in their original text and order;
    ``kept_indices[i]`` is the input position of ``kept[i]``.  Every input paragraph
    is in exactly one of ``kept`` and ``removed``.
    """

    kept: tuple[str, ...]
    kept_indices: tuple[int, ...]
    removed: tuple[Removal, ...]

    @property
    def text(self) -> str:
        """The kept paragraphs joined by newlines."""
        return "\n".join(self.kept)


@dataclass(frozen=True)
class CleanResult(_DictMixin):
    """What :func:`zhnews.clean` produced.

    Attributes:
        text: the clean article, kept paragraphs joined by ``\\n``.
        paragraphs: the kept paragraphs.
        kept_indices: input position of each kept paragraph.
        removed: every removed paragraph with its reason, in input order.
        n_input: number of input paragraphs (``len(paragraphs) + len(removed)``).
    """

    text: str
    paragraphs: tuple[str, ...]
    kept_indices: tuple[int, ...]
    removed: tuple[Removal, ...] = field(default_factory=tuple)
    n_input: int = 0

    def explain(self) -> str:
        """One line per removed paragraph: ``index<TAB>reason<TAB>rule<TAB>text``."""
        lines = []
        for r in self.removed:
            extra = f" (of {r.duplicate_of})" if r.duplicate_of is not None else ""
            lines.append(f"{r.index}\t{r.reason}{extra}\t{r.rule}\t{r.text}")
        return "\n".join(lines)


@dataclass(frozen=True)
class ArticleResult(_DictMixin):
    """Everything :func:`zhnews.process` knows about one article.

    Attributes:
        id, title, url, published: passed through from the input record (``None``
            when absent).
        text: the clean article, kept paragraphs joined by ``\\n``.
        paragraphs: the kept paragraphs.
        kept_indices: input position of each kept paragraph.
        removed: every removed paragraph with its reason, in input order.
        n_input: number of input paragraphs.
        sentiment: a :class:`zhnews.sentiment.Sentiment` when the sentiment step ran.
        claims: a tuple of :class:`zhnews.claims.Claim` when the claims step ran.
        meta: other fields of the input record, passed through unchanged.
    """

    id: Any = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    text: str = ""
    paragraphs: tuple[str, ...] = ()
    kept_indices: tuple[int, ...] = ()
    removed: tuple[Removal, ...] = ()
    n_input: int = 0
    sentiment: Any = None
    claims: tuple[Any, ...] | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> "ArticleResult":
        """A copy with some fields changed (results are immutable)."""
        return dataclasses.replace(self, **changes)
