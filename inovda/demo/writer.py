"""The demo's bulk writer. Every innovation passes the eligibility checklist before it is kept
(the pure ``eligibility.check`` on the generated values, as a pemda's submission would meet it);
then innovations, verified answers and the evidence of the mandatory indicators are written in
bulk, because per-row services would take minutes for 35,000 innovations."""

from __future__ import annotations

import hashlib
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

from inovda.innovations import eligibility
from inovda.innovations.models import Answer, Evidence, Innovation, Verification
from inovda.innovations.subtotals import refresh_subtotals
from inovda.regions.models import Period, Region
from inovda.rulebooks.model import Rulebook

# One shared placeholder file stands for the data dukung of every demo answer that needs it.
EVIDENCE_NAME = "evidence/demo/data-dukung-sintetis.txt"
EVIDENCE_TEXT = b"Data dukung sintetis untuk demo Inovda. Bukan dokumen resmi.\n"
EVIDENCE_SHA256 = hashlib.sha256(EVIDENCE_TEXT).hexdigest()


class Refused(Exception):
    """The generator made an innovation the checklist refuses: a bug in the demo."""


class Writer:
    """Collects rows and writes them in bulk, innovations first (answers need their ids)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.mandatory = {i.id for i in rulebook.indicators if i.mandatory}
        self.bases = {i.id: [b.id for b in i.bases] for i in rulebook.indicators if i.bases}
        self.innovations: list[Innovation] = []
        self.answers: list[dict[str, tuple[int, int, str]]] = []
        self.spd: list[tuple] = []
        self.names: dict[int, list[str]] = {}

    def floor(self, levels: dict[str, int]) -> dict[str, int]:
        """A mandatory indicator is never 0: the checklist refuses an innovation without it."""
        return {k: max(v, 1) if k in self.mandatory else v for k, v in levels.items()}

    def _answers(self, levels: dict[str, int], rng: random.Random) -> dict:
        claims = _claims(rng, levels)
        return {
            k: (claims[k], v, rng.choice(self.bases[k]) if k in self.bases and claims[k] else "")
            for k, v in levels.items()
        }

    def innovation(
        self, innovation: Innovation, levels: dict[str, int], rng: random.Random
    ) -> None:
        answers = self._answers(levels, rng)
        others = self.names.setdefault(innovation.region.pk, [])
        items = eligibility.check(
            self.rulebook,
            name=innovation.name,
            tanggal_penerapan=innovation.tanggal_penerapan,
            developed_on=innovation.developed_on,
            rancang_bangun=innovation.rancang_bangun,
            levels={k: a[0] for k, a in answers.items()},
            bases={k: a[2] for k, a in answers.items()},
            with_evidence=[k for k in answers if k in self.mandatory],
            other_names=others,
        )
        refused = [item.message for item in items if not item.ok]
        if refused:
            raise Refused(f"{innovation.region.code} {innovation.name}: {'; '.join(refused)}")
        others.append(innovation.name)
        self.innovations.append(innovation)
        self.answers.append(answers)

    def spd_answers(self, region: Region, levels: dict[str, int], rng: random.Random) -> None:
        for k, (claimed, verified, basis) in self._answers(self.floor(levels), rng).items():
            self.spd.append((region.pk, None, k, claimed, verified, basis))

    def flush(self, period: Period) -> None:
        Innovation.objects.bulk_create(self.innovations, batch_size=2000)
        rows = list(self.spd)
        for innovation, answers in zip(self.innovations, self.answers, strict=True):
            rows += [(innovation.region_id, innovation.pk, k, *a) for k, a in answers.items()]
        insert_answers(rows)
        # Written past the services: the stored subtotals follow in bulk (innovations.subtotals).
        refresh_subtotals(Innovation.objects.filter(region__period=period))
        if self.mandatory:
            attach_evidence(period, sorted(self.mandatory))


def _verification(claimed: int, verified: int) -> str:
    if verified >= claimed:
        return Verification.ACCEPTED
    return Verification.LOWERED if verified else Verification.REJECTED


def insert_answers(rows: list[tuple]) -> None:
    """Bulk insert of verified answers given as (region, innovation, indicator, claimed,
    verified, basis). Model instances cost ~40 µs each; the demo and the bench write
    10⁵–10⁶ rows."""
    now = timezone.now()
    rows = [(*r[:5], _verification(r[3], r[4]), r[5], "", "", 1, now) for r in rows]
    table = Answer._meta.db_table
    columns = (
        "region_id, innovation_id, indicator_id, claimed_level, verified_level, verification, "
        "basis, value, note, version, updated_at"
    )
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * 11)})"  # noqa: S608
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # COPY: an order of magnitude faster
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        for start in range(0, len(rows), 20_000):
            cursor.executemany(sql, rows[start : start + 20_000])


def attach_evidence(period: Period, indicators: list[str]) -> None:
    """Evidence for every claimed answer of a mandatory indicator in the period, in one
    statement, all pointing at the shared placeholder file."""
    if not default_storage.exists(EVIDENCE_NAME):
        default_storage.save(EVIDENCE_NAME, ContentFile(EVIDENCE_TEXT))
    evidence, answer, region = (
        Evidence._meta.db_table,
        Answer._meta.db_table,
        Region._meta.db_table,
    )
    marks = ", ".join(["%s"] * len(indicators))
    sql = (
        f"INSERT INTO {evidence} (answer_id, file, original_name, content_type, size, sha256, "  # noqa: S608
        f"uploaded_at) SELECT a.id, %s, %s, %s, %s, %s, %s FROM {answer} a "
        f"JOIN {region} r ON r.id = a.region_id "
        f"WHERE r.period_id = %s AND a.claimed_level > 0 AND a.indicator_id IN ({marks})"
    )
    params = [
        EVIDENCE_NAME,
        "data-dukung-sintetis.txt",
        "text/plain",
        len(EVIDENCE_TEXT),
        EVIDENCE_SHA256,
        timezone.now(),
        period.pk,
        *indicators,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _claims(rng: random.Random, levels: dict[str, int]) -> dict[str, int]:
    """What the region claimed: mostly what was verified, sometimes more (evidence rejected)."""
    return {k: min(3, v + 1) if rng.random() < 0.15 else v for k, v in levels.items()}
