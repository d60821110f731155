"""Runs the per-document pipeline over inputs and stores each result in its own transaction.

Engines: ``local`` with one worker (a plain loop) or several (a process pool with a
bounded window, so memory stays flat). The Ray engine maps the same
:func:`process_document` over shards (see :mod:`newsgraph.engines`).
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field

from newsgraph.engines.shards import iter_documents  # newsgraph.ingest.read's reader plus Parquet input
from newsgraph.errors import ConfigError, InputError, NewsgraphError
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.store import Store


@dataclass
class IngestReport:
    added: int = 0
    exists: int = 0
    replaced: int = 0
    duplicates: int = 0
    words: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def count(self, status: str, ad: AnalyzedDoc) -> None:
        """Account for one ``Store.write`` result."""
        if status == "exists":
            self.exists += 1
            return
        self.words += ad.doc.n_words
        self.duplicates += bool(ad.extras.get("dup_of"))
        if status == "added":
            self.added += 1
        else:
            self.replaced += 1

    def as_dict(self) -> dict[str, object]:
        return {
            "added": self.added,
            "already_stored": self.exists,
            "replaced": self.replaced,
            "near_duplicates": self.duplicates,
            "failed": len(self.failed),
            "errors": self.failed,
            "words": self.words,
            "seconds": round(self.seconds, 3),
        }


def process_document(doc: Document, pipeline: Pipeline, res: Resources) -> AnalyzedDoc | InputError:
    """Run every stage on one document; a stage failure becomes an error for that document."""
    try:
        return pipeline(AnalyzedDoc(doc=doc), res)
    except ConfigError:
        raise  # a setup problem (missing model, bad KB file) fails the whole run, once
    except NewsgraphError as e:
        return InputError(doc.path or doc.id, str(e), code=e.code)
    except Exception as e:  # a bug in a stage must not stop the whole run
        where = traceback.extract_tb(e.__traceback__)[-1]
        return InputError(
            doc.path or doc.id,
            f"internal error in pipeline: {type(e).__name__}: {e} "
            f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it",
        )


# ---- worker-process state for the pool engine -------------------------------------
_W: dict[str, object] = {}


def _init_worker(stage_names: list[str], settings: dict[str, object]) -> None:
    _W["pipeline"] = Pipeline.build(stage_names)
    _W["res"] = Resources(**settings)


def _work(doc: Document) -> AnalyzedDoc | tuple[str, str, str | None]:
    r = process_document(doc, _W["pipeline"], _W["res"])  # type: ignore[arg-type]
    # exceptions with extra constructor arguments do not unpickle: send an error as a tuple
    return (r.source, r.message, r.code) if isinstance(r, InputError) else r


def _result(r: AnalyzedDoc | tuple[str, str, str | None]) -> AnalyzedDoc | InputError:
    return InputError(r[0], r[1], code=r[2]) if isinstance(r, tuple) else r


def _pooled(
    items: Iterable[Document | InputError], pipeline: Pipeline, res: Resources, workers: int
) -> Iterator[AnalyzedDoc | InputError]:
    window = workers * 8
    with ProcessPoolExecutor(
        workers, initializer=_init_worker, initargs=(pipeline.names, res.settings)
    ) as ex:
        pending: dict[Future[AnalyzedDoc | InputError], int] = {}
        order = 0
        ready: dict[int, AnalyzedDoc | InputError] = {}
        next_out = 0
        it = iter(items)
        exhausted = False
        while not exhausted or pending or ready:
            # ``ready`` counts too: results held behind a slow document must not pile up
            while not exhausted and len(pending) < window and len(ready) < 4 * window:
                try:
                    item = next(it)
                except StopIteration:
                    exhausted = True
                    break
                if isinstance(item, InputError):
                    ready[order] = item
                else:
                    pending[ex.submit(_work, item)] = order
                order += 1
            while next_out in ready:  # keep input order so runs are reproducible
                yield ready.pop(next_out)
                next_out += 1
            if pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    ready[pending.pop(f)] = _result(f.result())
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1


def ingest(
    paths: Iterable[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    resources: Resources | None = None,
    max_bytes: int = 5_000_000,
    replace: bool = False,
    workers: int = 1,
    check_language: bool = True,
    on_item: Callable[[str, str], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every input document. ``on_item(status, label)`` is called per item."""
    pipeline = pipeline or Pipeline.build()
    res = resources or Resources()
    report = IngestReport()
    t0 = time.perf_counter()
    sig = pipeline.signature

    def todo() -> Iterator[Document | InputError]:
        for item in iter_documents(paths, max_bytes=max_bytes, check_language=check_language):
            if isinstance(item, Document) and not replace and store.has_document(item.id):
                report.exists += 1
                if on_item:
                    on_item("exists", item.file_name or item.id)
                continue
            yield item

    if workers > 1:
        results: Iterator[AnalyzedDoc | InputError] = _pooled(todo(), pipeline, res, workers)
    else:
        results = (x if isinstance(x, InputError) else process_document(x, pipeline, res) for x in todo())
    for r in results:
        if isinstance(r, InputError):
            report.failed.append(str(r))
            if on_item:
                on_item("failed", str(r))
            continue
        status = store.write(r, sig, replace=replace)
        report.count(status, r)
        if on_item:
            on_item(status, r.doc.file_name or r.doc.id)
    report.seconds = time.perf_counter() - t0
    return report
