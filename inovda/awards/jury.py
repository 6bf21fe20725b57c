"""Jury verbs: panels per cluster, slots, blind scoring with conflicts of interest, closing
the round; and the spread with outliers that the panel sees only after the close."""

from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from django.db import transaction

from inovda.accounts.models import Role, User
from inovda.awards.book import book_for
from inovda.awards.errors import AwardError, require_open
from inovda.awards.models import Award, Juror, JuryScore, Nominee, Panel
from inovda.awards.rounds import scored, stamp_once
from inovda.core.audit import log_action

OUTLIER_POINTS = Decimal(25)
CONFLICT = (
    "Konflik kepentingan: instansi Anda adalah daerah ini atau provinsi asal Anda memuatnya; "
    "Anda tidak dapat menilai nominasi ini."
)
ROUND_REFUSALS = ("Hanya ketua panel yang dapat menutup putaran.", "Putaran sudah ditutup.")


def jurors():
    """Who may sit on a panel or a field team: active juri accounts with an institution (the
    conflict-of-interest check reads it)."""
    return (
        User.objects.filter(role=Role.JUROR, is_active=True, juror__isnull=False)
        .select_related("juror")
        .order_by("username")
    )


def require_jurors(people) -> None:
    ids = {p.pk for p in people}
    if len(ids) != jurors().filter(pk__in=ids).count():
        raise AwardError("Ketua dan anggota harus akun juri aktif yang instansinya tercatat.")


def juror_profile(user) -> Juror | None:
    return Juror.objects.filter(user=user).first()


def has_conflict(user, nominee: Nominee) -> bool:
    profile = juror_profile(user)
    return profile is not None and profile.conflicts_with(nominee.region)


def panel_of(nominee: Nominee) -> Panel | None:
    return nominee.award.panels.filter(cluster=nominee.cluster).first()


@transaction.atomic
def create_panel(actor, award: Award, cluster: str, name: str, chair, members) -> Panel:
    # Locking the award serialises two admins creating the same cluster's panel at once.
    award = Award.objects.select_for_update().get(pk=award.pk)
    require_open(award)
    if not name.strip():
        raise AwardError("Nama panel wajib diisi.")
    if cluster not in {rule.id for rule in book_for(award.period.year).clusters}:
        raise AwardError(f"Klaster {cluster} tidak ada dalam buku penghargaan {award.book_year}.")
    require_jurors([chair, *members])
    if award.panels.filter(cluster=cluster).exists():
        raise AwardError(f"Klaster {cluster} sudah punya panel.")
    panel = Panel.objects.create(award=award, cluster=cluster, name=name.strip(), chair=chair)
    panel.members.set({chair, *members})
    log_action(
        actor, "award.panel_created", panel, {"cluster": cluster, "members": len(members) + 1}
    )
    return panel


@transaction.atomic
def schedule(actor, nominee: Nominee, at) -> Nominee:
    nominee = Nominee.objects.select_for_update().select_related("award__period").get(pk=nominee.pk)
    require_open(nominee.award)
    if not nominee.competing:
        raise AwardError("Jadwal presentasi hanya untuk nominasi yang sudah ditetapkan.")
    nominee.presentation_at = at
    nominee.save(update_fields=["presentation_at"])
    log_action(actor, "award.slot_scheduled", nominee, {"at": at.isoformat()})
    return nominee


@transaction.atomic
def close_round(actor, panel: Panel) -> Panel:
    return stamp_once(actor, panel, "chair_id", "closed_at", "award.round_closed", ROUND_REFUSALS)


@transaction.atomic
def score_nominee(juror, nominee: Nominee, raw: dict, comment: str) -> JuryScore:
    require_open(nominee.award)
    panel = Panel.objects.select_for_update().filter(pk=getattr(panel_of(nominee), "pk", None))
    panel = panel.first()
    if panel is None or not panel.members.filter(pk=juror.pk).exists():
        raise AwardError("Anda bukan anggota panel klaster nominasi ini.")
    if panel.closed_at:
        raise AwardError("Putaran penilaian panel ini sudah ditutup oleh ketua.")
    if not nominee.competing:
        raise AwardError("Nominasi ini tidak sedang dinilai.")
    if has_conflict(juror, nominee):
        raise AwardError(CONFLICT)
    sheet = scored(book_for(nominee.award.period.year).presentation_aspects, raw)
    if not comment.strip():
        raise AwardError("Komentar wajib diisi.")
    score, _ = JuryScore.objects.update_or_create(
        nominee=nominee, juror=juror, defaults={**sheet, "panel": panel, "comment": comment.strip()}
    )
    log_action(juror, "award.jury_scored", nominee, {"total": str(score.total)})
    return score


@dataclass(frozen=True)
class Spread:
    nominee: Nominee
    scores: list  # JuryScore rows, each with .outlier
    median: Decimal | None
    low: Decimal | None
    high: Decimal | None


def spread(panel: Panel) -> list[Spread]:
    """Per nominee: every juror's total, the median, and outliers (> 25 points from it)."""
    out = []
    nominees = panel.award.nominees.filter(
        cluster=panel.cluster, state=Nominee.State.CONFIRMED
    ).select_related("region")
    by_nominee: dict[int, list] = {}
    for s in panel.scores.select_related("juror").order_by("juror__username"):
        by_nominee.setdefault(s.nominee_id, []).append(s)
    for nominee in nominees:
        rows = by_nominee.get(nominee.pk, [])
        mid = Decimal(median([s.total for s in rows])) if rows else None
        for s in rows:
            s.outlier = mid is not None and abs(s.total - mid) > OUTLIER_POINTS
        totals = [s.total for s in rows]
        out.append(Spread(nominee, rows, mid, min(totals, default=None), max(totals, default=None)))
    return out
