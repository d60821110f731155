"""The Ray engine: the per-document stages as a Ray Data ``map_batches`` step over shards.

How a run goes:

1. The driver plans the input (:func:`newsgraph.engines.shards.plan_shards`): files in
   input order, large JSONL files cut at line boundaries and large Parquet files at row
   groups, grouped into shards of about 256 KB (smaller when that would give fewer than
   four shards per worker). Only the plan travels to the workers; they read the files
   themselves, so input paths must be visible to every node (on one machine they are).
2. ``ray.data.from_items(shards).map_batches(_ShardWorker, compute=ActorPoolStrategy(size=workers))`` runs a
   fixed pool of ``workers`` actors. Each actor builds the pipeline and its
   :class:`~newsgraph.pipeline.registry.Resources` once (models load lazily, once per worker), reads
   its shard with the same readers as the local engine, skips documents whose id is
   already stored (a sorted ``uint64`` array of stored ids, put in the object store once,
   unless ``replace``), runs :func:`newsgraph.pipeline.runner.process_documents` on groups of
   documents (as the local engine does) and streams the
   results back (pickled), plus an end marker per shard.
3. The driver is the single writer: it consumes results as they stream in (Ray Data
   executes ahead, bounded by its backpressure, so compute overlaps with writing), puts
   them back in input order, and stores each document with :meth:`Store.write`, one
   transaction per document. Writing in input order makes near-duplicate decisions, and so
   the whole database, identical to the local engine's.

Ray itself: with no ``address`` and no Ray already initialised in the process, a private
local Ray is started for the run (``num_cpus=workers``, no dashboard, usage statistics off,
every Ray process bound to 127.0.0.1 and talking to nothing but loopback) and shut down
afterwards. With ``address`` the run connects to that cluster (where ``newsgraph`` must be
installed, same version) and disconnects afterwards.
"""

from __future__ import annotations

import logging
import os
import pickle
import resource
import shutil
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from newsgraph.engines import shards as _shards
from newsgraph.errors import ConfigError, InputError
from newsgraph.models import AnalyzedDoc, Document
from newsgraph.pipeline.registry import Pipeline, Resources
from newsgraph.pipeline.runner import IngestReport, group_full, process_documents, stage_error
from newsgraph.store import Store

log = logging.getLogger("newsgraph.engines.ray")

#: results a worker sends back in one batch (larger batches: fewer, bigger objects)
EMIT_EVERY = 16
#: shards per worker below which the planner cuts smaller shards (load balance)
MIN_SHARDS_PER_WORKER = 4
MIN_SHARD_BYTES = 8 * 1024
#: object store of a local Ray started for a run (results stream through it)
LOCAL_OBJECT_STORE_BYTES = 512 * 1024 * 1024
#: restarts of a dead worker actor, and retries of its shard, on a cluster
CLUSTER_RETRIES = 3

#: environment for a private local Ray: no usage statistics, no cluster address lookup
#: (Ray then binds and connects to 127.0.0.1 only), no import-time banner
LOCAL_RAY_ENV = {
    "RAY_USAGE_STATS_ENABLED": "0",
    "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER": "0",  # makes Ray use the loopback address on Linux too
    "RAY_DISABLE_DOCKER_CPU_WARNING": "1",
    "RAY_ENABLE_UV_RUN_RUNTIME_ENV": "0",
}


@dataclass
class RayIngestReport(IngestReport):
    """:class:`~newsgraph.pipeline.runner.IngestReport` plus engine figures (not in ``as_dict``)."""

    shards: int = 0
    write_seconds: float = 0.0
    startup_seconds: float = 0.0
    worker_peak_rss_mb: dict[str, float] = field(default_factory=dict)


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as e:
        raise ConfigError(
            f"the Ray engine needs Ray Data: pip install 'newsgraph[ray]' (or 'ray[data]') ({e})"
        ) from e
    return ray


# ---------------------------------------------------------------- Ray lifecycle


@contextmanager
def _patched_env(values: dict[str, str]) -> Iterator[None]:
    """Set ``values`` for the block; afterwards restore them and what ``ray.init`` sets for
    itself (``RAY_AUTH_MODE``), so later subprocesses see the environment they saw before."""
    saved = {k: os.environ.get(k) for k in (*values, "RAY_AUTH_MODE")}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@contextmanager
def _ray_warnings_ignored() -> Iterator[None]:
    """Ray's own deprecation notes (about its internal settings) are not for our users."""
    with warnings.catch_warnings():
        for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
            warnings.filterwarnings("ignore", category=category, module=r"ray(\.|$)")
        warnings.filterwarnings("ignore", message=r".*is deprecated.*", module=r"ray(\.|$)")
        yield


@contextmanager
def ray_session(workers: int = 1, address: str | None = None) -> Iterator[str]:
    """Use the Ray already initialised in this process, or connect to ``address``, or start
    a private local Ray with ``workers`` CPUs; yields which (``existing|cluster|local``) and
    shuts down / disconnects what it started."""
    ray = _import_ray()
    if ray.is_initialized():
        yield "existing"
        return
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False, "namespace": "newsgraph"}
    if address:
        with _patched_env({"RAY_USAGE_STATS_ENABLED": os.environ.get("RAY_USAGE_STATS_ENABLED", "0")}):
            try:
                ray.init(address=address, **quiet)
            except Exception as e:
                raise ConfigError(
                    f"cannot connect to the Ray cluster at {address}: "
                    f"{str(e).splitlines()[0] if str(e) else type(e).__name__} (a cluster with token "
                    "authentication needs its token in RAY_AUTH_TOKEN or RAY_AUTH_TOKEN_PATH)"
                ) from e
            try:
                yield "cluster"
            finally:
                ray.shutdown()
        return
    with _patched_env(LOCAL_RAY_ENV):
        from ray._private import ray_constants

        saved_cluster = ray_constants.ENABLE_RAY_CLUSTER
        ray_constants.ENABLE_RAY_CLUSTER = False  # read at import time; ray may be imported already
        try:
            try:
                ray.init(
                    address="local",  # always a new private instance, whatever RAY_ADDRESS says
                    num_cpus=workers,
                    num_gpus=0,
                    include_dashboard=False,
                    object_store_memory=max(LOCAL_OBJECT_STORE_BYTES, 128 * 1024 * 1024 * workers),
                    **quiet,
                )
            except Exception as e:
                raise ConfigError(
                    f"cannot start a local Ray: {str(e).splitlines()[0] if str(e) else e!r}"
                ) from e
            session_dir = _session_dir(ray)
            ok = False
            try:
                yield "local"
                ok = True
            finally:
                ray.shutdown()
                if ok and session_dir:  # keep the logs of a failed run, drop those of a good one
                    shutil.rmtree(session_dir, ignore_errors=True)
        finally:
            ray_constants.ENABLE_RAY_CLUSTER = saved_cluster


def _session_dir(ray: Any) -> str | None:
    try:
        node = ray._private.worker._global_node
        return str(node.get_session_dir_path()) if node is not None else None
    except Exception:  # a private API; losing it only keeps the logs
        return None


@contextmanager
def local_ray(workers: int = 1) -> Iterator[None]:
    """A private local Ray for the block (tests and benchmarks share one across runs)."""
    ray = _import_ray()
    if ray.is_initialized():
        raise RuntimeError("Ray is already initialised in this process")
    with _ray_warnings_ignored(), ray_session(workers):
        yield


@contextmanager
def _data_context(ray: Any) -> Iterator[None]:
    """Ordered, quiet, lean Ray Data execution for the block (previous settings come back after).

    Besides keeping input order, it turns off what costs CPU and does not help here: progress
    bars, stats logs and per-task memory polling (our workers report their own peak RSS).
    """
    from ray.data import DataContext

    ctx = DataContext.get_current()
    opts = ctx.execution_options
    wanted: list[tuple[Any, str, Any]] = [
        (opts, "preserve_order", True),
        (ctx, "enable_progress_bars", False),
        (ctx, "print_on_execution_start", False),
        (ctx, "enable_auto_log_stats", False),
        (ctx, "memory_usage_poll_interval_s", None),
    ]
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in wanted if hasattr(obj, name)]
    data_log = logging.getLogger("ray.data")
    saved_level = data_log.level
    for obj, name, value in wanted:
        if hasattr(obj, name):
            setattr(obj, name, value)
    data_log.setLevel(logging.ERROR)  # no execution banners or "progress bars disabled" notes
    try:
        yield
    finally:
        for obj, name, value in saved:
            setattr(obj, name, value)
        data_log.setLevel(saved_level)


# ---------------------------------------------------------------- stored ids


def stored_ids(store: Store) -> Any:
    """Ids of the stored documents as a sorted ``uint64`` array (ids are 16 hex digits: 8 bytes
    per stored document), or a frozenset of strings when some id is not of that form."""
    import numpy as np

    def as_ints(chunk: list[str]) -> Any:
        if not all(len(i) == 16 for i in chunk):
            raise ValueError("not a 16-hex-digit id")
        return np.fromiter((int(i, 16) for i in chunk), dtype=np.uint64, count=len(chunk))

    parts: list[Any] = []
    batches = store.document_id_batches(50_000)
    try:
        for chunk in batches:
            parts.append(as_ints(chunk))
    except ValueError:  # ids of another form: keep them as strings
        batches.close()
        return frozenset(i for chunk in store.document_id_batches(50_000) for i in chunk)
    arr = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
    arr.sort()
    return arr


class KnownIds:
    """Membership test over :func:`stored_ids`' value."""

    def __init__(self, data: Any) -> None:
        self.data = data

    def __contains__(self, doc_id: str) -> bool:
        if isinstance(self.data, frozenset):
            return doc_id in self.data
        import numpy as np

        if len(doc_id) != 16 or len(self.data) == 0:
            return False
        try:
            x = np.uint64(int(doc_id, 16))
        except ValueError:
            return False
        i = int(np.searchsorted(self.data, x))
        return i < len(self.data) and self.data[i] == x


# ---------------------------------------------------------------- workers


def _pickled(x: InputError | AnalyzedDoc) -> bytes:
    return pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _ShardWorker:
    """A Ray Data actor: the pipeline and resources are built once per worker process."""

    def __init__(
        self,
        stage_names: list[str],
        settings: dict[str, Any],
        max_bytes: int,
        check_language: bool,
        known: list[Any] | None,
        emit_every: int = EMIT_EVERY,
    ) -> None:
        self.pipeline = Pipeline.build(stage_names)
        self.res = Resources(**settings)
        self.max_bytes = max_bytes
        self.check_language = check_language
        self.emit_every = emit_every
        self.known: KnownIds | None = None
        if known:
            import ray

            value = known[0]
            self.known = KnownIds(ray.get(value) if isinstance(value, ray.ObjectRef) else value)

    def __call__(self, batch: Any) -> Iterator[Any]:
        import pyarrow as pa

        cols: dict[str, list[Any]] = {
            k: [] for k in ("shard", "pos", "status", "label", "payload", "rss", "pid")
        }

        def add(
            shard: int,
            pos: int,
            status: str,
            label: str,
            payload: bytes | None = None,
            rss: float | None = None,
        ) -> None:
            for k, v in (
                ("shard", shard),
                ("pos", pos),
                ("status", status),
                ("label", label),
                ("payload", payload),
                ("rss", rss),
                ("pid", os.getpid()),
            ):
                cols[k].append(v)

        def take() -> Any:
            table = pa.table(
                {
                    "shard": pa.array(cols["shard"], pa.int64()),
                    "pos": pa.array(cols["pos"], pa.int64()),
                    "status": pa.array(cols["status"], pa.string()),
                    "label": pa.array(cols["label"], pa.string()),
                    "payload": pa.array(cols["payload"], pa.binary()),
                    "rss": pa.array(cols["rss"], pa.float64()),
                    "pid": pa.array(cols["pid"], pa.int64()),
                }
            )
            for v in cols.values():
                v.clear()
            return table

        def analysed(index: int, group: list[tuple[int, Document]]) -> bool:
            """Rows for a group of documents analysed together (``runner.group_full``); False after
            a setup problem, which stops the run as in the local engine."""
            try:
                results = process_documents([d for _, d in group], self.pipeline, self.res)
            except ConfigError as e:
                add(index, group[0][0], "fatal", str(e))
                return False
            for (pos, item), r in zip(group, results, strict=True):
                try:
                    payload = _pickled(r) if not isinstance(r, InputError) else None
                except Exception as e:  # a result that cannot travel back: this document only
                    r = stage_error(item, "worker process", e)
                if isinstance(r, InputError):
                    add(index, pos, "failed", r.line(), _pickled(r))
                else:
                    add(index, pos, "doc", r.doc.file_name or r.doc.id, payload)
            return True

        for index, blob in zip(
            batch.column("index").to_pylist(), batch.column("units").to_pylist(), strict=True
        ):
            units = pickle.loads(blob)
            pos = 0
            group: list[tuple[int, Document]] = []
            for item in _shards.read_units(
                units, max_bytes=self.max_bytes, check_language=self.check_language
            ):
                todo = isinstance(item, Document) and not (self.known is not None and item.id in self.known)
                if group and (not todo or group_full([d for _, d in group], item)):
                    if not analysed(index, group):
                        yield take()
                        return
                    group = []
                if isinstance(item, InputError):
                    add(index, pos, "failed", item.line(), _pickled(item))
                elif not todo:
                    add(index, pos, "exists", item.file_name or item.id)
                else:
                    group.append((pos, item))
                pos += 1
                if len(cols["pos"]) >= self.emit_every:
                    yield take()
            if group and not analysed(index, group):
                yield take()
                return
            add(index, pos, "end", "", rss=_peak_rss_mb())
            yield take()


# ---------------------------------------------------------------- driver


def _plan(paths: list[str], workers: int, shard_bytes: int | None, max_bytes: int) -> list[_shards.Shard]:
    target = shard_bytes or _shards.SHARD_BYTES
    plan = _shards.plan_shards(paths, target_bytes=target, max_bytes=max_bytes)
    want = MIN_SHARDS_PER_WORKER * workers
    if shard_bytes is None and len(plan) < want and "-" not in paths:
        total = sum(s.nbytes for s in plan)
        smaller = max(MIN_SHARD_BYTES, total // want)
        if smaller < target:
            plan = _shards.plan_shards(
                paths, target_bytes=smaller, max_lines=_shards.SHARD_LINES, max_bytes=max_bytes
            )
    return plan


def _ordered(rows: Iterable[dict[str, Any]], n_shards: int) -> Iterator[dict[str, Any]]:
    """Rows in (shard, pos) order; Ray Data keeps the order (``preserve_order``), and this
    buffer only guards against a reordering, holding rows of later shards until earlier end."""
    current = 0
    held: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        if row["shard"] != current:
            held.setdefault(row["shard"], []).append(row)
            continue
        yield row
        if row["status"] == "end":
            current += 1
            while current in held:
                rest = sorted(held.pop(current), key=lambda r: r["pos"])
                yield from rest
                if rest and rest[-1]["status"] == "end":
                    current += 1
                else:
                    break
    if current != n_shards or held:
        raise RuntimeError(f"Ray engine: results of {n_shards - current} shard(s) did not come back")


def _map_shards(ray: Any, ds: Any, workers: int, mode: str, kwargs: dict[str, Any]) -> Any:
    """``ds.map_batches(_ShardWorker)`` on a fixed pool of ``workers`` actors, one CPU each."""
    common = {
        "batch_size": 1,
        "batch_format": "pyarrow",
        "zero_copy_batch": True,
        "num_cpus": 1,
        "compute": ray.data.ActorPoolStrategy(size=workers),
        "fn_constructor_kwargs": kwargs,
    }
    # Ray Data restarts dead actors and retries their tasks forever by default: a document that
    # crashes its worker would loop. A private local Ray fails fast instead (the rerun resumes);
    # on a cluster, which may lose nodes, a few restarts and retries are allowed.
    retries = 0 if mode != "cluster" else CLUSTER_RETRIES
    remote = {"max_restarts": retries, **({"max_task_retries": retries} if retries else {})}
    try:
        with warnings.catch_warnings():  # Ray >= 2.5x: generic remote args are deprecated
            warnings.simplefilter("ignore")
            return ds.map_batches(_ShardWorker, **common, **remote)
    except TypeError:  # a Ray that no longer takes them
        return ds.map_batches(_ShardWorker, **common)


def ingest_ray(
    paths: Iterable[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    resources: Resources | None = None,
    max_bytes: int = 5_000_000,
    replace: bool = False,
    workers: int = 1,
    address: str | None = None,
    check_language: bool = True,
    on_item: Callable[[str, str], None] | None = None,
    shard_bytes: int | None = None,
) -> RayIngestReport:
    """Read, analyse (on Ray) and store every input document, like :func:`newsgraph.pipeline.runner.ingest`.

    Same results and the same report as the local engine on the same input; ``on_item(status,
    label)`` is called per item in input order. ``shard_bytes`` overrides the shard size."""
    ray = _import_ray()
    pipeline = pipeline or Pipeline.build()
    res = resources or Resources()
    workers = max(1, int(workers))
    paths = [os.fspath(p) for p in paths]
    report = RayIngestReport()
    t0 = time.perf_counter()
    sig = pipeline.signature
    plan = _plan(paths, workers, shard_bytes, max_bytes)
    report.shards = len(plan)
    if not plan:
        report.seconds = time.perf_counter() - t0
        return report

    with _ray_warnings_ignored(), ray_session(workers, address) as mode:
        report.startup_seconds = time.perf_counter() - t0
        known = None
        if not replace:
            ids = stored_ids(store)
            if len(ids):
                known = [ray.put(ids)]
        items = [
            {"index": s.index, "units": pickle.dumps(s.units, protocol=pickle.HIGHEST_PROTOCOL)} for s in plan
        ]
        with _data_context(ray):
            ds = ray.data.from_items(items, override_num_blocks=len(items))
            ds = _map_shards(
                ray,
                ds,
                workers,
                mode,
                {
                    "stage_names": pipeline.names,
                    "settings": res.settings,
                    "max_bytes": max_bytes,
                    "check_language": check_language,
                    "known": known,
                },
            )

            def rows() -> Iterator[dict[str, Any]]:
                for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=4):
                    yield from batch.to_pylist()

            for row in _ordered(rows(), len(plan)):
                status = _take(row, store, sig, replace, report)
                if on_item and status != "end":
                    on_item(status, row["label"])
    report.seconds = time.perf_counter() - t0
    return report


def _take(row: dict[str, Any], store: Store, sig: str, replace: bool, report: RayIngestReport) -> str:
    """Count one worker row in the report (storing its document, in input order); its status."""
    status = str(row["status"])
    if status == "end":
        key = str(row["pid"])
        report.worker_peak_rss_mb[key] = max(report.worker_peak_rss_mb.get(key, 0.0), row["rss"] or 0.0)
    elif status == "fatal":
        raise ConfigError(row["label"])
    elif status == "failed":
        report.fail(pickle.loads(row["payload"]))
    elif status == "exists":
        report.exists += 1
    else:
        ad: AnalyzedDoc = pickle.loads(row["payload"])
        tw = time.perf_counter()
        status = store.write(ad, sig, replace=replace)
        report.write_seconds += time.perf_counter() - tw
        report.count(status, ad)
        row["label"] = ad.doc.file_name or ad.doc.id
    return status


__all__ = ["KnownIds", "RayIngestReport", "ingest_ray", "local_ray", "ray_session", "stored_ids"]
