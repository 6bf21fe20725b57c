"""The plenary: the final ranking per cluster from the book's combination, the sign-off that
freezes it as a revision, and a new audited revision to change anything afterwards."""

from dataclasses import asdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Avg
from django.utils import timezone

from inovda.awards.book import ASSUMPTION_TEXT, book_for
from inovda.awards.combine import TWO, Row, rank_cluster
from inovda.awards.errors import AwardError
from inovda.awards.models import Award, AwardRevision, Nominee
from inovda.core.audit import log_action


def _avg(rows, key) -> dict[int, Decimal]:
    return {
        r["nominee"]: Decimal(r["avg"]).quantize(TWO)
        for r in rows.values("nominee").annotate(avg=Avg("total"))
        if r["avg"] is not None
    }


def final_ranking(award: Award) -> list[tuple[str, list[Row]]]:
    book = book_for(award.period.year)
    from inovda.awards.models import FieldScore, JuryScore

    nominees = list(award.nominees.filter(state=Nominee.State.CONFIRMED).select_related("region"))
    ids = [n.pk for n in nominees]
    jury = _avg(JuryScore.objects.filter(nominee_id__in=ids), "total")
    # A region nominated in two clusters is visited once: its field score counts in both.
    field_by_region: dict[int, Decimal] = {}
    for n in nominees:
        avg = _avg(
            FieldScore.objects.filter(nominee__region_id=n.region_id, nominee__award=award), "total"
        )
        if avg:
            field_by_region[n.region_id] = next(iter(avg.values()))
    out = []
    for rule in book.clusters:
        rows = [
            Row(
                code=n.region.code,
                name=n.region.name,
                iid=n.iid,
                presentation=jury.get(n.pk) if book.presentation_held else None,
                field=field_by_region.get(n.region_id) if book.field_held else None,
            )
            for n in nominees
            if n.cluster == rule.id
        ]
        out.append((rule.id, rank_cluster(book, rule.id, rows)))
    return out


def _snapshot(award: Award) -> dict:
    book = book_for(award.period.year)
    c = book.combination
    return {
        "book": {
            "year": book.year,
            "hash": book.hash,
            "weights": {
                "index": str(c.index.value),
                "presentation": str(c.presentation.value),
                "field": str(c.field.value),
            },
            "assumption": ASSUMPTION_TEXT if c.assumption else "",
            "tie_break": list(book.tie_break.value),
        },
        "clusters": [
            {
                "cluster": cluster,
                "rows": [
                    {k: (str(v) if isinstance(v, Decimal) else v) for k, v in asdict(r).items()}
                    for r in rows
                ],
            }
            for cluster, rows in final_ranking(award)
        ],
    }


@transaction.atomic
def sign_off(actor, award: Award, reason: str = "") -> AwardRevision:
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.stage == Award.Stage.DRAFT:
        raise AwardError("Nominasi belum ditetapkan: pleno belum dapat menetapkan pemenang.")
    if award.signed:
        raise AwardError("Hasil pleno sudah ditetapkan.")
    if award.revision and not reason.strip():
        raise AwardError("Revisi penetapan wajib disertai alasan.")
    award.revision += 1
    award.stage = Award.Stage.SIGNED
    award.save(update_fields=["revision", "stage"])
    revision = AwardRevision.objects.create(
        award=award,
        number=award.revision,
        signed_at=timezone.now(),
        signed_by=actor,
        reason=reason.strip(),
        snapshot=_snapshot(award),
    )
    winners = [r["code"] for c in revision.snapshot["clusters"] for r in c["rows"] if r["winner"]]
    log_action(actor, "award.signed_off", award, {"revision": revision.number, "winners": winners})
    return revision


@transaction.atomic
def open_revision(actor, award: Award, reason: str) -> Award:
    """Unfreeze for a correction; the public keeps the last signed revision until the next."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    if not award.signed:
        raise AwardError("Belum ada penetapan yang dapat direvisi.")
    if not reason.strip():
        raise AwardError("Alasan revisi wajib diisi.")
    award.stage = Award.Stage.CONFIRMED
    award.save(update_fields=["stage"])
    log_action(
        actor, "award.revision_opened", award, {"after": award.revision, "reason": reason.strip()}
    )
    return award


def signed_revision(year: int) -> AwardRevision | None:
    """The public record: the latest signed revision of the period's award, if any."""
    return (
        AwardRevision.objects.filter(award__period__year=year)
        .select_related("award__period")
        .order_by("-number")
        .first()
    )


def winners(revision: AwardRevision) -> list[dict]:
    return [
        {**r, "cluster": c["cluster"]}
        for c in revision.snapshot["clusters"]
        for r in c["rows"]
        if r["winner"]
    ]
