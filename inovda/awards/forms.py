from django import forms

from inovda.awards.models import Nominee
from inovda.awards.nominees import flagship_choices
from inovda.innovations.models import Jenis


class MaterialsForm(forms.Form):
    presenter_name = forms.CharField(label="Nama penyaji", max_length=150)
    presenter_office = forms.ChoiceField(label="Jabatan penyaji", choices=Nominee.Office.choices)
    strategy = forms.FileField(
        label="Dokumen strategi ekosistem inovasi (PDF/JPEG/PNG)", required=False
    )
    flagship_digital = forms.ModelChoiceField(
        label="Inovasi unggulan digital", queryset=None, required=False
    )
    flagship_non_digital = forms.ModelChoiceField(
        label="Inovasi unggulan non-digital", queryset=None, required=False
    )

    def __init__(self, nominee: Nominee, *args, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "presenter_name": nominee.presenter_name,
                "presenter_office": nominee.presenter_office,
                "flagship_digital": nominee.flagship_digital_id,
                "flagship_non_digital": nominee.flagship_non_digital_id,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["flagship_digital"].queryset = flagship_choices(nominee, Jenis.DIGITAL)
        self.fields["flagship_non_digital"].queryset = flagship_choices(nominee, Jenis.NON_DIGITAL)


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Alasan", widget=forms.Textarea(attrs={"rows": 3}))


class PresenterForm(forms.Form):
    name = forms.CharField(label="Nama penyaji yang hadir", max_length=150)
    office = forms.ChoiceField(label="Jabatan", choices=Nominee.Office.choices)
