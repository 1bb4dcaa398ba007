"""Batch processing of article dumps: readers, writers, ``process_batch`` and workers.

Records stream through in constant memory: readers yield one record at a time,
``process_batch`` keeps a bounded window of chunks in flight, and writers write as
results arrive, in input order.  A record that cannot be processed (bad JSON, no
text field, wrong type, undecodable bytes, an exception in a step, a crashed
worker) becomes an error record ``{"id": ..., "error": ...}`` and the batch goes on:
records out + errors = records in, always.

>>> records = [{"id": "a", "text": "央行宣布降准。\\n点个在看"}, {"id": "b", "txt": "?"}]
>>> [(r["id"], r.get("error", r.get("text"))) for r in process_batch(records, steps=["clean"])]
[('a', '央行宣布降准。'), ('b', 'ValueError: record has no text field (one of text, content, body, article, html, raw_html, page)')]
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, TextIO

from .pipeline import DEFAULT_STEPS, Pipeline
from .text import decode

__all__ = [
    "InputError",
    "read_records",
    "process_batch",
    "write_records",
    "is_error",
]

log = logging.getLogger("zhnews")

_DIR_SUFFIXES = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".shtml": "html"}


class InputError(dict):
    """A record that could not even be read (bad JSON line, undecodable file): carried
    through the batch as an error record."""


def is_error(record: Mapping[str, Any]) -> bool:
    """Whether an output record of :func:`process_batch` is an error record."""
    return "error" in record


# --- readers -------------------------------------------------------------------------------

def read_records(
    source: str | os.PathLike[str] | TextIO,
    *,
    input_format: str | None = None,
    text_field: str = "text",
    id_field: str = "id",
) -> Iterator[dict[str, Any]]:
    """Yield records from a JSONL or CSV file, a directory of ``.txt``/``.html`` files,
    or ``"-"`` (standard input, JSONL).  Unreadable items become :class:`InputError`
    records carrying an ``id`` (the record's id, file name or ``line:N``) and ``error``.

    Args:
        input_format: ``"jsonl"``, ``"csv"`` or ``"dir"``; guessed from the path when None.
        text_field: the field holding the article text (renamed to ``text``).
        id_field: the field holding the record id (renamed to ``id``).
    """
    if hasattr(source, "read"):
        yield from _read_jsonl(source, "<stream>", text_field, id_field)  # type: ignore[arg-type]
        return
    if str(source) == "-":
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="surrogateescape")
        yield from _read_jsonl(stream, "<stdin>", text_field, id_field)
        return
    path = Path(source)
    fmt = input_format or ("dir" if path.is_dir() else "csv" if path.suffix.lower() == ".csv" else "jsonl")
    if fmt == "dir":
        yield from _read_dir(path)
    elif fmt == "csv":
        with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as fh:
            yield from _read_csv(fh, text_field, id_field)
    elif fmt == "jsonl":
        with open(path, encoding="utf-8-sig", errors="surrogateescape") as fh:
            yield from _read_jsonl(fh, str(path), text_field, id_field)
    else:
        raise ValueError(f"input_format must be 'jsonl', 'csv' or 'dir', got {fmt!r}")


def _rename(record: dict[str, Any], text_field: str, id_field: str) -> dict[str, Any]:
    if text_field != "text" and text_field in record:
        record["text"] = record.pop(text_field)
    if id_field != "id" and id_field in record:
        record["id"] = record.pop(id_field)
    return record


def _read_jsonl(fh: TextIO, name: str, text_field: str, id_field: str) -> Iterator[dict[str, Any]]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(id=f"line:{n}", error=f"bad JSON on line {n} of {name}: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield InputError(id=f"line:{n}", error=f"line {n} of {name} is a JSON {type(record).__name__}, not an object")
            continue
        record = _rename(record, text_field, id_field)
        record.setdefault("id", f"line:{n}")
        yield record


def _read_csv(fh: TextIO, text_field: str, id_field: str) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(fh)
    for n, row in enumerate(reader, 2):
        record = _rename(dict(row), text_field, id_field)
        if None in record:  # more cells than header fields
            yield InputError(id=record.get("id") or f"line:{n}", error=f"CSV line {n} has more cells than the header")
            continue
        record.setdefault("id", f"line:{n}")
        yield record


def _read_dir(path: Path) -> Iterator[dict[str, Any]]:
    for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _DIR_SUFFIXES):
        rel = file.relative_to(path).as_posix()
        try:
            text = decode(file.read_bytes())
        except (OSError, ValueError) as exc:
            yield InputError(id=rel, error=f"{type(exc).__name__}: {exc}")
            continue
        field = _DIR_SUFFIXES[file.suffix.lower()]
        yield {"id": rel, field: text}


# --- processing -------------------------------------------------------------------------------

_PIPELINE: Pipeline | None = None
_PIPELINE_KEY: tuple | None = None


def _worker_init(steps: tuple, format: str) -> None:
    """Build the pipeline once per worker and warm it up (rules, tables, models)."""
    global _PIPELINE, _PIPELINE_KEY
    logging.getLogger("jieba").setLevel(logging.WARNING)
    _PIPELINE = Pipeline(*steps)
    _PIPELINE_KEY = (steps, format)
    try:
        _PIPELINE("预热。", format="text")
    except Exception:  # warm-up is best effort; real records report their own errors
        log.debug("warm-up failed", exc_info=True)


def _record_id(record: Any, position: int) -> Any:
    if isinstance(record, Mapping) and record.get("id") is not None:
        return record["id"]
    return position


def _run_one(record: Any, position: int, format: str) -> dict[str, Any]:
    rid = _record_id(record, position)
    if isinstance(record, InputError):
        return dict(record)
    try:
        assert _PIPELINE is not None
        result = _PIPELINE(record, format=format)  # type: ignore[arg-type]
        out = result.to_dict()
        if out.get("id") is None:
            out["id"] = rid
        return out
    except Exception as exc:  # one bad record must not stop the batch
        return {"id": rid, "error": f"{type(exc).__name__}: {exc}"}


def _run_chunk(chunk: list[tuple[int, Any]], format: str) -> list[dict[str, Any]]:
    return [_run_one(record, position, format) for position, record in chunk]


def _chunks(records: Iterable[Any], size: int) -> Iterator[list[tuple[int, Any]]]:
    chunk: list[tuple[int, Any]] = []
    for position, record in enumerate(records):
        chunk.append((position, record))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process_batch(
    records: Iterable[Any],
    *,
    steps: Sequence[str] = DEFAULT_STEPS,
    workers: int = 1,
    chunksize: int = 32,
    format: str = "auto",
    progress: bool = False,
) -> Iterator[dict[str, Any]]:
    """Process records in order and yield one output dict per input record.

    Args:
        records: any iterable of records (mappings with ``text``/``html`` and optional
            ``id``, ``title``, ``url``, ``published``), strings or paragraph lists;
            :class:`InputError` items pass through as error records.
        steps: step names for :class:`zhnews.Pipeline` (callables too when ``workers=1``;
            with workers they must be picklable).
        workers: processes; 1 runs in this process.  Each worker builds the pipeline
            (rules, tables, models) once.
        chunksize: records sent to a worker at a time.
        format: ``"auto"``, ``"text"`` or ``"html"``.
        progress: show a tqdm progress bar on standard error.

    Yields:
        ``ArticleResult.to_dict()`` for each processed record (with ``id``: the record's,
        or its position), or ``{"id": ..., "error": "Type: message"}``.

    A worker that crashes (killed, out of memory) costs nothing: its chunk is retried
    record by record in a fresh pool, and a record that crashes a worker again
    becomes an error record.
    """
    if workers < 1:
        raise ValueError(f"argument 'workers' must be >= 1, got {workers!r}")
    if chunksize < 1:
        raise ValueError(f"argument 'chunksize' must be >= 1, got {chunksize!r}")
    steps = tuple(steps)
    outputs: Iterator[dict[str, Any]]
    if workers == 1:
        outputs = _serial(records, steps, format)
    else:
        outputs = _parallel(records, steps, workers, chunksize, format)
    if progress:
        try:
            from tqdm import tqdm
        except ImportError:  # pragma: no cover - tqdm is a dependency
            pass
        else:
            outputs = tqdm(outputs, unit="article", file=sys.stderr, mininterval=0.5)
    yield from outputs


def _serial(records: Iterable[Any], steps: tuple, format: str) -> Iterator[dict[str, Any]]:
    if _PIPELINE_KEY != (steps, format):
        _worker_init(steps, format)
    for position, record in enumerate(records):
        yield _run_one(record, position, format)


def _parallel(records: Iterable[Any], steps: tuple, workers: int, chunksize: int,
              format: str) -> Iterator[dict[str, Any]]:
    window = workers * 4  # chunks in flight: bounded, so memory stays constant
    pending: deque[tuple[list[tuple[int, Any]], Future]] = deque()
    pool = _new_pool(workers, steps, format)
    chunk_iter = _chunks(records, chunksize)
    try:
        exhausted = False
        while pending or not exhausted:
            while not exhausted and len(pending) < window:
                try:
                    chunk = next(chunk_iter)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((chunk, _submit(pool, chunk, format)))
            if not pending:
                break
            chunk, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                log.warning("a worker died; retrying %d records one by one", len(chunk))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _new_pool(workers, steps, format)
                results = []
                for item in chunk:
                    out, broken = _retry_alone(pool, item, format)
                    results.extend(out)
                    if broken:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = _new_pool(workers, steps, format)
                # everything else in flight was lost with the old pool: resubmit it
                pending = deque((c, _submit(pool, c, format)) for c, _ in pending)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int, steps: tuple, format: str) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(steps, format))


def _submit(pool: ProcessPoolExecutor, chunk: list[tuple[int, Any]], format: str) -> Future:
    return pool.submit(_run_chunk, chunk, format)


def _retry_alone(pool, item: tuple[int, Any], format: str) -> tuple[list[dict[str, Any]], bool]:
    position, record = item
    try:
        return pool.submit(_run_chunk, [item], format).result(), False
    except BrokenProcessPool:
        return [{"id": _record_id(record, position), "error": "WorkerCrash: the worker process died on this record"}], True


# --- writers --------------------------------------------------------------------------------

def write_records(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write records as JSON lines (UTF-8, not ASCII-escaped); return how many."""
    n = 0
    for record in records:
        line = json.dumps(record, ensure_ascii=False, default=str)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates: write them \u-escaped (valid JSON)
            line = json.dumps(record, ensure_ascii=True, default=str)
        out.write(line + "\n")
        n += 1
    return n
