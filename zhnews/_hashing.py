"""The 64-bit finaliser shared by MinHash shingle hashing and sentiment n-gram bucketing.

Both the dedup signatures and the shipped sentiment weights depend on these
exact constants: changing them invalidates saved indexes and the model.
"""

from __future__ import annotations

import numpy as np

_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)


def fmix64(x: np.ndarray) -> np.ndarray:
    """MurmurHash3's fmix64 over a uint64 array (wrapping arithmetic)."""
    x = x ^ (x >> _S33)
    x = x * _M1
    x = x ^ (x >> _S33)
    x = x * _M2
    return x ^ (x >> _S33)
