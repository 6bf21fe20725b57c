"""Every award URL × persona: the expected status (nothing public before sign-off)."""

import uuid

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from inovda.awards import field
from inovda.awards.models import Certificate, FieldTeam
from tests.awards.conftest import nominee_of

LOGIN = "login"
PERSONAS = ("national_admin", "verifier", "admin_a", "operator_a", "admin_b", "juror", "anonymous")

# (url name, args, method, expected per persona). "SERANG" = the Kabupaten Serang nominee,
# "KOTA" = the Kota Serang nominee (not on the juror's panel), "PANEL", "TEAM", "CERT".
MATRIX = [
    ("awards:index", (), "get", (200, 200, 200, 200, 200, 200, 200)),
    ("awards:public", (2026,), "get", (404, 404, 404, 404, 404, 404, 404)),
    ("awards:download", (2026, "csv"), "get", (404, 404, 404, 404, 404, 404, 404)),
    ("awards:verify", ("IGA-2026-P-0001",), "get", (404, 404, 404, 404, 404, 404, 404)),
    ("awards:certificate", ("IGA-2026-P-0001",), "get", (404, 404, 404, 404, 404, 404, LOGIN)),
    ("awards:admin", (2026,), "get", (200, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:start", (2026,), "post", (302, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:confirm", (2026,), "post", (302, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:plenary", (2026,), "get", (200, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:sign_off", (2026,), "post", (302, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:revise", (2026,), "post", (302, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:incentive", (2026,), "get", (403, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:nominee", ("SERANG",), "get", (200, 404, 200, 200, 404, 200, LOGIN)),
    # The juror is on the Jawa field team, which visits Kota Serang: visible, not scorable.
    ("awards:nominee", ("KOTA",), "get", (200, 404, 404, 404, 200, 200, LOGIN)),
    ("awards:score", ("KOTA",), "post", (403, 404, 404, 404, 403, 400, LOGIN)),
    ("awards:exclude", ("SERANG",), "post", (302, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:materials", ("SERANG",), "get", (403, 404, 200, 403, 404, 403, LOGIN)),
    ("awards:strategy", ("SERANG",), "get", (403, 404, 403, 403, 404, 403, LOGIN)),
    ("awards:presenter", ("SERANG",), "post", (302, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:score", ("SERANG",), "get", (403, 404, 403, 403, 404, 200, LOGIN)),
    ("awards:mine", (), "get", (200, 403, 403, 403, 403, 200, LOGIN)),
    ("awards:panel", ("PANEL",), "get", (200, 404, 404, 404, 404, 200, LOGIN)),
    ("awards:close", ("PANEL",), "post", (403, 404, 404, 404, 404, 403, LOGIN)),
    ("awards:team", ("TEAM",), "get", (200, 404, 404, 404, 404, 200, LOGIN)),
    ("awards:field_score", ("TEAM", "SERANG"), "post", (302, 404, 404, 404, 404, 302, LOGIN)),
    ("awards:evidence_upload", ("TEAM", "SERANG"), "post", (302, 404, 404, 404, 404, 302, LOGIN)),
    ("awards:minutes", ("TEAM",), "get", (200, 404, 404, 404, 404, 200, LOGIN)),
    ("awards:sign", ("TEAM",), "post", (403, 404, 404, 404, 404, 403, LOGIN)),
    ("awards:evidence", (0,), "get", (404, 404, 404, 404, 404, 404, LOGIN)),
    # The admin's buttons, posted empty: the national admin is refused with the reason (400).
    ("awards:panel_create", (2026,), "post", (400, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:slot", (2026,), "post", (400, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:team_create", (2026,), "post", (400, 403, 403, 403, 403, 403, LOGIN)),
    # Not signed off yet: certificates are refused with the reason.
    ("awards:certificates", (2026,), "post", (400, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:job", (2026, "JOB"), "get", (404, 403, 403, 403, 403, 403, LOGIN)),
    # Serang is confirmed, not a reserve: nothing to promote.
    ("awards:promote", ("SERANG",), "post", (400, 403, 403, 403, 403, 403, LOGIN)),
    ("awards:revoke", ("CERT",), "post", (400, 403, 403, 403, 403, 403, LOGIN)),
]


def _resolve(args, award, team):
    lookup = {
        "SERANG": lambda: nominee_of(award, "36.04").pk,
        "KOTA": lambda: nominee_of(award, "36.73", "kota").pk,
        "PANEL": lambda: award.panels.get().pk,
        "TEAM": lambda: team.pk,
        "CERT": lambda: _certificate(award).number,
        "JOB": lambda: uuid.UUID(int=1),  # a job that does not exist
    }
    return [lookup[a]() if a in lookup else a for a in args]


def _certificate(award):
    return Certificate.objects.create(
        award=award,
        region=nominee_of(award, "36.04").region,
        kind=Certificate.Kind.SANGAT_INOVATIF,
        number="IGA-2026-SI-0001",
        title="Pemerintah Daerah Sangat Inovatif",
        issued_at=timezone.now(),
    )


def _status(client_user, method, url):
    # A bare savepoint, rolled back: one persona's write does not change what the next meets.
    savepoint = transaction.savepoint()
    try:
        client = Client()
        if client_user.is_authenticated:
            client.force_login(client_user)
        response = getattr(client, method)(url)
    finally:
        transaction.savepoint_rollback(savepoint)
    if response.status_code == 302 and response["Location"].startswith(
        reverse("accounts:login") + "?next="
    ):
        return LOGIN
    return response.status_code


@pytest.mark.parametrize(
    ("name", "args", "method", "expected"),
    [pytest.param(*row, id=f"{row[0]}-{'-'.join(map(str, row[1]))}") for row in MATRIX],
)
def test_it_answers_each_persona_as_the_access_rules_say(
    personas, award, name, args, method, expected
):
    team = field.create_team(
        personas.national_admin, award, FieldTeam.Area.JAWA, award.chair, [personas.juror]
    )
    url = reverse(name, args=_resolve(args, award, team))
    got = tuple(_status(getattr(personas, p), method, url) for p in PERSONAS)
    assert got == expected
