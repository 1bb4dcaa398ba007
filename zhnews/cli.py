"""The ``zhnews`` command line, thin over the library functions.

Exit codes (scripts can rely on them):

* 0 — every record was processed;
* 1 — the input or output could not be opened (missing file, bad encoding of a
  single-article input, unwritable output);
* 2 — usage error (unknown option, bad value);
* 3 — the run finished but some records became error records (see ``--errors``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence, TextIO

from . import __version__
from .batch import InputError, is_error, process_batch, read_records
from .pipeline import DEFAULT_STEPS, clean
from .text import decode

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_RECORD_ERRORS = 3


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
    result = clean(text, normalize=args.normalize, format=args.format)
    out = sys.stdout
    if args.explain:
        removed = {r.index: r for r in result.removed}
        kept = dict(zip(result.kept_indices, result.paragraphs))
        for i in range(result.n_input):
            if i in kept:
                out.write(f"  KEEP  {kept[i]}\n")
            else:
                r = removed[i]
                extra = f" of #{r.duplicate_of + 1}" if r.duplicate_of is not None else ""
                out.write(f"- {r.reason}{extra} [{r.rule}]  {r.text}\n")
    elif result.text:
        out.write(result.text + "\n")
    return EXIT_OK


# --- batch commands ---------------------------------------------------------------------------

def _done_ids(path: str) -> set[str]:
    """Ids already written to a JSONL output (for resuming)."""
    done: set[str] = set()
    if path == "-" or not os.path.exists(path) or path.endswith(".parquet"):
        return done
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                rid = json.loads(line).get("id")
            except (json.JSONDecodeError, AttributeError):
                continue  # a line cut off by an interrupted run is redone
            if rid is not None:
                done.add(json.dumps(rid))
    return done


class _Writer:
    """JSONL to a file or stdout, or Parquet (needs pyarrow) when the name ends in .parquet."""

    def __init__(self, path: str, *, append: bool) -> None:
        self.path = path
        self.count = 0
        self._parquet = path.endswith(".parquet")
        self._rows: list[dict[str, Any]] = []
        self._pq_writer = None
        if self._parquet:
            try:
                import pyarrow  # noqa: F401
            except ImportError:
                raise OSError("Parquet output needs pyarrow: pip install 'zhnews[parquet]'") from None
            self._fh: TextIO | None = None
        elif path == "-":
            self._fh = sys.stdout
        else:
            if append and os.path.exists(path):
                _trim_partial_line(path)
            self._fh = open(path, "a" if append else "w", encoding="utf-8")

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self._parquet:
            self._rows.append(record)
            if len(self._rows) >= 2048:
                self._flush_parquet()
            return
        assert self._fh is not None
        line = json.dumps(record, ensure_ascii=False, default=str)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: write them \u-escaped (valid JSON)
            line = json.dumps(record, ensure_ascii=True, default=str)
        self._fh.write(line + "\n")

    def _flush_parquet(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self._rows:
            return
        flat = [_flat_row(r) for r in self._rows]
        table = pa.Table.from_pylist(flat, schema=_PARQUET_SCHEMA())
        if self._pq_writer is None:
            self._pq_writer = pq.ParquetWriter(self.path, table.schema)
        self._pq_writer.write_table(table)
        self._rows = []

    def close(self) -> None:
        if self._parquet:
            self._flush_parquet()
            if self._pq_writer is not None:
                self._pq_writer.close()
        elif self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()
        elif self._fh is sys.stdout:
            self._fh.flush()


def _trim_partial_line(path: str) -> None:
    """An interrupted run may leave half a line at the end: cut it off before appending."""
    with open(path, "rb+") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return
        pos = size - 1
        while pos > 0:
            step = min(65536, pos)
            fh.seek(pos - step)
            chunk = fh.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                fh.truncate(pos - step + cut + 1)
                return
            pos -= step
        fh.truncate(0)


def _PARQUET_SCHEMA():
    import pyarrow as pa

    return pa.schema([
        ("id", pa.string()), ("title", pa.string()), ("url", pa.string()), ("published", pa.string()),
        ("text", pa.string()), ("n_input", pa.int64()), ("n_removed", pa.int64()),
        ("removed_json", pa.string()), ("sentiment_json", pa.string()), ("claims_json", pa.string()),
        ("meta_json", pa.string()),
    ])


def _flat_row(r: dict[str, Any]) -> dict[str, Any]:
    def js(v: Any) -> str | None:
        return None if v is None else json.dumps(v, ensure_ascii=False, default=str)

    return {
        "id": None if r.get("id") is None else str(r["id"]),
        "title": r.get("title"), "url": r.get("url"),
        "published": None if r.get("published") is None else str(r["published"]),
        "text": r.get("text"), "n_input": r.get("n_input"), "n_removed": len(r.get("removed") or ()),
        "removed_json": js(r.get("removed")), "sentiment_json": js(r.get("sentiment")),
        "claims_json": js(r.get("claims")), "meta_json": js(r.get("meta")),
    }


def _skip_done(records: Iterable[dict[str, Any]], done: set[str]) -> Iterator[dict[str, Any]]:
    for record in records:
        if not isinstance(record, InputError) and json.dumps(record.get("id")) in done:
            continue
        yield record


def _project(record: dict[str, Any], fields: Sequence[str] | None) -> dict[str, Any]:
    if not fields or is_error(record):
        return record
    return {k: record.get(k) for k in ("id", *fields)}


def _run_batch(args: argparse.Namespace, steps: Sequence[str], fields: Sequence[str] | None = None) -> int:
    if args.input != "-" and not os.path.exists(args.input):
        print(f"zhnews {args.command}: {args.input}: no such file or directory", file=sys.stderr)
        return EXIT_INPUT
    done = set() if args.overwrite else _done_ids(args.output)
    try:
        out = _Writer(args.output, append=bool(done) and not args.overwrite)
        errs = _Writer(args.errors, append=False) if args.errors else None
    except OSError as exc:
        print(f"zhnews {args.command}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    n_errors = 0
    try:
        records = read_records(args.input, input_format=args.input_format, text_field=args.text_field,
                               id_field=args.id_field)
        if done:
            records = _skip_done(records, done)
        progress = args.progress if args.progress is not None else sys.stderr.isatty()
        for record in process_batch(records, steps=steps, workers=args.workers, format=args.format,
                                    progress=progress, chunksize=args.chunksize):
            if is_error(record):
                n_errors += 1
                if errs is not None:
                    errs.write(record)
                else:
                    print(f"zhnews {args.command}: record {record.get('id')!r}: {record['error']}", file=sys.stderr)
            else:
                out.write(_project(record, fields))
    except OSError as exc:
        print(f"zhnews {args.command}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    finally:
        out.close()
        if errs is not None:
            errs.close()
    if args.summary:
        skipped = f", {len(done)} already done" if done else ""
        print(f"zhnews {args.command}: {out.count} records written, {n_errors} errors{skipped}", file=sys.stderr)
    return EXIT_RECORD_ERRORS if n_errors else EXIT_OK


def _cmd_process(args: argparse.Namespace) -> int:
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    return _run_batch(args, steps)


def _cmd_sentiment(args: argparse.Namespace) -> int:
    return _run_batch(args, ["clean", "sentiment"], fields=("sentiment",))


def _cmd_claims(args: argparse.Namespace) -> int:
    return _run_batch(args, ["clean", "claims"], fields=("title", "claims"))


def _cmd_dedup(args: argparse.Namespace) -> int:
    from .dedup import NearDuplicateIndex, dedup_stream

    if args.input != "-" and not os.path.exists(args.input):
        print(f"zhnews dedup: {args.input}: no such file or directory", file=sys.stderr)
        return EXIT_INPUT
    try:
        index = NearDuplicateIndex.load(args.index) if args.index and os.path.exists(args.index) else \
            NearDuplicateIndex(threshold=args.threshold, num_perm=args.num_perm)
        out = _Writer(args.output, append=False)
        errs = _Writer(args.errors, append=False) if args.errors else None
    except (OSError, ValueError) as exc:
        print(f"zhnews dedup: {exc}", file=sys.stderr)
        return EXIT_INPUT
    n_errors = n_dups = 0

    def good_records() -> Iterator[dict[str, Any]]:
        nonlocal n_errors
        for pos, record in enumerate(read_records(args.input, input_format=args.input_format,
                                                  text_field=args.text_field, id_field=args.id_field)):
            text = record.get("text") if not isinstance(record, InputError) else None
            if isinstance(record, InputError) or not isinstance(text, str):
                n_errors += 1
                error = record.get("error") if isinstance(record, InputError) else "no 'text' string field"
                err = {"id": record.get("id", pos), "error": error}
                if errs is not None:
                    errs.write(err)
                else:
                    print(f"zhnews dedup: record {err['id']!r}: {error}", file=sys.stderr)
                continue
            if args.level == "paragraph":
                from .text import split_paragraphs

                for k, para in enumerate(split_paragraphs(text)):
                    yield {"id": f"{record.get('id', pos)}#{k}", "article": record.get("id", pos),
                           "paragraph": k, "text": para}
            else:
                yield record

    try:
        for rec in dedup_stream(good_records(), key="id", text="text", index=index,
                                index_duplicates=args.index_duplicates):
            n_dups += rec["duplicate_of"] is not None
            out.write(rec)
        if args.index:
            index.save(args.index)
    finally:
        out.close()
        if errs is not None:
            errs.close()
    if args.summary:
        print(f"zhnews dedup: {out.count} records, {n_dups} near-duplicates, {n_errors} errors", file=sys.stderr)
    return EXIT_RECORD_ERRORS if n_errors else EXIT_OK


def _add_io(p: argparse.ArgumentParser, *, with_steps: bool = False) -> None:
    p.add_argument("input", help="JSONL file (one JSON object per line), CSV file, a directory of "
                   ".txt/.html files, or - for JSONL on standard input")
    p.add_argument("-o", "--output", default="-",
                   help="JSONL output (default: standard output); a name ending in .parquet writes Parquet "
                   "(needs pyarrow). An existing JSONL output is resumed: records whose id it holds are skipped")
    p.add_argument("--errors", metavar="ERRS", default=None,
                   help="write error records ({id, error}) to this JSONL file (default: report on stderr)")
    p.add_argument("--overwrite", action="store_true", help="start the output afresh instead of resuming")
    p.add_argument("--input-format", choices=["jsonl", "csv", "dir"], default=None,
                   help="input kind (default: guessed from the path)")
    p.add_argument("--text-field", default="text", help="record field holding the article (default: text; "
                   "records may use html for raw pages)")
    p.add_argument("--id-field", default="id", help="record field holding the id (default: id)")
    p.add_argument("--format", choices=["auto", "text", "html"], default="auto",
                   help="how to read article bodies: auto detects HTML (default)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--chunksize", type=int, default=32, help="records per task sent to a worker (default 32)")
    progress = p.add_mutually_exclusive_group()
    progress.add_argument("--progress", dest="progress", action="store_true", default=None,
                          help="show a progress bar (default: when stderr is a terminal)")
    progress.add_argument("--no-progress", dest="progress", action="store_false")
    p.add_argument("--quiet", dest="summary", action="store_false", help="no summary line on stderr")
    if with_steps:
        p.add_argument("--steps", default=",".join(DEFAULT_STEPS),
                       help=f"comma-separated steps among clean, sentiment, claims (default {','.join(DEFAULT_STEPS)})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zhnews",
        description="Clean, deduplicate and score scraped Chinese news articles.",
        epilog="Exit codes: 0 all records processed; 1 input/output could not be opened; 2 usage error; "
        "3 finished, but some records became error records.",
    )
    parser.add_argument("--version", action="version", version=f"zhnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "clean", help="print the clean text of one article",
        description="Strip boilerplate (bylines, timestamps, calls to action, related links, app chrome, "
        "ads, copyright and editor lines) and repeated paragraphs from one scraped article and print "
        "the clean text. Input bytes are decoded as UTF-8, then GB18030, unless --encoding is given.",
    )
    p.add_argument("file", help="a text or HTML file with one article, or - for standard input")
    p.add_argument("--explain", action="store_true",
                   help="print every input paragraph, marked KEEP or with the reason and rule that removed it")
    p.add_argument("--normalize", action="store_true",
                   help="normalise full/half-width characters and spaces in the output (off by default)")
    p.add_argument("--encoding", default=None, help="force the input encoding (e.g. gb18030, big5)")
    p.add_argument("--format", choices=["auto", "text", "html"], default="auto",
                   help="auto detects HTML (default)")
    p.set_defaults(func=_cmd_clean)

    p = sub.add_parser("process", help="clean (and score) a dump of scraped articles",
                       description="Run the chosen steps on every record of a dump and write one JSON "
                       "object per article: clean text, removed paragraphs with reasons, sentiment, "
                       "claims. Bad records become error records and the run goes on.")
    _add_io(p, with_steps=True)
    p.set_defaults(func=_cmd_process)

    p = sub.add_parser("sentiment", help="score the sentiment of every article of a dump",
                       description="Clean each record and score its sentiment; writes {id, sentiment}.")
    _add_io(p)
    p.set_defaults(func=_cmd_sentiment)

    p = sub.add_parser("claims", help="extract the key claims of every article of a dump",
                       description="Clean each record and extract its key claims with their figures and "
                       "attribution; writes {id, title, claims}.")
    _add_io(p)
    p.set_defaults(func=_cmd_claims)

    p = sub.add_parser("dedup", help="mark near-duplicate articles or paragraphs across a corpus",
                       description="Stream the records and mark each with duplicate_of (the id of the first "
                       "record of its cluster, or null) and its similarity, using a MinHash LSH index.")
    p.add_argument("input", help="JSONL file, CSV file, directory of .txt/.html files, or - for stdin")
    p.add_argument("-o", "--output", default="-", help="JSONL output (default: standard output)")
    p.add_argument("--errors", metavar="ERRS", default=None, help="write error records to this JSONL file")
    p.add_argument("--input-format", choices=["jsonl", "csv", "dir"], default=None)
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--level", choices=["article", "paragraph"], default="article",
                   help="compare whole articles (default) or every paragraph")
    p.add_argument("--threshold", type=float, default=0.8, help="Jaccard threshold (default 0.8)")
    p.add_argument("--num-perm", type=int, default=128, help="MinHash permutations (default 128)")
    p.add_argument("--index", default=None,
                   help="an index file (.npz): loaded if it exists, saved at the end, so runs can be chained")
    p.add_argument("--index-duplicates", action="store_true",
                   help="also index records found to be duplicates (catches chains; more memory)")
    p.add_argument("--quiet", dest="summary", action="store_false", help="no summary line on stderr")
    p.set_defaults(func=_cmd_dedup)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "workers", 1) < 1:
        parser.error("--workers must be at least 1")
    try:
        return args.func(args)
    except BrokenPipeError:  # `zhnews ... | head`
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
