from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from inovda.awards.book import book_for
from inovda.awards.jury import jurors
from inovda.awards.models import Award, FieldTeam, Nominee
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


WIB = ZoneInfo("Asia/Jakarta")


class JurorChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj.juror)


class JurorsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return str(obj.juror)


def members_field() -> JurorsChoice:
    return JurorsChoice(
        label="Anggota (juri)", queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )


class JurorGroupForm(forms.Form):
    """A panel or a team: its lead and members are chosen among the active jurors."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, JurorChoice | JurorsChoice):
                field.queryset = jurors()


class PanelForm(JurorGroupForm):
    cluster = forms.ChoiceField(label="Klaster")
    name = forms.CharField(label="Nama panel", max_length=100)
    chair = JurorChoice(label="Ketua panel", queryset=None)
    members = members_field()

    def __init__(self, award: Award, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rules = book_for(award.period.year).clusters
        self.fields["cluster"].choices = [(r.id, r.id) for r in rules]


class SlotForm(forms.Form):
    nominee = forms.ModelChoiceField(label="Nominasi", queryset=None)
    at = forms.DateTimeField(
        label="Jadwal presentasi (WIB)",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )

    def __init__(self, award: Award, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominee"].queryset = award.nominees.filter(
            state=Nominee.State.CONFIRMED
        ).select_related("region")

    def clean_at(self):
        # The slot is announced in WIB whatever the server's zone: read the wall clock as WIB.
        value = self.cleaned_data["at"]
        return timezone.make_aware(timezone.make_naive(value), WIB)


class TeamForm(JurorGroupForm):
    area = forms.ChoiceField(label="Wilayah", choices=FieldTeam.Area.choices)
    lead = JurorChoice(label="Ketua tim", queryset=None)
    members = members_field()
