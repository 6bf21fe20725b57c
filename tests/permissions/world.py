"""One world for the permission matrix: 2026 open with region A assigned to the verifier, an
OPD operator's draft, a submitted innovation with its receipt, an SPD answer with evidence, an
objection, a QC review, an import job; and 2020 published, so every public page has something
to show."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from inovda.accounts.models import Assignment
from inovda.innovations.evidence import upload_evidence
from inovda.innovations.import_jobs import IMPORT
from inovda.innovations.models import Answer, Innovation, Submission, Verification
from inovda.jobs.models import Job
from inovda.regions.services import create_period
from inovda.results.services import publish_period, recompute_period
from inovda.verification.models import Decision, Objection, QCReview
from tests.innovations.test_evidence_support import pdf
from tests.personas import REGION_A
from tests.verification.helpers import make_innovation

YEAR = 2026


@dataclass
class World:
    ids: dict[str, object]


def make_world(personas, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    published = create_period(2020)
    make_innovation(published.regions.get(code=REGION_A), name="Inovasi terbit")
    recompute_period(published)
    publish_period(published)

    period = create_period(YEAR)
    now = timezone.now()
    period.opens_at, period.closes_at = now - timedelta(days=1), now + timedelta(days=30)
    period.save(update_fields=["opens_at", "closes_at"])
    assignment = Assignment.objects.create(
        period=period, verifier=personas.verifier, region_code=REGION_A
    )
    region = period.regions.get(code=REGION_A)
    draft = make_innovation(region, personas.operator_a, status="draft", name="Draf operator")
    submitted = make_innovation(region, personas.admin_a, name="Sudah dikirim")
    receipt = Submission.objects.create(
        region=region,
        innovation=submitted,
        submitted_at=now,
        submitted_by=personas.admin_a,
        content_hash="0" * 64,
        snapshot={},
    )
    spd = Answer.objects.create(region=region, indicator_id="1", claimed_level=2)
    evidence = upload_evidence(personas.admin_a, spd, ContentFile(pdf(), name="a.pdf"))
    answer = submitted.answers.order_by("pk").first()
    answer.verification = Verification.REJECTED
    answer.save(update_fields=["verification"])
    objection = Objection.objects.create(region=region, argument="Bukti ada.")
    objection.answers.add(answer)
    decision = Decision.objects.create(answer=answer, outcome="reject", level=0, claimed_level=3)
    review = QCReview.objects.create(answer=answer, decision=decision, reviewer=personas.verifier)
    innovation_2020 = Innovation.objects.get(name="Inovasi terbit")
    import_job = Job.objects.create(kind=IMPORT, subject=f"import:{region.pk}:abc", state="done")
    return World(
        ids={
            "draft": draft.pk,
            "submitted": submitted.pk,
            "receipt": receipt.pk,
            "spd": spd.pk,
            "evidence": evidence.pk,
            "answer": answer.pk,
            "objection": objection.pk,
            "review": review.pk,
            "assignment": assignment.pk,
            "operator_a": personas.operator_a.pk,
            "published_innovation": innovation_2020.pk,
            "import_job": import_job.pk,
        }
    )
