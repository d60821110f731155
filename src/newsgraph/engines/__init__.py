"""Execution engines for the per-document pipeline.

The ``local`` engine (a plain loop, or a process pool with a bounded window) lives in
:mod:`newsgraph.pipeline.runner`; :mod:`newsgraph.engines.ray_engine` runs the same
:func:`newsgraph.pipeline.runner.process_documents` as a Ray Data ``map_batches`` step over shards
of the input (:mod:`newsgraph.engines.shards`). Both store the results through one writer
in input order, one transaction per document, so they produce the same database.
"""

from __future__ import annotations

ENGINES = ("local", "ray")

__all__ = ["ENGINES"]
