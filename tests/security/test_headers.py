"""Response headers: private pages and downloads are never cached, every page carries a
Content-Security-Policy without 'unsafe-inline' (so no template may hold an inline script,
style or event handler), and every evidence download (main and QC) goes out with the same
hardened headers."""

import random
import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client

import inovda
from inovda.accounts.models import Role
from inovda.innovations.models import Evidence
from inovda.innovations.services import submit_innovation
from inovda.verification.models import Outcome
from inovda.verification.qc import draw_qc_sample
from inovda.verification.review import decide
from tests.innovations.workspace import open_period, ready_innovation, region_a
from tests.personas import make_user

PRIVATE = "private, no-store"
EVIDENCE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": PRIVATE,
    "X-Content-Type-Options": "nosniff",
}
INLINE = [
    re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
    re.compile(r"<style\b", re.I),
    re.compile(r"\sstyle=", re.I),
    re.compile(r"\son[a-z]+=", re.I),
    re.compile(r"javascript:", re.I),
]


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def submitted(personas):
    period = open_period()
    innovation = ready_innovation(region_a(period), personas.admin_a)
    receipt = submit_innovation(personas.admin_a, innovation)
    return period, innovation, receipt


def assert_csp(response) -> None:
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy


def assert_no_inline_code(html: str) -> None:
    for pattern in INLINE:
        assert not pattern.search(html), pattern.pattern


def test_private_pages_are_never_cached_and_carry_the_csp(personas, submitted):
    period, innovation, receipt = submitted
    admin = client_for(personas.admin_a)
    national = client_for(personas.national_admin)
    pages = [
        (admin, f"/pemda/{period.year}/36.04/"),
        (admin, f"/pemda/{period.year}/36.04/profil/"),
        (admin, f"/pemda/inovasi/{innovation.pk}/"),
        (admin, f"/pemda/tanda-terima/{receipt.submission.pk}/"),
        (admin, f"/riwayat/pemda/{period.year}/36.04/unduh.csv"),
        (national, f"/verifikasi/alasan/{period.year}/36.04/"),
        (national, "/verifikasi/"),
        (national, "/akun/pengguna/"),
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == PRIVATE, url
        assert_csp(response)
        if response["Content-Type"].startswith("text/html"):
            assert_no_inline_code(response.content.decode())


def test_public_pages_keep_their_caching_and_carry_the_csp(client, db):
    response = client.get("/")

    assert response.status_code == 200
    assert "private" not in response.get("Cache-Control", "")
    assert_csp(response)
    assert_no_inline_code(response.content.decode())


def test_an_explicitly_public_response_stays_public_for_a_signed_in_user(personas, rf):
    from django.http import HttpResponse

    from inovda.middleware import PrivateCacheMiddleware

    request = rf.get("/")
    request.user = personas.admin_a
    public = HttpResponse("ok")
    public["Cache-Control"] = "public, max-age=300"

    assert PrivateCacheMiddleware(lambda r: public)(request)["Cache-Control"] == (
        "public, max-age=300"
    )
    other = HttpResponse("ok")
    other["Cache-Control"] = "max-age=300"
    assert PrivateCacheMiddleware(lambda r: other)(request)["Cache-Control"] == PRIVATE


def test_no_template_holds_inline_scripts_styles_or_handlers():
    root = Path(inovda.__file__).parent
    offences = []
    for path in root.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        offences += [f"{path}: {p.pattern}" for p in INLINE if p.search(text)]
    assert offences == []


@pytest.fixture
def evidence_file(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"

    def attach(answer) -> Evidence:
        evidence = Evidence(
            answer=answer,
            original_name="bukti <uji>.pdf",
            content_type="application/pdf",
            size=9,
            sha256=f"{answer.pk:064d}",
        )
        evidence.file.save("uji.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
        evidence.save()
        return evidence

    return attach


def assert_evidence_headers(response) -> None:
    assert response.status_code == 200
    for header, value in EVIDENCE_HEADERS.items():
        assert response[header] == value
    assert response["Content-Disposition"] == ("attachment; filename*=UTF-8''bukti%20%3Cuji%3E.pdf")
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"


def test_the_main_evidence_download_is_hardened(personas, submitted, evidence_file):
    _, innovation, _ = submitted
    evidence = evidence_file(innovation.answers.first())

    response = client_for(personas.admin_a).get(f"/bukti/{evidence.pk}/unduh/")

    assert_evidence_headers(response)


def test_the_qc_evidence_download_is_hardened_the_same_way(personas, evidence_file):
    from tests.verification.helpers import make_world, submit_profile

    world = make_world(personas)
    answers = submit_profile(world.region_a)
    for answer in answers[:2]:
        decide(personas.verifier, answer, Outcome.ACCEPT)
    reviewer = make_user("peninjau.qc", Role.VERIFIER)
    (review,) = draw_qc_sample(
        personas.national_admin, world.period, reviewer, 0.5, rng=random.Random(1)
    )
    evidence = evidence_file(review.answer)

    response = client_for(reviewer).get(f"/verifikasi/qc/tinjau/{review.pk}/berkas/{evidence.pk}/")

    assert_evidence_headers(response)
