"""The official receipt of a submission in words people read: a formal number
(period-region-sequence), the profile with human labels, Indonesian numbers and dates, the
indicators by name. The snapshot itself (what the hash covers) is never changed."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.utils.formats import date_format, number_format

from inovda.innovations.fields import INNOVATION_FIELDS
from inovda.innovations.forms import InnovationForm
from inovda.innovations.models import Innovation, Submission
from inovda.rulebooks.loader import load_rulebook
from inovda.rulebooks.urusan import urusan_label

CHOICES = {
    f.name: dict(f.choices)
    for f in Innovation._meta.get_fields()
    if getattr(f, "choices", None) and f.name in INNOVATION_FIELDS
}


@dataclass(frozen=True)
class AnswerRow:
    indicator: str
    name: str
    level: int
    level_text: str
    extra: str
    note: str
    files: int


def receipt_number(submission: Submission) -> str:
    """``2026-36.04-0003``: the period, the pemda's code and the n-th receipt of that pemda in
    that period (counted, so it needs no column and never skips)."""
    region = submission.region
    sequence = Submission.objects.filter(region=region, pk__lte=submission.pk).count()
    return f"{region.period.year}-{region.code}-{sequence:04d}"


def rupiah(value) -> str:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return "Rp " + number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)


def display(field: str, value) -> str:
    if value in (None, "", []):
        return "—"
    if field in CHOICES:
        return str(CHOICES[field].get(value, value))
    if field == "urusan_utama":
        return urusan_label(value)
    if field == "urusan_terkait":
        return "; ".join(urusan_label(code) for code in value)
    if field == "anggaran":
        return rupiah(value)
    if field.startswith("tanggal") or field == "developed_on":
        try:
            return date_format(date.fromisoformat(value), "j F Y")
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def profile_rows(snapshot: dict) -> list[tuple[str, str]]:
    labels = {f: InnovationForm.base_fields[f].label for f in INNOVATION_FIELDS}
    return [(labels.get(k, k), display(k, v)) for k, v in snapshot.get("profil", {}).items()]


def answer_rows(submission: Submission) -> list[AnswerRow]:
    snapshot = submission.snapshot
    rows = snapshot.get("jawaban") or snapshot.get("profil_spd") or []
    rulebook = load_rulebook(submission.region.period.rulebook_year)
    indicators = {i.id: i for i in (*rulebook.sid_indicators, *rulebook.spd_indicators)}
    out = []
    for row in rows:
        indicator = indicators.get(row.get("indikator"))
        level = int(row.get("level") or 0)
        text = ""
        if indicator is not None and 1 <= level <= len(indicator.levels):
            text = indicator.levels[level - 1]
        out.append(
            AnswerRow(
                indicator=row.get("indikator", ""),
                name=indicator.name if indicator else "",
                level=level,
                level_text=text or ("belum ada / tidak memenuhi" if level == 0 else ""),
                extra=row.get("basis") or row.get("nilai") or "",
                note=row.get("catatan") or "",
                files=len(row.get("data_dukung") or []),
            )
        )
    return out
