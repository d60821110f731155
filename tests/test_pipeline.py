from __future__ import annotations

import pytest

from newsgraph.errors import ConfigError
from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline.registry import (
    DEFAULT_STAGES,
    Pipeline,
    Resources,
    default_stage_names,
    registered,
    stage,
)

from .conftest import make_doc


def test_default_pipeline_builds_and_runs() -> None:
    p = Pipeline.build()
    assert set(p.names) <= set(DEFAULT_STAGES) and p.names == default_stage_names()
    assert p.names[:4] == ["clean", "segment", "docdate", "fingerprint"]
    ad = p(
        AnalyzedDoc(doc=make_doc("Title line\n\nSome body text here. Another sentence follows.")), Resources()
    )
    assert ad.done == p.names
    assert ad.body_spans and ad.sentences and ad.minhash
    assert all(ad.text[s.start : s.end].strip() for s in ad.sentences)


def test_signature_is_versioned() -> None:
    assert Pipeline.build(["clean"]).signature == "clean.v1"


def test_missing_requirement_is_reported_with_providers() -> None:
    with pytest.raises(ConfigError) as e:
        Pipeline.build(["segment"])
    assert e.value.code == "NG020"
    assert "clean" in str(e.value) and "body_spans" in str(e.value)


def test_unknown_and_duplicate_stage() -> None:
    with pytest.raises(ConfigError) as e:
        Pipeline.build(["clean", "nope"])
    assert e.value.code == "NG021" and "clean" in str(e.value)
    with pytest.raises(ConfigError) as e:
        Pipeline.build(["clean", "clean"])
    assert e.value.code == "NG022"


def test_registering_a_stage_plugs_into_the_pipeline() -> None:
    @stage("test_upper_title", requires=("body_spans",), assigns=("extras",))
    def _upper(ad: AnalyzedDoc, res: Resources) -> None:
        ad.extras["upper"] = (ad.doc.title or "").upper()

    assert "test_upper_title" in registered()
    p = Pipeline.build(["clean", "test_upper_title"])
    ad = p(AnalyzedDoc(doc=make_doc("Hello there\n\nBody.")), Resources())
    assert ad.extras["upper"] == "HELLO THERE"


def test_resources_are_lazy_and_cached() -> None:
    calls = []

    @Resources.loader("test_thing")
    def _load(res: Resources) -> object:
        calls.append(1)
        return object()

    r = Resources()
    assert calls == []
    assert r.get("test_thing") is r.get("test_thing")
    assert calls == [1]
    with pytest.raises(ConfigError):
        r.get("no_such_resource")
