"""Period forms. Times are entered in WIB (Asia/Jakarta), whatever the server's time zone.

A close entered as 23:59 means the whole minute: the window stays open until 23:59:59.999999.
"""

from datetime import date, datetime, time

from django import forms

from inovda.regions.models import Period
from inovda.regions.roster import FIRST_YEAR
from inovda.regions.services import WIB
from inovda.rulebooks.loader import available_years


def wib(day: date, at: time, closing: bool = False) -> datetime:
    if closing:
        at = at.replace(second=59, microsecond=999999)
    return datetime.combine(day, at, tzinfo=WIB)


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, widget=forms.DateInput(attrs={"type": "date"}))


def _time(label: str, initial: str) -> forms.TimeField:
    return forms.TimeField(
        label=f"{label} (WIB)", initial=initial, widget=forms.TimeInput(attrs={"type": "time"})
    )


class OpenPeriodForm(forms.Form):
    year = forms.IntegerField(label="Tahun", min_value=FIRST_YEAR, max_value=2100)
    rulebook_year = forms.TypedChoiceField(label="Tahun rulebook", coerce=int)
    opens_date = _date("Tanggal buka")
    opens_time = _time("Jam buka", "00:00")
    closes_date = _date("Tanggal tutup")
    closes_time = _time("Jam tutup", "23:59")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rulebook_year"].choices = [(y, str(y)) for y in available_years()]

    def clean(self) -> dict:
        data = super().clean()
        if all(data.get(f) for f in ("opens_date", "opens_time", "closes_date", "closes_time")):
            data["opens_at"] = wib(data["opens_date"], data["opens_time"])
            data["closes_at"] = wib(data["closes_date"], data["closes_time"], closing=True)
            if data["closes_at"] <= data["opens_at"]:
                self.add_error("closes_date", "Waktu tutup harus setelah waktu buka.")
        return data


class ExtendPeriodForm(forms.Form):
    region_code = forms.ChoiceField(label="Berlaku untuk", required=False)
    closes_date = _date("Tanggal tutup baru")
    closes_time = _time("Jam tutup baru", "23:59")
    reason = forms.CharField(label="Alasan", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, period: Period, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        regions = period.regions.order_by("current_code").values_list("current_code", "name")
        self.fields["region_code"].choices = [("", "Nasional (semua pemda)")] + [
            (code, f"{code} {name}") for code, name in regions
        ]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("closes_date") and data.get("closes_time"):
            data["closes_at"] = wib(data["closes_date"], data["closes_time"], closing=True)
        return data
