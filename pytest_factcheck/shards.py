"""Splitting an archive of articles into shards that need no coordination.

An article belongs to shard ``K`` of ``N`` when the SHA-256 of its path relative to the
rootdir (with ``/`` separators, UTF-8) taken as a number is ``K - 1`` modulo ``N``: the
same on every machine, operating system and Python version (Python's ``hash()`` of a string
changes from one process to the next). Every article is in exactly one shard, so N jobs
with ``--factcheck-shard 1/N`` … ``N/N`` together check the whole archive once.
"""

from __future__ import annotations

import hashlib

__all__ = ["parse_shard", "shard_of"]


def parse_shard(text: str) -> tuple[int, int]:
    """``"K/N"`` as ``(K, N)``; raises ``ValueError`` with a message for anything else."""
    k_text, slash, n_text = text.strip().partition("/")
    try:
        k, n = int(k_text), int(n_text)
    except ValueError:
        k = n = 0
    if not slash or n < 1 or not 1 <= k <= n:
        raise ValueError(f"expected K/N with 1 <= K <= N, such as 1/3, got {text!r}")
    return k, n


def shard_of(relative_path: str, shards: int) -> int:
    """The shard (1 to ``shards``) of an article, from its path relative to the rootdir."""
    digest = hashlib.sha256(relative_path.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % shards + 1
