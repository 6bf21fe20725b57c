"""Read, validate and type one rulebook file (``data/<year>.json``).

Validation runs in two passes: the JSON Schema (shape and types) and then the rules a schema
cannot express. Every problem found is reported at once, one per line, as
``<file>: <key path>: <what is wrong> (line N)``, so whoever edits a rulebook fixes it in one go.
Pure Python: no Django, and no I/O besides reading the rulebook (and listing the data folder).
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import jsonschema  # type: ignore[import-untyped, unused-ignore]

from inovda.rulebooks.checks import KeyPath, semantic_problems
from inovda.rulebooks.files import FileProblems, YearFiles
from inovda.rulebooks.model import (
    Aggregation,
    Band,
    Basis,
    CountScore,
    DevelopedWindow,
    Eligibility,
    Indicator,
    Maxima,
    Rulebook,
    Source,
    Sourced,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
SCHEMA_PATH = Path(__file__).resolve().parent / "rulebook.schema.json"


class RulebookError(FileProblems):
    """A rulebook file that cannot be used; ``problems`` holds one line per problem."""


FILES = YearFiles(
    DATA_DIR,
    RulebookError,
    missing="no rulebook for year {year} (available: {years})",
    unreadable="{path}: cannot read: {reason}",
)


def available_years() -> list[int]:
    return FILES.years()


def load_rulebook(year_or_path: int | str | Path) -> Rulebook:
    """A shipped year (int or digit string) or a path to any rulebook file."""
    return _load(*FILES.cache_key(year_or_path))


@functools.lru_cache(maxsize=64)
def _load(path_str: str, _mtime_ns: int, _size: int) -> Rulebook:
    path = Path(path_str)
    label = path.name if path.parent == DATA_DIR else path_str
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RulebookError([f"{label}: cannot read: {exc.strerror}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RulebookError([f"{label}: not UTF-8 (byte {exc.start})"]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise RulebookError([f"{label}: {where}: {exc.msg}"]) from None

    problems = list(_schema_problems(data)) or semantic_problems(data, path)
    if problems:
        raise RulebookError([_format(label, text, p, m) for p, m in problems])
    return _build(data, path_str, hashlib.sha256(raw).hexdigest())


# --- validation -------------------------------------------------------------------------------


@functools.cache
def _validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _schema_problems(data: Any) -> Iterator[tuple[KeyPath, str]]:
    for error in _leaves(_validator().iter_errors(data)):
        path: KeyPath = tuple(error.absolute_path)
        instance = error.instance
        if error.validator == "required":
            missing = re.match(r"'(.*)' is a required property", error.message)
            yield (*path, missing.group(1) if missing else "?"), "missing key"
        elif error.validator == "additionalProperties":
            for key in sorted(set(instance) - set(error.schema.get("properties", {}))):
                yield (*path, key), "unknown key"
        elif error.validator == "pattern" and path and path[-1] in ("weight", "min", "value"):
            yield path, f"{instance!r} is not a positive decimal (a string such as '0.75')"
        elif path and path[-1] == "tag" and "then" in error.schema_path:
            yield path, f"{instance!r} does not fit its confidence (C/C-2 confirmed, S/I inferred)"
        elif error.validator in ("minItems", "maxItems") and path and path[-1] == "levels":
            yield path, f"expected exactly 3 level texts, got {len(instance)}"
        else:
            yield path, error.message


def _leaves(errors: Any) -> Iterator[Any]:
    """Descend into anyOf branches so "null or object" fields report the object's own error."""
    for error in errors:
        if error.validator == "anyOf" and error.instance is not None:
            yield from _leaves(e for e in error.context if e.validator_value != "null")
        else:
            yield error


def _format(label: str, text: str, path: KeyPath, message: str) -> str:
    keys = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in path).lstrip(".")
    line = _line_of(text, path)
    return f"{label}: {keys or '(top level)'}: {message}" + (f" (line {line})" if line else "")


def _line_of(text: str, path: KeyPath) -> int | None:
    """Line of the value at ``path`` (or of its nearest existing parent) in valid JSON text."""
    decoder, ws = json.JSONDecoder(), re.compile(r"\s*")

    def skip(i: int) -> int:
        match = ws.match(text, i)
        return match.end() if match else i

    i = skip(0)
    try:
        for key in path:
            if isinstance(key, int) and text[i] == "[":
                i = skip(i + 1)
                for _ in range(key):
                    i = skip(decoder.raw_decode(text, i)[1])
                    i = skip(i + 1)  # the comma
            elif isinstance(key, str) and text[i] == "{":
                start, i = i, skip(i + 1)
                while text[i] == '"':
                    name, i = decoder.raw_decode(text, i)
                    i = skip(skip(i) + 1)  # the colon
                    if name == key:
                        break
                    i = skip(decoder.raw_decode(text, i)[1])
                    i = skip(i + 1) if text[i] == "," else i
                else:
                    i = start  # a missing key: point at its object
                    break
            else:
                break
    except (IndexError, ValueError):
        return None
    return text.count("\n", 0, i) + 1


# --- building the typed model -----------------------------------------------------------------


def _source(d: dict[str, Any]) -> Source:
    return Source(confidence=d["confidence"], tag=d["tag"], ref=d["ref"])


def _int(d: dict[str, Any] | None) -> Sourced[int] | None:
    return None if d is None else Sourced(int(d["value"]), _source(d["source"]))


def _dec(d: dict[str, Any] | None) -> Sourced[Decimal] | None:
    return None if d is None else Sourced(Decimal(d["value"]), _source(d["source"]))


def _levels(levels: list[str]) -> tuple[str, str, str]:
    return (levels[0], levels[1], levels[2])


def _date(s: str | None) -> date | None:
    return None if s is None else date.fromisoformat(s)


def _build(data: dict[str, Any], path: str, content_hash: str) -> Rulebook:
    agg, count, elig = data["aggregation"], data["count_score"], data["eligibility"]
    maxima, dev = data["maxima"], elig["developed_window"]
    return Rulebook(
        year=data["year"],
        title=data["title"],
        notes=tuple(data["notes"]),
        aggregation=Aggregation(
            method=agg["method"],
            method_source=_source(agg["method_source"]),
            min_divisor=_int(agg["min_divisor"]),
            max_total=_dec(agg["max_total"]),
        ),
        count_score=None
        if count is None
        else CountScore(
            per_innovation=cast(Sourced[Decimal], _dec(count["per_innovation"])),
            cap=cast(Sourced[int], _int(count["cap"])),
            yandas_required=cast(Sourced[int], _int(count["yandas_required"])),
            yandas=tuple(count["yandas"]),
            yandas_source=_source(count["yandas_source"]),
            gate_reading=Sourced(
                count["gate_reading"]["value"], _source(count["gate_reading"]["source"])
            ),
        ),
        maxima=Maxima(
            spd=Decimal(maxima["spd"]),
            sid_per_innovation=Decimal(maxima["sid_per_innovation"]),
            count=None if maxima["count"] is None else Decimal(maxima["count"]),
        ),
        bands=tuple(
            Band(predicate=b["predicate"], min=Decimal(b["min"]), source=_source(b["source"]))
            for b in data["bands"]
        ),
        eligibility=Eligibility(
            window_start=_date(elig["window_start"]),
            window_end=_date(elig["window_end"]),
            min_design_words=elig["min_design_words"],
            source=_source(elig["source"]),
            developed_window=None
            if dev is None
            else DevelopedWindow(
                start=date.fromisoformat(dev["start"]),
                end=date.fromisoformat(dev["end"]),
                source=_source(dev["source"]),
            ),
        ),
        indicators=tuple(
            Indicator(
                id=i["id"],
                aspect=i["aspect"],
                variable=i["variable"],
                name=i["name"],
                weight=Decimal(i["weight"]),
                mandatory=i["mandatory"],
                levels=_levels(i["levels"]),
                evidence=i["evidence"],
                source=_source(i["source"]),
                bases=tuple(Basis(b["id"], b["name"], _levels(b["levels"])) for b in i["bases"]),
            )
            for i in data["indicators"]
        ),
        path=path,
        content_hash=content_hash,
    )


# --- back to JSON -----------------------------------------------------------------------------


def _num(d: Decimal) -> str:
    """A derived total as plain text without trailing zeros: 63.00 → "63"."""
    return f"{d.normalize():f}"


def _src(s: Source) -> dict[str, str]:
    return {"confidence": s.confidence, "tag": s.tag, "ref": s.ref}


def _sourced(s: Sourced[Any] | None) -> dict[str, Any] | None:
    if s is None:
        return None
    # str() keeps a decimal exactly as the file wrote it ("35.00" stays "35.00").
    value = str(s.value) if isinstance(s.value, Decimal) else s.value
    return {"value": value, "source": _src(s.source)}


def rulebook_to_dict(rb: Rulebook) -> dict[str, Any]:
    """JSON-ready dict in the file's shape, plus the hash and the derived maxima."""
    cs, el, mx = rb.count_score, rb.eligibility, rb.maxima
    dev = el.developed_window
    return {
        "format": "inovda-rulebook/1",
        "year": rb.year,
        "title": rb.title,
        "content_hash": rb.content_hash,
        "approximate": rb.approximate,
        "max_spd": _num(rb.max_spd),
        "max_sid_per_innovation": _num(rb.max_sid_per_innovation),
        "notes": list(rb.notes),
        "aggregation": {
            "method": rb.aggregation.method,
            "method_source": _src(rb.aggregation.method_source),
            "min_divisor": _sourced(rb.aggregation.min_divisor),
            "max_total": _sourced(rb.aggregation.max_total),
        },
        "count_score": None
        if cs is None
        else {
            "per_innovation": _sourced(cs.per_innovation),
            "cap": _sourced(cs.cap),
            "yandas_required": _sourced(cs.yandas_required),
            "yandas": list(cs.yandas),
            "yandas_source": _src(cs.yandas_source),
            "gate_reading": _sourced(cs.gate_reading),
        },
        "maxima": None
        if mx is None
        else {
            "spd": str(mx.spd),
            "sid_per_innovation": str(mx.sid_per_innovation),
            "count": None if mx.count is None else str(mx.count),
        },
        "bands": [
            {"predicate": b.predicate, "min": str(b.min), "source": _src(b.source)}
            for b in rb.bands
        ],
        "eligibility": {
            "window_start": el.window_start.isoformat() if el.window_start else None,
            "window_end": el.window_end.isoformat() if el.window_end else None,
            "min_design_words": el.min_design_words,
            "developed_window": None
            if dev is None
            else {
                "start": dev.start.isoformat(),
                "end": dev.end.isoformat(),
                "source": _src(dev.source),
            },
            "source": _src(el.source),
        },
        "indicators": [
            {
                "id": i.id,
                "aspect": i.aspect,
                "variable": i.variable,
                "name": i.name,
                "weight": str(i.weight),
                "mandatory": i.mandatory,
                "levels": list(i.levels),
                "evidence": i.evidence,
                "source": _src(i.source),
                "bases": [{"id": b.id, "name": b.name, "levels": list(b.levels)} for b in i.bases],
            }
            for i in rb.indicators
        ],
    }
