"""Award files are private evidence: the field team's photos and documents leave the server
only through the one private-file response (attachment, sandbox CSP, no-store)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inovda.awards import field
from inovda.awards.models import FieldEvidence, FieldTeam
from tests.awards.conftest import nominee_of
from tests.innovations.test_evidence_support import pdf


def test_it_serves_field_evidence_as_a_private_attachment(
    client, personas, award, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    team = field.create_team(
        personas.national_admin, award, FieldTeam.Area.JAWA, award.chair, [personas.juror]
    )
    nominee = nominee_of(award, "36.73", "kota")
    upload = SimpleUploadedFile("berita acara.pdf", pdf(), "application/pdf")
    row = field.add_field_evidence(personas.juror, team, nominee, upload)
    client.force_login(personas.juror)

    response = client.get(reverse("awards:evidence", args=[row.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf()
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''berita")
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert FieldEvidence.objects.count() == 1
