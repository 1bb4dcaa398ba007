"""Throughput of zhnews.process_batch on the bundled sample, 1 and 2 workers.

The 51 articles of data/samples/articles.jsonl are repeated to at least --n records
(default 5,000).  Two variants, each timed for 1 and 2 worker processes:

* repeated: the records as they are.  Repeated lines hit zhnews's per-line cache, as
  the same chrome lines do across articles of one site in a real dump;
* distinct: every copy gets a distinct marker appended to each of its paragraphs, so
  no line repeats across copies and no cache helps (the honest cold figure).

Prints articles/s and peak memory (max RSS of this process and its workers), and, as
the baseline in the same run, the same articles through zhnews.clean with one worker
and the steps "clean" only.

Usage: python benchmarks/bench_pipeline.py [--n 5000] [--steps clean]
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import zhnews  # noqa: E402


def load(n: int, distinct: bool) -> list[dict]:
    base = [json.loads(l) for l in (ROOT / "data" / "samples" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    out = []
    k = 0
    while len(out) < n:
        for r in base:
            if len(out) >= n:
                break
            rec = dict(r, id=f"{r['id']}-{k}")
            if distinct:
                rec["text"] = "\n".join(f"{line}〔{k}〕" if line.strip() else line for line in r["text"].split("\n"))
            out.append(rec)
        k += 1
    return out


def run(records: list[dict], workers: int, steps: list[str]) -> float:
    t0 = time.perf_counter()
    n = sum(1 for _ in zhnews.process_batch(records, steps=steps, workers=workers, chunksize=32))
    assert n == len(records)
    return len(records) / (time.perf_counter() - t0)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--steps", default="clean", help="comma-separated steps (default: clean = boilerplate + "
                    "exact and near-duplicates)")
    args = ap.parse_args(argv)
    steps = args.steps.split(",")
    for distinct in (False, True):
        records = load(args.n, distinct)
        paras = sum(r["text"].count("\n") + 1 for r in records) / len(records)
        label = "distinct" if distinct else "repeated"
        for workers in (1, 2):
            rate = run(records, workers, steps)
            print(f"{label:9s} {len(records):,} articles (~{paras:.0f} lines each), steps={args.steps}, "
                  f"workers={workers}: {rate:,.0f} articles/s")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {self_rss:,.0f} MiB, largest worker {child_rss:,.0f} MiB")


if __name__ == "__main__":
    main()
