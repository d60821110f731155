"""Registered, versioned pipeline stages and the pipeline that runs them in order.

A stage is a plain function ``fn(ad: AnalyzedDoc, res: Resources) -> None`` that reads
the attributes it ``requires`` from the :class:`~newsgraph.models.AnalyzedDoc` and sets the
ones it ``assigns``. Stages are registered by name with :func:`stage`; a
:class:`Pipeline` checks when it is built that every requirement is assigned by an
earlier stage. The same stage list runs in a plain loop, a process pool or Ray.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from newsgraph.errors import ConfigError, err
from newsgraph.models import AnalyzedDoc

#: attributes every AnalyzedDoc has from the start (set by ingest)
BASE_ATTRS = frozenset({"doc", "text"})

StageFn = Callable[[AnalyzedDoc, "Resources"], None]


@dataclass(frozen=True)
class StageInfo:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: int = 1
    doc: str = ""

    @property
    def versioned_name(self) -> str:
        return f"{self.name}.v{self.version}"


_REGISTRY: dict[str, StageInfo] = {}

#: modules that register the built-in stages when imported (imported lazily)
BUILTIN_STAGE_MODULES = (
    "newsgraph.pipeline.stages.base",
    "newsgraph.pipeline.stages.actors",
    "newsgraph.quotes.extract",
    "newsgraph.pipeline.stages.events",
)

#: the default stage order; a stage in this list runs by default once its module registers it
DEFAULT_STAGES: tuple[str, ...] = ("clean", "segment", "docdate", "fingerprint", "actors", "quotes", "events")


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = (),
          version: int = 1) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as pipeline stage ``name``."""

    def deco(fn: StageFn) -> StageFn:
        _REGISTRY[name] = StageInfo(name, fn, tuple(requires), tuple(assigns), version,
                                    (fn.__doc__ or "").strip().split("\n")[0])
        return fn

    return deco


def load_builtin_stages() -> None:
    for mod in BUILTIN_STAGE_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as e:
            if e.name != mod:  # a missing dependency inside the module is a real error
                raise


def registered() -> dict[str, StageInfo]:
    load_builtin_stages()
    return dict(_REGISTRY)


def default_stage_names(reg: dict[str, StageInfo] | None = None) -> list[str]:
    """The registered stages of :data:`DEFAULT_STAGES` whose requirements earlier ones meet."""
    reg = reg if reg is not None else registered()
    have, out = set(BASE_ATTRS), []
    for n in DEFAULT_STAGES:
        if n in reg and all(r in have for r in reg[n].requires):
            out.append(n)
            have.update(reg[n].assigns)
    return out


class Resources:
    """Read-only shared resources (knowledge base, models, settings), loaded lazily.

    Loaders are registered per name; a value is built on first use and cached, so a
    worker process pays for what its stages use and nothing else.
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
            if name not in self._loaders:
                raise ConfigError(f"no resource named '{name}'")
            self._cache[name] = self._loaders[name](self)
        return self._cache[name]

    def __getstate__(self) -> dict[str, Any]:  # ship settings, rebuild caches in workers
        return {"settings": self.settings, "_cache": {}}


@dataclass
class Pipeline:
    stages: list[StageInfo] = field(default_factory=list)

    @classmethod
    def build(cls, names: Iterable[str] | None = None) -> Pipeline:
        reg = registered()
        if names is None:
            return cls.build(default_stage_names(reg))
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
        return ad
