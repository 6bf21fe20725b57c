"""What a jury panel and a field team share: each member's aspect scores for a nominee, and
the lead's one-time stamp that closes the group's scoring."""

from django.utils import timezone

from inovda.awards.combine import weighted
from inovda.awards.errors import AwardError
from inovda.core.audit import log_action


def clean_scores(aspects, raw: dict) -> dict[str, int]:
    """Every aspect, a whole number 0–100; raises ``AwardError`` naming the aspect."""
    scores = {}
    for aspect in aspects:
        value = raw.get(aspect.id)
        try:
            number = int(str(value).strip())
        except (TypeError, ValueError):
            raise AwardError(f"Nilai {aspect.name} wajib berupa bilangan bulat 0–100.") from None
        if not 0 <= number <= 100:
            raise AwardError(f"Nilai {aspect.name} harus antara 0 dan 100 (tertulis {number}).")
        scores[aspect.id] = number
    return scores


def scored(aspects, raw: dict) -> dict:
    """The checked aspect scores and their book-weighted total, as a score row's columns."""
    scores = clean_scores(aspects, raw)
    return {"aspects": scores, "total": weighted(aspects, scores)}


def stamp_once(actor, group, lead_field: str, stamp_field: str, action: str, refusals):
    """The group's lead sets its closing stamp, once; ``refusals`` are the messages for "not the
    lead" and "already stamped". Call inside the verb's transaction."""
    not_lead, already = refusals
    group = type(group).objects.select_for_update().get(pk=group.pk)
    if actor.pk != getattr(group, lead_field):
        raise AwardError(not_lead)
    if getattr(group, stamp_field):
        raise AwardError(already)
    setattr(group, stamp_field, timezone.now())
    group.save(update_fields=[stamp_field])
    log_action(actor, action, group, {"scores": group.scores.count()})
    return group
