"""Package data: rule lists, lexicons and model weights, loaded lazily and cached.

Nothing here is read at ``import zhnews``; each loader reads its file on first use.
Files are located with :mod:`importlib.resources`, so they work from a wheel, a
zip or an editable install.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


def resource_text(name: str) -> str:
    """The text of a bundled resource file (UTF-8)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def resource_bytes(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


@functools.lru_cache(maxsize=None)
def resource_json(name: str) -> Any:
    return json.loads(resource_text(name))


@functools.lru_cache(maxsize=1)
def t2s_table() -> dict[int, int]:
    """``str.translate`` table mapping traditional characters to simplified."""
    table: dict[int, int] = {}
    for line in resource_text("t2s_chars.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        src, dst = line.split("\t")
        table[ord(src)] = ord(dst)
    return table
