"""What the audit history needs from this app: the labels of the actions it writes (decisions
are logged on the answer, status changes on the innovation), and how decisions and objections
find their region. QC reviews and objection windows are read by the national admin alone (QC
stays blind to everyone else). Registered in ``VerificationConfig.ready()``."""

from inovda.core import history
from inovda.core.history import region_of
from inovda.verification.models import Decision, Objection

LABELS = {
    "answer.accepted": "Indikator diterima sesuai klaim",
    "answer.lowered": "Indikator diterima di level lebih rendah",
    "answer.rejected": "Indikator ditolak",
    "answer.returned": "Indikator perlu perbaikan",
    "innovation.review_started": "Pemeriksaan dimulai",
    "innovation.returned": "Dikembalikan ke pemda",
    "innovation.verified": "Inovasi terverifikasi",
    "innovation.locked": "Inovasi dikunci (publikasi)",
    "innovation.declared_ineligible": "Dinyatakan tidak memenuhi syarat",
    "innovation.eligibility_restored": "Dinyatakan memenuhi syarat kembali",
    "objection.raised": "Sanggahan diajukan",
    "objection.resolved": "Sanggahan diputuskan",
    "qc.sample_drawn": "Sampel QC diambil",
    "qc.reviewed": "Tinjauan QC",
}


def register() -> None:
    history.register_labels(LABELS)
    history.register_object("verification.decision", region_of(Decision, "answer__region"))
    history.register_object("verification.objection", region_of(Objection, "region"))
    history.register_national("verification.qcreview")
    history.register_national("verification.objectionwindow")
    history.register_region_part(lambda region: Decision.objects.filter(answer__region=region))
    history.register_region_part(lambda region: Objection.objects.filter(region=region))
