"""Nominee verbs: start an award from the latest publication, draw, exclude, promote the next
in line, confirm, and the pemda's presentation material before the deadline."""

import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from inovda.awards.book import book_for
from inovda.awards.errors import AwardError, require_open
from inovda.awards.models import Award, Nominee
from inovda.awards.selection import Candidate, select
from inovda.core.audit import log_action
from inovda.innovations.evidence import ALLOWED, EvidenceRefused, check_file
from inovda.innovations.models import Innovation, Jenis
from inovda.regions.clusters import clusters_of, rank_field
from inovda.results.services import latest_publication

DEADLINE_PASSED = "Batas waktu unggah materi presentasi sudah lewat: data tidak dapat diubah."
NO_DEADLINE = "Batas waktu unggah materi presentasi belum ditetapkan oleh admin nasional."


def candidates(publication) -> list[Candidate]:
    rows = publication.results.select_related("region")
    out = []
    for r in rows:
        ranks = {}
        for cluster in clusters_of(r.region):
            rank = getattr(r, rank_field(cluster))
            if rank is not None:
                ranks[cluster.value] = rank
        out.append(Candidate(r.code, r.name, r.iid, r.predicate, ranks, r))
    return out


@transaction.atomic
def start_award(actor, period, materials_deadline=None) -> Award:
    publication = latest_publication(period)
    if publication is None:
        raise AwardError(f"{period} belum dipublikasikan: nominasi diambil dari publikasi.")
    if Award.objects.filter(period=period).exists():
        raise AwardError(f"Penghargaan {period} sudah dibuat.")
    book = book_for(period.year)
    award = Award.objects.create(
        period=period,
        book_year=book.year,
        book_hash=book.hash,
        publication=publication,
        materials_deadline=materials_deadline,
    )
    log_action(actor, "award.started", award, {"book": book.year, "publication": publication.pk})
    _draw(award)
    return award


def _draw(award: Award) -> None:
    book = book_for(award.period.year)
    award.nominees.all().delete()
    Nominee.objects.bulk_create(
        Nominee(
            award=award,
            region=p.candidate.ref.region,
            result=p.candidate.ref,
            cluster=p.cluster,
            rank=p.rank,
            iid=p.candidate.iid,
            why=p.why,
            state=Nominee.State.RESERVE if p.reserve else Nominee.State.PROPOSED,
        )
        for p in select(book, candidates(award.publication))
    )


@transaction.atomic
def redraw_nominees(actor, award: Award) -> None:
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.stage != Award.Stage.DRAFT:
        raise AwardError("Nominasi sudah ditetapkan; daftar tidak dapat ditarik ulang.")
    latest = latest_publication(award.period)
    award.publication = latest
    award.save(update_fields=["publication"])
    _draw(award)
    log_action(actor, "award.nominees_drawn", award, {"publication": latest.pk})


@transaction.atomic
def exclude_nominee(actor, nominee: Nominee, reason: str) -> Nominee:
    require_open(nominee.award)
    if not reason.strip():
        raise AwardError("Alasan pengecualian wajib diisi (mis. daerah sedang dikenai sanksi).")
    if nominee.award.stage != Award.Stage.DRAFT:
        raise AwardError("Nominasi sudah ditetapkan; pengecualian harus sebelum penetapan.")
    before = nominee.state
    nominee.state = Nominee.State.EXCLUDED
    nominee.exclusion_reason = reason.strip()
    nominee.save(update_fields=["state", "exclusion_reason"])
    log_action(
        actor, "award.nominee_excluded", nominee, {"before": before, "reason": reason.strip()}
    )
    return nominee


@transaction.atomic
def promote_reserve(actor, nominee: Nominee) -> Nominee:
    nominee = Nominee.objects.select_for_update().select_related("award").get(pk=nominee.pk)
    if nominee.award.stage != Award.Stage.DRAFT or nominee.state != Nominee.State.RESERVE:
        raise AwardError("Hanya daerah berikutnya (cadangan) pada daftar draf yang dapat naik.")
    nominee.state = Nominee.State.PROPOSED
    nominee.save(update_fields=["state"])
    log_action(actor, "award.nominee_promoted", nominee, {"cluster": nominee.cluster})
    return nominee


@transaction.atomic
def confirm_nominees(actor, award: Award, materials_deadline=None) -> Award:
    award = Award.objects.select_for_update().get(pk=award.pk)
    if award.stage != Award.Stage.DRAFT:
        raise AwardError("Nominasi sudah ditetapkan.")
    award.nominees.filter(state=Nominee.State.PROPOSED).update(state=Nominee.State.CONFIRMED)
    award.stage = Award.Stage.CONFIRMED
    if materials_deadline:
        award.materials_deadline = materials_deadline
    award.save(update_fields=["stage", "materials_deadline"])
    names = list(award.nominees.filter(state=Nominee.State.CONFIRMED).values_list("region__code"))
    log_action(actor, "award.nominees_confirmed", award, {"count": len(names)})
    return award


def flagship_choices(nominee: Nominee, jenis: str):
    """The region's own innovations of the last two years (this period and the one before)."""
    year = nominee.award.period.year
    return Innovation.objects.filter(
        region__current_code=nominee.region.current_code,
        region__period__year__in=(year - 1, year),
        jenis=jenis,
    ).order_by("name")


@transaction.atomic
def submit_materials(
    actor, nominee: Nominee, presenter_name, presenter_office, strategy, digital, non_digital
) -> Nominee:
    award = nominee.award
    require_open(award)
    if award.materials_deadline is None:
        raise AwardError(NO_DEADLINE)
    if timezone.now() > award.materials_deadline:
        raise AwardError(DEADLINE_PASSED)
    if not nominee.competing:
        raise AwardError("Materi hanya untuk nominasi yang sudah ditetapkan.")
    for innovation, jenis in ((digital, Jenis.DIGITAL), (non_digital, Jenis.NON_DIGITAL)):
        if innovation and not flagship_choices(nominee, jenis).filter(pk=innovation.pk).exists():
            raise AwardError("Inovasi unggulan harus inovasi daerah sendiri dua tahun terakhir.")
    fields = ["presenter_name", "presenter_office", "flagship_digital", "flagship_non_digital"]
    if strategy is not None:
        try:
            checked = check_file(strategy)
        except EvidenceRefused as exc:
            raise AwardError(str(exc)) from None
        name = secrets.token_hex(16) + ALLOWED[checked.content_type].extension
        nominee.strategy_file.save(name, ContentFile(checked.data), save=False)
        nominee.strategy_name = checked.name
        nominee.strategy_sha256 = checked.sha256
        fields += ["strategy_file", "strategy_name", "strategy_sha256"]
    nominee.presenter_name = presenter_name.strip()
    nominee.presenter_office = presenter_office
    nominee.flagship_digital = digital
    nominee.flagship_non_digital = non_digital
    nominee.save(update_fields=fields)
    log_action(
        actor,
        "award.materials_submitted",
        nominee,
        {
            "presenter": nominee.presenter_name,
            "office": presenter_office,
            "strategy_sha256": nominee.strategy_sha256,
        },
    )
    return nominee


@transaction.atomic
def record_presenter(actor, nominee: Nominee, name: str, office: str) -> Nominee:
    require_open(nominee.award)
    allowed = book_for(nominee.award.period.year).presenters.value
    nominee.actual_presenter_name = name.strip()
    nominee.actual_presenter_office = office
    nominee.presenter_not_allowed = office not in allowed
    nominee.save(
        update_fields=["actual_presenter_name", "actual_presenter_office", "presenter_not_allowed"]
    )
    log_action(
        actor,
        "award.presenter_recorded",
        nominee,
        {
            "name": nominee.actual_presenter_name,
            "office": office,
            "not_allowed": nominee.presenter_not_allowed,
        },
    )
    return nominee
