"""Required literals of a regular expression, for pre-filtering rules cheaply.

``required_literals(pattern)`` returns a set of strings such that every match of the
pattern contains at least one of them, or ``None`` when no such set is known (the rule
must then always be tried).  It reads the pattern's parse tree (``re._parser``), so it
is an optimisation only: when the parser is unavailable every rule is simply tried.
"""

from __future__ import annotations

from typing import Any

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["required_literals"]


def required_literals(pattern: str) -> set[str] | None:
    """A set of literals one of which every match contains (``None``: unknown).

    >>> sorted(required_literals("点.{0,4}在看|三连"))
    ['三连', '在看']
    >>> required_literals(r"\\d+") is None
    True
    """
    try:
        tree = _p.parse(pattern)
    except Exception:
        return None
    return _required(list(tree))


def _best(candidates: list[set[str]]) -> set[str] | None:
    if not candidates:
        return None
    # prefer long literals (selective), then few alternatives
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
        elif op is _c.SUBPATTERN:
            inner = list(av[-1])
            if inner and all(o is _c.LITERAL for o, _ in inner):
                run.append("".join(chr(a) for _, a in inner))
                continue
            flush()
            req = _required(inner)
            if req:
                candidates.append(req)
        elif op is _c.BRANCH:
            flush()
            branches = [_required(list(b)) for b in av[1]]
            if branches and all(branches):
                candidates.append(set().union(*branches))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            flush()
            low, _high, inner = av
            if low >= 1:
                req = _required(list(inner))
                if req:
                    candidates.append(req)
        elif op is _c.AT:
            continue  # zero-width: the run goes on
        else:
            flush()
    flush()
    return _best(candidates)
