"""Duplicate paragraphs inside an article.

Exact repeats are found on the matching key (:func:`zhnews.text.matching_key`), so
a repeat that differs only in punctuation width, spacing or traditional/simplified
characters is still a repeat.  A very short paragraph (a section number, a short
heading) is only a repeat when its neighbours repeat too: "1" between two
repeated paragraphs is part of a pasted-twice body, "1" on its own is content.

>>> body = ["第一部分的正文内容，比较长。", "1", "第二部分的正文内容，比较长。"]
>>> paras = ["标题", *body, "1", *body]
>>> sorted(find_repeats(paras).items())    # the lone "1" at index 4 stays
[(5, 1), (6, 2), (7, 3)]
"""

from __future__ import annotations

from typing import Sequence

from ._validate import require_int
from .text import matching_key

__all__ = ["find_repeats", "SHORT_PARAGRAPH_CHARS"]

#: Paragraphs whose matching key is at most this long are "short": a repeat of one
#: only counts when a neighbour repeats the original's neighbour.
SHORT_PARAGRAPH_CHARS = 8


def _has_cjk(key: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in key)


def find_repeats(paragraphs: Sequence[str], *, short_chars: int = SHORT_PARAGRAPH_CHARS) -> dict[int, int]:
    """Map each repeated paragraph's index to the index of its first occurrence.

    Paragraphs with an empty matching key (pure punctuation or decoration) are
    never repeats; short ones, and ones without any Chinese character (images,
    URLs, lazy-load placeholders that every image of a page shares), only repeat
    together with a neighbour.
    """
    require_int(short_chars, "short_chars", minimum=0)
    keys = [matching_key(p) for p in paragraphs]
    first: dict[str, int] = {}
    repeat: dict[int, int] = {}
    short: list[int] = []
    for i, key in enumerate(keys):
        if not key:
            continue
        if len(key) <= short_chars or not _has_cjk(key):
            short.append(i)
            continue
        if key in first:
            repeat[i] = first[key]
        else:
            first[key] = i

    def candidate(i: int) -> int | None:
        key = keys[i]
        for nb, step in ((i - 1, 1), (i + 1, -1)):
            orig_nb = repeat.get(nb)
            if orig_nb is None:
                continue
            j = orig_nb + step
            if 0 <= j < i and keys[j] == key and j not in repeat:
                return j
        return None

    # Short paragraphs: propagate along repeated runs, forwards and backwards,
    # a bounded number of times (each pass is linear).
    for _ in range(4):
        changed = False
        for order in (short, reversed(short)):
            for i in order:
                if i in repeat:
                    continue
                j = candidate(i)
                if j is not None:
                    repeat[i] = j
                    changed = True
        if not changed:
            break
    return repeat
