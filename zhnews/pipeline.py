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

from typing import Callable, Iterable, Sequence

from ._validate import require_text_or_paragraphs
from .boilerplate import Rule, RuleSet, strip_boilerplate
from .dedup import find_duplicates
from .text import normalize as _normalize
from .text import matching_key, split_paragraphs
from .types import CleanResult, Removal

__all__ = ["clean", "CleaningStep", "boilerplate_step", "duplicate_step", "repeat_step", "default_steps"]

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
                rule="dedup.exact" if exact else "dedup.minhash", duplicate_of=j,
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
) -> CleanResult:
    """Clean a scraped article: split → strip boilerplate → drop repeated paragraphs.

    Args:
        text: the article (one paragraph per line) or a list of paragraphs.
        normalize: apply :func:`zhnews.normalize` (width and whitespace) to every
            paragraph first; the output then holds the normalised text.  Off by default:
            output paragraphs are input paragraphs, character for character.
        rules: boilerplate rules for the default steps (see :class:`zhnews.RuleSet`).
        near_duplicates: Jaccard threshold for near-copies of earlier paragraphs
            (reason ``near_duplicate``); ``None`` drops exact repeats only.
        steps: replace the default steps (:func:`default_steps`) with your own.

    Returns:
        :class:`~zhnews.types.CleanResult`: ``text``, ``paragraphs``, ``removed``
        (every removed paragraph with its reason, in input order).

    Raises:
        TypeError: ``text`` is not ``str`` or a list of ``str``.
    """
    require_text_or_paragraphs(text, "text")
    paragraphs = split_paragraphs(text)
    if normalize:
        paragraphs = [p for p in (_normalize(p) for p in paragraphs) if p]
    if steps is None:
        steps = default_steps(rules=rules, near_duplicates=near_duplicates)
    alive = list(range(len(paragraphs)))
    removed: list[Removal] = []
    for step in steps:
        current = [paragraphs[i] for i in alive]
        gone: dict[int, Removal] = {}
        for r in step(current):
            if not isinstance(r, Removal) or not 0 <= r.index < len(current):
                raise ValueError(f"cleaning step {getattr(step, '__name__', step)!r} returned an invalid removal: {r!r}")
            dup = alive[r.duplicate_of] if r.duplicate_of is not None else None
            gone[r.index] = Removal(index=alive[r.index], text=paragraphs[alive[r.index]], reason=r.reason,
                                    rule=r.rule, duplicate_of=dup, similarity=r.similarity)
        removed.extend(gone.values())
        alive = [idx for k, idx in enumerate(alive) if k not in gone]
    removed.sort(key=lambda r: r.index)
    kept = tuple(paragraphs[i] for i in alive)
    return CleanResult(text="\n".join(kept), paragraphs=kept, kept_indices=tuple(alive),
                       removed=tuple(removed), n_input=len(paragraphs))
