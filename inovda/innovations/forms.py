"""Forms of the pemda side: an innovation with its SID answers, and the region profile (SPD).

The indicator rows come from the period's rulebook, never from code: one level field per
indicator with the rulebook's level texts as choices. Forms only validate and hand plain
data to the services (``to_data``); they never save.
"""

from dataclasses import dataclass
from decimal import Decimal

from django import forms

from inovda.innovations.models import Answer, Bentuk, Inisiator, Innovation, Jenis, Tahapan
from inovda.innovations.services import INNOVATION_FIELDS
from inovda.innovations.urusan import URUSAN, urusan_label
from inovda.rulebooks.model import Indicator, Rulebook

URUSAN_CHOICES = [(code, urusan_label(code)) for code in URUSAN]
TEXTAREA = {"rows": 4, "cols": 60}
NOTE = {"rows": 2, "cols": 40}


def level_field(indicator: Indicator) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=f"Level indikator {indicator.id}",
        choices=level_choices(indicator),
        coerce=int,
        empty_value=0,
        required=False,
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


class ReadOnlyMixin:
    def make_read_only(self) -> None:
        for field in self.fields.values():
            field.disabled = True


class InnovationForm(ReadOnlyMixin, forms.Form):
    name = forms.CharField(label="Nama inovasi", max_length=255)
    tahapan = forms.ChoiceField(label="Tahapan", choices=Tahapan.choices)
    inisiator = forms.ChoiceField(label="Inisiator", choices=Inisiator.choices)
    nama_inisiator = forms.CharField(label="Nama inisiator", max_length=255, required=False)
    jenis = forms.ChoiceField(label="Jenis", choices=Jenis.choices)
    bentuk = forms.ChoiceField(label="Bentuk", choices=Bentuk.choices)
    urusan_utama = forms.ChoiceField(
        label="Urusan utama", choices=[("", "— pilih urusan —"), *URUSAN_CHOICES]
    )
    urusan_terkait = forms.MultipleChoiceField(
        label="Urusan terkait",
        choices=URUSAN_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tanggal_uji_coba = forms.DateField(
        label="Waktu uji coba",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    tanggal_penerapan = forms.DateField(
        label="Waktu penerapan",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    rancang_bangun = forms.CharField(
        label="Rancang bangun", required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    tujuan = forms.CharField(label="Tujuan", required=False, widget=forms.Textarea(TEXTAREA))
    manfaat = forms.CharField(label="Manfaat", required=False, widget=forms.Textarea(TEXTAREA))
    hasil = forms.CharField(label="Hasil", required=False, widget=forms.Textarea(TEXTAREA))
    anggaran = forms.DecimalField(
        label="Anggaran (Rp)", max_digits=16, decimal_places=2, min_value=0, required=False
    )
    video_url = forms.URLField(label="Tautan video", required=False, assume_scheme="https")
    opd = forms.CharField(label="OPD penanggung jawab", max_length=255, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
            self.fields[f"note_{indicator.id}"] = forms.CharField(
                label=f"Catatan indikator {indicator.id}",
                required=False,
                widget=forms.Textarea(NOTE),
            )

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
        # The primary urusan is not also a related one.
        cleaned["urusan_terkait"] = [u for u in cleaned.get("urusan_terkait") or [] if u != utama]
        trial, start = cleaned.get("tanggal_uji_coba"), cleaned.get("tanggal_penerapan")
        if trial and start and start < trial:
            self.add_error("tanggal_penerapan", "Waktu penerapan tidak boleh sebelum uji coba.")
        return cleaned

    def rows(self) -> list[Row]:
        return [
            Row(
                indicator=i,
                level=self[f"level_{i.id}"],
                basis=self[f"basis_{i.id}"] if i.bases else None,
                note=self[f"note_{i.id}"],
                answer=self.answers.get(i.id),
            )
            for i in self.rulebook.sid_indicators
        ]

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
        answer = stored.get(indicator_id)
        for key, attr, what in (
            ("level", "claimed_level", "level"),
            ("basis", "basis", "basis"),
            ("note", "note", "catatan"),
        ):
            now = getattr(answer, attr) if answer else ("" if key != "level" else 0)
            if values[key] != now:
                rows.append(
                    (
                        f"Indikator {indicator_id} ({what})",
                        display_value(values[key]),
                        display_value(now),
                    )
                )
    return rows


class ProfileForm(ReadOnlyMixin, forms.Form):
    """One row per SPD indicator: level, supporting value, note, and the row's version."""

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
            self.fields[f"note_{indicator.id}"] = forms.CharField(
                label=f"Catatan indikator {indicator.id}",
                required=False,
                widget=forms.Textarea(NOTE),
            )
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

    def rows(self) -> list[Row]:
        return [
            Row(
                indicator=i,
                level=self[f"level_{i.id}"],
                value=self[f"value_{i.id}"],
                note=self[f"note_{i.id}"],
                version=self[f"version_{i.id}"],
                answer=self.answers.get(i.id),
            )
            for i in self.rulebook.spd_indicators
        ]

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
            for key, attr, what in (
                ("level", "claimed_level", "level"),
                ("value", "value", "nilai"),
                ("note", "note", "catatan"),
            ):
                now = getattr(answer, attr) if answer else ("" if key != "level" else 0)
                if data[indicator_id][key] != now:
                    yours = display_value(data[indicator_id][key])
                    rows.append((f"Indikator {indicator_id} ({what})", yours, display_value(now)))
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
