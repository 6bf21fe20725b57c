"""The XLSX template a pemda fills for the import: its columns are the import's columns
(``import_columns.COLUMNS``, derived from the form), plus one level column per SID indicator of
the period's rulebook, a guide sheet and the urusan codes."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from inovda.innovations.import_columns import COLUMNS, level_header
from inovda.innovations.importer import MAX_ROWS, SHEET
from inovda.rulebooks.model import MAX_LEVEL, Rulebook
from inovda.rulebooks.urusan import URUSAN, YANDAS

INSTRUCTIONS = (
    "Isi satu inovasi per baris di lembar Inovasi, mulai baris 2; jangan mengubah baris judul. "
    "Semua baris diperiksa dulu: bila ada satu kesalahan, tidak ada yang diimpor dan setiap "
    "kesalahan disebutkan baris dan kolomnya. Inovasi dicocokkan dengan namanya: nama baru "
    "dibuat sebagai draf, draf atau inovasi yang dikembalikan diperbarui, inovasi yang sudah "
    "dikirim hanya dapat diubah lewat formulir. Impor ulang berkas yang sama tidak mengubah "
    f"apa pun. Paling banyak {MAX_ROWS} baris per berkas."
)


def build_template(rulebook: Rulebook) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append([c.key for c in COLUMNS] + [level_header(i) for i in rulebook.sid_indicators])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"

    def validation(cells: str, **kwargs: Any) -> None:
        dv = DataValidation(allow_blank=True, showErrorMessage=True, **kwargs)
        dv.add(cells)
        sheet.add_data_validation(dv)

    last = MAX_ROWS + 1
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{last}"
        dimension = sheet.column_dimensions[letter]
        dimension.width = 30 if column.kind == "text" else 18
        if column.choices:
            values = ",".join(value for value, _ in column.choices)
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
    first_level = len(COLUMNS) + 1
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
    for column in COLUMNS:
        allowed = ""
        if column.choices:
            allowed = "; ".join(f"{value} = {label}" for value, label in column.choices)
        elif column.kind in ("urusan", "urusan_list"):
            allowed = "kode pada lembar Referensi"
        sheet.append([column.key, "ya" if column.required else "", column.guide, allowed])
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
