"""Argument checks shared by every public function, so errors read the same everywhere."""

from __future__ import annotations

from typing import Any, Sequence


def require_str(value: Any, name: str) -> str:
    """Return ``value`` if it is a ``str``; otherwise raise ``TypeError`` naming the argument."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"argument {name!r} must be str, not {type(value).__name__}; "
            "decode bytes first with zhnews.decode()"
        )
    raise TypeError(f"argument {name!r} must be str, not {type(value).__name__}")


def require_text_or_paragraphs(value: Any, name: str) -> "str | Sequence[str]":
    """Accept ``str`` or a list/tuple of ``str`` (paragraphs)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise TypeError(
                    f"argument {name!r} must be str or a list of str; item {i} is {type(item).__name__}"
                )
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"argument {name!r} must be str or a list of str, not {type(value).__name__}; "
            "decode bytes first with zhnews.decode()"
        )
    raise TypeError(f"argument {name!r} must be str or a list of str, not {type(value).__name__}")


def require_fraction(value: Any, name: str, *, low_open: bool = True) -> float:
    """A number in (0, 1] (or [0, 1] when ``low_open`` is False)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"argument {name!r} must be a number, not {type(value).__name__}")
    v = float(value)
    ok = (0.0 < v <= 1.0) if low_open else (0.0 <= v <= 1.0)
    if not ok:
        interval = "(0, 1]" if low_open else "[0, 1]"
        raise ValueError(f"argument {name!r} must be in {interval}, got {value!r}")
    return v


def require_int(value: Any, name: str, *, minimum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"argument {name!r} must be an int, not {type(value).__name__}")
    if minimum is not None and value < minimum:
        raise ValueError(f"argument {name!r} must be >= {minimum}, got {value!r}")
    return value
