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
from datetime import date
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
from inovda.rulebooks.urusan import URUSAN
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


def read_input(source: str, stdin: Any = None) -> str:
    """The text of a file, or of standard input for ``-``; strictly UTF-8, and every failure
    names the input (``stdin`` or the path), so a bad byte never turns into corrupt output."""
    name = "stdin" if source == "-" else source
    try:
        if source == "-":
            stream = stdin if stdin is not None else sys.stdin
            raw = getattr(stream, "buffer", stream).read()
        else:
            raw = Path(source).read_bytes()
    except OSError as exc:
        raise InterchangeError([f"{name}: tidak dapat dibaca ({exc.strerror})"]) from exc
    if isinstance(raw, str):  # a text stream that was already decoded
        return raw
    try:
        return bytes(raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InterchangeError(
            [f"{name}: bukan teks UTF-8 (byte {exc.start}: {raw[exc.start]:#04x})"]
        ) from exc


def _names(name: str) -> str:
    """Names compare as the eligibility checklist compares them: no case, no extra spaces."""
    return " ".join(name.split()).casefold()


def _innovation_problems(where: str, raw: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    first: dict[str, int] = {}
    for k, inn in enumerate(raw.get("innovations", ())):
        at = f"{where}.innovations[{k}]"
        key = _names(inn["name"])
        if key in first:
            problems.append(
                f"{at}.name: nama {inn['name']!r} sudah dipakai "
                f"{where}.innovations[{first[key]}] di wilayah ini"
            )
        first.setdefault(key, k)
        for code in inn.get("urusan", ()):
            if code not in URUSAN:
                problems.append(f"{at}.urusan: kode urusan {code!r} tidak dikenal")
        developed = inn.get("developed_on")
        if developed is not None and _date(developed) is None:
            problems.append(f"{at}.developed_on: {developed!r} bukan tanggal (TTTT-BB-HH)")
    return problems


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


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

    if data["period"] != rulebook.year:
        problems.append(
            f"period: dokumen periode {data['period']} tidak cocok dengan rulebook "
            f"{rulebook.year}; nilai dengan rulebook tahun {data['period']}"
        )
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
        problems += _innovation_problems(where, raw)
        region = RegionInput(
            code=code,
            spd=_answers(raw.get("spd", {})),
            innovations=tuple(
                InnovationInput(
                    name=i["name"],
                    key=i.get("id", ""),
                    urusan=tuple(i.get("urusan", ())),
                    eligible=i.get("eligible", True),
                    ineligible_reason=i.get("ineligible_reason", ""),
                    developed_on=_date(i.get("developed_on")),
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
                **({"ineligible_reason": i.ineligible_reason} if i.ineligible_reason else {}),
                **({"developed_on": i.developed_on.isoformat()} if i.developed_on else {}),
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
