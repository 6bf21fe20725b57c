"""What the audit history needs from this app: the labels of the assignment actions, and that
an assignment's history is the national admin's alone. Assignments were logged as
``verification.assignment`` before the model moved here (same table, same ids), so both names
show the same entries. Registered in ``AccountsConfig.ready()``."""

from inovda.core import history

LABELS = {
    "assignment.created": "Verifikator ditugaskan",
    "assignment.removed": "Penugasan dihapus",
}


def register() -> None:
    history.register_labels(LABELS)
    history.register_national("accounts.assignment", "verification.assignment")
