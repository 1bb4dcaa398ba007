"""Near-duplicate speed and memory, each figure beside a baseline measured in the same run.

1. Signatures: paragraphs/s of zhnews.minhash_signatures (bulk numpy) vs a plain
   datasketch loop (MinHash() + one update() per shingle) on the same texts; prints
   the ratio and checks the signatures are identical.
2. Index: insert+query throughput of dedup_stream over N real-length paragraphs
   (each record is queried against all earlier ones, then indexed), with peak memory.
3. Memory per indexed item (tracemalloc, keys included) for zhnews.NearDuplicateIndex
   at 100k and 1M items, against datasketch.MinHashLSH(threshold=0.8) at the same
   threshold measured on a smaller count.

Usage: python benchmarks/bench_dedup.py [--n 100000] [--million]
"""
from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import zhnews  # noqa: E402
from zhnews.dedup import shingles  # noqa: E402
from _corpus import real_length_paragraphs  # noqa: E402


def bench_signatures(texts: list[str], loop_n: int) -> None:
    from datasketch import MinHash

    t0 = time.perf_counter()
    zhnews.minhash_signatures(texts)
    fast_rate = len(texts) / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    sha1 = zhnews.minhash_signatures(texts, hashfunc="sha1")
    sha1_rate = len(texts) / (time.perf_counter() - t0)
    sample = texts[:loop_n]
    t0 = time.perf_counter()
    loop_sigs = []
    for t in sample:
        m = MinHash(num_perm=128, seed=1)
        for sh in shingles(t):
            m.update(sh.encode("utf-8"))
        loop_sigs.append(m.hashvalues)
    loop_rate = loop_n / (time.perf_counter() - t0)
    same = np.array_equal(np.array(loop_sigs), sha1[:loop_n])
    print(f"signatures, paragraphs/s on the same {len(texts):,} texts "
          f"(datasketch loop on the first {loop_n:,}):")
    print(f"  datasketch MinHash().update() per shingle: {loop_rate:,.0f}")
    print(f"  zhnews bulk, hashfunc='sha1':              {sha1_rate:,.0f}  ({sha1_rate / loop_rate:.1f}x; "
          f"bit-identical to the loop: {same})")
    print(f"  zhnews bulk, default hash:                 {fast_rate:,.0f}  ({fast_rate / loop_rate:.1f}x)")


def bench_stream(texts: list[str]) -> None:
    records = [{"id": f"doc-{i}", "text": t} for i, t in enumerate(texts)]
    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    dups = sum(r["duplicate_of"] is not None for r in zhnews.dedup_stream(records, batch_size=2048))
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"dedup_stream: {len(texts):,} paragraphs in {elapsed:.1f}s = {len(texts) / elapsed:,.0f} "
          f"inserts+queries/s; {dups:,} duplicates; traced peak {peak / 2**20:,.0f} MiB; "
          f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MiB")


def zhnews_bytes_per_item(sigs: np.ndarray, fps: list, n: int) -> float:
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = zhnews.NearDuplicateIndex(threshold=0.8)
    step = 50_000
    m = sigs.shape[0]
    for start in range(0, n, step):
        stop = min(start + step, n)
        rows = [i % m for i in range(start, stop)]
        index._insert([f"doc-{i}" for i in range(start, stop)], sigs[rows], [fps[r] for r in rows])
    index._flush()
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    per = used / n
    print(f"zhnews NearDuplicateIndex: {n:,} items, {used / 2**20:,.0f} MiB traced = {per:,.0f} bytes/item "
          f"(numpy arrays alone {index.nbytes / n:,.0f} bytes/item)")
    del index
    gc.collect()
    return per


def datasketch_bytes_per_item(sigs: np.ndarray, n: int) -> float:
    from datasketch import MinHash, MinHashLSH

    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    with lsh.insertion_session() as session:
        for i in range(n):
            session.insert(f"doc-{i}", MinHash(hashvalues=sigs[i % sigs.shape[0]], seed=1, scheme="affine32"),
                           check_duplication=False)
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    per = used / n
    print(f"datasketch MinHashLSH(threshold=0.8): {n:,} items, {used / 2**20:,.0f} MiB traced = {per:,.0f} bytes/item")
    del lsh
    gc.collect()
    return per


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000, help="paragraphs for the stream benchmark (default 100k)")
    ap.add_argument("--loop-n", type=int, default=2_000, help="paragraphs for the slow datasketch loop")
    ap.add_argument("--million", action="store_true", help="also measure memory at 1M items")
    ap.add_argument("--datasketch-n", type=int, default=50_000, help="items for datasketch's memory figure")
    args = ap.parse_args(argv)
    texts = real_length_paragraphs(args.n)
    print(f"{len(texts):,} real-length paragraphs, mean {sum(map(len, texts)) / len(texts):.0f} characters")
    bench_signatures(texts[:20_000], args.loop_n)
    bench_stream(texts)
    index = zhnews.NearDuplicateIndex()
    sigs, fps = index._sketch(texts)
    ours = zhnews_bytes_per_item(sigs, fps, args.n)
    if args.million:
        zhnews_bytes_per_item(sigs, fps, 1_000_000)
    theirs = datasketch_bytes_per_item(sigs, min(args.datasketch_n, args.n))
    print(f"memory ratio datasketch / zhnews: {theirs / ours:.1f}x")


if __name__ == "__main__":
    main()
