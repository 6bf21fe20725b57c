"""What the audit history needs from this app: the Indonesian label of every action the award
writes, and its objects whose history only the national admin reads. Registered in
``AwardsConfig.ready()``."""

from inovda.core import history

LABELS = {
    "award.started": "Penghargaan dimulai",
    "award.nominees_drawn": "Nominasi ditarik ulang",
    "award.nominee_excluded": "Nominasi dikecualikan",
    "award.nominee_promoted": "Daerah berikutnya dinaikkan menjadi usulan",
    "award.nominees_confirmed": "Daftar nominasi ditetapkan",
    "award.materials_submitted": "Materi presentasi dikirim",
    "award.presenter_recorded": "Penyaji yang hadir dicatat",
    "award.panel_created": "Panel juri dibentuk",
    "award.slot_scheduled": "Jadwal presentasi ditetapkan",
    "award.jury_scored": "Nilai juri disimpan",
    "award.round_closed": "Putaran penilaian ditutup",
    "award.field_team_created": "Tim validasi lapangan dibentuk",
    "award.field_scored": "Nilai validasi lapangan disimpan",
    "award.field_evidence_added": "Bukti lapangan diunggah",
    "award.minutes_signed": "Berita acara ditandatangani",
    "award.signed_off": "Hasil pleno ditetapkan",
    "award.revision_opened": "Revisi hasil pleno dibuka",
    "award.certificates_generated": "Piagam dibuat",
    "award.certificate_revoked": "Piagam dicabut",
}


def register() -> None:
    history.register_labels(LABELS)
    history.register_national("awards.award")
    history.register_national("awards.panel")
    history.register_national("awards.fieldteam")
    history.register_national("awards.certificate")
