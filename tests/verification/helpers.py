"""Data for the verification tests, made directly with the ORM (the pemda side is built
elsewhere): a period whose reporting window is open, region A assigned to the verifier, and
submitted innovations with claimed levels."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from inovda.accounts.models import Assignment
from inovda.core.models import AuditEntry
from inovda.innovations.models import Answer, Innovation, Status, Submission
from inovda.innovations.subtotals import refresh_innovation
from inovda.regions.models import Period, Region
from inovda.regions.services import create_period
from inovda.rulebooks.loader import load_rulebook
from inovda.verification.models import ObjectionWindow
from tests.personas import REGION_A, REGION_B, Personas

YEAR = 2026


@dataclass
class World:
    personas: Personas
    period: Period
    region_a: Region
    region_b: Region
    innovation: Innovation  # submitted, region A, created by operator_a

    def answers(self, innovation: Innovation | None = None) -> list[Answer]:
        return list((innovation or self.innovation).answers.order_by("pk"))


def sid_ids(year: int = YEAR) -> list[str]:
    return [i.id for i in load_rulebook(year).sid_indicators]


def spd_ids(year: int = YEAR) -> list[str]:
    return [i.id for i in load_rulebook(year).spd_indicators]


def make_innovation(
    region: Region,
    created_by=None,
    status: str = Status.SUBMITTED,
    claimed: int = 3,
    name: str = "Inovasi uji",
    indicators: list[str] | None = None,
) -> Innovation:
    innovation = Innovation.objects.create(
        region=region,
        name=name,
        urusan_utama="1.02",
        status=status,
        created_by=created_by,
    )
    Answer.objects.bulk_create(
        Answer(region=region, innovation=innovation, indicator_id=i, claimed_level=claimed)
        for i in (indicators if indicators is not None else sid_ids(region.period.year))
    )
    refresh_innovation(innovation.pk)  # as create_innovation does
    return innovation


def submit_profile(region: Region, claimed: int = 2) -> list[Answer]:
    answers = Answer.objects.bulk_create(
        Answer(region=region, indicator_id=i, claimed_level=claimed)
        for i in spd_ids(region.period.year)
    )
    Submission.objects.create(
        region=region, submitted_at=timezone.now(), content_hash="0" * 64, snapshot={}
    )
    return answers


def open_objection_window(period: Period) -> ObjectionWindow:
    now = timezone.now()
    return ObjectionWindow.objects.create(
        period=period, opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=1)
    )


def make_world(personas: Personas) -> World:
    period = create_period(YEAR)
    now = timezone.now()
    period.opens_at, period.closes_at = now - timedelta(days=30), now + timedelta(days=30)
    period.save(update_fields=["opens_at", "closes_at"])
    Assignment.objects.create(period=period, verifier=personas.verifier, region_code=REGION_A)
    region_a = period.regions.get(code=REGION_A)
    return World(
        personas=personas,
        period=period,
        region_a=region_a,
        region_b=period.regions.get(code=REGION_B),
        innovation=make_innovation(region_a, personas.operator_a),
    )


def audit_count() -> int:
    return AuditEntry.objects.count()
