"""Errors with stable codes that say what went wrong and how to fix it.

Modelled on spaCy's ``Errors`` table: each message has a code (``NG###``) so users can
search for it, and each exception carries the HTTP status the web API answers with.
"""

from __future__ import annotations


class Errors:
    NG001 = "cannot read file: {reason}"
    NG002 = "file is empty"
    NG003 = "file looks binary (contains NUL bytes or mostly non-text bytes)"
    NG004 = "file is not valid text in UTF-8, UTF-16 or Windows-1252/Latin-1"
    NG005 = "file is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
    NG006 = "malformed JSON: {reason}"
    NG007 = "line {line}: malformed JSON: {reason}"
    NG008 = "JSON record has no non-empty 'text' field{where}"
    NG009 = (
        "text is not English (detected language: {lang}, confidence {conf:.2f}); newsgraph only reads English"
    )
    NG010 = "unsupported file type '{suffix}' (use .txt, .html, .htm, .json or .jsonl)"
    NG011 = "no article text found in the HTML"
    NG012 = "path does not exist"
    NG013 = "sidecar {sidecar}: {reason}"
    NG014 = "field '{field}' must be {expected}{where}"
    NG015 = "JSON record must be an object, not {kind}"
    NG020 = (
        "pipeline stage '{stage}' requires '{attr}', which no earlier stage assigns; "
        "add one of {providers} before it"
    )
    NG021 = "unknown pipeline stage '{name}'; registered stages: {known}"
    NG022 = "pipeline stage '{stage}' is listed twice"
    NG023 = (
        "pipeline {stage} cannot be loaded from {module} ({reason}); "
        "reinstall newsgraph (pip install -e .) or check that module"
    )
    NG024 = (
        "module {module} has no function {fn} declared as pipeline stage '{stage}'; "
        "declare it there with @stage('{stage}', requires=..., assigns=...)"
    )
    NG025 = "no resource named '{name}'; known resources: {known}"
    NG030 = "database {db}: {reason}"
    NG031 = "no document matches '{ref}'"
    NG032 = "'{ref}' matches {n} documents; give more of the id"
    NG040 = "{path}: line {line}: {field}: {reason}"
    NG041 = "no actor matches '{ref}'"
    NG042 = "lexicon {path}: line {line}: {reason}"
    NG043 = "no lexicon list '{name}' in {path}; known: {known}"
    NG050 = "gold directory {path}: {reason}"


class NewsgraphError(Exception):
    """Base class. ``status`` is the HTTP status the API answers with."""

    status = 500

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}" if self.code else self.message


class InputError(NewsgraphError):
    """One input (file, JSONL line, stdin) could not be read; the run goes on without it."""

    status = 400

    def __init__(self, source: str, message: str, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.source = source

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.source}: {self.message}{code}"


class ConfigError(NewsgraphError):
    """A pipeline, knowledge-base or settings problem that stops the run."""

    status = 500


class NotFound(NewsgraphError):
    status = 404


class BadRequest(NewsgraphError):
    status = 400


def err(code: str, **kwargs: object) -> tuple[str, str]:
    """Format message ``code`` from :class:`Errors`; returns ``(message, code)``."""
    return getattr(Errors, code).format(**kwargs), code
