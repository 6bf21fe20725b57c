"""Forms of the verification pages. They check types and choices only; the workflow rules
(mandatory reason, lower must be lower, separation of duties…) live in the verbs of
``review``, ``qc`` and ``objections``."""

from django import forms

from inovda.accounts.models import Role, User
from inovda.verification.models import Outcome
from inovda.verification.review import VERIFIER_REASONS

LEVELS = [(n, str(n)) for n in range(4)]


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="Keputusan", choices=Outcome.choices)
    level = forms.TypedChoiceField(
        label="Level diterima", choices=LEVELS, coerce=int, required=False, empty_value=None
    )
    reason = forms.ChoiceField(
        label="Alasan", choices=[("", "— pilih alasan —"), *VERIFIER_REASONS], required=False
    )
    text = forms.CharField(label="Keterangan", required=False, widget=forms.Textarea)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)


class NotesForm(forms.Form):
    notes = forms.CharField(label="Catatan perbaikan", widget=forms.Textarea)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Alasan", widget=forms.Textarea)


def verifiers():
    return User.objects.filter(role=Role.VERIFIER, is_active=True).order_by("username")


class AssignmentForm(forms.Form):
    verifier = forms.ModelChoiceField(label="Verifikator", queryset=User.objects.none())
    region_code = forms.ChoiceField(label="Pemda")

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verifier"].queryset = verifiers()
        self.fields["region_code"].choices = [
            (r.current_code, f"{r.code} {r.name}") for r in regions
        ]


class WindowForm(forms.Form):
    opens_at = forms.DateTimeField(
        label="Dibuka", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    closes_at = forms.DateTimeField(
        label="Ditutup", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )


class QCSampleForm(forms.Form):
    reviewer = forms.ModelChoiceField(label="Peninjau QC", queryset=User.objects.none())
    percent = forms.DecimalField(
        label="Porsi sampel (%)", min_value=1, max_value=100, decimal_places=1, initial=10
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = verifiers()


class QCReviewForm(forms.Form):
    level = forms.TypedChoiceField(label="Level menurut Anda", choices=LEVELS, coerce=int)
    note = forms.CharField(label="Catatan", required=False, widget=forms.Textarea)


class ObjectionForm(forms.Form):
    answers = forms.TypedMultipleChoiceField(
        label="Indikator yang disanggah", coerce=int, widget=forms.CheckboxSelectMultiple
    )
    argument = forms.CharField(label="Argumen", widget=forms.Textarea)

    def __init__(self, *args, answers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answers"].choices = [(a.pk, str(a.pk)) for a in answers]


class ResolveForm(forms.Form):
    accepted = forms.TypedChoiceField(
        label="Keputusan",
        choices=[("1", "Sanggahan diterima"), ("0", "Sanggahan ditolak")],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label="Alasan keputusan", widget=forms.Textarea)

    def __init__(self, *args, answers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.answers = list(answers)
        for answer in self.answers:
            self.fields[f"level_{answer.pk}"] = forms.TypedChoiceField(
                label=f"Level baru indikator {answer.indicator_id}",
                choices=LEVELS[: answer.claimed_level + 1],
                coerce=int,
                initial=answer.verified_level,
            )

    def new_levels(self) -> dict[int, int]:
        return {a.pk: self.cleaned_data[f"level_{a.pk}"] for a in self.answers}
