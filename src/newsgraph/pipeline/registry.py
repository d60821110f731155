"""The stage registry: one explicit, ordered list of pipeline stages, and the pipeline that runs them.

A stage is a plain function ``fn(ad: AnalyzedDoc, res: Resources) -> None`` that reads the
attributes it ``requires`` from the :class:`~newsgraph.models.AnalyzedDoc` and sets the ones it
``assigns`` (spaCy's components declare the same). Built-in stages are listed in
:data:`BUILTIN_STAGES` in the order they run, each with the module that defines it; the module
registers the function with :func:`stage`. Nothing is optional: a stage whose module cannot be
imported (``NG023``) or does not define it (``NG024``), or whose requirement no earlier stage
assigns (``NG020``), stops the run when the pipeline is built, with a message that says how to
fix it. The same stage list runs in a plain loop, a process pool or Ray.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import ConfigError, err
from newsgraph.models import AnalyzedDoc

#: attributes every AnalyzedDoc has from the start (set by ingest)
BASE_ATTRS = frozenset({"doc", "text"})
#: attributes stages share while a document is analysed and that are dropped afterwards
TRANSIENT = ("parses",)

StageFn = Callable[[AnalyzedDoc, "Resources"], None]
#: a stage's form for several documents at once (what it does is the same per document)
BatchFn = Callable[[Sequence[AnalyzedDoc], "Resources"], None]


@dataclass(frozen=True)
class StageInfo:
    """A stage as declared by :func:`stage` (spaCy components declare requires/assigns the same way)."""

    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: int = 1
    doc: str = ""
    #: the same work on several documents at once, where that is faster (the parse: bigger batches)
    batch: BatchFn | None = None

    @property
    def versioned_name(self) -> str:
        return f"{self.name}.v{self.version}"


#: stages registered with :func:`stage` (built-in and user stages alike)
_REGISTRY: dict[str, StageInfo] = {}

#: the built-in stages, in the order the default pipeline runs them: name -> "module:function"
BUILTIN_STAGES: tuple[tuple[str, str], ...] = (
    ("clean", "newsgraph.pipeline.stages.document:clean_stage"),
    ("segment", "newsgraph.pipeline.stages.document:segment_stage"),
    ("docdate", "newsgraph.pipeline.stages.document:docdate_stage"),
    ("fingerprint", "newsgraph.pipeline.stages.document:fingerprint_stage"),
    ("parse", "newsgraph.pipeline.stages.parse:parse_stage"),
    ("actors", "newsgraph.pipeline.stages.actors:actors_stage"),
    ("quotes", "newsgraph.pipeline.stages.quotes:quotes_stage"),
    ("events", "newsgraph.pipeline.stages.events:events_stage"),
)

#: the default stage order (every built-in stage)
DEFAULT_STAGES: tuple[str, ...] = tuple(name for name, _ in BUILTIN_STAGES)


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          version: int = 1, batch: BatchFn | None = None) -> Callable[[StageFn], StageFn]:
    """Declare ``fn`` as pipeline stage ``name`` with what it requires and assigns, and register it;
    ``batch``, if given, does what ``fn`` does to several documents at once."""

    def deco(fn: StageFn) -> StageFn:
        info = StageInfo(name, fn, tuple(requires), tuple(assigns), version,
                         (fn.__doc__ or "").strip().split("\n")[0], batch)
        fn.__stage__ = info  # type: ignore[attr-defined]
        _REGISTRY[name] = info
        return fn

    return deco


def load_builtin_stages(builtin: Iterable[tuple[str, str]] | None = None) -> dict[str, StageInfo]:
    """The declared built-in stages; a stage that cannot be loaded is a coded :class:`ConfigError`."""
    out: dict[str, StageInfo] = {}
    for name, target in BUILTIN_STAGES if builtin is None else builtin:
        module, fn_name = target.split(":")
        try:
            fn = getattr(importlib.import_module(module), fn_name)
        except ImportError as e:
            raise ConfigError(*err("NG023", stage=f"stage '{name}'", module=module,
                                   reason=f"{type(e).__name__}: {e}")) from e
        except AttributeError as e:
            raise ConfigError(*err("NG024", stage=name, module=module, fn=fn_name)) from e
        info = getattr(fn, "__stage__", None)
        if not isinstance(info, StageInfo) or info.name != name:
            raise ConfigError(*err("NG024", stage=name, module=module, fn=fn_name))
        out[name] = info
    return out


def registered() -> dict[str, StageInfo]:
    """Every stage: the built-in ones in pipeline order, then any registered with :func:`stage`."""
    builtin = load_builtin_stages()
    return {**builtin, **{n: i for n, i in _REGISTRY.items() if n not in builtin}}


def default_stage_names() -> list[str]:
    """The stages the default pipeline runs, in order."""
    return list(DEFAULT_STAGES)


#: the shared resources the built-in stages use: name -> "module:function" that builds it
BUILTIN_RESOURCES: dict[str, str] = {
    "nlp": "newsgraph.actors.recognize:load_nlp",
    "kb": "newsgraph.actors.recognize:load_kb_resource",
    "actors.recognizer": "newsgraph.actors.recognize:load_recognizer",
    "speech_verbs": "newsgraph.text.speechverbs:load_resource",
    "event_lexicon": "newsgraph.events.cameo:load_resource",
    "minhasher": "newsgraph.ingest.dedup:load_resource",
}


class Resources:
    """Read-only shared resources (knowledge base, models, settings), loaded lazily.

    The built-in resources are listed in :data:`BUILTIN_RESOURCES`; :meth:`loader` adds more.
    A value is built on first use and cached, so a worker process pays for what its stages
    use and nothing else. Nothing here carries results from one document to the next.
    """

    _loaders: dict[str, Callable[[Resources], Any]] = {}

    def __init__(self, **settings: Any) -> None:
        self.settings = settings
        self._cache: dict[str, Any] = {}

    @classmethod
    def loader(cls, name: str) -> Callable[[Callable[[Resources], Any]], Callable[[Resources], Any]]:
        def deco(fn: Callable[[Resources], Any]) -> Callable[[Resources], Any]:
            cls._loaders[name] = fn
            return fn

        return deco

    def get(self, name: str) -> Any:
        if name not in self._cache:
            self._cache[name] = _loader_for(name)(self)
        return self._cache[name]

    def __getstate__(self) -> dict[str, Any]:  # ship settings, rebuild caches in workers
        return {"settings": self.settings, "_cache": {}}


def _loader_for(name: str) -> Callable[[Resources], Any]:
    if name in Resources._loaders:
        return Resources._loaders[name]
    if name not in BUILTIN_RESOURCES:
        known = ", ".join(sorted({*BUILTIN_RESOURCES, *Resources._loaders}))
        raise ConfigError(*err("NG025", name=name, known=known))
    module, fn = BUILTIN_RESOURCES[name].split(":")
    try:
        return getattr(importlib.import_module(module), fn)  # type: ignore[no-any-return]
    except (ImportError, AttributeError) as e:
        raise ConfigError(
            *err("NG023", stage=f"resource {name}", module=module, reason=f"{type(e).__name__}: {e}")
        ) from e


@dataclass
class Pipeline:
    stages: list[StageInfo] = field(default_factory=list)

    @classmethod
    def build(cls, names: Iterable[str] | None = None) -> Pipeline:
        reg = registered()
        if names is None:
            return cls.build(default_stage_names())
        names = list(names)
        have = set(BASE_ATTRS)
        out: list[StageInfo] = []
        seen: set[str] = set()
        for n in names:
            if n not in reg:
                raise ConfigError(*err("NG021", name=n, known=", ".join(sorted(reg))))
            if n in seen:
                raise ConfigError(*err("NG022", stage=n))
            info = reg[n]
            for r in info.requires:
                if r not in have:
                    providers = sorted(s.name for s in reg.values() if r in s.assigns) or ["(none)"]
                    raise ConfigError(*err("NG020", stage=n, attr=r, providers=providers))
            have.update(info.assigns)
            seen.add(n)
            out.append(info)
        return cls(out)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def signature(self) -> str:
        """Versioned stage names; stored with each document for reproducibility."""
        return "+".join(s.versioned_name for s in self.stages)

    def __call__(self, ad: AnalyzedDoc, res: Resources) -> AnalyzedDoc:
        for s in self.stages:
            s.fn(ad, res)
            ad.done.append(s.name)
        for attr in TRANSIENT:
            setattr(ad, attr, [])
        return ad
