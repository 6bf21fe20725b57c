"""Files chosen inside a pemda form's indicator blocks (``berkas_<indicator>``), stored after
the form itself was saved, so that nothing typed is lost by uploading. Each outcome is a
message tagged with its indicator, shown in that block."""

from django.contrib import messages
from django.contrib.messages import get_messages

from inovda.innovations.evidence import EvidenceRefused, upload_evidence

PREFIX = "berkas_"


def store_uploads(request, answers: dict) -> int:
    """Upload every chosen file to its indicator's answer; the number stored."""
    stored = 0
    for key in sorted(request.FILES):
        indicator_id = key.removeprefix(PREFIX)
        answer = answers.get(indicator_id)
        if not key.startswith(PREFIX) or answer is None:
            continue
        upload = request.FILES[key]
        try:
            evidence = upload_evidence(request.user, answer, upload)
        except EvidenceRefused as exc:
            messages.error(request, f"{upload.name}: {exc}", extra_tags=indicator_id)
        else:
            stored += 1
            text = f"Isian tersimpan dan berkas {evidence.original_name} terunggah."
            messages.success(request, text, extra_tags=indicator_id)
    return stored


def row_messages(request) -> list:
    """The messages of this request; the blocks show the ones tagged with their indicator,
    the top of the page the others (``_messages.html`` skips tagged ones)."""
    return list(get_messages(request))
