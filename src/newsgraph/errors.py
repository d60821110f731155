"""Errors with stable codes that say what went wrong and how to fix it.

Modelled on spaCy's ``Errors`` table: each message has a code (``NG###``) so users can
search for it, and each exception carries the HTTP status the web API answers with.
"""

from __future__ import annotations

import logging
import re

#: tracebacks of per-document failures go to this logger (the CLI writes it to a log file); the
#: library itself prints nothing
logging.getLogger("newsgraph").addHandler(logging.NullHandler())


class Errors:
    # ---- reading inputs (one document or file each; the run goes on): what is wrong; what to do
    NG001 = "cannot read file: {reason}; check that it exists and that you may read it"
    NG002 = "file is empty: there is nothing to analyse"
    NG003 = (
        "file looks binary (contains NUL bytes or mostly non-text bytes); newsgraph reads text, HTML and "
        "JSON: convert it or leave it out"
    )
    NG004 = "file is not valid text in UTF-8, UTF-16 or Windows-1252/Latin-1; re-save it as UTF-8"
    NG005 = "{what} is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
    NG006 = "malformed JSON: {reason}; fix the file or leave it out"
    NG007 = "line {line}: malformed JSON: {reason}; fix that line (the other lines are read)"
    NG008 = "JSON record has no non-empty 'text' field{where}; put the article text in 'text'"
    NG009 = (
        "text is not English (detected language: {lang}, confidence {conf:.2f}); newsgraph only reads "
        "English: translate it or leave it out"
    )
    NG010 = "unsupported file type '{suffix}' (use .txt, .html, .htm, .json or .jsonl)"
    NG011 = "no article text found in the HTML{reason}; save the article's text as .txt instead"
    NG012 = "path does not exist; check the spelling"
    NG013 = "sidecar {sidecar}: {reason}; fix or delete the sidecar"
    NG014 = "field '{field}' must be {expected}{where}; fix or remove the field"
    NG015 = "JSON record must be an object, not {kind}; write one {{\"text\": ...}} object per record"
    NG016 = (
        "no input files in this folder (looked for {suffixes}, also in subfolders); check the path"
    )
    NG017 = "internal error while reading this input: {reason}; it was skipped (traceback in the log file)"
    NG018 = (
        "internal error in pipeline stage '{stage}': {reason}; the document was skipped (traceback in "
        "the log file; re-run it with --files-from)"
    )
    NG019 = "text does not look like news text ({reason}); leave it out or fix its encoding"
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
    NG033 = (
        "cannot listen on {host} port {port}: {reason}; is another server using it? choose another with "
        "--port N"
    )
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
    """One input (file, JSONL line, stdin) could not be read or analysed; the run goes on without it.

    ``source`` names the input (``path``, ``path:LINE``, ``path#N``, ``<stdin>``); ``path`` is the
    file to give ``ingest`` again (``source`` without a line or record number); ``detail`` a
    traceback for the log file (never shown on screen); ``stage`` the pipeline stage that failed."""

    status = 400

    def __init__(self, source: str, message: str, code: str | None = None, *, path: str | None = None,
                 detail: str | None = None, stage: str | None = None) -> None:
        super().__init__(message, code=code)
        self.source = source
        self.path = path or _file_of(source)
        self.detail = detail
        self.stage = stage

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.source}: {self.message}{code}"

    def line(self) -> str:
        """The error as one printable line: control characters and undecodable bytes in names and
        messages escaped (no line breaks, no terminal escapes)."""
        return printable(str(self))

    def __reduce__(self) -> tuple[object, ...]:  # picklable for worker processes (keyword fields)
        return (_input_error, (self.source, self.message, self.code, self.path, self.detail, self.stage))


def _input_error(source: str, message: str, code: str | None, path: str | None, detail: str | None,
                 stage: str | None) -> InputError:
    return InputError(source, message, code, path=path, detail=detail, stage=stage)


_LOCATOR = re.compile(r"(?::\d+|#\d+)$")


def _file_of(source: str) -> str:
    """``path`` of ``path:LINE`` or ``path#N`` (a JSONL line, a JSON list record)."""
    return _LOCATOR.sub("", source)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` on one line: control characters, line separators and lone surrogates (the
    undecodable bytes of a file name) written as escapes (``\\n``, ``\\x1b``, ``\\udcff``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def safe_text(text: str) -> str:
    """``text`` storable as UTF-8: a lone surrogate (an undecodable byte of a file name, a broken
    escape in JSON) becomes U+FFFD; the length, and so every offset, stays the same."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


_SURROGATE = re.compile(r"[\ud800-\udfff]")


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
