"""Forms of the pemda side: an innovation with its SID answers, and the region profile (SPD).

The indicator rows come from the period's rulebook, never from code: one level field per
indicator with the rulebook's level texts as choices. Forms only validate and hand plain
data to the services (``to_data``); they never save.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.db import models
from django.utils.text import capfirst

from inovda.innovations import widgets
from inovda.innovations.fields import INNOVATION_FIELDS, LABELS
from inovda.innovations.models import Answer, Innovation
from inovda.rulebooks.model import Indicator, Rulebook
from inovda.rulebooks.urusan import URUSAN, urusan_label

URUSAN_CHOICES = [(code, urusan_label(code)) for code in URUSAN]
TEXTAREA = {"rows": 4, "cols": 60}
NOTE = {"rows": 2, "cols": 40}
PRIMARY_ALSO_RELATED = (
    "Urusan {code} sudah menjadi urusan utama; jangan dipilih lagi sebagai urusan terkait."
)


def level_field(indicator: Indicator) -> forms.TypedChoiceField:
    # Radio cards, not a select: the operator must read each level's whole text to choose.
    return forms.TypedChoiceField(
        label=f"Level indikator {indicator.id}",
        choices=level_choices(indicator),
        coerce=int,
        empty_value=0,
        required=False,
        widget=widgets.RadioSelect,
    )


def note_field(indicator: Indicator) -> forms.CharField:
    return forms.CharField(
        label=f"Catatan indikator {indicator.id}", required=False, widget=forms.Textarea(NOTE)
    )


def level_choices(indicator: Indicator) -> list[tuple[int, str]]:
    return [(0, "0 — belum ada / tidak memenuhi")] + [
        (n, f"{n} — {text}") for n, text in enumerate(indicator.levels, start=1)
    ]


@dataclass
class Row:
    """One indicator row of a form, for the template."""

    indicator: Indicator
    level: forms.BoundField
    note: forms.BoundField
    answer: Answer | None
    basis: forms.BoundField | None = None
    value: forms.BoundField | None = None
    version: forms.BoundField | None = None
    reason: str = ""  # the verifier's words on this indicator, if any

    @property
    def invalid(self) -> bool:
        """Whether a part the user chose or typed was refused (a note always passes)."""
        return any(part.errors for part in (self.level, self.basis, self.value) if part is not None)


class ReadOnlyMixin:
    def make_read_only(self) -> None:
        for field in self.fields.values():
            field.disabled = True


class IndicatorRowsMixin:
    """A form with a group of fields per indicator, each named ``<part>_<indicator id>``; a
    part an indicator lacks (a basis without bases) stays empty in its row."""

    ROW_PARTS: tuple[str, ...] = ()
    fields: dict
    answers: dict[str, Answer]

    def row_indicators(self) -> tuple[Indicator, ...]:
        raise NotImplementedError

    def rows(self) -> list[Row]:
        return [
            Row(
                indicator=i,
                answer=self.answers.get(i.id),
                **{
                    part: self[f"{part}_{i.id}"]
                    for part in self.ROW_PARTS
                    if f"{part}_{i.id}" in self.fields
                },
            )
            for i in self.row_indicators()
        ]


class UrusanField(forms.ChoiceField):
    """One urusan code of Permendagri 90/2019 (the model keeps it as text)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", widgets.Select)
        super().__init__(choices=[("", "— pilih urusan —"), *URUSAN_CHOICES], **kwargs)


class UrusanListField(forms.MultipleChoiceField):
    """Several urusan codes (the model keeps them as a JSON list)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", widgets.CheckboxSelectMultiple)
        super().__init__(choices=URUSAN_CHOICES, **kwargs)


URUSAN_FORM_FIELDS = {"urusan_utama": UrusanField, "urusan_terkait": UrusanListField}


def profile_formfield(field: models.Field, **kwargs) -> forms.Field | None:
    """The form field of a profile attribute: decided by the model field's type, so that a new
    attribute in ``fields.PROFILE`` needs nothing here."""
    if field.name in URUSAN_FORM_FIELDS:
        label = kwargs.get("label") or capfirst(field.verbose_name)
        return URUSAN_FORM_FIELDS[field.name](label=label, required=not field.blank)
    if isinstance(field, models.DateField):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    elif isinstance(field, models.TextField):
        kwargs.setdefault("widget", forms.Textarea(TEXTAREA))
    elif isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    elif isinstance(field, models.DecimalField):
        kwargs.setdefault("min_value", 0)  # amounts of money
    return field.formfield(**kwargs)


class InnovationForm(ReadOnlyMixin, IndicatorRowsMixin, forms.ModelForm):
    """The profile fields come from ``fields.PROFILE`` and the model; the SID rows from the
    rulebook. The Excel import binds this same form for every row."""

    ROW_PARTS = ("level", "basis", "note")

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Innovation
        fields = INNOVATION_FIELDS
        labels = LABELS
        widgets = {"rancang_bangun": forms.Textarea(attrs={"rows": 10})}
        formfield_callback = profile_formfield

    def __init__(self, rulebook: Rulebook, *args, answers: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rulebook = rulebook
        self.answers = answers or {}
        for indicator in rulebook.sid_indicators:
            self.fields[f"level_{indicator.id}"] = level_field(indicator)
            if indicator.bases:
                self.fields[f"basis_{indicator.id}"] = forms.ChoiceField(
                    label=f"Basis pengukuran indikator {indicator.id}",
                    choices=[("", "— pilih basis —")]
                    + [(b.id, f"{b.id}. {b.name}") for b in indicator.bases],
                    required=False,
                )
            self.fields[f"note_{indicator.id}"] = note_field(indicator)

    @classmethod
    def initial_for(cls, innovation: Innovation, answers: dict[str, Answer]) -> dict:
        initial = {f: getattr(innovation, f) for f in INNOVATION_FIELDS}
        initial["version"] = innovation.version
        for indicator_id, answer in answers.items():
            initial[f"level_{indicator_id}"] = answer.claimed_level
            initial[f"basis_{indicator_id}"] = answer.basis
            initial[f"note_{indicator_id}"] = answer.note
        return initial

    def clean(self):
        cleaned = super().clean()
        utama = cleaned.get("urusan_utama")
        # Refused rather than quietly dropped, so the form and the import agree and nothing
        # the user chose disappears without a word.
        if utama and utama in (cleaned.get("urusan_terkait") or []):
            self.add_error("urusan_terkait", PRIMARY_ALSO_RELATED.format(code=utama))
        trial, start = cleaned.get("tanggal_uji_coba"), cleaned.get("tanggal_penerapan")
        if trial and start and start < trial:
            self.add_error("tanggal_penerapan", "Waktu penerapan tidak boleh sebelum uji coba.")
        return cleaned

    def row_indicators(self) -> tuple[Indicator, ...]:
        return self.rulebook.sid_indicators

    def profile_fields(self) -> list[forms.BoundField]:
        return [self[f] for f in INNOVATION_FIELDS]

    def to_data(self) -> dict:
        data = {f: self.cleaned_data[f] for f in INNOVATION_FIELDS}
        data["urusan_terkait"] = list(data["urusan_terkait"])
        data["answers"] = {
            i.id: {
                "level": self.cleaned_data.get(f"level_{i.id}") or 0,
                "basis": self.cleaned_data.get(f"basis_{i.id}", "") if i.bases else "",
                "note": self.cleaned_data.get(f"note_{i.id}", ""),
            }
            for i in self.rulebook.sid_indicators
        }
        return data


def eligibility_values(rulebook: Rulebook, data) -> dict:
    """The checklist's inputs from raw, possibly half-typed form data (a QueryDict)."""
    return {
        "name": data.get("name", ""),
        "tanggal_penerapan": data.get("tanggal_penerapan") or None,
        "developed_on": data.get("developed_on") or None,
        "rancang_bangun": data.get("rancang_bangun", ""),
        "levels": {i.id: data.get(f"level_{i.id}") for i in rulebook.sid_indicators},
        "bases": {i.id: data.get(f"basis_{i.id}", "") for i in rulebook.sid_indicators},
    }


def display_value(value) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


# (form key, Answer attribute, the word shown) of the parts of an answer a user types.
LEVEL_PART, NOTE_PART = ("level", "claimed_level", "level"), ("note", "note", "catatan")
SID_PARTS = (LEVEL_PART, ("basis", "basis", "basis"), NOTE_PART)
SPD_PARTS = (LEVEL_PART, ("value", "value", "nilai"), NOTE_PART)


def answer_conflicts(indicator_id: str, answer: Answer | None, values: dict, parts) -> list:
    """(what, your input, what is stored now) for every part of one answer that differs."""
    rows = []
    for key, attr, what in parts:
        now = getattr(answer, attr) if answer else ("" if key != "level" else 0)
        if values[key] != now:
            label = f"Indikator {indicator_id} ({what})"
            rows.append((label, display_value(values[key]), display_value(now)))
    return rows


def innovation_conflicts(form: InnovationForm, current: Innovation) -> list[tuple[str, str, str]]:
    """(what, your input, what is stored now) for every field that differs."""
    data = form.to_data()
    rows = []
    for field in INNOVATION_FIELDS:
        if data[field] != getattr(current, field):
            label = form.fields[field].label
            rows.append((label, display_value(data[field]), display_value(getattr(current, field))))
    stored = {a.indicator_id: a for a in current.answers.all()}
    for indicator_id, values in data["answers"].items():
        rows += answer_conflicts(indicator_id, stored.get(indicator_id), values, SID_PARTS)
    return rows


class ProfileForm(ReadOnlyMixin, IndicatorRowsMixin, forms.Form):
    """One row per SPD indicator: level, supporting value, note, and the row's version."""

    ROW_PARTS = ("level", "value", "note", "version")

    def __init__(self, rulebook: Rulebook, answers: dict[str, Answer], *args, **kwargs):
        kwargs.setdefault("initial", self.initial_for(answers))
        super().__init__(*args, **kwargs)
        self.rulebook = rulebook
        self.answers = answers
        for indicator in rulebook.spd_indicators:
            self.fields[f"level_{indicator.id}"] = level_field(indicator)
            self.fields[f"value_{indicator.id}"] = forms.CharField(
                label=f"Nilai pendukung indikator {indicator.id}", max_length=64, required=False
            )
            self.fields[f"note_{indicator.id}"] = note_field(indicator)
            self.fields[f"version_{indicator.id}"] = forms.IntegerField(
                widget=forms.HiddenInput, required=False
            )

    @staticmethod
    def initial_for(answers: dict[str, Answer]) -> dict:
        initial = {}
        for indicator_id, answer in answers.items():
            initial[f"level_{indicator_id}"] = answer.claimed_level
            initial[f"value_{indicator_id}"] = answer.value
            initial[f"note_{indicator_id}"] = answer.note
            initial[f"version_{indicator_id}"] = answer.version
        return initial

    def row_indicators(self) -> tuple[Indicator, ...]:
        return self.rulebook.spd_indicators

    def to_data(self) -> dict:
        return {
            i.id: {
                "level": self.cleaned_data.get(f"level_{i.id}") or 0,
                "value": self.cleaned_data.get(f"value_{i.id}", "").strip(),
                "note": self.cleaned_data.get(f"note_{i.id}", ""),
                "version": self.cleaned_data.get(f"version_{i.id}"),
            }
            for i in self.rulebook.spd_indicators
        }

    def conflicts(self, stored: dict[str, Answer], ids: list[str]) -> list[tuple[str, str, str]]:
        data = self.to_data()
        rows = []
        for indicator_id in ids:
            answer = stored.get(indicator_id)
            rows += answer_conflicts(indicator_id, answer, data[indicator_id], SPD_PARTS)
        return rows


def with_versions(data, versions: dict[str, int | None], single: int | None = None):
    """A copy of the POST data with the stored versions, so that saving the kept input again
    is a deliberate overwrite of what the user has now seen."""
    data = data.copy()
    if single is not None:
        data["version"] = str(single)
    for indicator_id, version in versions.items():
        data[f"version_{indicator_id}"] = "" if version is None else str(version)
    return data
