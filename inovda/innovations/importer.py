"""Import innovations from an XLSX file: Excel cell → the same form → the same services.

``read_rows`` reads the file's structure (a malformed file, or a zip bomb, is refused here);
``validate`` reads every cell into the input of ``InnovationForm`` (``import_columns``), binds
the form like a typed submission, and checks the rows against the database;
``import_innovations`` then creates or saves each row through ``services.create_innovation`` /
``save_innovation``, all in one transaction or nothing. An imported innovation thus gets the
same checks and the same history as a typed one. Each problem names the Excel row and column, so
a whole file can be fixed in one go. An innovation is matched by (pemda, name without regard to
case), so importing the same file twice changes nothing. The template: ``import_template``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from django.db import transaction
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from inovda.accounts.models import Role
from inovda.core.audit import log_action
from inovda.innovations.forms import InnovationForm
from inovda.innovations.import_columns import (
    BY_KEY,
    COLUMNS,
    Invalid,
    blank,
    read_cell,
    read_level,
)
from inovda.innovations.import_columns import text as cell_text
from inovda.innovations.models import Innovation, Status
from inovda.innovations.services import create_innovation, save_innovation
from inovda.innovations.zipguard import ZipRefused, check_zip
from inovda.regions.models import Region
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import Rulebook

SHEET = "Inovasi"
MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024
UPDATABLE = (Status.DRAFT, Status.RETURNED)
Progress = Callable[[int, int], None]
COLUMN_OF_FIELD = {c.field: c.key for c in COLUMNS}


@dataclass(frozen=True)
class Problem:
    row: int | None  # the Excel row (1 = header); None for the whole file
    column: str
    message: str

    def __str__(self) -> str:
        where = [f"baris {self.row}"] if self.row else []
        if self.column:
            where.append(f"kolom {self.column}")
        return f"{', '.join(where) or 'berkas'}: {self.message}"


class ImportRefused(Exception):
    """Nothing was imported; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass
class Row:
    number: int
    cells: dict[str, Any]  # profile column → raw cell value
    levels: dict[str, Any]  # SID indicator id → raw cell value


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


# --- reading ----------------------------------------------------------------------------------


def read_rows(file: Any, rulebook: Rulebook) -> list[Row]:
    """The data rows of the Inovasi sheet; ImportRefused when the file cannot be used."""
    data = _read_bytes(file)
    if len(data) > MAX_BYTES:
        _refuse(f"berkas lebih dari {MAX_BYTES // (1024 * 1024)} MB")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        _refuse("bukan berkas XLSX (simpan dari Excel atau LibreOffice sebagai .xlsx)")
    try:
        check_zip(data)  # before openpyxl inflates anything
    except ZipRefused as exc:
        _refuse(str(exc))
    except zipfile.BadZipFile as exc:
        _refuse(f"bukan berkas XLSX yang dapat dibaca ({exc.__class__.__name__})")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken or non-Excel zip
        _refuse(f"bukan berkas XLSX yang dapat dibaca ({exc.__class__.__name__})")
    try:
        if SHEET not in workbook.sheetnames:
            _refuse(f"lembar {SHEET!r} tidak ada (ada: {', '.join(workbook.sheetnames)})")
        return _rows(workbook[SHEET].iter_rows(values_only=True), rulebook)
    except ImportRefused:
        raise
    except Exception as exc:  # the sheet is parsed lazily: a broken part fails only here
        _refuse(f"bukan berkas XLSX yang dapat dibaca ({exc.__class__.__name__})")
    finally:
        workbook.close()


def _read_bytes(file: Any) -> bytes:
    if isinstance(file, str | Path):
        try:
            with open(file, "rb") as f:
                return f.read(MAX_BYTES + 1)
        except OSError as exc:
            _refuse(f"{file}: tidak dapat dibaca ({exc.strerror})")
    if hasattr(file, "seek"):
        file.seek(0)
    return file.read(MAX_BYTES + 1)


def _refuse(message: str) -> NoReturn:
    raise ImportRefused([Problem(None, "", message)])


def _rows(lines: Any, rulebook: Rulebook) -> list[Row]:
    header = next(lines, None)
    if header is None:
        _refuse(f"lembar {SHEET} kosong: baris 1 harus berisi judul kolom")
    columns, problems = _header(header, [i.id for i in rulebook.sid_indicators])
    if problems:
        raise ImportRefused(problems)
    rows: list[Row] = []
    for number, values in enumerate(lines, start=2):
        if all(blank(v) for v in values):
            continue
        if len(rows) == MAX_ROWS:
            _refuse(f"lebih dari {MAX_ROWS} baris data; bagi menjadi beberapa berkas")
        row = Row(number, {}, {})
        for index, value in enumerate(values):
            target = columns.get(index)
            if target is None:
                if not blank(value):
                    problems.append(
                        Problem(
                            number,
                            get_column_letter(index + 1),
                            "berisi nilai tetapi kolomnya tanpa judul",
                        )
                    )
            elif target.startswith("L"):
                row.levels[target[1:]] = value
            else:
                row.cells[target] = value
        rows.append(row)
    if problems:
        raise ImportRefused(problems)
    if not rows:
        _refuse(f"lembar {SHEET} tidak berisi baris data (mulai baris 2)")
    return rows


def _header(header: tuple, sid_ids: list[str]) -> tuple[dict[int, str], list[Problem]]:
    """Column index → profile key or ``L<indicator id>``, and the header's problems."""
    columns: dict[int, str] = {}
    seen: dict[str, str] = {}
    problems = []
    for index, title in enumerate(header):
        letter = get_column_letter(index + 1)
        text = cell_text(title)
        if not text:
            continue
        key = text.lower()
        level = re.match(r"l(\S+)", key)
        if key in BY_KEY:
            target = key
        elif level and level.group(1) in sid_ids:
            target = f"L{level.group(1)}"
        else:
            problems.append(Problem(1, letter, f"judul {text!r} tidak dikenal"))
            continue
        if target in seen:
            problems.append(Problem(1, letter, f"judul {target} ganda (juga kolom {seen[target]})"))
        seen[target] = letter
        columns[index] = target
    expected = [*BY_KEY, *(f"L{i}" for i in sid_ids)]
    problems += [Problem(1, k, "kolom tidak ada di baris judul") for k in expected if k not in seen]
    return columns, problems


# --- checking ---------------------------------------------------------------------------------


@dataclass
class _Checked:
    number: int
    data: dict[str, Any]  # what the services take: the form's ``to_data``, levels only
    existing: Innovation | None


def validate(rows: list[Row], region: Region, actor: Any = None) -> list[Problem]:
    rulebook = load_rulebook(region.period.rulebook_year)
    return _check(rows, region, actor, rulebook)[1]


def _check(
    rows: list[Row], region: Region, actor: Any, rulebook: Rulebook
) -> tuple[list[_Checked], list[Problem]]:
    existing: dict[str, list[Innovation]] = {}
    for innovation in Innovation.objects.filter(region=region):
        existing.setdefault(_name_key(innovation.name), []).append(innovation)
    operator = getattr(actor, "role", None) == Role.OPD_OPERATOR
    first_row: dict[str, int] = {}
    checked, problems = [], []
    for row in rows:
        name, data, row_problems = _clean(row, rulebook)
        problems += row_problems
        match = None
        if name:
            key = _name_key(name)
            matches = existing.get(key, [])
            if key in first_row:
                message = f"nama sama dengan baris {first_row[key]}"
            elif len(matches) > 1:
                message = f"ada {len(matches)} inovasi bernama sama; ubah lewat formulir"
            elif matches and matches[0].status not in UPDATABLE:
                message = "sudah dikirim; ubah lewat formulir"
            elif matches and operator and matches[0].created_by_id != actor.pk:
                message = "Operator OPD hanya dapat mengubah draf inovasinya sendiri"
            else:
                message = ""
                match = matches[0] if matches else None
            first_row.setdefault(key, row.number)
            if message:
                problems.append(Problem(row.number, "nama", message))
        if data is not None:
            checked.append(_Checked(row.number, data, match))
    return checked, problems


def _clean(row: Row, rulebook: Rulebook) -> tuple[str, dict[str, Any] | None, list[Problem]]:
    """(the name read, the services' data or None when the row is wrong, the problems).

    Cells Excel alone could garble are read first, with messages about the cell; the form then
    judges the row as it judges typed input (required fields, lengths, the rules between
    fields). A field whose cell was already refused is not reported twice."""
    problems, level_problems = [], []
    refused: set[str] = set()
    values: dict[str, Any] = {}
    for column in COLUMNS:
        raw = row.cells.get(column.key)
        try:
            if blank(raw):
                if column.required:
                    raise Invalid("wajib diisi")
            else:
                values[column.field] = read_cell(column, raw)
        except Invalid as exc:
            problems.append(Problem(row.number, column.key, str(exc)))
            refused.add(column.field)
    for indicator_id, raw in row.levels.items():
        try:
            values[f"level_{indicator_id}"] = read_level(raw)
        except Invalid as exc:
            level_problems.append(Problem(row.number, f"L{indicator_id}", str(exc)))
            refused.add(f"level_{indicator_id}")
    form = InnovationForm(rulebook, data=values)
    valid = form.is_valid()
    for field, errors in form.errors.items():
        if field not in refused:
            problems += [Problem(row.number, _column(field), message) for message in errors]
    problems += level_problems
    name = values.get("name") or ""
    if not valid or problems:
        return name, None, problems
    data = form.to_data()
    # The file holds claimed levels only: a basis or note typed in the form is kept.
    data["answers"] = {i: {"level": a["level"]} for i, a in data["answers"].items()}
    return name, data, problems


def _column(field: str) -> str:
    if field.startswith("level_"):
        return f"L{field.removeprefix('level_')}"
    return COLUMN_OF_FIELD.get(field, "")


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


# --- writing ----------------------------------------------------------------------------------


def import_innovations(
    actor: Any,
    region: Region,
    file: Any,
    progress: Progress | None = None,
    filename: str | None = None,
) -> ImportReport:
    """Check every row, then write them all in one transaction; ImportRefused when any row is
    wrong (nothing is written). ``actor`` None means the command line; ``filename`` is the
    name the audit keeps (the uploaded one, when ``file`` is a stored copy)."""
    rulebook = load_rulebook(region.period.rulebook_year)
    rows = read_rows(file, rulebook)
    report = ImportReport()
    with transaction.atomic():
        # Serialise imports of one pemda and hold its innovations while checking them.
        Region.objects.select_for_update().get(pk=region.pk)
        list(Innovation.objects.select_for_update().filter(region=region).values_list("pk"))
        checked, problems = _check(rows, region, actor, rulebook)
        if problems:
            raise ImportRefused(problems)
        changed: dict[str, list[int]] = {"created": [], "updated": []}
        for done, item in enumerate(checked, start=1):
            outcome, innovation = _write(actor, region, item)
            setattr(report, outcome, getattr(report, outcome) + 1)
            if outcome in changed:
                changed[outcome].append(innovation.pk)
            if progress:
                progress(done, len(checked))
        log_action(
            actor,
            "innovations.imported",
            region,
            {
                "via": "cli" if actor is None else "web",
                "file": Path(filename or str(getattr(file, "name", file))).name,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "innovations": changed,
            },
        )
    return report


def _write(actor: Any, region: Region, item: _Checked) -> tuple[str, Innovation]:
    """The same verbs as the form: a new draft, or a save that writes (and audits) only what
    differs, so an unchanged row leaves no new version behind."""
    if item.existing is None:
        return "created", create_innovation(actor, region, item.data)
    before = item.existing.version
    saved = save_innovation(actor, item.existing, item.data, before)
    return ("updated" if saved.version != before else "unchanged"), saved
