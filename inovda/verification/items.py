"""What the verifier's item page and the region's "why" page show for a set of answers: per
indicator the level texts, claimed against verified, the latest decision and the evidence."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.urls import NoReverseMatch, reverse

from inovda.innovations.downloads import INLINE_TYPES
from inovda.innovations.models import Answer, Evidence, Verification
from inovda.rulebooks.model import Indicator, Rulebook
from inovda.verification.models import Decision


@dataclass
class Row:
    indicator: Indicator
    answer: Answer | None
    level_texts: tuple[str, ...]
    latest: Decision | None = None
    evidence: list = field(default_factory=list)  # [(Evidence, url or None)]

    @property
    def previews(self) -> list:
        """The evidence a browser can show inline (PDF, JPEG, PNG), with its url."""
        return [(e, url) for e, url in self.evidence if url and e.content_type in INLINE_TYPES]

    @property
    def claimed(self) -> int:
        return self.answer.claimed_level if self.answer else 0

    @property
    def verified(self) -> int:
        return self.answer.verified_level if self.answer else 0

    @property
    def pending(self) -> bool:
        return self.answer is not None and self.answer.verification == Verification.PENDING

    @property
    def claimed_points(self) -> Decimal:
        return self.indicator.weight * self.claimed

    @property
    def verified_points(self) -> Decimal:
        return self.indicator.weight * self.verified

    @property
    def lost_points(self) -> Decimal:
        return self.claimed_points - self.verified_points

    @property
    def claimed_text(self) -> str:
        return level_text(self.level_texts, self.claimed)

    @property
    def verified_text(self) -> str:
        return level_text(self.level_texts, self.verified)

    @property
    def lower_levels(self) -> range:
        return range(1, self.claimed)

    @property
    def levels(self) -> list[tuple[int, str]]:
        return list(enumerate(self.level_texts, start=1))


@dataclass
class Sheet:
    rows: list[Row]

    @property
    def claimed_total(self) -> Decimal:
        return sum((r.claimed_points for r in self.rows), Decimal(0))

    @property
    def verified_total(self) -> Decimal:
        return sum((r.verified_points for r in self.rows), Decimal(0))

    @property
    def pending(self) -> int:
        return sum(1 for r in self.rows if r.pending)

    def next_pending(self, after_pk: int) -> Answer | None:
        """The next undecided answer after ``after_pk`` in rulebook order, wrapping round."""
        answers = [r.answer for r in self.rows if r.answer is not None]
        start = next((n for n, a in enumerate(answers) if a.pk == after_pk), -1) + 1
        for answer in answers[start:] + answers[:start]:
            if answer.pk != after_pk and answer.verification == Verification.PENDING:
                return answer
        return None


def level_text(texts: tuple[str, ...], level: int) -> str:
    if level == 0:
        return "Level 0 (tidak ada)"
    return f"Level {level}: {texts[level - 1]}"


def _texts(indicator: Indicator, answer: Answer | None) -> tuple[str, ...]:
    if answer is not None and answer.basis:
        for basis in indicator.bases:
            if basis.id == answer.basis:
                return tuple(f"{basis.name}: {t}" for t in basis.levels)
    return indicator.levels


def with_history(answers):
    """Answers with their decisions (newest first) and their current evidence, prefetched."""
    return answers.prefetch_related(
        Prefetch(
            "decisions",
            queryset=Decision.objects.select_related("verifier").order_by("-decided_at", "-id"),
        ),
        Prefetch("evidence", queryset=Evidence.objects.filter(replaced_at__isnull=True)),
    )


def evidence_url(pk: int) -> str | None:
    """The pemda side's download view, when it exists (it is built elsewhere)."""
    try:
        return reverse("evidence:download", args=[pk])
    except NoReverseMatch:
        return None


def sheet(indicators: tuple[Indicator, ...], answers) -> Sheet:
    by_id = {a.indicator_id: a for a in answers}
    rows = []
    linkable = None
    for indicator in indicators:
        answer = by_id.get(indicator.id)
        row = Row(indicator, answer, _texts(indicator, answer))
        if answer is not None:
            decisions = list(answer.decisions.all())
            row.latest = decisions[0] if decisions else None
            for evidence in answer.evidence.all():
                if linkable is None:
                    linkable = evidence_url(evidence.pk) is not None
                row.evidence.append((evidence, evidence_url(evidence.pk) if linkable else None))
        rows.append(row)
    return Sheet(rows)


def innovation_sheet(rulebook: Rulebook, innovation) -> Sheet:
    return sheet(
        rulebook.sid_indicators, with_history(Answer.objects.filter(innovation=innovation))
    )


def spd_sheet(rulebook: Rulebook, region) -> Sheet:
    answers = Answer.objects.filter(region=region, innovation__isnull=True)
    return sheet(rulebook.spd_indicators, with_history(answers))
