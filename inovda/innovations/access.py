"""Gates of a pemda's innovations, answers, evidence and receipts, built on
``inovda.accounts.access.can_see_region``: 404 for what the user may not see, 403 for what
they may see but not change. ``*_access`` returns the object with what the user may do, for
pages that show it and offer to change it; ``get_*_for_user`` serves the pages that only read
(or only write)."""

from django.core.exceptions import PermissionDenied

from inovda.accounts.access import Access, can_see_region, first_visible, pemda_write_denied
from inovda.accounts.models import Role
from inovda.innovations.models import Answer, Evidence, Innovation, Status, Submission
from inovda.regions.models import extension_close

EDITABLE = (Status.DRAFT, Status.RETURNED, Status.SUBMITTED, Status.IN_REVIEW, Status.VERIFIED)


def _in_sight(user):
    """Visible when the user may see the row's region."""
    return lambda row: can_see_region(user, row.region)


def innovation_denied(
    user, innovation: Innovation, admin_only: bool = False
) -> PermissionDenied | None:
    """Why this user may not change this innovation now (None when they may)."""
    denied = pemda_write_denied(user, innovation.region, admin_only)
    if denied is not None:
        return denied
    if user.role == Role.OPD_OPERATOR and (
        innovation.created_by_id != user.pk
        or innovation.status not in (Status.DRAFT, Status.RETURNED)
    ):
        return PermissionDenied("Operator OPD hanya dapat mengubah draf inovasinya sendiri.")
    if innovation.status not in EDITABLE:
        return PermissionDenied("Inovasi ini sudah dikunci.")
    return None


def _visible_innovation(user, pk: int) -> Innovation:
    rows = (
        Innovation.objects.select_related("region__period", "created_by")
        .annotate(extension_closes_at=extension_close("region__period", "region__current_code"))
        .filter(pk=pk)
    )
    innovation = first_visible(rows, "Inovasi tidak ditemukan.", _in_sight(user))
    # Carried to the region, whose pages show the deadline.
    innovation.region.extension_closes_at = innovation.extension_closes_at
    return innovation


def innovation_access(user, pk: int, admin_only: bool = False) -> Access[Innovation]:
    """``admin_only``: the write is the pemda admin's alone (sending to the verifiers)."""
    innovation = _visible_innovation(user, pk)
    return Access.of(innovation, innovation_denied(user, innovation, admin_only))


def get_innovation_for_user(user, pk: int, write: bool = False) -> Innovation:
    if write:
        return innovation_access(user, pk).require_write()
    return _visible_innovation(user, pk)


def _answer_denied(user, answer: Answer) -> PermissionDenied | None:
    if answer.innovation is not None:
        return innovation_denied(user, answer.innovation)
    return pemda_write_denied(user, answer.region, admin_only=True)  # an SPD profile row


def _visible_answer(user, pk: int) -> Answer:
    rows = Answer.objects.select_related("region__period", "innovation__region__period")
    return first_visible(rows.filter(pk=pk), "Jawaban tidak ditemukan.", _in_sight(user))


def answer_access(user, pk: int) -> Access[Answer]:
    answer = _visible_answer(user, pk)
    return Access.of(answer, _answer_denied(user, answer))


def get_answer_for_user(user, pk: int, write: bool = False) -> Answer:
    if write:
        return answer_access(user, pk).require_write()
    return _visible_answer(user, pk)


def _visible_evidence(user, pk: int) -> Evidence:
    rows = Evidence.objects.select_related(
        "answer__region__period", "answer__innovation__region__period"
    ).filter(pk=pk)
    return first_visible(
        rows, "Berkas tidak ditemukan.", lambda e: can_see_region(user, e.answer.region)
    )


def evidence_access(user, pk: int) -> Access[Evidence]:
    """A file, writable (replace, remove) when its answer is."""
    evidence = _visible_evidence(user, pk)
    return Access.of(evidence, _answer_denied(user, evidence.answer))


def get_evidence_for_user(user, pk: int) -> Evidence:
    return _visible_evidence(user, pk)


def get_submission_for_user(user, pk: int) -> Submission:
    """A receipt: readable by whoever may see its region."""
    rows = Submission.objects.select_related("region__period", "innovation", "submitted_by")
    return first_visible(rows.filter(pk=pk), "Tanda terima tidak ditemukan.", _in_sight(user))
