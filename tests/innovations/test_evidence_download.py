"""Downloading evidence: only through the gated view, with headers that stop a browser from
running the file; MEDIA_ROOT itself is served by no URL."""

import pytest
from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.static import serve

from inovda.innovations.evidence import replace_evidence, upload_evidence
from tests.innovations.test_evidence_support import (
    fast_passwords,  # noqa: F401 (autouse fixture)
    make_world,
    pdf,
    png,
)

NAME = "Laporan Ümum 2026 (final).pdf"


@pytest.fixture
def world(personas, settings, tmp_path):
    return make_world(personas, settings, tmp_path)


@pytest.fixture
def evidence(world, personas):
    return upload_evidence(personas.admin_a, world.answer, ContentFile(pdf(), name=NAME))


def client_for(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def download(user, evidence):
    return client_for(user).get(reverse("evidence:download", args=[evidence.pk]))


def test_it_sends_the_file_with_safe_headers(evidence, personas):
    response = download(personas.admin_a, evidence)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename*=UTF-8''Laporan%20%C3%9Cmum%202026%20%28final%29.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Length"] == str(len(pdf()))


def test_it_sends_the_detected_type_not_the_one_the_browser_claimed(world, personas):
    upload = ContentFile(png(), name="grafik.pdf")
    upload.content_type = "application/pdf"
    evidence = upload_evidence(personas.admin_a, world.answer, upload)

    response = download(personas.admin_a, evidence)

    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == "attachment; filename*=UTF-8''grafik.pdf.png"


@pytest.mark.parametrize("persona", ["national_admin", "verifier", "admin_a", "operator_a"])
def test_it_lets_everyone_who_sees_the_region_download(evidence, personas, persona):
    assert download(getattr(personas, persona), evidence).status_code == 200


def test_it_hides_the_file_from_another_region(evidence, personas):
    assert download(personas.admin_b, evidence).status_code == 404


def test_it_hides_the_file_from_an_unassigned_verifier(evidence, personas, world):
    world.period.assignments.all().delete()

    assert download(personas.verifier, evidence).status_code == 404


def test_it_sends_anonymous_users_to_the_login(evidence, personas):
    response = download(personas.anonymous, evidence)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_it_still_serves_a_replaced_file_from_history(evidence, personas):
    replace_evidence(personas.admin_a, evidence, ContentFile(png(), name="baru.png"))

    response = download(personas.verifier, evidence)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf()


def test_it_answers_404_when_the_file_is_gone_from_storage(evidence, personas, world):
    (world.media / evidence.file.name).unlink()

    assert download(personas.admin_a, evidence).status_code == 404


def test_it_serves_no_file_from_media_root_by_url(evidence, personas):
    """Neither /media/… nor MEDIA_URL + the stored name reaches the file, even logged in."""
    client = client_for(personas.admin_a)
    for path in (
        f"/media/{evidence.file.name}",
        f"/{evidence.file.name}",
        f"/{django_settings.MEDIA_URL.strip('/')}/{evidence.file.name}".replace("//", "/"),
    ):
        assert client.get(path).status_code == 404, path


def _patterns(resolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern)
        elif isinstance(pattern, URLPattern):
            yield pattern


def test_it_has_no_url_that_serves_files_from_disk():
    assert [p for p in _patterns(get_resolver()) if p.callback is serve] == []


def test_it_shows_the_history_with_who_when_and_hash(evidence, personas):
    new = replace_evidence(personas.admin_a, evidence, ContentFile(png(), name="baru.png"))

    response = client_for(personas.verifier).get(
        reverse("evidence:history", args=[evidence.answer_id])
    )

    assert response.status_code == 200
    page = response.content.decode()
    for row in (evidence, new):
        assert row.sha256 in page
        assert reverse("evidence:download", args=[row.pk]) in page
    assert "admin.a" in page
    assert "Diganti oleh admin.a" in page
    assert "Aktif" in page
