"""Read and write the ``inovda/1`` interchange format (docs/interchange.md).

Parsing is all-or-nothing: every problem is collected, each naming where it is
(``regions[0].innovations[2].levels.17``), and no region is returned if any is found.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from inovda.interchange.validate import (
    Problem,
    SchemaNotSupported,
    compile_schema,
    generic_validator,
)
from inovda.rulebooks.model import MAX_LEVEL, Rulebook
from inovda.scoring.engine import Answer, InnovationInput, RegionInput, check_region

FORMAT = "inovda/1"
SCHEMA_PATH = Path(__file__).with_name("schema.json")


class InterchangeError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Document:
    period: int
    regions: tuple[RegionInput, ...]


@cache
def _validator() -> Callable[[Any], list[Problem]]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    try:
        return compile_schema(schema)
    except SchemaNotSupported:  # same messages, only slower; a test flags it
        return generic_validator(schema)


# Answers read from a file carry no decision, so one shared (frozen) Answer per level will do.
_ANSWERS = {level: Answer(level) for level in range(MAX_LEVEL + 1)}


def _answers(levels: dict[str, Any]) -> dict[str, Answer]:
    # type() is int: 3.0 and True stay themselves, for the engine's own level check.
    return {
        k: _ANSWERS[v] if type(v) is int and v in _ANSWERS else Answer(v) for k, v in levels.items()
    }


def _where(path: Iterable[Any]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out.lstrip(".") or "(dokumen)"


def read_text(source: str) -> str:
    """The text of a file, or of standard input for ``-``; not UTF-8 is an error naming it."""
    name = "stdin" if source == "-" else source
    if source != "-":
        raw = Path(source).read_bytes()
    elif hasattr(sys.stdin, "buffer"):
        raw = sys.stdin.buffer.read()
    else:  # already text (a test's StringIO); undecodable bytes would be lone surrogates
        raw = sys.stdin.read().encode("utf-8", errors="surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InterchangeError(
            [f"{name}: bukan teks UTF-8 (byte {exc.start}: {raw[exc.start]:#04x})"]
        ) from None


def loads(text: str, *, source: str = "input") -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(
            [f"{source}: baris {exc.lineno} kolom {exc.colno}: JSON rusak ({exc.msg})"]
        ) from exc


def parse(data: Any, rulebook: Rulebook, known_codes: Collection[str] | None = None) -> Document:
    problems = [f"{_where(path)}: {message}" for path, message in _validator()(data)]
    if problems:
        raise InterchangeError(problems)

    regions, seen = [], set()
    for r, raw in enumerate(data["regions"]):
        where = f"regions[{r}]"
        code = raw["code"]
        if known_codes is not None and code not in known_codes:
            problems.append(
                f"{where}.code: kode wilayah {code!r} tidak ada dalam roster {data['period']}"
            )
        if code in seen:
            problems.append(f"{where}.code: kode wilayah {code!r} muncul lebih dari sekali")
        seen.add(code)
        region = RegionInput(
            code=code,
            spd=_answers(raw.get("spd", {})),
            innovations=tuple(
                InnovationInput(
                    name=i["name"],
                    key=i.get("id", ""),
                    urusan=tuple(i.get("urusan", ())),
                    eligible=i.get("eligible", True),
                    levels=_answers(i.get("levels", {})),
                )
                for i in raw.get("innovations", ())
            ),
            reported=raw.get("reported"),
        )
        problems += check_region(rulebook, region, where)
        regions.append(region)
    if problems:
        raise InterchangeError(problems)
    return Document(period=data["period"], regions=tuple(regions))


def region_to_dict(region: RegionInput) -> dict[str, Any]:
    """The inverse of parse for one region (levels of 0 are left out, as absent = 0)."""
    out: dict[str, Any] = {
        "code": region.code,
        "spd": {k: a.level for k, a in region.spd.items() if a.level},
        "innovations": [
            {
                **({"id": i.key} if i.key else {}),
                "name": i.name,
                "urusan": list(i.urusan),
                **({} if i.eligible else {"eligible": False}),
                "levels": {k: a.level for k, a in i.levels.items() if a.level},
            }
            for i in region.innovations
        ],
    }
    if region.reported is not None:
        out["reported"] = region.reported
    return out


def document_to_dict(period: int, regions: Iterable[RegionInput]) -> dict[str, Any]:
    return {"format": FORMAT, "period": period, "regions": [region_to_dict(r) for r in regions]}


_DECIMAL = "\x00decimal:"
_DECIMAL_RE = re.compile(r'"\\u0000decimal:(-?\d+(?:\.\d+)?)"')


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """JSON with Decimals printed as numbers exactly as they are (38.55, 40.00)."""

    def default(value: Any) -> Any:
        if isinstance(value, Decimal):
            return _DECIMAL + str(value)
        raise TypeError(f"{type(value).__name__} is not JSON serialisable")

    text = json.dumps(obj, indent=indent, ensure_ascii=False, default=default)
    return _DECIMAL_RE.sub(r"\1", text)
