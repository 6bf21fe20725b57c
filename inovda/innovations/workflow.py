"""The innovation workflow: which status may follow which, and who moves it.

draft → submitted (pemda admin) → in_review (verifier) → returned (verifier, inside the
window) → submitted (pemda admin) … → verified (verifier) → locked (national admin, at
publication). Services call ``require_transition`` before changing a status; a refused move
raises ``TransitionRefused`` with a message for the user.
"""

from inovda.innovations.models import Status

ALLOWED = {
    Status.DRAFT: {Status.SUBMITTED},
    Status.SUBMITTED: {Status.IN_REVIEW, Status.RETURNED, Status.VERIFIED},
    Status.IN_REVIEW: {Status.RETURNED, Status.VERIFIED, Status.SUBMITTED},
    Status.RETURNED: {Status.SUBMITTED},
    Status.VERIFIED: {Status.LOCKED, Status.SUBMITTED},  # an edit after verification re-queues
    Status.LOCKED: set(),
}
# Innovations that count as reported (scored, public in the catalogue once published).
REPORTED = (Status.SUBMITTED, Status.IN_REVIEW, Status.RETURNED, Status.VERIFIED, Status.LOCKED)


class TransitionRefused(Exception):
    pass


def require_transition(current: str, target: str) -> None:
    if target not in ALLOWED[Status(current)]:
        raise TransitionRefused(
            f"Status {Status(current).label} tidak dapat diubah menjadi {Status(target).label}."
        )
