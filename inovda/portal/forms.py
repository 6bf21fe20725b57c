"""Filter forms of the public lists (GET). An invalid value is dropped, never an error page:
the views read ``cleaned_data`` after ``is_valid()``, which keeps only the valid fields."""

from django import forms

from inovda.innovations.models import Bentuk, Jenis, Tahapan
from inovda.regions.clusters import Cluster
from inovda.regions.models import Region
from inovda.rulebooks.model import PREDICATE_LABELS
from inovda.rulebooks.urusan import URUSAN

ALL = [("", "Semua")]


def _search_field(placeholder: str) -> forms.CharField:
    return forms.CharField(
        label="Cari",
        required=False,
        max_length=100,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": placeholder, "autocomplete": "off"}
        ),
    )


class RankingFilter(forms.Form):
    klaster = forms.ChoiceField(label="Klaster", choices=Cluster.choices, required=False)
    q = _search_field("Nama atau kode pemda")
    provinsi = forms.ChoiceField(label="Provinsi", required=False)
    predikat = forms.ChoiceField(
        label="Predikat", choices=ALL + list(PREDICATE_LABELS.items()), required=False
    )

    def __init__(self, data, provinces: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["provinsi"].choices = ALL + provinces


class CatalogueFilter(forms.Form):
    q = _search_field("Nama, tujuan atau manfaat inovasi")
    periode = forms.TypedChoiceField(label="Periode", coerce=int, required=False)
    urusan = forms.ChoiceField(
        label="Urusan",
        choices=ALL + [(code, f"{code} {name}") for code, name in URUSAN.items()],
        required=False,
    )
    tahapan = forms.ChoiceField(label="Tahapan", choices=ALL + Tahapan.choices, required=False)
    jenis = forms.ChoiceField(label="Jenis", choices=ALL + Jenis.choices, required=False)
    bentuk = forms.ChoiceField(label="Bentuk", choices=ALL + Bentuk.choices, required=False)
    tingkat = forms.ChoiceField(
        label="Tingkat", choices=ALL + Region.Tingkat.choices, required=False
    )
    provinsi = forms.ChoiceField(label="Provinsi", required=False)

    def __init__(self, data, years: list[int], provinces: list[tuple[str, str]]):
        super().__init__(data)
        self.fields["periode"].choices = [(y, str(y)) for y in reversed(years)]
        self.fields["provinsi"].choices = ALL + provinces
