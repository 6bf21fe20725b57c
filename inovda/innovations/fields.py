"""The profile of an innovation, described once: which model fields the pemda fills in, in the
order of the official form.

The form (``forms.InnovationForm``, a ModelForm), the services (``INNOVATION_FIELDS``: what is
saved, audited and hashed into a receipt) and the Excel import (its columns, required marks,
choices and checks) are all derived from this table and the model. Labels and choices come from
the model's ``verbose_name`` and ``choices``; the form field type decides how an Excel cell is
read. Adding a profile field to the model is one line here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ProfileField:
    name: str  # the model field
    help: str = ""  # what the import guide says beyond the label
    label: str = ""  # only where the form's label is not the model's verbose_name
    column: str = ""  # the import header, where it is not the field name

    @property
    def key(self) -> str:
        return self.column or self.name


PROFILE = (
    ProfileField("name", "Kunci pencocokan: huruf besar/kecil tidak dibedakan.", column="nama"),
    ProfileField("tahapan"),
    ProfileField("inisiator", "Penggagas inovasi."),
    ProfileField("nama_inisiator", "Nama orang atau lembaga penggagas."),
    ProfileField("jenis"),
    ProfileField("bentuk"),
    ProfileField("urusan_utama", "Kode urusan pemerintahan (lembar Referensi), mis. 1.02."),
    ProfileField("urusan_terkait", "Kode urusan lain, dipisah koma, mis. 1.01, 2.16."),
    ProfileField("tanggal_uji_coba", "Tanggal mulai uji coba: tanggal Excel atau YYYY-MM-DD."),
    ProfileField("tanggal_penerapan", "Tanggal mulai penerapan: tanggal Excel atau YYYY-MM-DD."),
    ProfileField(
        "developed_on",
        "Hanya bila diterapkan sebelum jendela penilaian tetapi dikembangkan di dalamnya "
        "(aturan 2026): tanggal Excel atau YYYY-MM-DD.",
        column="tanggal_pengembangan",
    ),
    ProfileField("rancang_bangun", "Teks."),
    ProfileField("tujuan", "Teks."),
    ProfileField("manfaat", "Manfaat yang diperoleh (teks)."),
    ProfileField("hasil", "Teks."),
    ProfileField(
        "anggaran",
        "Dalam rupiah: angka ≥ 0, tanpa 'Rp' dan titik ribuan.",
        label="Anggaran (Rp)",
    ),
    ProfileField("video_url", "Awali dengan http:// atau https://."),
    ProfileField("opd"),
)
INNOVATION_FIELDS = tuple(f.name for f in PROFILE)
LABELS = {f.name: f.label for f in PROFILE if f.label}
