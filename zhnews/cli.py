"""The ``zhnews`` command line, thin over the library functions.

Exit codes: 0 success, 1 input could not be processed (bad encoding, unreadable
file), 2 usage error (argparse).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .pipeline import clean
from .text import decode

EXIT_OK = 0
EXIT_INPUT = 1


def _read_input(path: str, encoding: str | None) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(path).read_bytes()
    return decode(data, encoding=encoding)


def _cmd_clean(args: argparse.Namespace) -> int:
    try:
        text = _read_input(args.file, args.encoding)
    except (OSError, ValueError) as exc:
        print(f"zhnews clean: {args.file}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    result = clean(text, normalize=args.normalize)
    out = sys.stdout
    if args.explain:
        removed = {r.index: r for r in result.removed}
        paragraphs = [*result.paragraphs]
        kept = dict(zip(result.kept_indices, paragraphs))
        for i in range(result.n_input):
            if i in kept:
                out.write(f"  KEEP  {kept[i]}\n")
            else:
                r = removed[i]
                extra = f" of #{r.duplicate_of + 1}" if r.duplicate_of is not None else ""
                out.write(f"- {r.reason}{extra} [{r.rule}]  {r.text}\n")
    else:
        if result.text:
            out.write(result.text + "\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhnews",
        description="Clean, deduplicate and score scraped Chinese news articles.",
    )
    parser.add_argument("--version", action="version", version=f"zhnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "clean",
        help="print the clean text of one article",
        description="Strip boilerplate (bylines, timestamps, calls to action, related links, app chrome, "
        "ads, copyright and editor lines) and repeated paragraphs from one scraped article and print "
        "the clean text. Input bytes are decoded as UTF-8, then GB18030, unless --encoding is given.",
    )
    p.add_argument("file", help="a text file with one paragraph per line, or - for standard input")
    p.add_argument("--explain", action="store_true",
                   help="print every input paragraph, marked KEEP or with the reason and rule that removed it")
    p.add_argument("--normalize", action="store_true",
                   help="normalise full/half-width characters and spaces in the output (off by default)")
    p.add_argument("--encoding", default=None, help="force the input encoding (e.g. gb18030, big5)")
    p.set_defaults(func=_cmd_clean)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `zhnews clean x | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
