"""Hostile input at 1, 2, 4 and 8 times a base size: clean() must scale linearly.

For each input family, times zhnews.clean at 1x, 2x, 4x and 8x the base size and
prints seconds and the ratio t(kx)/t(1x); linear behaviour gives ratios near k
(quadratic would give k**2).  Families: a normal article repeated to ~10 MB, one
line of 100k+ '*《' characters, a 1 MB line without newlines, a link list of
100k lines, deeply repeated punctuation, unclosed markdown, broken HTML with scripts.

Usage: python benchmarks/bench_hostile.py [--base-mb 1.25]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import zhnews  # noqa: E402

SEED = (ROOT / "data" / "samples" / "douyin-consumer-experience.txt").read_text(encoding="utf-8")


def families(base_chars: int):
    yield "article (seed repeated, many lines)", lambda k: (SEED * (k * base_chars // len(SEED) + 1))
    yield "one line of *《", lambda k: "*《" * (k * base_chars // 2)
    yield "one line of prose, no newline", lambda k: ("抖音电商发布报告，" * (k * base_chars // 9))
    yield "link list lines", lambda k: "\n".join(f"* 《第{i}篇相关文章》" for i in range(k * base_chars // 12))
    yield "repeated punctuation", lambda k: "。。。……！？" * (k * base_chars // 8)
    yield "unclosed markdown", lambda k: ("![" + "[(" * 50 + "\n") * (k * base_chars // 102)
    yield "HTML, broken tags and scripts", lambda k: ("<div><p>正文段落，内容比较长的一句话。<script>var a='<p>';</script><b><i>未闭合\n"
                                                     * (k * base_chars // 48))


def timed(text: str) -> float:
    t0 = time.perf_counter()
    zhnews.clean(text, format="html" if text.startswith("<div>") else "text")
    return time.perf_counter() - t0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base-mb", type=float, default=1.25, help="size of the 1x input in MB of UTF-8 (default 1.25)")
    args = ap.parse_args(argv)
    base_chars = int(args.base_mb * 1_000_000 / 3)
    zhnews.clean(SEED)  # load rules once
    print(f"{'input':38s} " + " ".join(f"{k}x:{'s':>7s}" for k in (1, 2, 4, 8)) + "   ratios t(k)/t(1)")
    for name, make in families(base_chars):
        times = []
        sizes = []
        for k in (1, 2, 4, 8):
            text = make(k)
            sizes.append(len(text.encode("utf-8")) / 1e6)
            times.append(timed(text))
        ratios = " ".join(f"{t / times[0]:.1f}" for t in times)
        print(f"{name:38s} " + " ".join(f"{t:10.2f}" for t in times) + f"   {ratios}   (8x = {sizes[-1]:.1f} MB)")


if __name__ == "__main__":
    main()
