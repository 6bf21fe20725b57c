"""Field validation verbs: teams by regional area, member scores, the berita acara signed by
the team lead, and private photos/documents."""

import secrets

from django.core.files.base import ContentFile
from django.db import transaction

from inovda.awards.book import book_for
from inovda.awards.errors import AwardError, require_open
from inovda.awards.jury import require_jurors
from inovda.awards.models import Award, FieldEvidence, FieldScore, FieldTeam, Nominee
from inovda.awards.rounds import scored, stamp_once
from inovda.core.audit import log_action
from inovda.innovations.evidence import ALLOWED, EvidenceRefused, check_file

SUMATERA = {"11", "12", "13", "14", "15", "16", "17", "18", "19", "21"}
JAWA = {"31", "32", "33", "34", "35", "36"}
KALIMANTAN = {"61", "62", "63", "64", "65"}
MINUTES_REFUSALS = (
    "Berita acara hanya ditandatangani oleh ketua tim.",
    "Berita acara sudah ditandatangani.",
)


def area_of(province_code: str) -> str:
    if province_code in SUMATERA:
        return FieldTeam.Area.SUMATERA
    if province_code in JAWA:
        return FieldTeam.Area.JAWA
    if province_code in KALIMANTAN:
        return FieldTeam.Area.KALIMANTAN
    return FieldTeam.Area.TIMUR


def team_nominees(team: FieldTeam):
    """The confirmed nominees of the team's area (a region nominated twice appears once)."""
    rows = team.award.nominees.filter(state=Nominee.State.CONFIRMED).select_related("region")
    seen, out = set(), []
    for n in rows.order_by("region__code", "cluster"):
        if area_of(n.region.province_code) == team.area and n.region_id not in seen:
            seen.add(n.region_id)
            out.append(n)
    return out


@transaction.atomic
def create_team(actor, award: Award, area: str, lead, members) -> FieldTeam:
    award = Award.objects.select_for_update().get(pk=award.pk)
    require_open(award)
    if area not in FieldTeam.Area.values:
        raise AwardError("Wilayah tim validasi lapangan tidak dikenal.")
    # Only jurors: the nominee gate lets a juri account see its team's nominees, nobody else.
    require_jurors([lead, *members])
    if award.field_teams.filter(area=area).exists():
        raise AwardError("Wilayah ini sudah punya tim validasi lapangan.")
    team = FieldTeam.objects.create(award=award, area=area, lead=lead)
    team.members.set({lead, *members})
    log_action(actor, "award.field_team_created", team, {"area": area})
    return team


@transaction.atomic
def field_score(member, team: FieldTeam, nominee: Nominee, raw: dict, note: str) -> FieldScore:
    require_open(team.award)
    if team.signed_at:
        raise AwardError("Berita acara tim ini sudah ditandatangani: nilai terkunci.")
    if not team.members.filter(pk=member.pk).exists():
        raise AwardError("Anda bukan anggota tim validasi lapangan ini.")
    if nominee not in team_nominees(team):
        raise AwardError("Nominasi ini bukan wilayah tim Anda.")
    sheet = scored(book_for(team.award.period.year).field_aspects, raw)
    row, _ = FieldScore.objects.update_or_create(
        nominee=nominee, member=member, defaults={**sheet, "team": team, "note": note.strip()}
    )
    log_action(member, "award.field_scored", nominee, {"total": str(row.total)})
    return row


@transaction.atomic
def sign_minutes(actor, team: FieldTeam) -> FieldTeam:
    return stamp_once(actor, team, "lead_id", "signed_at", "award.minutes_signed", MINUTES_REFUSALS)


@transaction.atomic
def add_field_evidence(actor, team: FieldTeam, nominee: Nominee, uploaded) -> FieldEvidence:
    require_open(team.award)
    if not team.members.filter(pk=actor.pk).exists():
        raise AwardError("Hanya anggota tim yang dapat mengunggah bukti lapangan.")
    try:
        checked = check_file(uploaded)
    except EvidenceRefused as exc:
        raise AwardError(str(exc)) from None
    row = FieldEvidence(
        nominee=nominee,
        original_name=checked.name,
        content_type=checked.content_type,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    name = secrets.token_hex(16) + ALLOWED[checked.content_type].extension
    row.file.save(name, ContentFile(checked.data), save=False)
    row.save()
    log_action(actor, "award.field_evidence_added", nominee, {"sha256": checked.sha256})
    return row
