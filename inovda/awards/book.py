"""Read and validate one award book (``books/<year>.json``): the rules of one Innovative
Government Award year.

Two passes, like the rulebooks: the JSON Schema, then the rules a schema cannot express
(weights summing to 1, unique aspect ids, the file named after its year). Every problem is
reported at once, one per line, as ``<file>: <key path>: <what is wrong>`` in Bahasa Indonesia.
Pure Python: no Django.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped, unused-ignore]

from inovda.rulebooks.files import FileProblems, YearFiles
from inovda.rulebooks.model import Source, Sourced

BOOKS_DIR = Path(__file__).resolve().parent / "books"
SCHEMA_PATH = Path(__file__).resolve().parent / "book.schema.json"
TIERS = ("provinsi", "kabupaten", "kota")
PRESENTER_LABELS = {
    "kepala_daerah": "Kepala daerah",
    "wakil_kepala_daerah": "Wakil kepala daerah",
    "sekda": "Sekretaris daerah",
}
ASSUMPTION_TEXT = (
    "ASUMSI: bobot gabungan indeks, presentasi dan validasi lapangan tidak pernah "
    "dipublikasikan; angka ini pilihan Inovda, bukan ketentuan resmi."
)


class BookError(FileProblems):
    """An award book that cannot be used; ``problems`` holds one line per problem."""


FILES = YearFiles(
    BOOKS_DIR,
    BookError,
    missing="tidak ada buku penghargaan tahun {year} (tersedia: {years})",
    unreadable="{path}: tidak dapat dibaca: {reason}",
)


@dataclass(frozen=True)
class ClusterRule:
    id: str
    nominees: Sourced[int]
    winners: Sourced[int]


@dataclass(frozen=True)
class Aspect:
    id: str
    name: str
    weight: Sourced[Decimal]


@dataclass(frozen=True)
class Combination:
    assumption: bool
    index: Sourced[Decimal]
    presentation: Sourced[Decimal]
    field: Sourced[Decimal]
    index_scale: str


@dataclass(frozen=True)
class AwardBook:
    year: int
    title: str
    notes: tuple[str, ...]
    clusters: tuple[ClusterRule, ...]
    eligibility: tuple[str, ...]
    eligibility_source: Source
    presentation_held: bool
    presentation_aspects: tuple[Aspect, ...]
    field_held: bool
    field_aspects: tuple[Aspect, ...]
    combination: Combination
    cutoff_ties: Sourced[str]
    tie_break: Sourced[tuple[str, ...]]
    two_clusters: Sourced[str]
    presenters: Sourced[tuple[str, ...]]
    hash: str

    def cluster(self, cluster_id: str) -> ClusterRule:
        for rule in self.clusters:
            if rule.id == cluster_id:
                return rule
        raise KeyError(cluster_id)

    @property
    def approximate(self) -> bool:
        return any(s.confidence == "approximate" for s in self.sources())

    def sources(self) -> Iterator[Source]:
        for rule in self.clusters:
            yield rule.nominees.source
            yield rule.winners.source
        for aspect in (*self.presentation_aspects, *self.field_aspects):
            yield aspect.weight.source
        yield self.eligibility_source
        c = self.combination
        yield from (c.index.source, c.presentation.source, c.field.source)


def available_years() -> list[int]:
    return FILES.years()


def load_book(year_or_path: int | str | Path) -> AwardBook:
    return _load(*FILES.cache_key(year_or_path))


def book_for(year: int) -> AwardBook:
    """The book of ``year``, or the latest earlier one (a year without its own book follows the
    last rules known)."""
    earlier = [y for y in available_years() if y <= year]
    if not earlier:
        raise BookError([f"tidak ada buku penghargaan untuk tahun {year} atau sebelumnya"])
    return load_book(earlier[-1])


@functools.lru_cache(maxsize=32)
def _load(path_str: str, _mtime_ns: int, _size: int) -> AwardBook:
    path = Path(path_str)
    label = path.name
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise BookError([f"{label}: bukan UTF-8 (byte {exc.start})"]) from None
    except json.JSONDecodeError as exc:
        raise BookError(
            [f"{label}: baris {exc.lineno}, kolom {exc.colno}: JSON tidak valid ({exc.msg})"]
        ) from None
    problems = list(_schema_problems(data)) or list(_semantic_problems(data, path))
    if problems:
        raise BookError([f"{label}: {_dotted(p)}: {m}" for p, m in problems])
    return _build(data, hashlib.sha256(raw).hexdigest())


def _dotted(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "(akar)"


@functools.cache
def _validator() -> Any:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _schema_problems(data: Any) -> Iterator[tuple[tuple, str]]:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required":
            missing = str(error.message).split("'")[1]
            yield (*path, missing), "kunci wajib tidak ada"
        elif error.validator == "additionalProperties":
            for key in sorted(set(error.instance) - set(error.schema.get("properties", {}))):
                yield (*path, key), "kunci tidak dikenal"
        elif error.validator == "pattern":
            yield path, f"{error.instance!r} bukan desimal 0–1 dalam string (mis. '0.30')"
        elif error.validator in ("enum", "const"):
            yield path, f"nilai {error.instance!r} tidak diizinkan"
        elif error.validator == "type":
            yield path, f"jenis salah: diharapkan {error.validator_value}"
        else:
            yield path, f"tidak valid ({error.validator}: {error.message})"


def _sum(items: list[dict]) -> Decimal:
    return sum((Decimal(i["weight"]["value"]) for i in items), Decimal(0))


def _semantic_problems(data: dict, path: Path) -> Iterator[tuple[tuple, str]]:
    if path.parent == BOOKS_DIR and path.stem != str(data["year"]):
        yield ("year",), f"nama berkas {path.name} tidak cocok dengan tahun {data['year']}"
    ids = [c["id"] for c in data["clusters"]]
    for n, cluster_id in enumerate(ids):
        if ids.index(cluster_id) != n:
            yield ("clusters", n, "id"), f"klaster {cluster_id!r} muncul dua kali"
    for n, cluster in enumerate(data["clusters"]):
        if cluster["winners"]["value"] > cluster["nominees"]["value"]:
            yield ("clusters", n, "winners"), "pemenang lebih banyak daripada nominasi"
    for stage in ("presentation", "field_validation"):
        block = data[stage]
        aspect_ids = [a["id"] for a in block["aspects"]]
        if len(set(aspect_ids)) != len(aspect_ids):
            yield (stage, "aspects"), "id aspek tidak unik"
        if block["held"] and _sum(block["aspects"]) != 1:
            yield (stage, "aspects"), f"jumlah bobot aspek {_sum(block['aspects'])}, harus 1"
        if block["held"] and not block["aspects"]:
            yield (stage, "aspects"), "tahap diadakan tetapi tidak punya aspek"
    combo = data["combination"]
    total = sum(Decimal(combo[k]["value"]) for k in ("index", "presentation", "field"))
    if total != 1:
        yield ("combination",), f"jumlah bobot gabungan {total}, harus 1"
    for key, stage in (("presentation", "presentation"), ("field", "field_validation")):
        if not data[stage]["held"] and Decimal(combo[key]["value"]) != 0:
            yield ("combination", key), f"tahap {stage} tidak diadakan: bobotnya harus 0"


def _source(raw: dict) -> Source:
    return Source(confidence=raw["confidence"], ref=raw["ref"])


def _sourced(raw: dict, decimal: bool = False) -> Sourced[Any]:
    value = Decimal(raw["value"]) if decimal else raw["value"]
    if isinstance(value, list):
        value = tuple(value)
    return Sourced(value, _source(raw["source"]))


def _aspects(items: list[dict]) -> tuple[Aspect, ...]:
    return tuple(Aspect(a["id"], a["name"], _sourced(a["weight"], decimal=True)) for a in items)


def _build(data: dict, digest: str) -> AwardBook:
    combo = data["combination"]
    return AwardBook(
        year=data["year"],
        title=data["title"],
        notes=tuple(data["notes"]),
        clusters=tuple(
            ClusterRule(c["id"], _sourced(c["nominees"]), _sourced(c["winners"]))
            for c in data["clusters"]
        ),
        eligibility=tuple(data["eligibility"]["predicates"]),
        eligibility_source=_source(data["eligibility"]["source"]),
        presentation_held=data["presentation"]["held"],
        presentation_aspects=_aspects(data["presentation"]["aspects"]),
        field_held=data["field_validation"]["held"],
        field_aspects=_aspects(data["field_validation"]["aspects"]),
        combination=Combination(
            assumption=combo["assumption"],
            index=_sourced(combo["index"], decimal=True),
            presentation=_sourced(combo["presentation"], decimal=True),
            field=_sourced(combo["field"], decimal=True),
            index_scale=combo["index_scale"],
        ),
        cutoff_ties=_sourced(data["cutoff_ties"]),
        tie_break=_sourced(data["tie_break"]),
        two_clusters=_sourced(data["two_clusters"]),
        presenters=_sourced(data["presenters"]),
        hash=digest,
    )
