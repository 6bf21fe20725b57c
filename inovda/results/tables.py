"""Every CSV and XLSX file Inovda writes: tables of columns, one formula-injection escaper, and
the two response writers.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some
also after a leading tab or carriage return; ``escape_cell`` turns such a text into plain text
with a leading apostrophe. Every writer here applies it, so a download cannot carry a formula
typed into a profile field.
"""

import csv
from collections.abc import Callable, Iterable, Iterator
from io import BytesIO
from typing import IO, Any

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

Column = tuple[str, Callable[[Any], Any]]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def escape_cell(value: Any) -> Any:
    """A text a spreadsheet would read as a formula, made plain; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def table(columns: list[Column], objects: Iterable[Any]) -> Iterator[list[Any]]:
    """The header row, then one row per object."""
    yield [header for header, _ in columns]
    for obj in objects:
        yield [get(obj) for _, get in columns]


def _csv_row(row: Iterable[Any]) -> list[Any]:
    return ["" if v is None else escape_cell(v) for v in row]


def write_csv(out: IO[str] | HttpResponse, rows: Iterable[Iterable[Any]]) -> None:
    """Write escaped rows to an open text file or a (non-streaming) HttpResponse."""
    writer = csv.writer(out)
    for row in rows:
        writer.writerow(_csv_row(row))


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(filename: str, rows: Iterable[Iterable[Any]]) -> StreamingHttpResponse:
    """UTF-8 with a BOM so that Excel reads it right, streamed row by row."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"
        for row in rows:
            yield writer.writerow(_csv_row(row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xml_text(value: Any) -> Any:
    # XML cannot hold most control characters and openpyxl refuses them. Removed before the
    # formula check, so "\x01=..." cannot become a formula.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def xlsx_response(filename: str, sheet: str, rows: Iterable[Iterable[Any]]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    for row in rows:
        worksheet.append([escape_cell(_xml_text(v)) for v in row])
    buffer = BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
