"""The audit history of an object, and a pemda's complete history as CSV."""

import csv
import io

from inovda.accounts.assignments import assign, unassign
from inovda.accounts.models import Assignment
from inovda.core.audit import log_action
from inovda.core.models import AuditEntry
from inovda.innovations.models import Evidence, Submission
from inovda.verification.models import Outcome, Reason
from inovda.verification.review import decide
from tests.personas import REGION_B
from tests.verification.helpers import make_innovation


def _rows(response) -> list[dict]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.DictReader(io.StringIO(text.decode("utf-8"))))


def test_it_shows_an_innovations_history_with_its_answers(client, world):
    answer = world.answers()[0]
    decide(world.personas.verifier, answer, Outcome.REJECT, reason=Reason.EVIDENCE_MISSING)
    client.force_login(world.personas.admin_a)
    response = client.get(f"/riwayat/innovations.innovation/{world.innovation.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Indikator ditolak" in page
    assert "Pemeriksaan dimulai" in page
    assert "pending → rejected" in page
    assert "verifikator" in page


def test_it_answers_htmx_with_the_partial(client, world):
    client.force_login(world.personas.verifier)
    response = client.get(
        f"/riwayat/innovations.innovation/{world.innovation.pk}/", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert response.templates[0].name == "core/_audit.html"


def test_it_hides_other_regions_and_unknown_objects(client, world):
    client.force_login(world.personas.admin_b)
    assert client.get(f"/riwayat/innovations.innovation/{world.innovation.pk}/").status_code == 404
    answer = world.answers()[0]
    assert client.get(f"/riwayat/innovations.answer/{answer.pk}/").status_code == 404
    assert client.get("/riwayat/accounts.user/1/").status_code == 404
    assert client.get("/riwayat/innovations.innovation/abc/").status_code == 404
    assert client.get("/riwayat/innovations.innovation/999999/").status_code == 404


def test_it_keeps_national_objects_for_the_national_admin(client, world):
    p = world.personas
    assignment = assign(p.national_admin, world.period, p.verifier, REGION_B)
    unassign(p.national_admin, assignment)
    url = f"/riwayat/verification.assignment/{assignment.pk}/"
    client.force_login(p.verifier)
    assert client.get(url).status_code == 404
    client.force_login(p.national_admin)
    page = client.get(url).content.decode()
    assert "Verifikator ditugaskan" in page and "Penugasan dihapus" in page
    assert not Assignment.objects.filter(pk=assignment.pk).exists()


def test_it_downloads_the_regions_complete_history(client, world):
    p = world.personas
    answer = world.answers()[0]
    decide(p.verifier, answer, Outcome.ACCEPT)
    evidence = Evidence.objects.create(
        answer=answer,
        file="evidence/2026/a.pdf",
        original_name="sk.pdf",
        content_type="application/pdf",
        size=1,
        sha256="0" * 64,
    )
    log_action(p.operator_a, "evidence.uploaded", evidence, {"after": {"name": "=cmd()"}})
    submission = Submission.objects.create(
        region=world.region_a, innovation=world.innovation, submitted_at=answer.updated_at
    )
    log_action(p.admin_a, "innovation.submitted", world.innovation, {"submission": submission.pk})
    log_action(p.admin_a, "profile.submitted", world.region_a, {})
    other = make_innovation(world.region_b, name="Pemda lain")
    log_action(p.admin_b, "innovation.created", other, {})

    client.force_login(p.admin_a)
    response = client.get("/riwayat/pemda/2026/36.04/unduh.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="riwayat-36.04-2026.csv"' in response["Content-Disposition"]
    rows = _rows(response)
    actions = [r["aksi"] for r in rows]
    assert actions == [
        "innovation.review_started",
        "answer.accepted",
        "evidence.uploaded",
        "innovation.submitted",
        "profile.submitted",
    ]
    assert {r["pelaku"] for r in rows} == {"verifikator", "operator.a", "admin.a"}
    assert all(not r["data"].startswith("=") for r in rows)
    assert '"=cmd()"' in rows[2]["data"]  # inside the JSON, never a leading formula
    assert len(rows) == AuditEntry.objects.count() - 1  # everything but region B's entry


def test_it_gives_the_csv_to_the_national_admin_and_no_one_else(client, world):
    client.force_login(world.personas.national_admin)
    assert client.get("/riwayat/pemda/2026/36.04/unduh.csv").status_code == 200
    for persona in ("verifier", "operator_a", "admin_b"):
        client.force_login(getattr(world.personas, persona))
        assert client.get("/riwayat/pemda/2026/36.04/unduh.csv").status_code == 404
