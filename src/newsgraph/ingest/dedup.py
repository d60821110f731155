"""Near-duplicate detection: MinHash signatures over word shingles, LSH banding.

Band keys are stored in the database (``minhash_bands``), so finding candidates is an
indexed lookup and memory stays flat however many documents are stored.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable
from typing import Any

import numpy as np

from newsgraph.models import Span

NUM_PERM = 128
BANDS = 16  # 16 bands x 8 rows: candidate pairs from Jaccard ~0.7 upwards
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.8  # estimated Jaccard at or above which a document is a near-duplicate
BLOCK = 4096  # shingles hashed at once (a block's matrix is BLOCK x NUM_PERM x 8 bytes: 4 MB)

_MAX32 = np.uint64(0xFFFFFFFF)
_WORD = re.compile(r"\w+")


def _perms(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.RandomState(seed)
    a = rng.randint(1, np.iinfo(np.int64).max, size=NUM_PERM, dtype=np.int64).astype(np.uint64) * 2 + 1
    b = rng.randint(0, np.iinfo(np.int64).max, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
    return a, b


class MinHasher:
    """Computes MinHash signatures; build one per process and reuse it."""

    def __init__(self, seed: int = 1) -> None:
        self.a, self.b = _perms(seed)

    def shingles(self, text: str, spans: Iterable[Span] | None = None) -> set[str]:
        parts = [text[s.start:s.end] for s in spans] if spans else [text]
        words = [w.lower() for p in parts for w in _WORD.findall(p)]
        if len(words) < SHINGLE:
            return {" ".join(words)} if words else set()
        return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}

    def signature(self, text: str, spans: Iterable[Span] | None = None) -> list[int]:
        sh = self.shingles(text, spans)
        if not sh:
            return [int(_MAX32)] * NUM_PERM
        hv = np.fromiter(
            (zlib.crc32(s.encode("utf-8", "surrogatepass")) for s in sh),
            dtype=np.uint64, count=len(sh))
        # multiply-shift hashing: the high 32 bits of (a * x + b) mod 2**64, one per permutation;
        # in blocks of shingles, so that memory stays bounded however long the document is
        low = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
        for i in range(0, len(hv), BLOCK):
            ph = (np.outer(hv[i : i + BLOCK], self.a) + self.b) >> np.uint64(32)
            np.minimum(low, ph.min(axis=0), out=low)
        return low.astype(np.uint32).tolist()


def to_bytes(sig: list[int]) -> bytes:
    return np.asarray(sig, dtype=np.uint32).tobytes()


def from_bytes(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype=np.uint32)


def band_keys(sig: list[int]) -> list[tuple[int, str]]:
    arr = np.asarray(sig, dtype=np.uint32)
    return [(i, hashlib.blake2b(arr[i * ROWS:(i + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
            for i in range(BANDS)]


def similarity(a: list[int] | np.ndarray, b: list[int] | np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.mean(np.asarray(a, dtype=np.uint32) == np.asarray(b, dtype=np.uint32)))


def load_resource(res: Any) -> MinHasher:
    """The shared MinHasher (resource ``minhasher``)."""
    return MinHasher()
