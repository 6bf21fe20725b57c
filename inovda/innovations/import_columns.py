"""The columns of the Excel import and how one cell becomes the form's input.

The columns are not declared here: they are ``fields.PROFILE`` read through ``InnovationForm``
(labels and choices from the model, required and length from the form field). What stays here is
what only a spreadsheet needs: Excel turns ``1.02`` into a number and dates into datetimes,
people type a choice's label instead of its value, and "1.500" must not quietly mean 1.5. A cell
is read into the value the form expects; the form then checks it like typed input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from inovda.innovations.fields import PROFILE, ProfileField
from inovda.innovations.forms import InnovationForm, UrusanField, UrusanListField
from inovda.rulebooks.model import MAX_LEVEL, Indicator
from inovda.rulebooks.urusan import URUSAN


class Invalid(Exception):
    """A cell that cannot be read; the message names what is wrong with it."""


@dataclass(frozen=True)
class Column:
    key: str  # the header in the file
    field: str  # the model (and form) field
    label: str
    help: str
    kind: str  # text, choice, urusan, urusan_list, date, money, url
    required: bool
    choices: tuple[tuple[str, str], ...]  # (value, label) of a choice column
    max_length: int | None

    @property
    def guide(self) -> str:
        return f"{self.label}. {self.help}" if self.help else f"{self.label}."


def _kind(field: forms.Field) -> str:
    # Subclasses first: an urusan field is a choice field, a URL field a text field.
    for form_class, kind in (
        (UrusanListField, "urusan_list"),
        (UrusanField, "urusan"),
        (forms.ChoiceField, "choice"),
        (forms.DateField, "date"),
        (forms.DecimalField, "money"),
        (forms.URLField, "url"),
    ):
        if isinstance(field, form_class):
            return kind
    return "text"


def _column(spec: ProfileField) -> Column:
    field = InnovationForm.base_fields[spec.name]
    kind = _kind(field)
    choices = tuple((str(v), str(label)) for v, label in getattr(field, "choices", ()) if v != "")
    return Column(
        key=spec.key,
        field=spec.name,
        label=str(field.label),
        help=spec.help,
        kind=kind,
        required=field.required,
        choices=choices if kind == "choice" else (),
        max_length=getattr(field, "max_length", None),
    )


COLUMNS = tuple(_column(spec) for spec in PROFILE)
BY_KEY = {c.key: c for c in COLUMNS}


def level_header(indicator: Indicator) -> str:
    return f"L{indicator.id} {indicator.name.split(' (')[0]}"


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_cell(column: Column, value: Any) -> Any:
    """The form input of one non-blank cell; ``Invalid`` when it cannot be one."""
    return _READ[column.kind](value, column)


def text(value: Any, column: Column | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    # One-line fields (those with a length) lose doubled spaces; long texts keep their lines.
    flat = column is None or column.max_length
    result = (" ".join(str(value).split()) if flat else str(value)).strip()
    if column is not None and column.max_length and len(result) > column.max_length:
        raise Invalid(f"terlalu panjang ({len(result)} karakter; maksimal {column.max_length})")
    return result


def _choice(value: Any, column: Column) -> str:
    def norm(s: str) -> str:
        return " ".join(re.split(r"[\s_\-]+", s.strip().lower()))

    typed = text(value)
    for choice, label in column.choices:
        if norm(typed) in (norm(choice), norm(label)):
            return choice
    allowed = ", ".join(choice for choice, _ in column.choices)
    raise Invalid(f"{typed!r} bukan pilihan ({allowed})")


def _urusan_code(value: Any) -> str:
    # A cell not formatted as text turns "1.02" into the number 1.02; every code has 2 decimals.
    code = f"{value:.2f}" if isinstance(value, float) else text(value)
    if code not in URUSAN:
        raise Invalid(f"kode urusan {code!r} tidak dikenal (lihat lembar Referensi)")
    return code


def _urusan_list(value: Any, column: Column) -> list[str]:
    parts = [value] if isinstance(value, float) else [p for p in str(value).split(",") if p.strip()]
    codes: list[str] = []
    for part in parts:
        code = _urusan_code(part)
        if code in codes:
            raise Invalid(f"kode urusan {code} ganda")
        codes.append(code)
    return codes


def _date(value: Any, column: Column) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    typed = text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", typed):
        try:
            return date.fromisoformat(typed)
        except ValueError:
            pass
    raise Invalid(f"{typed!r} bukan tanggal (isi tanggal Excel atau YYYY-MM-DD)")


def _money(value: Any, column: Column) -> Decimal:
    if isinstance(value, int | float) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        typed = text(value)
        # No thousands separators: "1.500" would otherwise quietly mean one and a half rupiah.
        if not re.fullmatch(r"-?\d+(\.\d{1,2})?", typed):
            raise Invalid(f"{typed!r} bukan angka (tanpa 'Rp' dan titik ribuan, mis. 1500000)")
        amount = Decimal(typed)
    try:
        exact = amount.is_finite() and amount == amount.quantize(Decimal("0.01"))
    except InvalidOperation:
        exact = False
    if not exact or amount >= Decimal(10) ** 14:
        raise Invalid(f"{text(value)!r} bukan jumlah rupiah (paling banyak 2 angka desimal)")
    if amount < 0:
        raise Invalid("tidak boleh negatif")
    return amount.quantize(Decimal("0.01"))


def _url(value: Any, column: Column) -> str:
    typed = text(value, column)
    try:
        URLValidator(schemes=["http", "https"])(typed)
    except ValidationError:
        raise Invalid(f"{typed!r} bukan tautan yang sah (awali dengan https://)") from None
    return typed


def read_level(value: Any) -> int:
    if blank(value):
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*\d\s*", value):
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_LEVEL:
        return value
    raise Invalid(f"{text(value)!r} bukan level (bilangan bulat 0–{MAX_LEVEL})")


_READ: dict[str, Callable[[Any, Column], Any]] = {
    "text": lambda value, column: text(value, column),
    "choice": _choice,
    "urusan": lambda value, column: _urusan_code(value),
    "urusan_list": _urusan_list,
    "date": _date,
    "money": _money,
    "url": _url,
}
