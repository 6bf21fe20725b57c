"""What the audit history needs from this app: the labels of the actions it writes, and how a
pemda's innovations, answers, evidence and receipts find their region and their entries.
Registered in ``InnovationsConfig.ready()``."""

from inovda.core import history
from inovda.core.history import about, one, region_of
from inovda.innovations.models import Answer, Evidence, Innovation, Submission

LABELS = {
    "answer.reset_to_pending": "Indikator kembali menunggu verifikasi",
    "innovation.created": "Inovasi dibuat",
    "innovation.updated": "Inovasi diubah",
    "innovation.submitted": "Inovasi dikirim",
    "profile.updated": "Profil SPD diubah",
    "profile.submitted": "Profil SPD dikirim",
}


def _innovation(pk: int):
    innovation = Innovation.objects.select_related("region__period").filter(pk=pk).first()
    if innovation is None:
        return None
    return innovation.region, (
        one("innovations.innovation", pk)
        | about("innovations.answer", Answer.objects.filter(innovation=innovation))
        | about("innovations.evidence", Evidence.objects.filter(answer__innovation=innovation))
        | about("innovations.submission", Submission.objects.filter(innovation=innovation))
    )


def _answer(pk: int):
    answer = Answer.objects.select_related("region__period").filter(pk=pk).first()
    if answer is None:
        return None
    evidence = Evidence.objects.filter(answer=answer)
    return answer.region, one("innovations.answer", pk) | about("innovations.evidence", evidence)


def register() -> None:
    history.register_labels(LABELS)
    history.register_object("innovations.innovation", _innovation)
    history.register_object("innovations.answer", _answer)
    history.register_object("innovations.evidence", region_of(Evidence, "answer__region"))
    history.register_object("innovations.submission", region_of(Submission, "region"))
    history.register_region_part(lambda region: Innovation.objects.filter(region=region))
    history.register_region_part(lambda region: Answer.objects.filter(region=region))
    history.register_region_part(lambda region: Evidence.objects.filter(answer__region=region))
    history.register_region_part(lambda region: Submission.objects.filter(region=region))
