"""What the audit history needs from this app: the label of a publication, whose history is
the national admin's alone. Registered in ``ResultsConfig.ready()``."""

from inovda.core import history

LABELS = {"period.published": "Periode dipublikasikan"}


def register() -> None:
    history.register_labels(LABELS)
    history.register_national("results.publication")
