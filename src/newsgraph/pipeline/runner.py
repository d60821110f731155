"""Runs the per-document pipeline over inputs and stores each result in its own transaction.

Engines: ``local`` with one worker (a plain loop) or several (a process pool with a
bounded window, so memory stays flat). The Ray engine maps the same
:func:`process_document` over shards (see :mod:`newsgraph.engines`).

Nothing one document does can stop the run: an input that cannot be read is an
:class:`InputError` from the reader; an unexpected exception inside a stage fails that
document only (NG018, naming the stage; the traceback goes to the ``newsgraph.ingest`` logger,
which the CLI writes to a log file); a worker process that dies (killed, out of memory, a crash
in a native library) fails the documents it was given only after each was retried alone in a
fresh worker. Results come back in input order whatever the number of workers, so a run with
``workers=N`` stores exactly what ``workers=1`` stores.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from newsgraph.engines.shards import iter_documents  # newsgraph.ingest.read's reader plus Parquet input
from newsgraph.errors import ConfigError, InputError, NewsgraphError, err
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.pipeline.registry import TRANSIENT, Pipeline, Resources, StageInfo
from newsgraph.store import Store

log = logging.getLogger("newsgraph.ingest")

#: ``on_stage(document, stage name, stage number, number of stages)`` before each stage
StageHook = Callable[[Document, str, int, int], None]
INTERNAL_CODES = ("NG017", "NG018")


@dataclass
class IngestReport:
    added: int = 0
    exists: int = 0
    replaced: int = 0
    duplicates: int = 0
    words: int = 0
    failed: list[str] = field(default_factory=list)  # one line per failed input
    failures: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def failed_files(self) -> list[str]:
        """The files to give ``ingest`` again (each once, in input order)."""
        return list(dict.fromkeys(e.path for e in self.failures))

    @property
    def internal_errors(self) -> int:
        return sum(e.code in INTERNAL_CODES for e in self.failures)

    def fail(self, e: InputError) -> None:
        """Account for one input that failed; its traceback, if any, goes to the log."""
        self.failures.append(e)
        self.failed.append(e.line())
        if e.detail:
            log.error("%s\n%s", e.line(), e.detail.rstrip())

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
            "internal_errors": self.internal_errors,
            "errors": self.failed,
            "failed_files": self.failed_files,
            "words": self.words,
            "seconds": round(self.seconds, 3),
        }


def _label(doc: Document) -> str:
    """How a failed document is named: its file, and its record when the file holds several."""
    path = doc.path or doc.id
    if doc.file_name and doc.path and not doc.path.endswith(doc.file_name):
        return f"{path} (record {doc.file_name})"
    return path


def stage_error(doc: Document, stage: str, e: BaseException) -> InputError:
    """An unexpected exception of ``stage`` as the document's error (NG018), with the traceback."""
    where = traceback.extract_tb(e.__traceback__)[-1] if e.__traceback__ else None
    at = f" at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}" if where else ""
    first = str(e).split("\n")[0][:150]
    reason = f"{type(e).__name__}{': ' + first if first else ''}{at}"
    message, code = err("NG018", stage=stage, reason=reason)
    detail = "".join(traceback.format_exception(e))
    return InputError(_label(doc), message, code, path=doc.path, detail=detail, stage=stage)


def process_document(
    doc: Document, pipeline: Pipeline, res: Resources, on_stage: StageHook | None = None
) -> AnalyzedDoc | InputError:
    """Run every stage on one document; a stage failure becomes an error for that document."""
    return process_documents([doc], pipeline, res, on_stage)[0]


def process_documents(
    docs: Sequence[Document], pipeline: Pipeline, res: Resources, on_stage: StageHook | None = None
) -> list[AnalyzedDoc | InputError]:
    """Run every stage on a group of documents, stage by stage; a stage with a batch form (the parse)
    takes the whole group at once. A failure is the failing document's own: a batch that fails is
    run again one document at a time, so that the error names the right one."""
    out: list[AnalyzedDoc | InputError | None] = [None] * len(docs)
    live = {i: AnalyzedDoc(doc=d) for i, d in enumerate(docs)}
    n = len(pipeline.stages)
    for k, s in enumerate(pipeline.stages, 1):
        if s.batch is not None and len(live) > 1 and _batched(s, list(live.values()), res, k, n, on_stage):
            continue
        for i, ad in list(live.items()):
            if (e := _run_stage(s, ad, res, k, n, on_stage)) is not None:
                out[i] = e
                del live[i]
    for i, ad in live.items():
        for attr in TRANSIENT:
            setattr(ad, attr, [])
        out[i] = ad
    return [r for r in out if r is not None]


def _run_stage(
    s: StageInfo, ad: AnalyzedDoc, res: Resources, k: int, n: int, on_stage: StageHook | None
) -> InputError | None:
    """Stage ``s`` (number ``k`` of ``n``) on one document: None, or the document's error."""
    doc = ad.doc
    if on_stage is not None:
        on_stage(doc, s.name, k, n)
    try:
        s.fn(ad, res)
    except ConfigError:
        raise  # a setup problem (missing model, bad KB file) fails the whole run, once
    except NewsgraphError as e:
        return InputError(_label(doc), e.message, code=e.code, path=doc.path, stage=s.name)
    except Exception as e:  # a bug in a stage, or a resource it exhausted: this document only
        return stage_error(doc, s.name, e)
    ad.done.append(s.name)
    return None


def _batched(
    s: StageInfo, ads: list[AnalyzedDoc], res: Resources, k: int, n: int, on_stage: StageHook | None
) -> bool:
    """Stage ``s`` on ``ads`` at once; False (nothing kept) where it failed."""
    if on_stage is not None:
        for ad in ads:
            on_stage(ad.doc, s.name, k, n)
    try:
        s.batch(ads, res)  # type: ignore[misc]
    except ConfigError:
        raise
    except Exception as e:  # (each document's own error comes from running it alone)
        log.warning("stage %s failed on a group of %d documents (%s: %s); running them one by one",
                    s.name, len(ads), type(e).__name__, str(e).split("\n")[0][:150])
        return False
    for ad in ads:
        ad.done.append(s.name)
    return True


#: documents analysed together (their parses given to the model in shared batches): at most this
#: many, and this many characters of text (a longer document goes alone)
GROUP_DOCS = 8
GROUP_CHARS = 20_000


def group_full(group: Sequence[Document], nxt: Document) -> bool:
    """Whether ``nxt`` must start a new group after ``group`` (:data:`GROUP_DOCS`, :data:`GROUP_CHARS`);
    the one rule of the loop, the pool and the Ray engine."""
    chars = sum(len(d.text) for d in group) + len(nxt.text)
    return bool(group) and (len(group) >= GROUP_DOCS or chars > GROUP_CHARS)


def analyse(
    items: Iterable[Document | InputError],
    pipeline: Pipeline,
    res: Resources,
    on_stage: StageHook | None = None,
) -> Iterator[AnalyzedDoc | InputError]:
    """Every item analysed in this process, in input order (an input error passes through), in
    groups of :data:`GROUP_DOCS` documents and :data:`GROUP_CHARS` characters at most."""
    group: list[Document] = []
    for item in items:
        if group and (isinstance(item, InputError) or group_full(group, item)):
            yield from process_documents(group, pipeline, res, on_stage)
            group = []
        if isinstance(item, InputError):
            yield item
            continue
        group.append(item)
    if group:
        yield from process_documents(group, pipeline, res, on_stage)


# ---- worker-process state for the pool engine -------------------------------------
_W: dict[str, object] = {}


def _init_worker(stage_names: list[str], settings: dict[str, object]) -> None:
    _W["pipeline"] = Pipeline.build(stage_names)
    _W["res"] = Resources(**settings)


def _work(docs: list[Document]) -> list[AnalyzedDoc | InputError]:
    return process_documents(docs, _W["pipeline"], _W["res"])  # type: ignore[arg-type]


def _lost(doc: Document, e: BaseException) -> InputError:
    """A document whose worker failed outside the pipeline (it died, or the document or its
    result could not be sent between processes)."""
    if isinstance(e, BrokenProcessPool):
        e = RuntimeError("the worker process died (killed, out of memory, or a crash in a library)")
    return stage_error(doc, "worker process", e)


#: a group of documents sent to a worker, each with its place in the input
_Job = list[tuple[int, Document]]
_Futures = dict[Future[list[AnalyzedDoc | InputError]], _Job]


class _Pool:
    """A process pool that survives a dying worker: the documents in flight are retried one by one
    in a fresh pool, and only one that kills a worker on its own fails. Workers take groups of
    documents (see :func:`analyse`)."""

    def __init__(self, pipeline: Pipeline, res: Resources, workers: int) -> None:
        self.args = (pipeline.names, res.settings)
        self.workers = workers
        self.ex = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=self.args)

    def submit(self, docs: list[Document]) -> Future[list[AnalyzedDoc | InputError]]:
        try:
            return self.ex.submit(_work, docs)
        except BrokenProcessPool:
            self.restart()
            return self.ex.submit(_work, docs)

    def restart(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = self._new()

    def alone(self, doc: Document) -> AnalyzedDoc | InputError:
        """``doc`` in a worker of its own (after a worker died with it among others in flight)."""
        try:
            return self.submit([doc]).result()[0]
        except BrokenProcessPool as e:
            self.restart()
            return _lost(doc, e)
        except Exception as e:
            return _lost(doc, e)

    def close(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)


def _pooled(
    items: Iterable[Document | InputError], pipeline: Pipeline, res: Resources, workers: int
) -> Iterator[AnalyzedDoc | InputError]:
    window = workers * 2 * GROUP_DOCS  # documents in flight: two groups per worker
    pool = _Pool(pipeline, res, workers)
    pending: _Futures = {}
    ready: dict[int, AnalyzedDoc | InputError] = {}
    group: _Job = []
    order = next_out = 0
    it = iter(items)
    exhausted = False

    def flush() -> None:
        if group:
            pending[pool.submit([d for _, d in group])] = list(group)
            group.clear()

    try:
        while not exhausted or pending or ready:
            # ``ready`` counts too: results held behind a slow document must not pile up
            while not exhausted and sum(map(len, pending.values())) < window and len(ready) < 4 * window:
                item = next(it, None)
                if item is None:
                    exhausted = True
                elif isinstance(item, InputError):
                    ready[order] = item
                    order += 1
                else:
                    if group_full([d for _, d in group], item):
                        flush()
                    group.append((order, item))
                    order += 1
            flush()  # (a group is sent when full, or whenever reading pauses)
            while next_out in ready:  # keep input order so runs are reproducible
                yield ready.pop(next_out)
                next_out += 1
            if pending:
                _collect(pool, pending, ready)
            while next_out in ready:
                yield ready.pop(next_out)
                next_out += 1
    finally:
        pool.close()


def _collect(pool: _Pool, pending: _Futures, ready: dict[int, AnalyzedDoc | InputError]) -> None:
    """Move finished results from ``pending`` to ``ready``; after a worker died, every document
    in flight is run again alone, and so is each document of a group whose documents or results
    could not be sent between processes (only the one that cannot fails)."""
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    broken = False
    for f in done:
        job = pending.pop(f)
        try:
            for (pos, _), r in zip(job, f.result(), strict=True):
                ready[pos] = r
        except BrokenProcessPool:
            broken = True
            pending[f] = job
        except Exception:  # a document or a result could not be pickled: find which, alone
            for pos, doc in job:
                ready[pos] = pool.alone(doc)
    if broken:
        suspects = sorted((x for job in pending.values() for x in job), key=lambda x: x[0])
        pending.clear()
        pool.restart()
        for pos, doc in suspects:
            ready[pos] = pool.alone(doc)


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
    on_stage: StageHook | None = None,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Read, analyse and store every input document. ``on_item(status, label)`` is called per item
    (``label`` is the error's one line for ``failed``); ``on_stage`` before each stage of each
    document (one worker only: the progress of a long document); ``on_file(path)`` when the reader
    starts on the next input file (the progress over a folder)."""
    pipeline = pipeline or Pipeline.build()
    res = resources or Resources()
    report = IngestReport()
    t0 = time.perf_counter()
    sig = pipeline.signature

    def todo() -> Iterator[Document | InputError]:
        current = None
        for item in iter_documents(paths, max_bytes=max_bytes, check_language=check_language):
            path = item.path if isinstance(item, (Document, InputError)) else None
            if on_file is not None and path != current:
                current = path
                on_file(path or "")
            if isinstance(item, Document) and not replace and store.has_document(item.id):
                report.exists += 1
                if on_item:
                    on_item("exists", item.file_name or item.id)
                continue
            yield item

    if workers > 1:
        results: Iterator[AnalyzedDoc | InputError] = _pooled(todo(), pipeline, res, workers)
    else:
        results = analyse(todo(), pipeline, res, on_stage)
    for r in results:
        if isinstance(r, InputError):
            report.fail(r)
            if on_item:
                on_item("failed", r.line())
            continue
        status = store.write(r, sig, replace=replace)
        report.count(status, r)
        if on_item:
            on_item(status, r.doc.file_name or r.doc.id)
    report.seconds = time.perf_counter() - t0
    return report
