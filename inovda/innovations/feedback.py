"""What the verifiers said about an innovation, shown where the pemda acts on it: the notes of
the latest return at the top of the page and each indicator's reason in its block.

Verification sits above innovations, so it fills this in (``register`` in its
``AppConfig.ready()``); without it a page simply shows no feedback.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from inovda.innovations.models import Innovation, Status


@dataclass(frozen=True)
class Feedback:
    notes: str = ""
    returned_at: datetime | None = None
    # indicator id → the verifier's words (outcome, reason, explanation)
    reasons: dict[str, str] = field(default_factory=dict)


Provider = Callable[[Innovation], Feedback]
_provider: list[Provider] = []


def register(provider: Provider) -> None:
    _provider[:] = [provider]


def feedback_for(innovation: Innovation | None) -> Feedback:
    # A draft has never been in front of a verifier: no query for it.
    if innovation is None or innovation.status == Status.DRAFT or not _provider:
        return Feedback()
    return _provider[0](innovation)
