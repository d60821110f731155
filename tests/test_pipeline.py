from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.models import AnalyzedDoc
from newsgraph.pipeline import registry
from newsgraph.pipeline.registry import (
    BUILTIN_STAGES,
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
    assert p.names == default_stage_names() == list(DEFAULT_STAGES)
    assert p.names == ["clean", "segment", "docdate", "fingerprint", "parse", "actors", "quotes", "events"]
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


def test_a_stage_module_that_cannot_be_imported_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tuple((n, "newsgraph.pipeline.stages.no_such_module:actors_stage" if n == "actors" else m)
                   for n, m in BUILTIN_STAGES)
    monkeypatch.setattr(registry, "BUILTIN_STAGES", broken)
    with pytest.raises(ConfigError) as e:
        Pipeline.build()
    assert e.value.code == "NG023"
    assert "'actors'" in str(e.value) and "no_such_module" in str(e.value) and "reinstall" in str(e.value)


def test_a_module_that_does_not_define_its_stage_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = (("clean", "newsgraph.pipeline.stages.document:clean_stage"),
             ("actors", "newsgraph.pipeline.stages.document:actors_stage"),
             ("quotes", "newsgraph.pipeline.stages.document:clean_stage"))
    with pytest.raises(ConfigError) as e:
        registry.load_builtin_stages(wrong[:2])
    assert e.value.code == "NG024" and "'actors'" in str(e.value)
    with pytest.raises(ConfigError) as e:  # a function declared as another stage
        registry.load_builtin_stages(wrong[::2])
    assert e.value.code == "NG024" and "'quotes'" in str(e.value)


def test_removing_a_stage_from_the_default_order_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "DEFAULT_STAGES", tuple(n for n in DEFAULT_STAGES if n != "actors"))
    with pytest.raises(ConfigError) as e:
        Pipeline.build()
    assert e.value.code == "NG020" and "'quotes'" in str(e.value) and "actors" in str(e.value)


def test_unknown_resource_is_a_coded_error() -> None:
    with pytest.raises(ConfigError) as e:
        Resources().get("no_such_resource")
    assert e.value.code == "NG025" and "kb" in str(e.value)


def test_ingest_with_a_broken_stage_exits_with_the_coded_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli.main import app

    (tmp_path / "a.txt").write_text("Title\n\nRussia and China met in Beijing on Monday.\n")
    broken = tuple((n, "newsgraph.pipeline.stages.gone:quotes_stage" if n == "quotes" else m)
                   for n, m in BUILTIN_STAGES)
    monkeypatch.setattr(registry, "BUILTIN_STAGES", broken)
    r = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "x.db")])
    assert r.exit_code != 0
    assert "NG023" in r.output and "quotes" in r.output
