"""Import innovations from an XLSX file: the template, the checks and the one write.

``build_template`` gives the pemda a workbook to fill; ``read_rows`` reads its structure (a
malformed file is refused here); ``validate`` checks every cell of every row and the rows against
the database; ``import_innovations`` writes all rows in one transaction, or nothing. Each problem
names the Excel row and column, so a whole file can be fixed in one go. An innovation is matched
by (pemda, name without regard to case), so importing the same file twice changes nothing.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from inovda.accounts.models import Role
from inovda.core.audit import log_action
from inovda.innovations.models import (
    Answer,
    Bentuk,
    Inisiator,
    Innovation,
    Jenis,
    Status,
    Tahapan,
    Verification,
)
from inovda.innovations.services import reset_to_pending
from inovda.innovations.urusan import URUSAN, YANDAS
from inovda.regions.models import Region
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.model import MAX_LEVEL, Indicator, Rulebook

SHEET = "Inovasi"
MAX_ROWS = 2000
MAX_BYTES = 5 * 1024 * 1024
UPDATABLE = (Status.DRAFT, Status.RETURNED)
Progress = Callable[[int, int], None]
INSTRUCTIONS = (
    "Isi satu inovasi per baris di lembar Inovasi, mulai baris 2; jangan mengubah baris judul. "
    "Semua baris diperiksa dulu: bila ada satu kesalahan, tidak ada yang diimpor dan setiap "
    "kesalahan disebutkan baris dan kolomnya. Inovasi dicocokkan dengan namanya: nama baru "
    "dibuat sebagai draf, draf atau inovasi yang dikembalikan diperbarui, inovasi yang sudah "
    "dikirim hanya dapat diubah lewat formulir. Impor ulang berkas yang sama tidak mengubah "
    f"apa pun. Paling banyak {MAX_ROWS} baris per berkas."
)


@dataclass(frozen=True)
class Column:
    key: str  # the header in the file, and the model field (except nama → name)
    help: str
    kind: str = "text"  # text, choice, urusan, urusan_list, date, money, url
    required: bool = False
    choices: type[models.TextChoices] | None = None
    max_length: int | None = None

    @property
    def field(self) -> str:
        return "name" if self.key == "nama" else self.key


PROFILE = (
    Column(
        "nama",
        "Nama inovasi. Kunci pencocokan: huruf besar/kecil tidak dibedakan.",
        "text",
        True,
        max_length=255,
    ),
    Column("tahapan", "Tahapan inovasi.", "choice", True, Tahapan),
    Column("inisiator", "Penggagas inovasi.", "choice", True, Inisiator),
    Column("nama_inisiator", "Nama orang atau lembaga penggagas.", max_length=255),
    Column("jenis", "Jenis inovasi.", "choice", True, Jenis),
    Column("bentuk", "Bentuk inovasi.", "choice", True, Bentuk),
    Column(
        "urusan_utama",
        "Kode urusan pemerintahan utama (lembar Referensi), mis. 1.02.",
        "urusan",
        True,
    ),
    Column("urusan_terkait", "Kode urusan lain, dipisah koma, mis. 1.01, 2.16.", "urusan_list"),
    Column("tanggal_uji_coba", "Tanggal mulai uji coba: tanggal Excel atau YYYY-MM-DD.", "date"),
    Column("tanggal_penerapan", "Tanggal mulai penerapan: tanggal Excel atau YYYY-MM-DD.", "date"),
    Column("rancang_bangun", "Rancang bangun inovasi (teks)."),
    Column("tujuan", "Tujuan inovasi (teks)."),
    Column("manfaat", "Manfaat yang diperoleh (teks)."),
    Column("hasil", "Hasil inovasi (teks)."),
    Column("anggaran", "Anggaran dalam rupiah: angka ≥ 0, tanpa 'Rp' dan titik ribuan.", "money"),
    Column("video_url", "Tautan video (http:// atau https://).", "url", max_length=200),
    Column("opd", "OPD penanggung jawab.", max_length=255),
)
BY_KEY = {c.key: c for c in PROFILE}


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


def level_header(indicator: Indicator) -> str:
    return f"L{indicator.id} {indicator.name.split(' (')[0]}"


# --- the template -----------------------------------------------------------------------------


def build_template(rulebook: Rulebook) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([c.key for c in PROFILE] + [level_header(i) for i in rulebook.sid_indicators])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"

    def validation(cells: str, **kwargs: Any) -> None:
        dv = DataValidation(allow_blank=True, showErrorMessage=True, **kwargs)
        dv.add(cells)
        sheet.add_data_validation(dv)

    last = MAX_ROWS + 1
    for index, column in enumerate(PROFILE, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{last}"
        dimension = sheet.column_dimensions[letter]
        dimension.width = 30 if column.kind == "text" else 18
        if column.choices is not None:
            values = ",".join(column.choices.values)
            validation(cells, type="list", formula1=f'"{values}"', error=f"Pilihan: {values}")
        elif column.kind in ("urusan", "urusan_list"):
            dimension.number_format = "@"  # else Excel turns 2.10 into the number 2.1
            if column.kind == "urusan":
                formula = f"Referensi!$A$2:$A${len(URUSAN) + 1}"
                validation(cells, type="list", formula1=formula, error="Lihat lembar Referensi.")
        elif column.kind == "date":
            dimension.number_format = "yyyy-mm-dd"
        elif column.kind == "money":
            validation(
                cells,
                type="decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                error="Angka ≥ 0.",
            )
    first_level = len(PROFILE) + 1
    for index in range(first_level, first_level + len(rulebook.sid_indicators)):
        sheet.column_dimensions[get_column_letter(index)].width = 14
    if rulebook.sid_indicators:
        start = get_column_letter(first_level)
        end = get_column_letter(first_level + len(rulebook.sid_indicators) - 1)
        validation(
            f"{start}2:{end}{last}",
            type="whole",
            operator="between",
            formula1="0",
            formula2=str(MAX_LEVEL),
            error="Level 0–3.",
        )

    _instructions(workbook.create_sheet("Petunjuk"), rulebook)
    reference = workbook.create_sheet("Referensi")
    reference.append(["kode", "urusan", "pelayanan dasar"])
    for code, name in URUSAN.items():
        reference.append([code, name, "ya" if code in YANDAS else ""])
    reference.column_dimensions["B"].width = 60

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _instructions(sheet: Any, rulebook: Rulebook) -> None:
    sheet.append([f"Impor inovasi daerah — rulebook {rulebook.year}"])
    sheet.append([INSTRUCTIONS])
    sheet.append([])
    sheet.append(["kolom", "wajib", "isi", "pilihan"])
    for column in PROFILE:
        allowed = ""
        if column.choices is not None:
            allowed = "; ".join(f"{c.value} = {c.label}" for c in column.choices)
        elif column.kind in ("urusan", "urusan_list"):
            allowed = "kode pada lembar Referensi"
        sheet.append([column.key, "ya" if column.required else "", column.help, allowed])
    for indicator in rulebook.sid_indicators:
        levels = "; ".join(f"{n} = {text}" for n, text in enumerate(indicator.levels, start=1))
        sheet.append(
            [
                f"L{indicator.id}",
                "",
                f"Level klaim indikator {indicator.id} {indicator.name}. Kosong berarti 0.",
                f"0 = tidak ada; {levels}",
            ]
        )
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["C"].width = 70
    sheet.column_dimensions["D"].width = 70
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


# --- reading ----------------------------------------------------------------------------------


def read_rows(file: Any, rulebook: Rulebook) -> list[Row]:
    """The data rows of the Inovasi sheet; ImportRefused when the file cannot be used."""
    data = _read_bytes(file)
    if len(data) > MAX_BYTES:
        _refuse(f"berkas lebih dari {MAX_BYTES // (1024 * 1024)} MB")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        _refuse("bukan berkas XLSX (simpan dari Excel atau LibreOffice sebagai .xlsx)")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken or non-Excel zip
        _refuse(f"bukan berkas XLSX yang dapat dibaca ({exc.__class__.__name__})")
    try:
        if SHEET not in workbook.sheetnames:
            _refuse(f"lembar {SHEET!r} tidak ada (ada: {', '.join(workbook.sheetnames)})")
        return _rows(workbook[SHEET].iter_rows(values_only=True), rulebook)
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
        if all(_blank(v) for v in values):
            continue
        if len(rows) == MAX_ROWS:
            _refuse(f"lebih dari {MAX_ROWS} baris data; bagi menjadi beberapa berkas")
        row = Row(number, {}, {})
        for index, value in enumerate(values):
            target = columns.get(index)
            if target is None:
                if not _blank(value):
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
        text = _text(title)
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


class _Invalid(Exception):
    pass


@dataclass
class _Checked:
    number: int
    values: dict[str, Any]  # model field → value
    levels: dict[str, int]
    existing: Innovation | None


def validate(rows: list[Row], region: Region, actor: Any = None) -> list[Problem]:
    return _check(rows, region, actor)[1]


def _check(rows: list[Row], region: Region, actor: Any) -> tuple[list[_Checked], list[Problem]]:
    existing: dict[str, list[Innovation]] = {}
    for innovation in Innovation.objects.filter(region=region).prefetch_related("answers"):
        existing.setdefault(_name_key(innovation.name), []).append(innovation)
    operator = getattr(actor, "role", None) == Role.OPD_OPERATOR
    first_row: dict[str, int] = {}
    checked, problems = [], []
    for row in rows:
        values, levels, row_problems = _clean(row)
        problems += row_problems
        match = None
        name = values.get("name")
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
        checked.append(_Checked(row.number, values, levels, match))
    return checked, problems


def _clean(row: Row) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    values: dict[str, Any] = {}
    levels: dict[str, int] = {}
    problems = []
    for column in PROFILE:
        raw = row.cells.get(column.key)
        try:
            if _blank(raw):
                if column.required:
                    raise _Invalid("wajib diisi")
                values[column.field] = _EMPTY.get(column.kind, "")
            else:
                values[column.field] = _CLEAN[column.kind](raw, column)
        except _Invalid as exc:
            problems.append(Problem(row.number, column.key, str(exc)))
    utama, terkait = values.get("urusan_utama"), values.get("urusan_terkait") or []
    if utama and utama in terkait:
        problems.append(Problem(row.number, "urusan_terkait", f"{utama} sudah urusan utama"))
    trial, start = values.get("tanggal_uji_coba"), values.get("tanggal_penerapan")
    if trial and start and start < trial:
        problems.append(Problem(row.number, "tanggal_penerapan", "sebelum tanggal uji coba"))
    for indicator_id, raw in row.levels.items():
        try:
            levels[indicator_id] = _level(raw)
        except _Invalid as exc:
            problems.append(Problem(row.number, f"L{indicator_id}", str(exc)))
    return values, levels, problems


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any, column: Column | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split()) if column is None or column.max_length else str(value)
    text = text.strip()
    if column is not None and column.max_length and len(text) > column.max_length:
        raise _Invalid(f"terlalu panjang ({len(text)} karakter; maksimal {column.max_length})")
    return text


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _choice(value: Any, column: Column) -> str:
    def norm(s: str) -> str:
        return " ".join(re.split(r"[\s_\-]+", s.strip().lower()))

    text = _text(value)
    for choice in column.choices or ():
        if norm(text) in (norm(choice.value), norm(str(choice.label))):
            return str(choice.value)
    allowed = ", ".join(column.choices.values) if column.choices else ""
    raise _Invalid(f"{text!r} bukan pilihan ({allowed})")


def _urusan_code(value: Any) -> str:
    # A cell not formatted as text turns "1.02" into the number 1.02; every code has 2 decimals.
    code = f"{value:.2f}" if isinstance(value, float) else _text(value)
    if code not in URUSAN:
        raise _Invalid(f"kode urusan {code!r} tidak dikenal (lihat lembar Referensi)")
    return code


def _urusan(value: Any, column: Column) -> str:
    return _urusan_code(value)


def _urusan_list(value: Any, column: Column) -> list[str]:
    parts = [value] if isinstance(value, float) else [p for p in str(value).split(",") if p.strip()]
    codes: list[str] = []
    for part in parts:
        code = _urusan_code(part)
        if code in codes:
            raise _Invalid(f"kode urusan {code} ganda")
        codes.append(code)
    return codes


def _date(value: Any, column: Column) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise _Invalid(f"{text!r} bukan tanggal (isi tanggal Excel atau YYYY-MM-DD)")


def _money(value: Any, column: Column) -> Decimal:
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = _text(value)
        # No thousands separators: "1.500" would otherwise quietly mean one and a half rupiah.
        if not re.fullmatch(r"-?\d+(\.\d{1,2})?", text):
            raise _Invalid(f"{text!r} bukan angka (tanpa 'Rp' dan titik ribuan, mis. 1500000)")
        amount = Decimal(text)
    try:
        exact = amount.is_finite() and amount == amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        exact = False
    if not exact or amount >= Decimal(10) ** 14:
        raise _Invalid(f"{_text(value)!r} bukan jumlah rupiah (paling banyak 2 angka desimal)")
    if amount < 0:
        raise _Invalid("tidak boleh negatif")
    return amount.quantize(Decimal("0.01"))


def _url(value: Any, column: Column) -> str:
    text = _text(value, column)
    try:
        URLValidator(schemes=["http", "https"])(text)
    except ValidationError:
        raise _Invalid(f"{text!r} bukan tautan yang sah (awali dengan https://)") from None
    return text


def _level(value: Any) -> int:
    if _blank(value):
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d\s*", value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_LEVEL:
        return value
    raise _Invalid(f"{_text(value)!r} bukan level (bilangan bulat 0–{MAX_LEVEL})")


_CLEAN: dict[str, Callable[[Any, Column], Any]] = {
    "text": lambda value, column: _text(value, column),
    "choice": _choice,
    "urusan": _urusan,
    "urusan_list": _urusan_list,
    "date": _date,
    "money": _money,
    "url": _url,
}
_EMPTY: dict[str, Any] = {"urusan_list": [], "date": None, "money": None}


# --- writing ----------------------------------------------------------------------------------


def import_innovations(
    actor: Any, region: Region, file: Any, progress: Progress | None = None
) -> ImportReport:
    """Check every row, then write them all in one transaction; ImportRefused when any row is
    wrong (nothing is written). ``actor`` None means the command line."""
    rows = read_rows(file, load_rulebook(region.period.rulebook_year))
    report = ImportReport()
    with transaction.atomic():
        # Serialise imports of one pemda and hold its innovations while checking them.
        Region.objects.select_for_update().get(pk=region.pk)
        list(Innovation.objects.select_for_update().filter(region=region).values_list("pk"))
        checked, problems = _check(rows, region, actor)
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
                "file": Path(str(getattr(file, "name", file))).name,
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "innovations": changed,
            },
        )
    return report


def _write(actor: Any, region: Region, item: _Checked) -> tuple[str, Innovation]:
    innovation = item.existing
    if innovation is None:
        user = actor if getattr(actor, "is_authenticated", False) else None
        innovation = Innovation.objects.create(
            region=region, status=Status.DRAFT, created_by=user, **item.values
        )
        Answer.objects.bulk_create(
            Answer(region=region, innovation=innovation, indicator_id=i, claimed_level=level)
            for i, level in item.levels.items()
        )
        return "created", innovation

    changed = [f for f, v in item.values.items() if getattr(innovation, f) != v]
    answers = {a.indicator_id: a for a in innovation.answers.all()}
    answers_changed = False
    for indicator_id, level in item.levels.items():
        answer = answers.get(indicator_id)
        if answer is None:
            Answer.objects.create(
                region=region,
                innovation=innovation,
                indicator_id=indicator_id,
                claimed_level=level,
            )
        elif answer.claimed_level != level:
            answer.claimed_level = level
            answer.version += 1
            answer.save(update_fields=["claimed_level", "version", "updated_at"])
            if answer.verification != Verification.PENDING:
                reset_to_pending(answer, actor, "level klaim diubah lewat impor")
        else:
            continue
        answers_changed = True
    if not changed and not answers_changed:
        return "unchanged", innovation
    for field in changed:
        setattr(innovation, field, item.values[field])
    innovation.version += 1
    innovation.save(update_fields=[*changed, "version", "updated_at"])
    return "updated", innovation
