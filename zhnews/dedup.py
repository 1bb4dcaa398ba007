"""Duplicates and near-duplicates: inside one article and across a corpus.

**Shingles.** A text is compared through its matching key
(:func:`zhnews.text.matching_key`: NFKC, lower case, simplified characters,
punctuation and spaces dropped), cut into overlapping character n-grams,
``SHINGLE_SIZE = 3`` by default.  Chinese words are mostly one or two characters,
so 3-grams span word boundaries and keep word order, while staying short enough
for news paragraphs (median about 80 characters): one changed digit in such a
paragraph costs 3 of ~80 shingles (Jaccard ≈ 0.93), whereas template sentences
that differ in every figure and name (two days' market reports) fall well below
0.8.  Bigrams made too many such templates look alike; 4- and 5-grams lost
single-digit edits in short paragraphs.  A key shorter than the shingle size is
one shingle (the whole key), never an empty set.

**Signatures** are datasketch MinHash signatures: the ``affine32`` scheme of
datasketch 2.x with the same permutations for the same ``seed``.  Shingles are
hashed by :func:`shingle_hash` (a polynomial over code points through MurmurHash3's
finalizer), computed for every shingle of many texts at once with numpy, then mixed
and permuted as one matrix; datasketch gives the same values with
``MinHash(hashfunc=shingle_hash)``.  ``hashfunc="sha1"`` uses datasketch's default
hash instead (bit-identical to ``MinHash().update(shingle.encode())``, slower).
Signatures can be handed to datasketch (:func:`to_minhash`) or taken from it.

**Candidates and verification.** In the corpus index, candidate pairs come from
LSH banding with bands chosen so that a pair at the threshold collides with
probability ≥ 0.999 (datasketch's ``MinHashLSH(threshold=0.8)`` chooses 9 bands of
13 rows, which misses about a third of pairs just above 0.8), and are verified on
16-bit shingle fingerprints (exact Jaccard but for rare coincidences; the signature
estimate for texts too long to keep them).  Inside one article, where the texts are
at hand, candidates come from exact prefix filtering instead (an all-pairs
similarity join that misses no pair and, for a few dozen paragraphs, costs less than
128-permutation signatures), each verified on its shingle sets.

>>> paras = ["2023年，该平台48小时内发货订单比例同比提升10%，整体发货时长同比缩短11小时。",
...          "抖音电商发布了《2024抖音电商消费者体验报告》。",
...          "2023年，该平台48小时内发货订单比例同比提升12%，整体发货时长同比缩短11小时。"]
>>> [(g.original, g.duplicates) for g in find_near_duplicates(paras)]
[(0, (2,))]
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import re
import zipfile
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import numpy as np

from ._hashing import fmix64
from ._markup import text_content
from ._validate import require_fraction, require_int, require_str
from .text import matching_key
from .types import Removal

__all__ = [
    "SHINGLE_SIZE",
    "SHORT_PARAGRAPH_CHARS",
    "DuplicateGroup",
    "NearDuplicateResult",
    "NearDuplicateIndex",
    "shingles",
    "minhash_signatures",
    "shingle_hash",
    "to_minhash",
    "lsh_params",
    "find_repeats",
    "find_duplicates",
    "find_near_duplicates",
    "drop_near_duplicates",
    "dedup_stream",
]

#: Character n-gram size of the shingles (see the module docstring for why 3).
SHINGLE_SIZE = 3
#: Paragraphs whose matching key is at most this long are "short": they are never
#: near-duplicates, and an exact repeat of one only counts when a neighbour
#: repeats the original's neighbour (a section heading "1" is content).
SHORT_PARAGRAPH_CHARS = 8
DEFAULT_NUM_PERM = 128
DEFAULT_SEED = 1
_MAX_HASH = np.uint32(0xFFFFFFFF)
# MurmurHash3's 32-bit finalizer, as datasketch 2.x applies it before permuting
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_CHUNK_SHINGLES = 1 << 15  # rows of the (shingles x permutations) matrix per numpy step


# --- shingles and signatures ------------------------------------------------------------

def shingles(text: str, *, size: int = SHINGLE_SIZE) -> list[str]:
    """The distinct character ``size``-grams of the text's matching key, in order of first
    appearance.  A key shorter than ``size`` is one shingle; an empty key (only
    punctuation or spaces) gives the stripped text itself as its one shingle.

    >>> shingles("GDP增长3.5%")
    ['gdp', 'dp增', 'p增长', '增长3', '长35']
    >>> shingles("好")
    ['好']
    """
    require_str(text, "text")
    require_int(size, "size", minimum=1)
    key = matching_key(text)
    if not key:
        return [text.strip()]
    if len(key) <= size:
        return [key]
    return list(dict.fromkeys(key[i:i + size] for i in range(len(key) - size + 1)))


@functools.lru_cache(maxsize=16)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    # exactly datasketch's: RandomState(seed), odd a, any b, uint32
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


# --- shingle hashing ----------------------------------------------------------------------
# "fast" (default): a polynomial over the shingle's code points (mod 2**64), plus its
# length, through MurmurHash3's 64-bit finalizer; the top 32 bits.  Computed for every
# window of every text at once with numpy.  shingle_hash() is the same function for one
# shingle, so datasketch reproduces zhnews signatures with MinHash(hashfunc=shingle_hash).
# "sha1": datasketch's default hash (SHA-1 of the UTF-8 bytes, first 4 bytes little-endian),
# one Python call per shingle: slower, bit-identical to MinHash().update(s.encode()).
_POLY = np.uint64(0x100000001B3)
_LEN_SALT = np.uint64(0x9E3779B97F4A7C15)
_S32 = np.uint64(32)
_HASHFUNCS = ("fast", "sha1")


def shingle_hash(shingle: str | bytes) -> int:
    """zhnews's 32-bit hash of one shingle (``bytes`` are read as UTF-8).

    Pass it to datasketch to reproduce zhnews signatures there:
    ``MinHash(num_perm=128, seed=1, hashfunc=shingle_hash)`` updated with
    ``shingles(text)`` equals ``minhash_signatures([text])[0]``.
    """
    if isinstance(shingle, (bytes, bytearray)):
        shingle = bytes(shingle).decode("utf-8")
    h = 0
    for ch in shingle:
        h = (h * 0x100000001B3 + ord(ch)) & 0xFFFFFFFFFFFFFFFF
    h = (h + len(shingle) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    with np.errstate(over="ignore"):
        return int(fmix64(np.array([h], dtype=np.uint64))[0] >> _S32)


def _sha1_32(shingle: str) -> int:
    return int.from_bytes(hashlib.sha1(shingle.encode("utf-8", "surrogatepass")).digest()[:4], "little")


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def _check_sig_params(num_perm: int, seed: int) -> None:
    require_int(num_perm, "num_perm", minimum=16)
    require_int(seed, "seed", minimum=0)


def _check_hashfunc(hashfunc: str) -> str:
    if hashfunc not in _HASHFUNCS:
        raise ValueError(f"argument 'hashfunc' must be one of {_HASHFUNCS}, got {hashfunc!r}")
    return hashfunc


def _texts_arg(texts: Iterable[str], name: str = "texts") -> list[str]:
    if isinstance(texts, str):
        raise TypeError(f"argument {name!r} must be an iterable of str, not a single str")
    out = list(texts)
    for i, t in enumerate(out):
        if not isinstance(t, str):
            raise TypeError(f"argument {name!r} must hold str; item {i} is {type(t).__name__}")
    return out


def _shingle_hashes(texts: Sequence[str], size: int, hashfunc: str,
                    keys: Sequence[str] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every shingle of every text, and the index of the text each belongs to
    (grouped by text, in text order).  Repeated shingles may appear more than once; MinHash
    and the set operations downstream do not care."""
    n = len(texts)
    if hashfunc == "sha1":
        hv: list[int] = []
        own: list[int] = []
        for row, t in enumerate(texts):
            for sh in shingles(t, size=size):
                hv.append(_sha1_32(sh))
                own.append(row)
        return np.asarray(hv, dtype=np.uint32), np.asarray(own, dtype=np.int64)
    if keys is None:
        keys = [matching_key(t) for t in texts]
    lengths = np.fromiter((len(k) for k in keys), dtype=np.int64, count=n)
    parts_h: list[np.ndarray] = []
    parts_o: list[np.ndarray] = []
    counts = np.where(lengths > size, lengths - size + 1, 0)
    total = int(counts.sum())
    if total:
        cps = np.frombuffer("".join(keys).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
        m = cps.size - size + 1
        h = np.zeros(m, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for k in range(size):
                h = h * _POLY + cps[k:k + m]
            h = h + np.uint64(size) * _LEN_SALT
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        owner = np.repeat(np.arange(n, dtype=np.int64), counts)
        offset = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        parts_h.append(h[starts[owner] + offset])
        parts_o.append(owner)
    # texts whose key is at most one shingle long: the whole key (or, for an empty key,
    # the stripped text) is the one shingle
    small = np.flatnonzero(lengths <= size)
    if small.size:
        vals = []
        for row in small.tolist():
            sh = keys[row] if keys[row] else texts[row].strip()
            h1 = 0
            for ch in sh:
                h1 = (h1 * 0x100000001B3 + ord(ch)) & 0xFFFFFFFFFFFFFFFF
            vals.append((h1 + len(sh) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF)
        parts_h.append(np.asarray(vals, dtype=np.uint64))
        parts_o.append(small.astype(np.int64))
    if not parts_h:
        return np.empty(0, dtype=np.uint32), np.empty(0, dtype=np.int64)
    h = np.concatenate(parts_h)
    owner = np.concatenate(parts_o)
    if len(parts_h) > 1:
        order = np.argsort(owner, kind="stable")
        h, owner = h[order], owner[order]
    with np.errstate(over="ignore"):
        return (fmix64(h) >> _S32).astype(np.uint32), owner


def _signatures(hv: np.ndarray, owner: np.ndarray, n: int, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures (datasketch affine32) from grouped shingle hashes."""
    a, b = _permutations(num_perm, seed)
    out = np.full((n, num_perm), _MAX_HASH, dtype=np.uint32)
    for lo in range(0, hv.size, _CHUNK_SHINGLES):
        h = _fmix32(hv[lo:lo + _CHUNK_SHINGLES])
        own = owner[lo:lo + _CHUNK_SHINGLES]
        phv = h[:, None] * a[None, :] + b[None, :]  # uint32 wraparound is the modulo
        starts = np.flatnonzero(np.r_[True, own[1:] != own[:-1]])
        rows = own[starts]
        out[rows] = np.minimum(out[rows], np.minimum.reduceat(phv, starts, axis=0))
    return out


def _per_text(hv: np.ndarray, owner: np.ndarray, n: int) -> list[np.ndarray]:
    """Each text's distinct shingle hashes, sorted."""
    bounds = np.searchsorted(owner, np.arange(n + 1))
    return [np.unique(hv[bounds[i]:bounds[i + 1]]) for i in range(n)]


def minhash_signatures(
    texts: Iterable[str],
    *,
    num_perm: int = DEFAULT_NUM_PERM,
    seed: int = DEFAULT_SEED,
    shingle_size: int = SHINGLE_SIZE,
    hashfunc: str = "fast",
) -> np.ndarray:
    """MinHash signatures of many texts at once: a ``(len(texts), num_perm)`` uint32 array.

    Row ``i`` equals ``datasketch.MinHash(num_perm, seed, hashfunc=shingle_hash)``
    updated with ``shingles(texts[i])`` (datasketch ≥ 2.0, scheme ``affine32``); with
    ``hashfunc="sha1"``, datasketch's default ``MinHash(num_perm, seed)`` updated with
    the shingles' UTF-8 bytes.

    >>> sig = minhash_signatures(["央行宣布降准", "央行宣布降准。"])
    >>> sig.shape, sig.dtype.name, bool((sig[0] == sig[1]).all())
    ((2, 128), 'uint32', True)
    """
    _check_sig_params(num_perm, seed)
    require_int(shingle_size, "shingle_size", minimum=1)
    _check_hashfunc(hashfunc)
    items = _texts_arg(texts)
    hv, owner = _shingle_hashes(items, shingle_size, hashfunc)
    return _signatures(hv, owner, len(items), num_perm, seed)


def _fingerprint(hashes: np.ndarray) -> np.ndarray:
    """The sorted distinct top 16 bits of a text's shingle hashes: enough to compute its
    Jaccard similarity with another text almost exactly (a spurious match needs two
    different shingles to share 16 bits: about n*m/65536 of them for sets of n and m)."""
    return np.unique((hashes >> np.uint32(16)).astype(np.uint16))


def to_minhash(signature: np.ndarray, *, seed: int = DEFAULT_SEED):
    """A ``datasketch.LeanMinHash`` holding this signature (for use with datasketch's LSH,
    LSH Forest or Ensemble)."""
    from datasketch import LeanMinHash, MinHash

    sig = np.asarray(signature, dtype=np.uint32)
    return LeanMinHash(MinHash(hashvalues=sig, seed=seed, scheme="affine32"))


def _as_signature(value: Any, num_perm: int) -> np.ndarray:
    hv = getattr(value, "hashvalues", value)
    scheme = getattr(value, "scheme", "affine32")
    if scheme != "affine32":
        raise ValueError(f"MinHash scheme {scheme!r} is not supported; zhnews uses datasketch's 'affine32'")
    sig = np.asarray(hv)
    if sig.ndim != 1 or sig.shape[0] != num_perm:
        raise ValueError(f"signature must have {num_perm} values, got shape {sig.shape}")
    if sig.dtype != np.uint32:
        if sig.size and (sig.min() < 0 or sig.max() > 0xFFFFFFFF):
            raise ValueError("signature values must fit in 32 bits (datasketch affine32)")
        sig = sig.astype(np.uint32)
    return sig


# --- LSH banding ------------------------------------------------------------------------

def _collision_probability(j: float, bands: int, rows: int) -> float:
    return 1.0 - (1.0 - j ** rows) ** bands


@functools.lru_cache(maxsize=64)
def lsh_params(threshold: float, num_perm: int, *, recall: float = 0.999) -> tuple[int, int]:
    """Bands and rows for candidate search: among ``bands * rows <= num_perm``, the
    most selective choice (fewest random collisions below ``0.6 * threshold``) whose
    collision probability at ``threshold`` is at least ``recall``.

    >>> lsh_params(0.8, 128)
    (25, 5)
    """
    require_fraction(threshold, "threshold")
    best: tuple[float, int, int] | None = None
    fallback = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if bands < 1:
            break
        if _collision_probability(threshold, bands, rows) < recall:
            continue
        noise = sum(_collision_probability(0.6 * threshold * k / 20, bands, rows) for k in range(1, 21)) / 20
        if best is None or noise < best[0]:
            best = (noise, bands, rows)
    return (best[1], best[2]) if best else fallback


_BAND_MULT = np.uint64(0x9E3779B97F4A7C15)


def _band_keys(sigs: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One uint64 key per (text, band); the band number is mixed in, so the keys of all
    bands can live in one table."""
    n = sigs.shape[0]
    block = sigs[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    h = np.broadcast_to(np.arange(1, bands + 1, dtype=np.uint64) * _BAND_MULT, (n, bands)).copy()
    with np.errstate(over="ignore"):
        for k in range(rows):
            h ^= block[:, :, k]
            h *= _BAND_MULT
            h ^= h >> np.uint64(29)
    return h


# --- results ------------------------------------------------------------------------------

@dataclass(frozen=True)
class DuplicateGroup:
    """Paragraphs that repeat one original.

    Attributes:
        original: index of the first occurrence (kept).
        duplicates: indices of the later near-copies, in order.
        similarities: Jaccard similarity of each duplicate to the original.
        exact: ``True`` for each duplicate whose matching key equals the original's.
    """

    original: int
    duplicates: tuple[int, ...]
    similarities: tuple[float, ...]
    exact: tuple[bool, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original, "duplicates": list(self.duplicates),
                "similarities": list(self.similarities), "exact": list(self.exact)}


@dataclass(frozen=True)
class NearDuplicateResult:
    """What :func:`drop_near_duplicates` kept and removed (indices into its input)."""

    kept: tuple[str, ...]
    kept_indices: tuple[int, ...]
    removed: tuple[Removal, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"kept": list(self.kept), "kept_indices": list(self.kept_indices),
                "removed": [r.to_dict() for r in self.removed]}


# --- inside one article -------------------------------------------------------------------

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _has_cjk(key: str) -> bool:
    return _CJK_RE.search(key) is not None


_MARKUP_HINT_RE = re.compile(r"\]\(|<|http|www\.", re.I)


def _content_key(paragraph: str, key: str) -> str:
    """The matching key of the paragraph's text without markup (images, URLs, tags)."""
    if _MARKUP_HINT_RE.search(paragraph):
        return matching_key(text_content(paragraph))
    return key


def find_duplicates(
    paragraphs: Sequence[str],
    *,
    threshold: float | None = 0.8,
    shingle_size: int = SHINGLE_SIZE,
    short_chars: int = SHORT_PARAGRAPH_CHARS,
) -> dict[int, tuple[int, float]]:
    """Map each repeated paragraph to ``(index of its original, similarity)``.

    Exact repeats (same matching key) have similarity 1.0; with a ``threshold``,
    near-copies (Jaccard of the shingle sets ≥ threshold) are found too.  The
    original is always an earlier paragraph that is not itself a repeat.  Short
    paragraphs and paragraphs without Chinese text (images, URLs, placeholders)
    are only exact repeats, and only when a neighbour repeats the original's
    neighbour: a pasted-twice body takes its section numbers along, a lone "1" stays.
    """
    if isinstance(paragraphs, str):
        raise TypeError("argument 'paragraphs' must be a list of str, not a single str")
    for i, p in enumerate(paragraphs):
        if not isinstance(p, str):
            raise TypeError(f"argument 'paragraphs' must hold str; item {i} is {type(p).__name__}")
    if threshold is not None:
        threshold = require_fraction(threshold, "threshold")
    require_int(short_chars, "short_chars", minimum=0)
    keys = [matching_key(p) for p in paragraphs]
    first: dict[str, int] = {}
    found: dict[int, tuple[int, float]] = {}
    short: list[int] = []
    long_: list[int] = []
    for i, key in enumerate(keys):
        if not key:
            continue
        if len(key) <= short_chars or not _has_cjk(_content_key(paragraphs[i], key)):
            short.append(i)
            continue
        if key in first:
            found[i] = (first[key], 1.0)
        else:
            first[key] = i
            long_.append(i)

    if threshold is not None and len(long_) > 1:
        _near_in_article(paragraphs, long_, threshold, shingle_size, found, keys)

    def candidate(i: int) -> int | None:
        key = keys[i]
        for nb, step in ((i - 1, 1), (i + 1, -1)):
            orig_nb = found.get(nb)
            if orig_nb is None:
                continue
            j = orig_nb[0] + step
            if 0 <= j < i and keys[j] == key and j not in found:
                return j
        return None

    # short paragraphs ride along with repeated runs, forwards and backwards; a bounded
    # number of linear passes
    for _ in range(4):
        changed = False
        for order in (short, reversed(short)):
            for i in order:
                if i in found:
                    continue
                j = candidate(i)
                if j is not None:
                    found[i] = (j, 1.0)
                    changed = True
        if not changed:
            break
    return found


#: In-article search indexes each kept paragraph under at most this many paragraphs per
#: token, so thousands of templated lines cannot make it quadratic.
_BUCKET_CAP = 32


def _near_in_article(paragraphs, idx, threshold, shingle_size, found, keys) -> None:
    """Near-copies among the paragraphs ``idx`` (distinct long ones), in order: each is
    compared with the earlier ones that are kept.

    Candidates come from exact prefix filtering (the AllPairs similarity join): order
    the shingles rarest first; two sets with Jaccard ≥ t share a shingle among the first
    ``|A| - ceil(t·|A|) + 1`` of each, so only those are indexed and looked up.  Unlike
    LSH this misses no pair, and for an article's few dozen paragraphs it is cheaper
    than computing MinHash signatures; every candidate is verified exactly."""
    texts = [paragraphs[i] for i in idx]
    n = len(texts)
    hv, owner = _shingle_hashes(texts, shingle_size, "fast", keys=[keys[i] for i in idx])
    if hv.size == 0:
        return
    # distinct shingles per text, then every shingle's rank (rarest first, ties by hash),
    # then each text's ranks sorted -- all as whole-array numpy operations
    order = np.lexsort((hv, owner))
    hv, owner = hv[order], owner[order]
    distinct = np.r_[True, (hv[1:] != hv[:-1]) | (owner[1:] != owner[:-1])]
    hv, owner = hv[distinct], owner[distinct]
    tokens, inverse, counts = np.unique(hv, return_inverse=True, return_counts=True)
    by_rank = np.lexsort((tokens, counts))
    rank_of = np.empty(tokens.size, dtype=np.int64)
    rank_of[by_rank] = np.arange(tokens.size)
    count_of_rank = counts[by_rank]
    ranks = rank_of[inverse]
    order = np.lexsort((ranks, owner))
    ranks, owner = ranks[order], owner[order]
    bounds_arr = np.searchsorted(owner, np.arange(n + 1))
    sizes = np.diff(bounds_arr)
    prefix_len = np.maximum(sizes - np.ceil(threshold * sizes).astype(np.int64) + 1, 1)
    # A paragraph whose prefix holds only shingles no other paragraph has can neither
    # match an earlier one nor be matched later: skip it (most paragraphs of most articles).
    last = np.minimum(bounds_arr[:-1] + prefix_len - 1, max(ranks.size - 1, 0))
    shared = (sizes > 0) & (count_of_rank[ranks[last]] > 1)
    bounds = bounds_arr.tolist()
    ranked = {k: ranks[bounds[k]:bounds[k + 1]] for k in np.flatnonzero(shared).tolist()}
    index: dict[int, list[int]] = {}
    for y, r in ranked.items():
        size = r.size
        prefix = r[: size - math.ceil(threshold * size) + 1].tolist()
        cands = {x for t in prefix for x in index.get(t, ())}
        best = None
        for x in sorted(cands):
            other = ranked[x]
            if not (threshold * size <= other.size <= size / threshold):
                continue
            inter = np.intersect1d(other, r, assume_unique=True).size
            j = inter / (size + other.size - inter)
            if j >= threshold and (best is None or j > best[1]):
                best = (x, j)
        if best is not None:
            found[idx[y]] = (idx[best[0]], round(best[1], 4))
            continue
        for t in prefix:
            bucket = index.setdefault(t, [])
            if len(bucket) < _BUCKET_CAP:
                bucket.append(y)


def find_near_duplicates(
    paragraphs: Sequence[str],
    *,
    threshold: float = 0.8,
    shingle_size: int = SHINGLE_SIZE,
) -> list[DuplicateGroup]:
    """Groups of repeated paragraphs in one article, exact and near (Jaccard ≥ threshold).

    Args:
        paragraphs: the article's paragraphs.
        threshold: Jaccard similarity of the shingle sets, in (0, 1].
        shingle_size: character n-gram size (default :data:`SHINGLE_SIZE`).

    Every pair at or above the threshold is found (candidates by exact prefix
    filtering, each verified on its shingle sets), so the result is exact.

    Raises:
        TypeError: ``paragraphs`` is not a list of str.
        ValueError: ``threshold`` is outside (0, 1].
    """
    if isinstance(threshold, bool) or threshold is None:
        raise TypeError("argument 'threshold' must be a number")
    found = find_duplicates(paragraphs, threshold=threshold, shingle_size=shingle_size)
    keys = {i: matching_key(paragraphs[i]) for i in set(found) | {o for o, _ in found.values()}}
    groups: dict[int, list[tuple[int, float]]] = {}
    for dup, (orig, sim) in sorted(found.items()):
        groups.setdefault(orig, []).append((dup, sim))
    return [
        DuplicateGroup(original=orig, duplicates=tuple(d for d, _ in members),
                       similarities=tuple(s for _, s in members),
                       exact=tuple(keys[d] == keys[orig] for d, _ in members))
        for orig, members in sorted(groups.items())
    ]


def drop_near_duplicates(
    paragraphs: Sequence[str],
    *,
    threshold: float = 0.8,
    shingle_size: int = SHINGLE_SIZE,
) -> NearDuplicateResult:
    """Keep the first of every group of repeated paragraphs and remove the rest.

    Exact repeats get reason ``duplicate``, near-copies ``near_duplicate`` with
    their similarity; ``duplicate_of`` is the index of the kept original.

    >>> r = drop_near_duplicates(["甲公司发布一季度财报，营收同比增长15%，净利润同比增长20%，毛利率提升2个百分点。",
    ...                           "乙公司宣布回购股份。",
    ...                           "甲公司发布一季度财报，营收同比增长16%，净利润同比增长20%，毛利率提升2个百分点。"])
    >>> [(x.index, x.reason, x.duplicate_of) for x in r.removed]
    [(2, 'near_duplicate', 0)]
    """
    groups = find_near_duplicates(paragraphs, threshold=threshold, shingle_size=shingle_size)
    removed: list[Removal] = []
    for g in groups:
        for d, sim, exact in zip(g.duplicates, g.similarities, g.exact):
            removed.append(Removal(
                index=d, text=paragraphs[d], reason="duplicate" if exact else "near_duplicate",
                rule="dedup.exact" if exact else "dedup.near", duplicate_of=g.original,
                similarity=None if exact else sim))
    removed.sort(key=lambda r: r.index)
    gone = {r.index for r in removed}
    kept_idx = tuple(i for i in range(len(paragraphs)) if i not in gone)
    return NearDuplicateResult(kept=tuple(paragraphs[i] for i in kept_idx), kept_indices=kept_idx,
                               removed=tuple(removed))


def find_repeats(paragraphs: Sequence[str], *, short_chars: int = SHORT_PARAGRAPH_CHARS) -> dict[int, int]:
    """Map each exactly repeated paragraph's index to the index of its first occurrence
    (on the matching key; see :func:`find_duplicates` for short paragraphs).

    >>> body = ["第一部分的正文内容，比较长。", "1", "第二部分的正文内容，比较长。"]
    >>> paras = ["标题", *body, "1", *body]
    >>> sorted(find_repeats(paras).items())    # the lone "1" at index 4 stays
    [(5, 1), (6, 2), (7, 3)]
    """
    found = find_duplicates(paragraphs, threshold=None, short_chars=short_chars)
    return {i: j for i, (j, _) in found.items()}


# --- across a corpus ----------------------------------------------------------------------

class NearDuplicateIndex:
    """A compact MinHash LSH index for near-duplicate search over millions of texts.

    Signatures are kept as one uint32 matrix; each (text, band) pair costs one
    uint64 band key and one uint32 row number, held in sorted numpy runs plus a
    small dict buffer (an LSM layout).  At 128 permutations that is about 512 + 384
    bytes per text plus the caller's key, against 8–9 KB for datasketch's
    ``MinHashLSH`` (Python dicts of sets).  Signatures are datasketch-compatible:
    :meth:`add_signature` and :meth:`query_signature` take a ``datasketch.MinHash``
    (scheme ``affine32``, same seed) as well as an array.

    Reported similarity is the Jaccard similarity of the shingle sets, computed from
    16-bit shingle fingerprints kept for texts of up to ``exact_shingles`` shingles
    (about 2 bytes per shingle; exact but for rare 16-bit coincidences), and the
    signature estimate otherwise (long texts, or signatures added without text).

    Args:
        threshold: report pairs whose estimated Jaccard is at least this, in (0, 1].
        num_perm: permutations per signature (≥ 16).
        shingle_size, seed: as for :func:`minhash_signatures`.
        bands, rows: override the LSH banding chosen by :func:`lsh_params`.
        exact_shingles: keep fingerprints for exact verification of texts with at
            most this many shingles (0 = always use the signature estimate).
        hashfunc: ``"fast"`` (default) or ``"sha1"`` (datasketch's default hash), see
            :func:`minhash_signatures`.

    >>> index = NearDuplicateIndex(threshold=0.8)
    >>> index.add("a", "央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。")
    >>> index.add("b", "国家统计局发布数据，5月份CPI同比上涨0.3%。")
    >>> [(k, round(s, 1)) for k, s in index.query("央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元")]
    [('a', 1.0)]
    >>> "b" in index, len(index)
    (True, 2)
    """

    _BUFFER_ITEMS = 4096

    def __init__(
        self,
        threshold: float = 0.8,
        num_perm: int = DEFAULT_NUM_PERM,
        *,
        shingle_size: int = SHINGLE_SIZE,
        seed: int = DEFAULT_SEED,
        bands: int | None = None,
        rows: int | None = None,
        exact_shingles: int = 512,
        hashfunc: str = "fast",
    ) -> None:
        self.threshold = require_fraction(threshold, "threshold")
        self.exact_shingles = require_int(exact_shingles, "exact_shingles", minimum=0)
        self.hashfunc = _check_hashfunc(hashfunc)
        _check_sig_params(num_perm, seed)
        self.num_perm = num_perm
        self.seed = seed
        self.shingle_size = require_int(shingle_size, "shingle_size", minimum=1)
        if (bands is None) != (rows is None):
            raise ValueError("give both 'bands' and 'rows', or neither")
        if bands is None:
            bands, rows = lsh_params(self.threshold, num_perm)
        require_int(bands, "bands", minimum=1)
        require_int(rows, "rows", minimum=1)
        if bands * rows > num_perm:
            raise ValueError(f"bands * rows must be <= num_perm ({bands} * {rows} > {num_perm})")
        self.bands, self.rows = bands, rows
        self._sigs = np.empty((0, num_perm), dtype=np.uint32)
        self._n = 0
        self._keys: list[Hashable] = []
        self._ids: dict[Hashable, int] = {}
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted band keys, row ids)
        self._buf_keys: list[np.ndarray] = []
        self._buf_rows: list[np.ndarray] = []
        self._buf_map: dict[int, list[int]] = {}
        self._buf_items = 0
        # 16-bit shingle fingerprints for exact verification, one flat array + offsets
        self._fp = np.empty(0, dtype=np.uint16)
        self._fp_len = 0
        self._fp_off = np.zeros(1, dtype=np.int64)

    # -- sizes and membership
    def __len__(self) -> int:
        return self._n

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __repr__(self) -> str:
        return (f"NearDuplicateIndex({self._n} items, threshold={self.threshold}, num_perm={self.num_perm}, "
                f"bands={self.bands}, rows={self.rows})")

    def keys(self) -> list[Hashable]:
        return list(self._keys)

    @property
    def nbytes(self) -> int:
        """Bytes held in numpy arrays (signatures and band tables), excluding the keys."""
        total = self._sigs[: self._n].nbytes + self._fp[: self._fp_len].nbytes + self._fp_off[: self._n + 1].nbytes
        total += sum(k.nbytes + r.nbytes for k, r in self._runs)
        total += sum(k.nbytes for k in self._buf_keys) + sum(r.nbytes for r in self._buf_rows)
        return total

    # -- signatures
    def signature(self, text: str) -> np.ndarray:
        """The signature of one text under this index's parameters."""
        require_str(text, "text")
        return self.signatures([text])[0]

    def signatures(self, texts: Iterable[str]) -> np.ndarray:
        return minhash_signatures(texts, num_perm=self.num_perm, seed=self.seed, shingle_size=self.shingle_size,
                                  hashfunc=self.hashfunc)

    def _sketch(self, texts: Sequence[str]) -> tuple[np.ndarray, list[np.ndarray | None]]:
        """Signatures and fingerprints (None for texts over ``exact_shingles`` shingles)."""
        items = _texts_arg(texts, "text")
        hv, owner = _shingle_hashes(items, self.shingle_size, self.hashfunc)
        sigs = _signatures(hv, owner, len(items), self.num_perm, self.seed)
        fps = [_fingerprint(h) if h.size <= self.exact_shingles else None for h in _per_text(hv, owner, len(items))]
        return sigs, fps

    def signature_of(self, key: Hashable) -> np.ndarray:
        """The stored signature of ``key`` (a copy)."""
        return self._sigs[self._ids[key]].copy()

    # -- inserts
    def add(self, key: Hashable, text: str) -> None:
        """Index ``text`` under ``key``.  Raises ``ValueError`` if the key exists."""
        require_str(text, "text")
        self.add_many([key], [text])

    def add_signature(self, key: Hashable, signature: Any) -> None:
        """Index a precomputed signature (a uint32 array or a ``datasketch.MinHash``)."""
        self._insert([key], _as_signature(signature, self.num_perm)[None, :], None)

    def add_signatures(self, keys: Sequence[Hashable], signatures: np.ndarray) -> None:
        """Index many precomputed signatures (a ``(n, num_perm)`` uint32 array)."""
        sigs = np.asarray(signatures)
        if sigs.ndim != 2 or sigs.shape[1] != self.num_perm:
            raise ValueError(f"signatures must have shape (n, {self.num_perm}), got {sigs.shape}")
        keys = list(keys)
        if len(keys) != sigs.shape[0]:
            raise ValueError(f"got {len(keys)} keys and {sigs.shape[0]} signatures")
        self._insert(keys, sigs.astype(np.uint32, copy=False), None)

    def add_many(self, keys: Sequence[Hashable], texts: Sequence[str]) -> None:
        """Index many texts at once (signatures are computed in one numpy pass)."""
        keys = list(keys)
        texts = list(texts)
        if len(keys) != len(texts):
            raise ValueError(f"got {len(keys)} keys and {len(texts)} texts")
        sigs, fps = self._sketch(texts)
        self._insert(keys, sigs, fps)

    def _insert(self, keys: list[Hashable], sigs: np.ndarray, fps: Sequence[np.ndarray | None] | None,
                bkeys: np.ndarray | None = None) -> None:
        seen = set()
        for key in keys:
            if not isinstance(key, Hashable) or isinstance(key, (list, dict, set)):
                raise TypeError(f"keys must be hashable, got {type(key).__name__}")
            if key in self._ids or key in seen:
                raise ValueError(f"key {key!r} is already in the index")
            seen.add(key)
        n_new = len(keys)
        if n_new == 0:
            return
        need = self._n + n_new
        if need > self._sigs.shape[0]:
            cap = max(need, int(self._sigs.shape[0] * 1.5) + 1024)
            grown = np.empty((cap, self.num_perm), dtype=np.uint32)
            grown[: self._n] = self._sigs[: self._n]
            self._sigs = grown
        rows = np.arange(self._n, need, dtype=np.uint32)
        self._sigs[self._n:need] = sigs
        self._append_fingerprints(fps if fps is not None else [None] * n_new)
        for key, row in zip(keys, rows.tolist()):
            self._ids[key] = row
            self._keys.append(key)
        self._n = need
        if bkeys is None:
            bkeys = _band_keys(sigs, self.bands, self.rows)
        bkeys = bkeys.ravel()
        brows = np.repeat(rows, self.bands)
        self._buf_keys.append(bkeys)
        self._buf_rows.append(brows)
        buf_map = self._buf_map
        for k, r in zip(bkeys.tolist(), brows.tolist()):
            bucket = buf_map.get(k)
            if bucket is None:
                buf_map[k] = [r]
            else:
                bucket.append(r)
        self._buf_items += n_new
        if self._buf_items >= self._BUFFER_ITEMS:
            self._flush()

    def _append_fingerprints(self, fps: Sequence[np.ndarray | None]) -> None:
        lengths = np.fromiter((0 if f is None else f.size for f in fps), dtype=np.int64, count=len(fps))
        need = self._fp_len + int(lengths.sum())
        if need > self._fp.size:
            grown = np.empty(max(need, int(self._fp.size * 1.5) + 65536), dtype=np.uint16)
            grown[: self._fp_len] = self._fp[: self._fp_len]
            self._fp = grown
        pos = self._fp_len
        for f in fps:
            if f is not None and f.size:
                self._fp[pos:pos + f.size] = f
                pos += f.size
        self._fp_len = pos
        n_old = self._n
        if n_old + len(fps) + 1 > self._fp_off.size:
            grown_off = np.empty(max(n_old + len(fps) + 1, int(self._fp_off.size * 1.5) + 1024), dtype=np.int64)
            grown_off[: n_old + 1] = self._fp_off[: n_old + 1]
            self._fp_off = grown_off
        self._fp_off[n_old + 1: n_old + 1 + len(fps)] = self._fp_off[n_old] + np.cumsum(lengths)

    def _flush(self) -> None:
        if not self._buf_keys:
            return
        keys = np.concatenate(self._buf_keys)
        rows = np.concatenate(self._buf_rows)
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], rows[order]))
        self._buf_keys, self._buf_rows, self._buf_map, self._buf_items = [], [], {}, 0
        # merge runs like a binary counter so there are O(log n) of them
        while len(self._runs) > 1 and self._runs[-1][0].size * 2 >= self._runs[-2][0].size:
            (k2, r2), (k1, r1) = self._runs.pop(), self._runs.pop()
            keys = np.concatenate([k1, k2])
            rows = np.concatenate([r1, r2])
            order = np.argsort(keys, kind="stable")
            self._runs.append((keys[order], rows[order]))

    # -- queries
    def _candidates(self, bkeys: np.ndarray) -> np.ndarray:
        """Row ids sharing at least one band key with ``bkeys`` (1-D, one text)."""
        found: list[np.ndarray] = []
        for run_keys, run_rows in self._runs:
            lo = np.searchsorted(run_keys, bkeys, "left")
            hi = np.searchsorted(run_keys, bkeys, "right")
            hit = hi > lo
            for a, b in zip(lo[hit].tolist(), hi[hit].tolist()):
                found.append(run_rows[a:b])
        if self._buf_map:
            extra = [r for k in bkeys.tolist() for r in self._buf_map.get(k, ())]
            if extra:
                found.append(np.asarray(extra, dtype=np.uint32))
        if not found:
            return np.empty(0, dtype=np.uint32)
        return np.unique(np.concatenate(found))

    _VERIFY_MARGIN = 0.15  # about four standard errors of the estimate at 128 permutations

    def _rank(self, sig: np.ndarray, fp: np.ndarray | None, cand: np.ndarray, threshold: float
              ) -> list[tuple[Hashable, float]]:
        if cand.size == 0:
            return []
        sims = (self._sigs[cand] == sig[None, :]).mean(axis=1)
        if fp is not None:
            # verify plausible candidates on their fingerprints when both sides have one
            for k in np.flatnonzero(sims >= threshold - self._VERIFY_MARGIN).tolist():
                row = int(cand[k])
                lo, hi = self._fp_off[row], self._fp_off[row + 1]
                if hi > lo:
                    other = self._fp[lo:hi]
                    inter = np.intersect1d(fp, other, assume_unique=True).size
                    sims[k] = inter / (fp.size + other.size - inter)
        keep = sims >= threshold - 1e-12
        order = np.lexsort((cand[keep], -sims[keep]))
        c, s = cand[keep][order], sims[keep][order]
        return [(self._keys[int(i)], float(v)) for i, v in zip(c.tolist(), s.tolist())]

    def query(self, text: str, *, threshold: float | None = None) -> list[tuple[Hashable, float]]:
        """Keys of indexed texts whose estimated Jaccard with ``text`` is at least the
        threshold, most similar first (ties in insertion order)."""
        require_str(text, "text")
        th = self.threshold if threshold is None else require_fraction(threshold, "threshold")
        sigs, fps = self._sketch([text])
        return self._query(sigs[0], fps[0], th)

    def query_signature(self, signature: Any, *, threshold: float | None = None) -> list[tuple[Hashable, float]]:
        """Like :meth:`query`, for a precomputed signature or ``datasketch.MinHash``."""
        sig = _as_signature(signature, self.num_perm)
        th = self.threshold if threshold is None else require_fraction(threshold, "threshold")
        return self._query(sig, None, th)

    def _query(self, sig: np.ndarray, fp: np.ndarray | None, threshold: float) -> list[tuple[Hashable, float]]:
        return self._query_banded(sig, fp, _band_keys(sig[None, :], self.bands, self.rows)[0], threshold)

    def _query_banded(self, sig, fp, bkeys, threshold) -> list[tuple[Hashable, float]]:
        return self._rank(sig, fp, self._candidates(bkeys), threshold)

    # -- persistence
    def save(self, path: str | Path) -> None:
        """Write the index to one ``.npz`` file (signatures and keys; no pickle).
        Keys must be ``str`` or ``int`` to be saved."""
        for key in self._keys:
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                raise TypeError(f"only str and int keys can be saved, got {type(key).__name__}")
        meta = {"format": "zhnews.NearDuplicateIndex", "version": 1, "threshold": self.threshold,
                "num_perm": self.num_perm, "seed": self.seed, "shingle_size": self.shingle_size,
                "bands": self.bands, "rows": self.rows, "n": self._n, "exact_shingles": self.exact_shingles,
                "hashfunc": self.hashfunc}
        keys = json.dumps(self._keys, ensure_ascii=False)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, signatures=self._sigs[: self._n], fingerprints=self._fp[: self._fp_len],
                                fingerprint_offsets=self._fp_off[: self._n + 1],
                                meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                                keys=np.frombuffer(keys.encode("utf-8", "surrogatepass"), dtype=np.uint8))

    @classmethod
    def load(cls, path: str | Path) -> "NearDuplicateIndex":
        """Read an index written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(bytes(data["meta"]).decode())
                keys = json.loads(bytes(data["keys"]).decode("utf-8", "surrogatepass"))
                sigs = np.array(data["signatures"], dtype=np.uint32)
                fp = np.array(data["fingerprints"], dtype=np.uint16)
                fp_off = np.array(data["fingerprint_offsets"], dtype=np.int64)
        except (KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
            raise ValueError(f"{path}: not a zhnews NearDuplicateIndex file ({exc})") from exc
        if meta.get("format") != "zhnews.NearDuplicateIndex":
            raise ValueError(f"{path}: not a zhnews NearDuplicateIndex file")
        index = cls(threshold=meta["threshold"], num_perm=meta["num_perm"], shingle_size=meta["shingle_size"],
                    seed=meta["seed"], bands=meta["bands"], rows=meta["rows"],
                    exact_shingles=meta.get("exact_shingles", 512), hashfunc=meta.get("hashfunc", "fast"))
        if sigs.shape != (len(keys), index.num_perm) or fp_off.shape != (len(keys) + 1,):
            raise ValueError(f"{path}: signatures and keys do not match")
        step = 65536
        for start in range(0, len(keys), step):
            stop = min(start + step, len(keys))
            fps = [fp[fp_off[i]:fp_off[i + 1]] if fp_off[i + 1] > fp_off[i] else None for i in range(start, stop)]
            index._insert(keys[start:stop], sigs[start:stop], fps)
        index._flush()
        return index


def dedup_stream(
    records: Iterable[Any],
    *,
    key: str | Callable[[Any], Hashable] = "id",
    text: str | Callable[[Any], str] = "text",
    index: NearDuplicateIndex | None = None,
    threshold: float = 0.8,
    num_perm: int = DEFAULT_NUM_PERM,
    index_duplicates: bool = False,
    batch_size: int = 1024,
) -> Iterator[dict[str, Any]]:
    """Stream records and mark near-duplicates against everything seen before.

    Yields each record as a new ``dict`` with ``duplicate_of`` (the key of the first
    record of its cluster, or ``None``) and ``similarity`` (estimated Jaccard to it,
    or ``None``).  Order is preserved; memory grows with the index only (signatures
    of the first record of each cluster, or of all with ``index_duplicates=True``).

    Args:
        records: mappings (e.g. parsed JSONL) or any objects with ``key``/``text`` callables.
        key, text: field names, or callables that take a record.
        index: an existing :class:`NearDuplicateIndex` to extend (e.g. loaded from disk).
        threshold, num_perm: for a new index.
        index_duplicates: also index records found to be duplicates (catches chains
            A≈B≈C where A and C differ more; costs memory).
        batch_size: records whose signatures are computed together.

    >>> recs = [{"id": 1, "text": "央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。"},
    ...         {"id": 2, "text": "国家统计局：5月份CPI同比上涨0.3%，PPI同比下降1.4%。"},
    ...         {"id": 3, "text": "央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元！"}]
    >>> [(r["id"], r["duplicate_of"]) for r in dedup_stream(recs)]
    [(1, None), (2, None), (3, 1)]
    """
    if index is None:
        index = NearDuplicateIndex(threshold=threshold, num_perm=num_perm)
    require_int(batch_size, "batch_size", minimum=1)
    get_key = key if callable(key) else (lambda r, f=key: r[f])
    get_text = text if callable(text) else (lambda r, f=text: r[f])
    batch: list[Any] = []
    cluster_of: dict[Hashable, Hashable] = {}  # indexed duplicate -> first of its cluster
    for record in records:
        batch.append(record)
        if len(batch) >= batch_size:
            yield from _dedup_batch(batch, index, get_key, get_text, index_duplicates, cluster_of)
            batch = []
    if batch:
        yield from _dedup_batch(batch, index, get_key, get_text, index_duplicates, cluster_of)


def _similarity(sig_a: np.ndarray, fp_a: np.ndarray | None, sig_b: np.ndarray, fp_b: np.ndarray | None) -> float:
    if fp_a is not None and fp_b is not None:
        inter = np.intersect1d(fp_a, fp_b, assume_unique=True).size
        return inter / (fp_a.size + fp_b.size - inter)
    return float((sig_a == sig_b).mean())


def _dedup_batch(batch, index: NearDuplicateIndex, get_key, get_text, index_duplicates, cluster_of) -> Iterator[dict]:
    keys = [get_key(r) for r in batch]
    texts = []
    for r in batch:
        t = get_text(r)
        if not isinstance(t, str):
            raise TypeError(f"record text must be str, got {type(t).__name__}")
        texts.append(t)
    sigs, fps = index._sketch(texts)
    bkeys = _band_keys(sigs, index.bands, index.rows)
    th = index.threshold
    local: dict[int, list[int]] = {}   # band key -> positions in this batch already accepted
    accepted: list[int] = []
    seen: set[Hashable] = set()
    outs = []
    for p, rec in enumerate(batch):
        k = keys[p]
        hits = index._query_banded(sigs[p], fps[p], bkeys[p], th)
        best = hits[0] if hits else None
        near = {q for bk in bkeys[p].tolist() for q in local.get(bk, ())}
        for q in sorted(near):
            sim = _similarity(sigs[p], fps[p], sigs[q], fps[q])
            if sim >= th - 1e-12 and (best is None or sim > best[1]):
                best = (keys[q], sim)
        dup_of = sim = None
        if best is not None:
            dup_of, sim = best
            dup_of = cluster_of.get(dup_of, dup_of)
        out = dict(rec) if isinstance(rec, Mapping) else {"key": k, "text": texts[p]}
        out["duplicate_of"] = dup_of
        out["similarity"] = sim
        outs.append(out)
        if dup_of is None or index_duplicates:
            if k in index or k in seen:
                raise ValueError(f"duplicate record key {k!r}")
            seen.add(k)
            accepted.append(p)
            for bk in bkeys[p].tolist():
                local.setdefault(bk, []).append(p)
            if dup_of is not None:
                cluster_of[k] = dup_of
    if accepted:
        sel = np.asarray(accepted)
        index._insert([keys[p] for p in accepted], sigs[sel], [fps[p] for p in accepted], bkeys=bkeys[sel])
    yield from outs
