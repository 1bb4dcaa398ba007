"""Rebuild zhnews/resources/t2s_chars.tsv from OpenCC's character tables.

OpenCC (Apache-2.0) ships TSCharacters.txt (traditional -> simplified) and the
Taiwan/Hong Kong variant tables.  zhnews only needs a single-character mapping for
matching and rule lookup, so we compose: regional variant -> OpenCC traditional ->
simplified, keep the first candidate, and drop identity pairs.

Usage: pip install opencc-python-reimplemented && python scripts/build_t2s_table.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def read_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or "\t" not in line:
            continue
        src, dst = line.split("\t", 1)
        dst = dst.split(" ")[0]
        if len(src) == 1 and len(dst) == 1:
            table[src] = dst
    return table


def main() -> int:
    import opencc  # opencc-python-reimplemented, only needed to rebuild

    base = Path(os.path.dirname(opencc.__file__)) / "dictionary"
    t2s = read_table(base / "TSCharacters.txt")
    variants: dict[str, str] = {}
    for name in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        variants.update(read_table(base / name))
    mapping = dict(t2s)
    for var, trad in variants.items():
        simp = t2s.get(trad, trad)
        mapping.setdefault(var, simp)
    out = Path(__file__).resolve().parents[1] / "zhnews" / "resources" / "t2s_chars.tsv"
    rows = sorted((k, v) for k, v in mapping.items() if k != v)
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# traditional\tsimplified -- single characters, from OpenCC (Apache-2.0); "
                 "rebuilt by scripts/build_t2s_table.py\n")
        for k, v in rows:
            fh.write(f"{k}\t{v}\n")
    print(f"wrote {len(rows)} pairs to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
